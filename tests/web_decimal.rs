//! Browser test (wasm32, headless Chromium): the app's number reader, which hands digits to the browser's parseFloat, against Rust's own `str::parse::<f64>`.
#![cfg(target_arch = "wasm32")]

use backprop_lab::decimal;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

/// Same result, to the bit: Rust's parser (core's dec2flt, linked into this test) is the
/// independent reference for V8's; both must refuse the same texts.
fn same(text: &str) {
    let ours = decimal::f64(text);
    let rust = text.parse::<f64>().ok();
    let agree = match (ours, rust) {
        (Some(a), Some(b)) => a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
        (None, None) => true,
        _ => false,
    };
    assert!(agree, "{text:?}: ours {ours:?}, Rust's {rust:?}");
}

#[wasm_bindgen_test]
fn grammar_edges_read_as_rust_reads_them() {
    // Whitespace separates the cases (the texts with spaces in them are tried apart). The three
    // 1.000... lines are halfway between 1 and the next double, and a hair either side of it.
    let edges = "
        . - + e e5 .e1 1e 1e+ 1e- 1. .5 +.5 -.5e-3 0 -0 +0 00012 1e5 1E5 1e+5 1e-5 1.5e 1.2.3 1e5e5
        1e5.5 --1 +-1 1,5 0x10 1_000 \u{661} \u{bd} inf -inf +INF Infinity -infinity infinit infinityy
        nan NaN -nan nan1 Inf1 1e400 -1e400 1e-400 4.9e-324 2.4e-324 2.5e-324
        2.2250738585072011e-308 2.2250738585072014e-308 1.7976931348623157e308
        1.7976931348623159e308 9007199254740993 9007199254740995
        1.00000000000000011102230246251565404236316680908203125
        1.00000000000000011102230246251565404236316680908203124
        1.00000000000000011102230246251565404236316680908203126
        0.1000000000000000055511151231257827021181583404541015625
        123456789012345678901234567890e-20 0.000000000000000000000000000000000000001e39
        0.1 0.2 0.3 0.5 0.7 0.4 0.05 0.3775 0.593269992 0.291027924";
    for text in edges.split_whitespace().chain(["", " 1", "1 ", "1 5"]) {
        same(text);
    }
}

#[wasm_bindgen_test]
fn random_texts_and_every_kind_of_double_read_as_rust_reads_them() {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let alphabet = b"0123456789.eE+-0123456789";
    for _ in 0..4000 {
        let len = 1 + next() % 24;
        let text: String = (0..len)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize] as char)
            .collect();
        same(&text);
    }
    for _ in 0..4000 {
        let x = f64::from_bits(next());
        // Shortest round-trip, scientific, and fixed with many digits (rounded, so not a round trip).
        same(&format!("{x}"));
        same(&format!("{x:e}"));
        same(&format!("{x:.20e}"));
    }
}
