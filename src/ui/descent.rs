//! The descent step: choose a parameter and a learning rate, see E along it, the tangent and the step.

use super::formula::FormulaView;
use super::num::{short, Num};
use super::state::Lesson;
use crate::math::formulas;

use crate::i18n::descent::descent as words;
use crate::lesson::descent::{Regime, Unreachable};
use crate::net::Param;
use crate::plot::descent::draw_descent;
use crate::value::MAX_LR;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

/// The learning rate on a log slider, from 0.001 to 100; rounded to three significant digits.
fn lr_from_slider(v: f64) -> f64 {
    let lr = 10f64.powf(v);
    let scale = 10f64.powi(2 - lr.log10().floor() as i32);
    (lr * scale).round() / scale
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
        if let Ok(v) = event_target_value(&ev).parse::<f64>() {
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
        crate::i18n::particle::fill(s.descent_why, "{p}", focus().name()).replace("{slope}", sign)
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
            <Regimes />
            {numbers}
            <Landing />
            <p class="explain">{why}</p>
        </div>
    }
}

/// The three buttons that set η so one step lands short of, close to or past the minimum ahead
/// (the learning rates come from the model), and why a button is off.
#[component]
fn Regimes() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let descent = lesson.descent;
    // Only what the buttons show: a click changes η, not these, so the buttons stay (and keep focus).
    let lrs = Memo::new(move |_| descent.with(|d| d.as_ref().map(|d| (d.param, d.lrs))));
    move || {
        let w = words(lesson.lang.get());
        let (p, lrs) = lrs.get()?;
        let max = short(MAX_LR);
        // Why buttons are off: one sentence for the whole set, or one per button out of range.
        let mut reasons: Vec<String> = Vec::new();
        let buttons = Regime::ALL
            .into_iter()
            .zip(lrs)
            .map(|(r, lr)| {
                let name = w.buttons[r as usize];
                let reason = match lr {
                    Ok(_) => None,
                    Err(Unreachable::Flat) => Some(w.flat.replace("{p}", p.name())),
                    Err(Unreachable::NoMinimum) => Some(w.no_minimum.replace("{p}", p.name()).replace("{max}", &max)),
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
                let label = lr.map_or_else(|_| name.to_string(), |lr| format!("{name} (η = {})", short(lr)));
                let lr = lr.ok();
                view! {
                    <button data-testid=format!("descent-lr-{}", r.slug()) disabled=lr.is_none()
                        on:click=move |_| if let Some(v) = lr { lesson.state.update(|s| s.lr = v) }>{label}</button>
                }
            })
            .collect_view();
        let reason = (!reasons.is_empty())
            .then(|| view! { <p class="hint" data-testid="descent-reach">{reasons.join(" ")}</p> });
        Some(view! {
            <div class="descent-regimes">
                <span>{w.choose}</span>
                <div class="link-row" role="group">{buttons}</div>
                {reason}
            </div>
        })
    }
}

/// The minimum ahead and how much of the way to it the current step covers.
#[component]
fn Landing() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let descent = lesson.descent;
    move || {
        let w = words(lesson.lang.get());
        descent.with(|d| {
            let d = d.as_ref()?;
            let m = d.minimum.ok()?;
            let fraction = d.fraction?;
            let (regime, verdict) = match d.regime() {
                Some(r) => (r.slug(), w.verdicts[r as usize]),
                None => ("between", w.between),
            };
            Some(view! {
                <ul class="descent-numbers">
                    <li>{w.minimum}" "{format!("{} = ", d.param.name())}<Num id="descent-min" value=m.at />", E = "<Num id="descent-min-error" value=m.error /></li>
                    <li>{w.progress}" "<Num id="descent-progress" value=fraction /></li>
                    <li data-testid="descent-verdict" data-regime=regime>{verdict}</li>
                </ul>
            })
        })
    }
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
    let summary = move || {
        descent.with(|d| {
            d.as_ref().map_or(String::new(), |d| {
                words(lesson.lang.get())
                    .summary
                    .replace("{p}", d.param.name())
                    .replace("{at}", &short(d.at.0))
                    .replace("{slope}", &short(d.slope))
                    .replace("{next}", &short(d.next.0))
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
