#!/usr/bin/env bash
# Print the strict Content-Security-Policy for a built site (default dist/): Trunk's index.html has
# one inline module script (its loader), allowed by its SHA-256 hash, which changes with every
# build. tests/e2e_hosting.rs loads the app under this same policy.
set -euo pipefail
dir="${1:-$(dirname "${BASH_SOURCE[0]}")/../dist}"
python3 - "$dir/index.html" <<'PY'
import base64, hashlib, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
inline = [m.group(2) for m in re.finditer(r"<script(?![^>]*\ssrc=)([^>]*)>(.*?)</script>", html, re.S)]
hashes = "".join(" 'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in inline)
print("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'%s; style-src 'self'; img-src 'self' data:; "
      "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'" % hashes)
PY
