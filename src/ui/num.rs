//! How a number is printed for people (short) and for machines (`data-value`, full precision).

use leptos::prelude::*;

pub use crate::print::short;
use crate::print::short_in;

/// A number in the page: short text, with `data-testid` and the full value in `data-value`; a
/// blank `?` without either while practice mode keeps it hidden. Blank by what it is: a question
/// solved here shows; a number that follows from another (`gives`: η·∂E/∂p and p − η·∂E/∂p
/// beside ∂E/∂p) is blank with that one, whatever its own value happens to equal.
#[component]
pub fn Num(#[prop(into)] id: String, value: f64, #[prop(optional)] gives: Option<f64>) -> impl IntoView {
    let practice = use_context::<super::practice::Practice>();
    // A fallback value that is not a number is written in the page's words, never "NaN".
    let lang = use_context::<super::state::Lesson>().map(|l| l.lang);
    let hidden = {
        let id = id.clone();
        move || practice.is_some_and(|p| p.hides(&id) || (!p.shows(&id) && p.blanks(gives.unwrap_or(value))))
    };
    move || {
        match hidden() {
        true => view! { <span class="num blank">"?"</span> }.into_any(),
        false => view! { <span class="num" data-testid=id.clone() data-value=value.to_string()>{short_in(lang.map_or(Default::default(), |l| l.get()), value)}</span> }
            .into_any(),
    }
    }
}
