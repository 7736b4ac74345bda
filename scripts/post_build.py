#!/usr/bin/env python3
"""Trunk's post_build hook (Trunk.toml): make the first load smaller without changing what runs,
then write sw.js (scripts/sw.py), in that order (Trunk starts the hooks of one stage together, and
sw.js' version must be derived from the final files). docs/performance.md, "Where the bytes go".

- The stylesheet: its comments go, its whitespace runs become one space and none is left around
  `{ } ; ,`, all outside strings, so every rule is kept as written (−1.5 KB gzip). Trunk's own
  minifier (`--minify`) would also rewrite index.html without quotes around attribute values.
- The wasm module and its JS glue: wasm-bindgen names each import `__wbg_<name>_<16 hex
  digits>`; the digits, written in both files for some 130 imports, hardly compress. They are
  dropped (a repeated name gets `_2`, `_3`, ...) in the module's import section and in the glue;
  the four closure shims' exports, named after their whole Rust signature, become
  `__wbg_invoke`, `__wbg_invoke_2`, ... The script stops with an error if the two files do not
  match. The glue also loses its indentation, blank lines and whole-line comments (its lines and
  so its meaning stay), unless a line might continue a template literal (−4.7 KB gzip in all).
  The stopped-page script (assets/stopped.js, in the first load) loses the same (−52 B gzip).

- Practice mode's Web Worker: Trunk names its files `practice-worker.js`, `_bg.wasm`,
  `_loader.js`, the same in every build. They get a content hash, `practice-worker-<16 hex
  digits>...` (of the glue and the wasm), and index.html's `<meta name="practice-worker">` the
  digits, which the page reads (src/ui/practice.rs): a tab left open across a deploy can then only
  start the worker of its own build, never a newer one (docs/hosting.md, "Updates").

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
    """`css` without comments, its whitespace runs made one space, none around `{ } ; ,` nor after
    a declaration's colon (all outside strings)."""
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
    # Outside strings (the odd pieces of the split), whitespace only separates tokens.
    pieces = re.split(r"(\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')", "".join(out))
    for k in range(0, len(pieces), 2):
        pieces[k] = re.sub(r"\s*([{};,])\s*", r"\1", re.sub(r"\s+", " ", pieces[k]))
        # A declaration's colon needs no space after it (`{gap: 1rem` -> `{gap:1rem`); only where a
        # property name follows `{` or `;`, so a selector's ` :is(` is never touched.
        pieces[k] = re.sub(r"([{;][-a-z]+): ", r"\1:", pieces[k])
    return "".join(pieces).strip() + "\n"


def strip_js(js):
    """wasm-bindgen's glue without indentation, blank lines and whole-line comments, or None where
    a line might continue a template literal or string (then the glue is kept as it is): newlines
    stay, so the code reads exactly as before."""
    lines = js.split("\n")
    if any(line.count("`") % 2 or line.rstrip().endswith("\\") for line in lines):
        return None
    out, in_comment = [], False
    for line in lines:
        line = line.strip()
        if in_comment or line.startswith("/*"):
            if "*/" in line and not line.endswith("*/"):
                return None
            in_comment = not line.endswith("*/")
        elif line and not line.startswith("//"):
            out.append(line)
    return "\n".join(out) + "\n"


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


INVOKE = re.compile(r"wasm_bindgen_[0-9a-f]{16}___convert__closures_____invoke_\w*")


def fresh(base, taken):
    """`base`, or `base_2`, `base_3`, ..., whichever is not in `taken` (which it is added to)."""
    new, n = base, 1
    while new in taken:
        n += 1
        new = f"{base}_{n}"
    taken.add(new)
    return new


def rename_exports(body, taken, renames):
    """The export section (id 7) with the closure shims' exports, named after their whole Rust
    signature (up to 200 characters), renamed `__wbg_invoke`, `__wbg_invoke_2`, ..."""
    count, j = leb(body, 0)
    out = bytearray(to_leb(count))
    for _ in range(count):
        name_len, k = leb(body, j)
        name = body[k:k + name_len].decode()
        k += name_len
        _, end = leb(body, k + 1)  # kind, then index
        if INVOKE.fullmatch(name):
            renames[name] = name = fresh("__wbg_invoke", taken)
        encoded = name.encode()
        out += to_leb(len(encoded)) + encoded + body[k:end]
        j = end
    if j != len(body):
        sys.exit("post_build.py: the export section did not parse to its end")
    return bytes([7]) + to_leb(len(out)) + out


