//! How a number is printed for people: six significant digits, the one format of the whole app (pure; no UI).

/// Six significant digits, rounded once, trailing zeros trimmed (`0.0821670` prints `0.082167`);
/// when that rounding is below 1e-4 or at least 1e6 (also after a carry: 999999.5 prints
/// `1.0000e6`), five significant digits in exponent form (`1.5000e-7`). Zero of either sign
/// prints `0`. The infinities print `+∞` and `−∞` in either language; NaN, which has no word
/// without a language, prints `—` (a page that knows its language uses [`short_in`]). Never
/// `NaN` or `inf`, which are English.
pub fn short(v: f64) -> String {
    if v.is_nan() {
        return "—".into();
    }
    if v.is_infinite() {
        return crate::i18n::net_errors::not_finite(crate::i18n::Lang::En, v);
    }
    if v == 0.0 {
        return "0".into();
    }
    // The decimal exponent of v rounded to six significant digits (exact decimal rounding, so a
    // carry such as 9.999995e-5 -> 1.00000e-4 is seen, and no log10 rounding is involved).
    let six = format!("{v:.5e}");
    let mag: i32 = six[six.find('e').map_or(six.len(), |i| i + 1)..].parse().unwrap_or(0);
    if !(-4..6).contains(&mag) {
        return format!("{v:.4e}");
    }
    let s = format!("{v:.*}", (5 - mag) as usize);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

/// [`short`], with a value that is not a number in the words of `lang`: 정의되지 않은 값,
/// "undefined (not a number)"; the infinities ±∞.
pub fn short_in(lang: crate::i18n::Lang, v: f64) -> String {
    match v.is_finite() {
        true => short(v),
        false => crate::i18n::net_errors::not_finite(lang, v),
    }
}

/// [`short`], but a number from 1e-9 up to 1e-4 written out in decimals to six significant
/// digits, as [`short`] writes larger ones (`4.38568e-6` prints `0.00000438568`, where [`short`]
/// gives `4.3857e-6`); everything else as [`short`].
pub fn decimal(v: f64) -> String {
    let six = format!("{v:.5e}");
    let mag: i32 = six[six.find('e').map_or(six.len(), |i| i + 1)..].parse().unwrap_or(0);
    if v == 0.0 || !v.is_finite() || !(-9..-4).contains(&mag) {
        return short(v);
    }
    let s = format!("{v:.*}", (5 - mag) as usize);
    s.trim_end_matches('0').to_owned()
}
