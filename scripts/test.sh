#!/usr/bin/env bash
# Install what is missing, then run every test: native, browser (wasm), release build, end-to-end.
# Any failure fails the run (formatting included). The browser and end-to-end test targets are
# every tests/web*.rs and tests/e2e*.rs, found here, not listed by hand (e2e_bench.rs, the
# measurements of scripts/bench.sh, is the one named exception).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# The screenshot test writes references instead of comparing when this is set: never here
# (regenerate with scripts/screenshots.sh).
unset UPDATE_SCREENSHOTS
source scripts/setup.sh

web_tests=()
e2e_tests=()
for file in tests/*.rs; do
  name=$(basename "$file" .rs)
  case "$name" in
    e2e_bench) ;;
    web | web_*) web_tests+=(--test "$name") ;;
    e2e | e2e_*) e2e_tests+=(--test "$name") ;;
    *)
      # Everything else is a native test, run by the plain `cargo test` below; it must not be
      # a browser test in disguise.
      if grep -q 'cfg(target_arch = "wasm32")' "$file" && ! grep -q 'cfg(not(target_arch = "wasm32"))' "$file"; then
        echo "test.sh: $file is a wasm test but is not named web_*.rs: it would never run" >&2
        exit 1
      fi
      ;;
  esac
done

echo "== cargo fmt --check, cargo clippy"
cargo fmt --check || { echo "test.sh: code is not formatted (run cargo fmt)" >&2; exit 1; }
cargo clippy -q --all-targets -- -D warnings
# The app, its worker and the browser tests are wasm32: lint them for that target too (the
# native tests, with native-only dev-dependencies such as proptest, are linted above).
cargo clippy -q --target wasm32-unknown-unknown --lib --bins "${web_tests[@]}" -- -D warnings

echo "== native tests (lib, unit, integration, doc; browser e2e_* skipped)"
cargo test -- --skip e2e_

echo "== browser tests (wasm32 in headless Chromium): ${web_tests[*]}"
cargo test --target wasm32-unknown-unknown "${web_tests[@]}"

echo "== release build (dist/), and the same for a sub-path (target/dist-course-ml/, tests/e2e_hosting.rs)"
bash scripts/build.sh
bash scripts/build.sh --public-url /course/ml/ --dist target/dist-course-ml
echo "== SCORM package of the forward pass and the errors (target/scorm/, tests/e2e_scorm.rs)"
bash scripts/build.sh --scorm --from forward-hidden-sum --to error

echo "== end-to-end tests against dist/: ${e2e_tests[*]}"
cargo test "${e2e_tests[@]}" --no-fail-fast -- --test-threads=1 --nocapture