def shorten_names(wasm, js):
    """`wasm` and `js` with each wasm-bindgen import `__wbg_<name>_<16 hex digits>` renamed
    `__wbg_<name>` (with `_2`, `_3`, ... where names repeat or would clash with the glue's own):
    the random-looking digits, written twice for each of some 130 imports, are a quarter of the
    glue's gzip size; and the closure shims' exports renamed (`rename_exports`). Only the import
    and export sections change; everything else in the module refers to them by index."""
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
        if section == 7:
            out += rename_exports(wasm[start:end], taken, renames)
            i = end
            continue
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
                renames[name] = name = fresh(hashed.group(1), taken)
            encoded = name.encode()
            body += module + to_leb(len(encoded)) + encoded + wasm[m:d]
            j = d
        if j != end:
            sys.exit("post_build.py: the import section did not parse to its end")
        out += bytes([2]) + to_leb(len(body)) + body
        i = end
    for old, new in renames.items():
        js, count = re.subn(rf"\b{old}\b", new, js)
        if count == 0:
            sys.exit(f"post_build.py: the glue does not name {old}")
    if HASHED.search(js) or INVOKE.search(js):
        sys.exit("post_build.py: the glue names an import or export the module does not have")
    return bytes(out), js


WORKER_LOADER = re.compile(r"practice-worker(-[0-9a-f]{16})?_loader\.js")
WORKER_META = re.compile(r'(<meta name="practice-worker" content=")[0-9a-f]*(")')


def name_worker(root, html):
    """`html` with the worker's digits in its meta tag, after renaming the worker's three files
    in `root` after a hash of the glue and the wasm (unchanged when they already carry it)."""
    loaders = [n for n in os.listdir(root) if WORKER_LOADER.fullmatch(n)]
    if not loaders:
        return html
    if len(loaders) != 1 or len(WORKER_META.findall(html)) != 1:
        sys.exit("post_build.py: want one practice-worker loader and one <meta name=\"practice-worker\">")
    old = loaders[0][: -len("_loader.js")]
    parts = {}
    for part in (".js", "_bg.wasm", "_loader.js"):
        with open(os.path.join(root, old + part), "rb") as f:
            parts[part] = f.read()
    digits = hashlib.sha256(parts[".js"] + b"\0" + parts["_bg.wasm"]).hexdigest()[:16]
    new = "practice-worker-" + digits
    loader = parts["_loader.js"].decode("utf-8")
    for part in (".js", "_bg.wasm"):
        if f"/{old}{part}" not in loader:
            sys.exit(f"post_build.py: the worker's loader does not name ./{old}{part}")
        loader = loader.replace(f"/{old}{part}", f"/{new}{part}")
    parts["_loader.js"] = loader.encode("utf-8")
    for part, data in parts.items():
        os.remove(os.path.join(root, old + part))
        with open(os.path.join(root, new + part), "wb") as f:
            f.write(data)
    if new != old:
        print(f"post_build.py: practice worker named {new}", file=sys.stderr)
    return WORKER_META.sub(rf"\g<1>{digits}\g<2>", html)


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
        new_wasm, new_js = shorten_names(wasm, js.decode("utf-8"))
        new_js = (strip_js(new_js) or new_js).encode("utf-8")
        for path, before, after in ((wasm_path, wasm, new_wasm), (js_path, js, new_js)):
            with open(path, "wb") as f:
                f.write(after)
            html = html.replace(sri(before), sri(after))
        print(f"post_build.py: {name} and its glue: names shortened, glue unindented", file=sys.stderr)
    for name in sorted(os.listdir(root)):
        # Plain scripts of the build (the stopped-page box, in the first load): unindented too.
        if not (name.startswith("stopped-") and name.endswith(".js")):
            continue
        path = os.path.join(root, name)
        with open(path, "rb") as f:
            before = f.read()
        after = (strip_js(before.decode("utf-8")) or before.decode("utf-8")).encode("utf-8")
        if after != before:
            with open(path, "wb") as f:
                f.write(after)
            html = html.replace(sri(before), sri(after))
            print(f"post_build.py: {name}: {len(before)} -> {len(after)} bytes", file=sys.stderr)
    html = name_worker(root, html)
    # Trunk's index.html keeps the template's indentation and leaves blank lines where it took
    # tags out: neither means anything in this page (no <pre>, no template literal).
    html = "\n".join(line.strip() for line in html.split("\n") if line.strip()) + "\n"
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)
    subprocess.run([sys.executable, os.path.join(HERE, "sw.py"), root], check=True)


if __name__ == "__main__":
    main()
