#!/usr/bin/env bash
# Draw the install icons of the web app manifest from assets/favicon.svg with headless Chromium
# (scripts/setup.sh installs it) and write them to assets/ (they are committed; run this again
# only when the favicon changes):
#   icon-192.png, icon-512.png   the favicon as it is, transparent outside its rounded square;
#   icon-maskable-512.png        the favicon at 80 % on its own dark blue, edge to edge, so the
#                                drawing stays inside the central circle a launcher may crop to.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
chromium="${CHROMIUM:-/usr/bin/chromium}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp assets/favicon.svg "$work/favicon.svg"

# shot <html file> <size> <out.png>
shot() {
  "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --default-background-color=00000000 \
    --window-size="$2,$2" --screenshot="$3" "file://$1" >/dev/null 2>&1
  [ -s "$3" ] || { echo "icons.sh: Chromium wrote no $3" >&2; exit 1; }
}

for size in 192 512; do
  cat >"$work/any-$size.html" <<HTML
<!doctype html><html><body style="margin:0;background:transparent">
<img src="favicon.svg" width="$size" height="$size" style="display:block"></body></html>
HTML
  shot "$work/any-$size.html" "$size" "assets/icon-$size.png"
done

inner=$((512 * 80 / 100))
cat >"$work/maskable.html" <<HTML
<!doctype html><html><body style="margin:0;width:512px;height:512px;background:#1f3a5f;display:flex;align-items:center;justify-content:center">
<img src="favicon.svg" width="$inner" height="$inner" style="display:block"></body></html>
HTML
shot "$work/maskable.html" 512 assets/icon-maskable-512.png
ls -l assets/icon-*.png
