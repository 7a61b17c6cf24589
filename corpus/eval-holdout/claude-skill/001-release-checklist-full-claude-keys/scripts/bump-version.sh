#!/usr/bin/env bash
set -euo pipefail
v="$1"
sed -i.bak "s/versionName \".*\"/versionName \"$v\"/" android/app/build.gradle
