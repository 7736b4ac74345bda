#!/usr/bin/env bash
# Regenerate the reference screenshots tests/screenshots/*.png from the current app: build the
# release app (dist/) if a source is newer than it, then run tests/e2e_screens.rs with
# UPDATE_SCREENSHOTS=1, which writes the references instead of comparing. Look at them before
# committing (git diff --stat tests/screenshots shows which changed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

if [ ! -f dist/index.html ] ||
  [ -n "$(find src style assets index.html Cargo.toml Cargo.lock Trunk.toml -newer dist/index.html -print -quit)" ]; then
  echo "== release build (dist/)"
  bash scripts/build.sh
else
  echo "== dist/ is newer than every source: not rebuilt"
fi

echo "== writing tests/screenshots/"
UPDATE_SCREENSHOTS=1 cargo test --test e2e_screens -- --exact e2e_screens_match_references --nocapture
git status --short tests/screenshots
