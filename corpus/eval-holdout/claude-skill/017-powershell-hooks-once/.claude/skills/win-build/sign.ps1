param([string]$Path)
signtool sign /fd SHA256 /a $Path
