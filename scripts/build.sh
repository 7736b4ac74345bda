#!/usr/bin/env bash
# The release build: `trunk build --release "$@"` with the standard library compiled for size
# alongside the app (docs/performance.md, "Where the bytes go": 312 -> 281 KB gzip of wasm). Falls back to a
# plain `trunk build --release` when the toolchain refuses those flags (say a newer one renamed
# them), with a warning; under CI (CI=true, as GitHub Actions sets it) that fallback is an error
# instead, so what CI tests is what it ships. BPL_PLAIN_BUILD=1 asks for the plain build.
#
# `--scorm [--from SLUG] [--to SLUG] [--seed N] [--lang en] [--out FILE]`: a SCORM 1.2 package
# instead (docs/classroom.md): the build with every file named relative to its page
# (`--public-url ./`) in target/scorm/site/, with a launch file that opens the steps FROM to TO
# (default: every step that asks questions) in practice mode and reports to the LMS, zipped with
# its imsmanifest.xml into FILE (default target/scorm/backprop-lab-scorm.zip; scripts/scorm.py).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scorm=0 trunk_args=() scorm_args=() out=target/scorm/backprop-lab-scorm.zip
while [ $# -gt 0 ]; do
  case "$1" in
    --scorm) scorm=1 ;;
    --from | --to | --seed | --lang | --title) scorm_args+=("$1" "${2:?$1 needs a value}"); shift ;;
    --out) out=${2:?--out needs a file}; shift ;;
    *) trunk_args+=("$1") ;;
  esac
  shift
done
if [ "$scorm" = 1 ]; then
  rm -rf target/scorm/site
  trunk_args+=(--public-url ./ --dist target/scorm/site)
elif [ ${#scorm_args[@]} -gt 0 ]; then
  echo "build: --from, --to, --seed, --lang and --title go with --scorm" >&2
  exit 2
fi
# After a successful build: the SCORM package, when asked for.
package() {
  [ "$scorm" = 1 ] || return 0
  python3 scripts/scorm.py target/scorm/site "$out" "${scorm_args[@]}"
}

SETUP_BROWSER=0 source scripts/setup.sh >&2

if [ "${BPL_PLAIN_BUILD:-0}" != 1 ]; then
  # The -Z options are unstable: RUSTC_BOOTSTRAP=1 lets this stable toolchain accept them.
  # build-std: std, core and alloc are compiled with the app at opt-level "z" (with std's own
  #   optimize_for_size choices) instead of linked from the prebuilt, speed-optimised copies;
  # panic=immediate-abort: a panic traps at once, so no panic message formatting is compiled in
  #   (the release profile already aborts on panic; nothing here catches one);
  # location-detail=none: no source file paths and line numbers kept for panics;
  # fmt-debug=none: `{:?}` prints nothing, so no Debug code is compiled in (the app formats
  #   nothing with Debug: CSS classes and messages spell their words out);
  # erase_components: as in .cargo/config.toml, which this RUSTFLAGS replaces.
  # Trunk runs cargo offline (Trunk.toml), so first fetch the crates the standard library's own
  # build needs (dlmalloc, hashbrown, ...: rust-src's Cargo.lock, not ours); fast when present.
  if (
    export RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort
    cargo fetch --locked --target wasm32-unknown-unknown >&2 &&
      CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
        RUSTFLAGS="--cfg erase_components -Zfmt-debug=none -Zlocation-detail=none -Zunstable-options -Cpanic=immediate-abort" \
        trunk build --release ${trunk_args[@]+"${trunk_args[@]}"}
  ); then
    package
    exit 0
  fi
  if [ "${CI:-}" = true ]; then
    echo "build: ERROR: the size-optimised build failed (CI=true: no fallback to the plain build)" >&2
    exit 1
  fi
  echo "build: WARNING: the size-optimised build failed; building without it (larger wasm)" >&2
fi
trunk build --release ${trunk_args[@]+"${trunk_args[@]}"}
package
