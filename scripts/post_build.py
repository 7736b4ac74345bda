#!/usr/bin/env python3
"""Trunk's post_build hook (Trunk.toml): strip the comments and indentation from the built CSS,
then write sw.js (scripts/sw.py), in that order (Trunk starts the hooks of one stage together, and
sw.js' version must be derived from the final files).

The stylesheet's comments and indentation are a fifth of its gzip size (1.3 KB of the first load,
docs/performance.md "Where the bytes go"). Trunk's own minifier (`--minify`) would also rewrite
index.html without quotes around attribute values, so it is not used. Only comments and the
whitespace at the start and end of lines are removed, outside strings, so every rule is kept
as written. index.html's integrity (SRI) hash of the stylesheet is brought up to date.
`python3 scripts/post_build.py DIR` runs it on any built site; the default is $TRUNK_STAGING_DIR.
"""
import base64
import hashlib
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def strip_css(css):
    """`css` without comments, leading and trailing whitespace on each line, and empty lines."""
    out = []
    i, n = 0, len(css)
    while i < n:
        c = css[i]
        if c in "\"'":
            j = i + 1
            while j < n and css[j] != c:
                j += 2 if css[j] == "\\" else 1
            out.append(css[i : j + 1])
            i = j + 1
        elif css.startswith("/*", i):
            end = css.find("*/", i + 2)
            if end < 0:
                sys.exit("post_build.py: unterminated comment in the stylesheet")
            i = end + 2
        else:
            out.append(c)
            i += 1
    lines = (line.strip() for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line) + "\n"


def sri(data):
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TRUNK_STAGING_DIR")
    index = os.path.join(root or "", "index.html")
    if not root or not os.path.isfile(index):
        sys.exit("post_build.py: give a built site with an index.html (argument or $TRUNK_STAGING_DIR)")
    with open(index, encoding="utf-8") as f:
        html = f.read()
    for name in sorted(os.listdir(root)):
        if not name.endswith(".css"):
            continue
        path = os.path.join(root, name)
        with open(path, "rb") as f:
            before = f.read()
        after = strip_css(before.decode("utf-8")).encode("utf-8")
        if after == before:
            continue
        with open(path, "wb") as f:
            f.write(after)
        # The link's integrity attribute, if any, named the old content.
        html = html.replace(sri(before), sri(after))
        print(f"post_build.py: {name}: {len(before)} -> {len(after)} bytes", file=sys.stderr)
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)
    subprocess.run([sys.executable, os.path.join(HERE, "sw.py"), root], check=True)


if __name__ == "__main__":
    main()
