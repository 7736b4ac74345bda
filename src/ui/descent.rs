//! The descent step: choose a parameter and a learning rate, see E along it, the tangent and the step.

use super::formula::FormulaView;
use super::num::{short, Num};
use super::state::Lesson;
use crate::math::formulas;

use super::practice::{target_id, write_markup};
use crate::i18n::descent::descent as words;
use crate::i18n::particle::fill;
use crate::lesson::descent::{Regime, Unreachable};
use crate::lesson::Descent;
use crate::net::Param;
use crate::plot::descent::draw_descent;
use crate::value::MAX_LR;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

/// The learning rate on a log slider, from 0.001 to 100; rounded to three significant digits.
fn lr_from_slider(v: f64) -> f64 {
    crate::lesson::descent::three_digits(10f64.powf(v))
}

/// Controls and numbers, in the step panel.
#[component]
pub fn DescentView() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let strings = move || lesson.lang.get().strings();
    let descent = lesson.descent;
    let focus = move || lesson.state.with(|s| s.focus);
    let options = Param::ALL
        .into_iter()
        .map(|p| view! { <option value=p.name() selected=move || focus() == p>{p.name()}</option> })
        .collect_view();
    let choose = move |ev: leptos::ev::Event| {
        if let Some(p) = Param::from_name(&event_target_value(&ev)) {
            lesson.state.update(|s| s.focus = p);
        }
    };
    let slide = move |ev: leptos::ev::Event| {
        if let Some(v) = crate::decimal::f64(&event_target_value(&ev)) {
            lesson.state.update(|s| s.lr = lr_from_slider(v));
        }
    };
    let why = move || {
        let s = strings();
        let slope = descent.with(|d| d.as_ref().map_or(0.0, |d| d.slope));
        let sign = if slope > 0.0 {
            s.slope_positive
        } else if slope < 0.0 {
            s.slope_negative
        } else {
            s.slope_zero
        };
        fill(s.descent_why, "{p}", focus().name()).replace("{slope}", sign)
    };
    let numbers = move || {
        descent.with(|d| {
            d.as_ref().map(|d| {
                let p = d.param.name();
                let lr = lesson.state.with(|s| s.lr);
                let slope = formulas::gradient("E", p, d.slope).shown_as("descent-slope");
                let step = formulas::update(d.param, d.at.0, lr, d.slope, d.next.0).shown_as("descent-next");
                view! {
                    <ul class="descent-numbers">
                        <li>{format!("{p} = ")}<Num id="descent-at" value=d.at.0 />", E = "<Num id="descent-error" value=d.at.1 /></li>
                        <li><FormulaView formula=slope inline=true /></li>
                        <li><FormulaView formula=step />"E = "<Num id="descent-next-error" value=d.next.1 /></li>
                    </ul>
                }
            })
        })
    };
    // The buttons and the landing are markup: one small view type for both (see `regimes`).
    let lrs = Memo::new(move |_| descent.with(|d| d.as_ref().map(|d| (d.param, d.lrs))));
    let (buttons, land) = (NodeRef::new(), NodeRef::new());
    write_markup(
        buttons,
        Box::new(move || {
            lrs.get()
                .map_or(String::new(), |(p, lrs)| regimes(lesson.lang.get(), p, lrs))
        }),
    );
    write_markup(
        land,
        Box::new(move || {
            descent.with(|d| {
                let practice = use_context::<super::practice::Practice>();
                let blank = |v: f64| practice.is_some_and(|p| p.blanks(v));
                d.as_ref()
                    .and_then(|d| landing(lesson.lang.get(), d, &blank))
                    .unwrap_or_default()
            })
        }),
    );
    let pick = move |ev: leptos::ev::MouseEvent| {
        let Some(id) = target_id(&ev, "button") else { return };
        let r = Regime::ALL
            .into_iter()
            .find(|r| id == format!("descent-lr-{}", r.slug()));
        let lr = descent.with(|d| d.as_ref()?.lr_for(r?).ok());
        if let Some(v) = lr {
            lesson.state.update(|s| s.lr = v);
        }
    };
    view! {
        <div class="descent">
            <label class="field">
                <span>{lesson.text(|s| s.descent_param)}</span>
                <select data-testid="descent-param" on:change=choose>{options}</select>
            </label>
            <label class="field">
                <span>{lesson.text(|s| s.learning_rate)}" η = "{move || view! { <Num id="descent-lr" value=lesson.state.with(|s| s.lr) /> }}</span>
                <input type="range" data-testid="descent-lr-slider" min="-3" max="2" step="0.01"
                    prop:value=move || lesson.state.with(|s| s.lr.log10()).to_string() on:input=slide />
            </label>
            <div class="descent-regimes" node_ref=buttons on:click=pick></div>
            {numbers}
            <div node_ref=land></div>
            <p class="explain">{why}</p>
        </div>
    }
}

