//! The release build's first load stays within its budget: 320 KB gzip (docs/performance.md).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The decided ceiling for what the browser fetches before the app can run, `gzip -9 -n` each
/// (320 KB, the long-term aim being 150 KB): html, CSS, the JS glue and the wasm.
const FIRST_LOAD_BUDGET: usize = 320_000;

fn dist() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("dist")
}

/// `gzip -9 -n` of `data`, in bytes: the same measure as scripts/bench.sh.
fn gzip9(data: &[u8]) -> usize {
    let mut child = Command::new("gzip")
        .args(["-9", "-n", "-c"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("gzip runs");
    // Feed gzip from another thread: written here, a large input would fill the output pipe
    // while gzip waits for us to read it, and both would wait for ever.
    let mut stdin = child.stdin.take().unwrap();
    let input = data.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().expect("gzip finishes");
    writer.join().unwrap().expect("gzip reads its input");
    assert!(out.status.success(), "gzip failed");
    out.stdout.len()
}

/// The files `index.html` makes the browser fetch before the app runs (as scripts/bench.sh
/// finds them): every local `href`/`src` and the quoted `.js`/`.wasm` names of Trunk's loader,
/// less the icons and the manifest, which nothing waits for.
fn first_load_files(dist: &Path) -> Vec<String> {
    let html = std::fs::read_to_string(dist.join("index.html"))
        .expect("dist/index.html exists: run scripts/build.sh before the end-to-end tests");
    let mut names: Vec<String> = Vec::new();
    for quote in ['"', '\''] {
        for piece in html.split(quote).skip(1).step_by(2) {
            let name = piece.trim_start_matches("./").trim_start_matches('/');
            let wanted = name.ends_with(".js") || name.ends_with(".wasm") || name.ends_with(".css");
            if wanted && !name.contains("://") && dist.join(name).is_file() && !names.iter().any(|n| n == name) {
                names.push(name.to_owned());
            }
        }
    }
    names.insert(0, "index.html".into());
    names
}

#[test]
fn e2e_first_load_is_within_the_budget() {
    let dist = dist();
    let files = first_load_files(&dist);
    assert!(
        files.iter().any(|f| f.ends_with("_bg.wasm")) && files.iter().any(|f| f.ends_with(".js")),
        "the wasm and its JS glue are in the first load: {files:?}"
    );
    let mut total = 0;
    for f in &files {
        let gz = gzip9(&std::fs::read(dist.join(f)).unwrap());
        println!("first_load_file {f} gzip={gz}");
        total += gz;
    }
    println!("first_load_gzip_bytes={total} budget={FIRST_LOAD_BUDGET}");
    assert!(
        total <= FIRST_LOAD_BUDGET,
        "first load is {total} bytes gzip, over the {FIRST_LOAD_BUDGET}-byte budget"
    );
}

#[test]
fn gzip_measure_matches_a_known_size() {
    // 100,000 zero bytes: `head -c 100000 /dev/zero | gzip -9 -n | wc -c` prints 132 (GNU gzip
    // 1.12 on Debian 12), so the helper pipes the whole input and counts the whole output.
    assert_eq!(gzip9(&[0u8; 100_000]), 132);
}
