#!/usr/bin/env bash
# Install what is missing, build the release app into dist/ and serve it on http://127.0.0.1:${PORT:-8080}/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PORT="${PORT:-8080}"

bash scripts/build.sh   # installs what the build needs (scripts/setup.sh, without the test browser)
echo "Backprop Lab: http://127.0.0.1:$PORT/  (Ctrl-C stops)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
