#!/usr/bin/env bash
# Install what is missing, then run every test: native, browser (wasm), release build, end-to-end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

echo "== cargo fmt --check, cargo clippy"
cargo fmt --check >/dev/null 2>&1 || echo "WARNING: code is not formatted (run cargo fmt); not fatal"
cargo clippy -q --all-targets -- -D warnings

echo "== native tests (lib, unit, integration, doc; browser e2e_* skipped)"
cargo test -- --skip e2e_

echo "== browser tests (wasm32 in headless Chromium)"
cargo test --target wasm32-unknown-unknown --test web --test web_lesson --test web_train --test web_edit --test web_classroom --test web_formula --test web_descent

echo "== release build (dist/), and the same for a sub-path (target/dist-course-ml/, tests/e2e_hosting.rs)"
bash scripts/build.sh
bash scripts/build.sh --public-url /course/ml/ --dist target/dist-course-ml

echo "== end-to-end tests against dist/"
cargo test --test e2e --test e2e_lessons --test e2e_edit --test e2e_hosting --test e2e_offline --test e2e_a11y --test e2e_screens --no-fail-fast -- --test-threads=1 --nocapture
