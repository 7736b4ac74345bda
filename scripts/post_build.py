#!/usr/bin/env python3
"""Trunk's post_build hook (Trunk.toml): make the first load smaller without changing what runs,
then write sw.js (scripts/sw.py), in that order (Trunk starts the hooks of one stage together, and
sw.js' version must be derived from the final files). docs/performance.md, "Where the bytes go".

- The stylesheet: its comments and the whitespace at the start and end of lines are removed,
  outside strings, so every rule is kept as written (−1.3 KB gzip). Trunk's own minifier
  (`--minify`) would also rewrite index.html without quotes around attribute values.
- The wasm module and its JS glue: wasm-bindgen names each import `__wbg_<name>_<16 hex
  digits>`; the digits, written in both files for some 130 imports, hardly compress. They are
  dropped (a repeated name gets `_2`, `_3`, ...) in the module's import section and in the glue
  (−4.1 KB gzip). The script stops with an error if the two do not match.

index.html's integrity (SRI) hashes of the changed files are brought up to date. Running it twice
changes nothing the second time. `python3 scripts/post_build.py DIR` runs it on any built site;
the default is $TRUNK_STAGING_DIR.
"""
import base64
import hashlib
import os
import re
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


def leb(data, i):
    """The unsigned LEB128 number at `data[i:]` and the index after it."""
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def to_leb(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


HASHED = re.compile(r"(__wbg_\w+?)_[0-9a-f]{16}")


def shorten_imports(wasm, js):
    """`wasm` and `js` with each wasm-bindgen import `__wbg_<name>_<16 hex digits>` renamed
    `__wbg_<name>` (with `_2`, `_3`, ... where names repeat or would clash with the glue's own):
    the random-looking digits, written twice for each of some 130 imports, are a quarter of the
    glue's gzip size. Only the import section changes; everything else refers to imports by index."""
    if wasm[:8] != b"\0asm\x01\0\0\0":
        sys.exit("post_build.py: not a wasm module (version 1)")
    taken = set(re.findall(r"__wbg_\w+", js))
    renames = {}
    out = bytearray(wasm[:8])
    i = 8
    while i < len(wasm):
        section = wasm[i]
        size, start = leb(wasm, i + 1)
        end = start + size
        if section != 2:
            out += wasm[i:end]
            i = end
            continue
        count, j = leb(wasm, start)
        body = bytearray(to_leb(count))
        for _ in range(count):
            module_len, k = leb(wasm, j)
            module, k = wasm[j:k + module_len], k + module_len
            name_len, m = leb(wasm, k)
            name = wasm[m:m + name_len].decode()
            m += name_len
            kind = wasm[m]
            d = m + 1
            if kind == 0:  # function: type index
                _, d = leb(wasm, d)
            elif kind in (1, 2):  # table (element type, limits) or memory (limits)
                if kind == 1:
                    d += 1
                flags = wasm[d]
                _, d = leb(wasm, d + 1)
                if flags & 1:
                    _, d = leb(wasm, d)
            elif kind == 3:  # global: value type, mutability
                d += 2
            else:
                sys.exit(f"post_build.py: import kind {kind} not handled")
            hashed = HASHED.fullmatch(name)
            if hashed:
                new, n = hashed.group(1), 1
                while new in taken:
                    n += 1
                    new = f"{hashed.group(1)}_{n}"
                taken.add(new)
                renames[name] = new
                name = new
            encoded = name.encode()
            body += module + to_leb(len(encoded)) + encoded + wasm[m:d]
            j = d
        if j != end:
            sys.exit("post_build.py: the import section did not parse to its end")
        out += bytes([2]) + to_leb(len(body)) + body
        i = end
    for old, new in renames.items():
        if js.count(old) == 0:
            sys.exit(f"post_build.py: the glue does not name the import {old}")
        js = js.replace(old, new)
    if HASHED.search(js):
        sys.exit("post_build.py: the glue names a hashed import the module does not have")
    return bytes(out), js


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
    for name in sorted(os.listdir(root)):
        if not name.endswith("_bg.wasm"):
            continue
        wasm_path = os.path.join(root, name)
        js_path = os.path.join(root, name[: -len("_bg.wasm")] + ".js")
        with open(wasm_path, "rb") as f:
            wasm = f.read()
        with open(js_path, "rb") as f:
            js = f.read()
        new_wasm, new_js = shorten_imports(wasm, js.decode("utf-8"))
        new_js = new_js.encode("utf-8")
        for path, before, after in ((wasm_path, wasm, new_wasm), (js_path, js, new_js)):
            with open(path, "wb") as f:
                f.write(after)
            html = html.replace(sri(before), sri(after))
        print(f"post_build.py: {name} and its glue: imports renamed without their hashes", file=sys.stderr)
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)
    subprocess.run([sys.executable, os.path.join(HERE, "sw.py"), root], check=True)


if __name__ == "__main__":
    main()
