//! Reading a decimal number with Rust's `f64` grammar; in the browser its own parser does the digits.

// Rust's `str::parse::<f64>` links a 10 KB table of powers of five and the code around it; the
// browser already has a correctly rounded decimal parser (`parseFloat`). On wasm this module checks
// the text against Rust's grammar itself and hands only such text to `parseFloat`; elsewhere it
// is `str::parse`. A browser test (tests/web_decimal.rs) holds the two to the same bits.

/// `text` read as `str::parse::<f64>` reads it: an optional sign, then `inf`, `infinity` or `nan`
/// in any case, or digits with at most one `.` (at least one digit) and an optional exponent
/// (`e` or `E`, an optional sign, at least one digit). Nothing else, no whitespace.
pub fn f64(text: &str) -> Option<f64> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.parse().ok()
    }
    #[cfg(target_arch = "wasm32")]
    {
        let sign = if text.starts_with('-') { -1.0 } else { 1.0 };
        let rest = text.strip_prefix(['+', '-']).unwrap_or(text);
        if rest.eq_ignore_ascii_case("inf") || rest.eq_ignore_ascii_case("infinity") {
            return Some(sign * f64::INFINITY);
        }
        if rest.eq_ignore_ascii_case("nan") {
            return Some(f64::NAN);
        }
        decimal(rest).then(|| js_sys::Number::parse_float(text))
    }
}

/// Digits with at most one point and at least one digit, then an optional exponent.
#[cfg(target_arch = "wasm32")]
fn decimal(text: &str) -> bool {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], Some(&text[i + 1..])),
        None => (text, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = digits(whole) && digits(fraction) && whole.len() + fraction.len() > 0;
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}
