#!/usr/bin/env python3
"""A SCORM 1.2 package of a release build (`bash scripts/build.sh --scorm`, docs/classroom.md).

    python3 scripts/scorm.py SITE ZIP --from SLUG --to SLUG [--seed N] [--lang ko|en] [--title TEXT]

SITE is a build made with `--public-url ./` (every file named relative to the page, as an LMS
serves a package under a path of its own). Into it go the launch file `scorm.html`, which frames
`index.html?step=FROM&practice=1&sheet=0&embed=1&from=FROM&to=TO` (no answer-sheet link in a graded activity) and loads `scorm.js` and `scorm.css`
(assets/); then `imsmanifest.xml` (one organization, one item, one SCO resource whose <file>
entries name every file of the package); then everything is zipped into ZIP, the manifest at
its root. The questions of the range, and the example's progress key, come from the practice
model itself (`cargo run --example scorm_questions`), as does the longest progress text the
package can write, which must fit SCORM 1.2's cmi.suspend_data (4,096 characters).
"""
import argparse
import html
import os
import shutil
import subprocess
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LAUNCH = "scorm.html"
SUSPEND_MAX = 4096


def asked(first, last, seed):
    """The example's progress key, the longest progress text's length, the range's entries."""
    cmd = ["cargo", "run", "-q", "--example", "scorm_questions", "--", first, last]
    if seed is not None:
        cmd.append(str(seed))
    out = subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.PIPE, text=True).stdout
    example, longest, entries = None, 0, []
    for line in out.splitlines():
        word, _, rest = line.partition(" ")
        if word == "example":
            example = rest
        elif word == "longest":
            longest = int(rest)
        elif word == "entry":
            entries.append(rest)
    if not example:
        sys.exit("scorm.py: scorm_questions printed no example")
    return example, longest, entries


def launch_file(app, example, entries, lang, title):
    a = lambda s: html.escape(s, quote=True)
    return f"""<!doctype html>
<html lang="{a(lang)}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{a(title)}</title>
    <link rel="stylesheet" href="scorm.css" />
    <script src="scorm.js" defer></script>
  </head>
  <body data-app="{a(app)}" data-example="{a(example)}" data-lang="{a(lang)}" data-asked="{a(" ".join(entries))}">
    <p id="scorm-msg" class="scorm-msg" role="alert" data-testid="scorm-msg" hidden></p>
    <iframe id="scorm-app" title="{a(title)}" data-testid="scorm-app"></iframe>
  </body>
</html>
"""


def manifest(title, files):
    a = lambda s: html.escape(s, quote=True)
    listed = "\n".join(f'      <file href="{a(f)}" />' for f in files)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="backprop-lab-scorm" version="1.0"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="backprop-lab-org">
    <organization identifier="backprop-lab-org">
      <title>{a(title)}</title>
      <item identifier="backprop-lab-item" identifierref="backprop-lab-sco" isvisible="true">
        <title>{a(title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="backprop-lab-sco" type="webcontent" adlcp:scormtype="sco" href="{LAUNCH}">
{listed}
    </resource>
  </resources>
</manifest>
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site")
    ap.add_argument("zip")
    ap.add_argument("--from", dest="first", default="forward-hidden-sum")
    ap.add_argument("--to", dest="last", default="mul-node")
    ap.add_argument("--seed", type=int)
    ap.add_argument("--lang", choices=["ko", "en"], default="ko")
    ap.add_argument("--title", default="Backprop Lab")
    args = ap.parse_args()
    site = args.site
    if not os.path.isfile(os.path.join(site, "index.html")):
        sys.exit(f"scorm.py: {site}/index.html is missing (build it first)")
    example, longest, entries = asked(args.first, args.last, args.seed)
    if not entries:
        sys.exit(f"scorm.py: the steps {args.first} to {args.last} ask no question: nothing to report")
    if longest > SUSPEND_MAX:
        sys.exit(f"scorm.py: the range's progress can take {longest} characters, over SCORM 1.2's {SUSPEND_MAX}")
    query = f"step={args.first}&practice=1&sheet=0&embed=1&from={args.first}&to={args.last}"
    if args.seed is not None:
        query += f"&seed={args.seed}"
    if args.lang == "en":
        query += "&lang=en"
    for name in ("scorm.js", "scorm.css"):
        shutil.copyfile(os.path.join(ROOT, "assets", name), os.path.join(site, name))
    with open(os.path.join(site, LAUNCH), "w", encoding="utf-8") as f:
        f.write(launch_file("index.html?" + query, example, entries, args.lang, args.title))
    files = sorted(
        os.path.relpath(os.path.join(d, n), site).replace(os.sep, "/")
        for d, _, names in os.walk(site)
        for n in names
        if n != "imsmanifest.xml"
    )
    with open(os.path.join(site, "imsmanifest.xml"), "w", encoding="utf-8") as f:
        f.write(manifest(args.title, files))
    os.makedirs(os.path.dirname(os.path.abspath(args.zip)), exist_ok=True)
    if os.path.exists(args.zip):
        os.remove(args.zip)
    with zipfile.ZipFile(args.zip, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(os.path.join(site, "imsmanifest.xml"), "imsmanifest.xml")
        for f in files:
            z.write(os.path.join(site, f), f)
    print(
        f"scorm.py: {args.zip}: steps {args.first} to {args.last}, {len(entries)} questions, "
        f"example {example}, suspend_data at most {longest} characters, {len(files) + 1} files",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
