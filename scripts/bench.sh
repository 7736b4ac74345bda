#!/usr/bin/env bash
# Measure the release build and print `name=<value>` lines on stdout (everything else goes to
# stderr): first-load bytes (gzip -9 and brotli, total and per kind of file), time to interactive
# (median of 10 loads in headless Chromium on loopback), the update time of one change (median and
# p95 of 100), the core's train_speed figures and the browser training figures.
# Budgets are reported in the README, not asserted here. Exits non-zero only when something could
# not be measured (a failed build or test, or a figure missing from its output).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh >&2
set +e
status=0
miss() { echo "bench: could not measure $1" >&2; status=1; }

echo "== release build (dist/, scripts/build.sh)" >&2
bash scripts/build.sh >&2 || { echo "bench: the release build failed" >&2; exit 1; }

# Brotli: python3's brotli module (pip), else Debian's brotli CLI (apt), else unavailable.
if ! python3 -c 'import brotli' 2>/dev/null; then
  python3 -m pip install -q brotli >&2 2>/dev/null ||
    command -v brotli >/dev/null ||
    { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq brotli >/dev/null 2>&1 || true; }
fi

echo "== first-load bytes" >&2
python3 - <<'PY' || miss "first-load bytes"
import os, re, shutil, subprocess, sys

dist = "dist"
html = open(os.path.join(dist, "index.html"), encoding="utf-8").read()
# What index.html makes the browser fetch before the app can run: the page, its stylesheet,
# the module preload and import (JS glue) and the wasm. The favicon and the manifest are fetched
# too but nothing waits for them; they are reported apart.
refs = re.findall(r'(?:href|src)="/?([^"]+)"', html) + re.findall(r"'/?([^']+\.(?:js|wasm))'", html)
files = ["index.html"] + sorted(set(r for r in refs if os.path.isfile(os.path.join(dist, r))))

def kind(name):
    if name == "index.html":
        return "html"
    if name.endswith("_bg.wasm"):
        return "wasm"
    ext = name.rsplit(".", 1)[-1]
    return {"js": "js", "css": "css", "svg": "icon", "png": "icon", "ico": "icon"}.get(ext, ext)

def gzip9(data):
    return len(subprocess.run(["gzip", "-9", "-n", "-c"], input=data, capture_output=True, check=True).stdout)

try:
    import brotli
    def br(data):
        return len(brotli.compress(data, quality=11))
    br_how = "python3 brotli module, quality 11"
except ImportError:
    if shutil.which("brotli"):
        def br(data):
            return len(subprocess.run(["brotli", "-q", "11", "-c"], input=data, capture_output=True, check=True).stdout)
        br_how = "brotli CLI, -q 11"
    else:
        br = None
        br_how = "neither python3's brotli module (pip) nor the brotli CLI (apt) could be installed"

total_raw = total_gz = total_br = 0
for f in files:
    data = open(os.path.join(dist, f), "rb").read()
    k, gz = kind(f), gzip9(data)
    print(f"size_raw_{k}={len(data)}")
    print(f"size_gzip_{k}={gz}")
    if br:
        print(f"size_brotli_{k}={br(data)}")
    # The icon and the manifest are fetched too, but nothing waits for them: reported apart.
    if k not in ("icon", "webmanifest"):
        total_raw += len(data)
        total_gz += gz
        total_br += br(data) if br else 0
print(f"first_load_raw_bytes={total_raw}")
print(f"first_load_gzip_bytes={total_gz}")
print(f"first_load_brotli_bytes={total_br if br else 'unavailable'}")
print(f"bench: brotli from {br_how}", file=sys.stderr)
PY

# Runs a cargo command and copies its `name=value` lines to stdout; each of the names in $2 must appear.
figures() {
  local names="$1"; shift
  local out
  out=$("$@" 2>&1)
  local rc=$?
  [ $rc -eq 0 ] || { echo "$out" | tail -30 >&2; miss "$names ($* exited $rc)"; }
  # libtest prints `test <name> ... ` before a test's own first line.
  echo "$out" | sed -E 's/^test [^ ]+ \.\.\. //' | grep -E '^[a-z][a-z0-9_]*='
  for n in $names; do echo "$out" | sed -E 's/^test [^ ]+ \.\.\. //' | grep -q "^$n=" || miss "$n"; done
}

echo "== time to interactive, update time, practice check (tests/e2e_bench.rs)" >&2
figures "time_to_interactive_ms step_update_ms_median step_update_ms_p95 practice_check_ms_median" \
  cargo test --test e2e_bench -- --test-threads=1 --nocapture

echo "== core training speed (examples/train_speed.rs)" >&2
figures "autograd_ns_per_step closed_form_ns_per_step" cargo run -q --release --example train_speed

echo "== browser training (tests/e2e.rs e2e_train*)" >&2
figures "wasm_train_steps_per_s chart_redraw_ms" \
  cargo test --test e2e -- --test-threads=1 --nocapture e2e_train

exit $status
