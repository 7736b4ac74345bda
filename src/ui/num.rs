//! How a number is printed for people (short) and for machines (`data-value`, full precision).

use leptos::prelude::*;

/// About six significant digits, trailing zeros trimmed; scientific notation far from 1.
pub fn short(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    if v == 0.0 {
        return "0".into();
    }
    let mag = v.abs().log10().floor() as i32;
    if !(-4..6).contains(&mag) {
        return format!("{v:.4e}");
    }
    let s = format!("{v:.*}", (5 - mag).max(0) as usize);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

/// A number in the page: short text, with `data-testid` and the full value in `data-value`.
#[component]
pub fn Num(#[prop(into)] id: String, value: f64) -> impl IntoView {
    view! { <span class="num" data-testid=id data-value=value.to_string()>{short(value)}</span> }
}
