//! The descent step: choose a parameter and a learning rate, see E along it, the tangent and the step.

use super::formula::FormulaView;
use super::num::Num;
use super::state::Lesson;
use crate::math::formulas;

use crate::net::Param;
use crate::plot::descent::draw_descent;
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
            {numbers}
            <p class="explain">{why}</p>
        </div>
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
                let p = d.param.name();
                let (at, e) = d.at;
                format!(
                    "{p} = {at:.4}, E = {e:.4}, ∂E/∂{p} = {:.4}, {p} ← {:.4}",
                    d.slope, d.next.0
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
