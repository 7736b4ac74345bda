//! The sigmoid chart on a canvas: plotters-canvas draws what `plot` describes, its curve and its marks on two layers.

use super::formula::FormulaList;
use super::state::Lesson;
use crate::math::formulas;
use crate::plot::{draw_sigmoid_curve, draw_sigmoid_marks, z_range};
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;

/// The sigmoid with the current step's points and tangents; absent on steps without any.
#[component]
pub fn SigmoidChart() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let (base, over) = (NodeRef::<Canvas>::new(), NodeRef::<Canvas>::new());
    // Practice mode drops a mark whose point or slope is still to be worked out.
    let practice = use_context::<super::practice::Practice>();
    let marks = Memo::new(move |_| {
        let mut marks = lesson.frame.with(|f| f.sigmoids.clone());
        if let Some(p) = practice {
            // Also a mark one of whose numbers another step asks (σ′(h1) on grad-w11).
            marks.retain(|m| !p.drops_sigmoid(m.input) && ![m.z, m.s, m.slope].iter().any(|v| p.blanks(*v)));
        }
        marks
    });
    let range = Memo::new(move |_| marks.with(|m| z_range(m)));
    const ASPECT: f64 = 760.0 / 230.0;
    // The curve and axes: redrawn when the z range or the size changes, not on every edit.
    Effect::new(move |_| {
        let range = range.get();
        super::canvas::track();
        if let (Some(el), false) = (base.get(), marks.with_untracked(Vec::is_empty)) {
            if let Some(backend) = CanvasBackend::with_canvas_object(super::canvas::fit(&el, ASPECT, 200)) {
                let _ = draw_sigmoid_curve(&backend.into_drawing_area(), range);
            }
        }
    });
    // The points, tangents and legend, on a transparent canvas laid over the curve.
    Effect::new(move |_| {
        let marks = marks.get();
        super::canvas::track();
        if let (Some(el), Some(under), false) = (over.get(), base.get(), marks.is_empty()) {
            // The size of the curve's canvas (fitted once per resize, whichever effect runs
            // first): reading this one's box as well would make the browser lay out again.
            let under = super::canvas::fit(&under, ASPECT, 200);
            if (el.width(), el.height()) != (under.width(), under.height()) {
                el.set_width(under.width());
                el.set_height(under.height());
            }
            if let Ok(Some(ctx)) = el.get_context("2d") {
                if let Ok(ctx) = ctx.dyn_into::<web_sys::CanvasRenderingContext2d>() {
                    ctx.clear_rect(0.0, 0.0, el.width() as f64, el.height() as f64);
                }
            }
            if let Some(backend) = CanvasBackend::with_canvas_object(el) {
                let _ = draw_sigmoid_marks(&backend.into_drawing_area(), range.get_untracked(), &marks);
            }
        }
    });
    let summary = move || {
        marks.with(|m| {
            m.iter()
                .map(|m| {
                    let (out, z) = (m.output, m.input);
                    format!(
                        "{z} = {:.4}, {out} = σ({z}) = {:.4}, σ′({z}) = {:.4}",
                        m.z, m.s, m.slope
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        })
    };
    view! {
        <Show when=move || marks.with(|m| !m.is_empty())>
            <figure class="chart">
                <div class="layers" role="img" aria-label=summary>
                    <canvas node_ref=base width="760" height="230"></canvas>
                    <canvas class="over" node_ref=over width="760" height="230"></canvas>
                </div>
                <figcaption>{lesson.text(|s| s.sigmoid_caption)}</figcaption>
                <FormulaList list=Signal::derive(move || marks.with(|m| m.iter().map(formulas::sigmoid_slope).collect::<Vec<_>>())) wide=true />
            </figure>
        </Show>
    }
}
