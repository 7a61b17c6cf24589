#!/usr/bin/env bash
# Blocks psql/sqitch commands that point at anything but localhost.
input=$(cat)
if echo "$input" | grep -Eq 'db:pg://[^l]|-h [^l]'; then
  echo "refusing: non-local database target" >&2
  exit 2
fi
