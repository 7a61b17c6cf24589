if (-not (Get-ChildItem Cert:\CurrentUser\My -CodeSigningCert)) { exit 2 }
