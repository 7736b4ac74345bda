#!/usr/bin/env python3
"""Write sw.js (the service worker, from scripts/sw.template.js) into a built site.

Trunk runs this after each build (Trunk.toml, [[hooks]] stage "post_build") on its staging
directory, $TRUNK_STAGING_DIR; `python3 scripts/sw.py DIR` runs it on any built site. sw.js gets
the list of the site's files (every file under DIR but sw.js, relative, sorted) and a version: the
first 16 hex digits of a SHA-256 over each file's name and content. Any change to the build (a new
hashed name, an edited manifest or icon, a new index.html) gives a new version, so the browser
sees a changed sw.js and installs the new worker; an identical build gives the same sw.js.
"""
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def site_files(root):
    out = []
    for dirpath, _, names in os.walk(root):
        for name in names:
            rel = os.path.relpath(os.path.join(dirpath, name), root).replace(os.sep, "/")
            if rel != "sw.js":
                out.append(rel)
    return sorted(out)


def version(root, files):
    h = hashlib.sha256()
    for rel in files:
        with open(os.path.join(root, rel), "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        h.update(f"{rel}\0{digest}\n".encode())
    return h.hexdigest()[:16]


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TRUNK_STAGING_DIR")
    if not root or not os.path.isfile(os.path.join(root, "index.html")):
        sys.exit("sw.py: give a built site with an index.html (argument or $TRUNK_STAGING_DIR)")
    files = site_files(root)
    with open(os.path.join(HERE, "sw.template.js"), encoding="utf-8") as f:
        template = f.read()
    for placeholder in ('"__VERSION__"', "__FILES__"):
        if template.count(placeholder) != 1:
            sys.exit(f"sw.py: scripts/sw.template.js must hold {placeholder} exactly once")
    ver = version(root, files)
    js = template.replace('"__VERSION__"', json.dumps(ver)).replace("__FILES__", json.dumps(files))
    with open(os.path.join(root, "sw.js"), "w", encoding="utf-8") as f:
        f.write(js)
    print(f"sw.py: sw.js version {ver}, {len(files)} files cached", file=sys.stderr)


if __name__ == "__main__":
    main()