/// A number as `Num` writes it, for markup: short text, full value in `data-value`.
fn num(id: &str, value: f64) -> String {
    crate::math::mathml::num_span(id, value, &short(value))
}

/// [`num`], or a blank `?` when practice mode keeps the number off the page.
fn num_or_blank(id: &str, value: f64, blank: &dyn Fn(f64) -> bool) -> String {
    match blank(value) {
        true => "<span class=\"num blank\">?</span>".to_owned(),
        false => num(id, value),
    }
}

/// The three buttons that set η so one step lands short of, close to or past the minimum ahead
/// (the learning rates come from the model), and why a button is off; as markup (one small
/// view for all of it), rewritten only when the parameter or the learning rates change, so a
/// click keeps the button and its focus.
fn regimes(lang: crate::i18n::Lang, p: Param, lrs: [Result<f64, Unreachable>; 3]) -> String {
    let w = words(lang);
    let max = short(MAX_LR);
    // Why buttons are off: one sentence for the whole set, or one per button out of range.
    let mut reasons: Vec<String> = Vec::new();
    let mut out = format!("<span>{}</span><div class=\"link-row\" role=\"group\">", w.choose);
    for (r, lr) in Regime::ALL.into_iter().zip(lrs) {
        let name = w.buttons[r as usize];
        let reason = match lr {
            Ok(_) => None,
            Err(Unreachable::Flat) => Some(fill(w.flat, "{p}", p.name())),
            Err(Unreachable::NoMinimum) => Some(fill(w.no_minimum, "{p}", p.name()).replace("{max}", &max)),
            Err(Unreachable::NeedsLr(need)) => Some(
                w.needs_lr
                    .replace("{what}", name)
                    .replace("{lr}", &short(need))
                    .replace("{max}", &max),
            ),
        };
        if let Some(text) = reason.filter(|t| !reasons.contains(t)) {
            reasons.push(text);
        }
        let id = format!("descent-lr-{}", r.slug());
        out += &match lr {
            Ok(lr) => format!("<button data-testid=\"{id}\">{name} (η = {})</button>", short(lr)),
            Err(_) => format!("<button data-testid=\"{id}\" disabled>{name}</button>"),
        };
    }
    out += "</div>";
    if !reasons.is_empty() {
        out += &format!(
            "<p class=\"hint reach\" data-testid=\"descent-reach\">{}</p>",
            reasons.join(" ")
        );
    }
    out
}

/// The minimum ahead and how much of the way to it the current step covers, as markup.
fn landing(lang: crate::i18n::Lang, d: &Descent, blank: &dyn Fn(f64) -> bool) -> Option<String> {
    let w = words(lang);
    let m = d.minimum.ok()?;
    let fraction = d.fraction?;
    let (regime, verdict) = match d.regime() {
        Some(r) => (r.slug(), w.verdicts[r as usize]),
        None => ("between", w.between),
    };
    Some(format!(
        "<ul class=\"descent-numbers\"><li>{} {} = {}, E = {}</li><li>{} {}</li><li data-testid=\"descent-verdict\" data-regime=\"{regime}\">{verdict}</li></ul>",
        w.minimum,
        d.param.name(),
        num_or_blank("descent-min", m.at, blank),
        num_or_blank("descent-min-error", m.error, blank),
        w.progress,
        num_or_blank("descent-progress", fraction, blank),
    ))
}

/// The chart, under the diagram; only on the descent step.
#[component]
pub fn DescentChart() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let descent = lesson.descent;
    let canvas = NodeRef::<Canvas>::new();
    Effect::new(move |_| {
        super::canvas::track();
        descent.with(|d| {
            if let (Some(d), Some(el)) = (d, canvas.get()) {
                if let Some(backend) = CanvasBackend::with_canvas_object(super::canvas::fit(&el, 760.0 / 300.0, 240)) {
                    let _ = draw_descent(&backend.into_drawing_area(), d);
                }
            }
        })
    });
    // Practice mode: a number another step asks (E, the slope, the updated value) reads `?`.
    let practice = use_context::<super::practice::Practice>();
    let four = move |v: f64| match practice.is_some_and(|p| p.blanks(v)) {
        true => "?".to_owned(),
        false => format!("{v:.4}"),
    };
    let summary = move || {
        descent.with(|d| {
            d.as_ref().map_or(String::new(), |d| {
                let p = d.param.name();
                let (at, e) = d.at;
                format!(
                    "{p} = {}, E = {}, ∂E/∂{p} = {}, {p} ← {}",
                    four(at),
                    four(e),
                    four(d.slope),
                    four(d.next.0)
                )
            })
        })
    };
    view! {
        <Show when=move || descent.with(Option::is_some)>
            <figure class="chart">
                <canvas node_ref=canvas width="760" height="300" role="img" aria-label=summary></canvas>
                <figcaption>{lesson.text(|s| s.descent_caption)}</figcaption>
            </figure>
        </Show>
    }
}
