#!/usr/bin/env bash
# Install whatever is missing to build, serve and test Backprop Lab; fast when all is present.
# Run it (`bash scripts/setup.sh`) or source it (build.sh, test.sh and the others do) to also get PATH set.
# Installs: rust target wasm32-unknown-unknown and rust-src, trunk, wasm-bindgen-cli (the version in Cargo.lock),
# wasm-opt (npm binaryen), axe-core and scorm-again (npm), all pinned in package-lock.json, Debian chromium +
# chromium-driver (not with SETUP_BROWSER=0).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132

say() { printf 'setup: %-36s %s\n' "$1" "$2"; }

for tool in cargo rustup node npm python3; do
  command -v "$tool" >/dev/null || { echo "setup: $tool is missing; this machine should come with it" >&2; exit 1; }
done

# Rust target for the browser.
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rust target wasm32-unknown-unknown" present
else
  rustup target add wasm32-unknown-unknown >/dev/null
  say "rust target wasm32-unknown-unknown" installed
fi
# The standard library's source, which scripts/build.sh compiles for size with the app.
if rustup component list --installed | grep -q '^rust-src'; then
  say "rust component rust-src" present
else
  rustup component add rust-src >/dev/null
  say "rust component rust-src" installed
fi

# trunk (0.22 needs a newer rustc; no default features = no self-download of tools).
if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
  say "trunk $TRUNK_VERSION" present
else
  cargo install --locked trunk --version "$TRUNK_VERSION" --no-default-features
  say "trunk $TRUNK_VERSION" installed
fi

# wasm-bindgen-cli must be exactly the wasm-bindgen in Cargo.lock (Trunk.toml names it too).
[ -f Cargo.lock ] || cargo generate-lockfile
WB_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
grep -q "wasm_bindgen = \"$WB_VERSION\"" Trunk.toml ||
  echo "setup: WARNING Trunk.toml [tools] wasm_bindgen differs from Cargo.lock's $WB_VERSION" >&2
if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WB_VERSION" ] &&
  command -v wasm-bindgen-test-runner >/dev/null; then
  say "wasm-bindgen-cli $WB_VERSION" present
else
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --no-default-features
  say "wasm-bindgen-cli $WB_VERSION" installed
fi

# Crates for every target: Trunk.toml's offline = true makes trunk run `cargo build --offline`.
cargo fetch -q
say "crates (cargo fetch)" ok

# npm devDependencies, exactly as package-lock.json pins them: wasm-opt (Debian's binaryen 108
# produces a blank page: never use it), axe-core for tests/e2e_a11y.rs and scorm-again (the
# SCORM run-time playing the LMS in tests/e2e_scorm.rs). `npm ci` runs again whenever one is
# missing or not the pinned version.
AXE_VERSION=$(node -p 'require("./package.json").devDependencies["axe-core"]')
SCORM_AGAIN_VERSION=$(node -p 'require("./package.json").devDependencies["scorm-again"]')
if node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version_$BINARYEN_VERSION" &&
  [ "$(node -p 'require("./node_modules/axe-core/package.json").version' 2>/dev/null)" = "$AXE_VERSION" ] &&
  [ -f node_modules/axe-core/axe.min.js ] &&
  [ "$(node -p 'require("./node_modules/scorm-again/package.json").version' 2>/dev/null)" = "$SCORM_AGAIN_VERSION" ] &&
  [ -f node_modules/scorm-again/dist/scorm12.min.js ]; then
  say "npm: binaryen, axe-core, scorm-again" present
else
  npm ci --no-audit --no-fund --loglevel=error
  say "npm: binaryen, axe-core, scorm-again" installed
fi

# Headless browser and its WebDriver for the browser and end-to-end tests; a Korean font for
# screenshots. SETUP_BROWSER=0 skips them (a build needs none: scripts/build.sh, the Pages workflow).
if [ "${SETUP_BROWSER:-1}" = 0 ]; then
  say "chromium + chromedriver + font" "not needed here"
elif [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && [ -d /usr/share/fonts/truetype/nanum ]; then
  say "chromium + chromedriver + font" present
else
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver fonts-nanum >/dev/null
  say "chromium + chromedriver + font" installed
fi
