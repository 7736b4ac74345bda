//! The sigmoid chart on a canvas: plotters-canvas draws what `plot` describes, redrawn when the step changes.

use super::formula::FormulaList;
use super::state::Lesson;
use crate::math::formulas;
use crate::plot::draw_sigmoids;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

/// The sigmoid with the current step's points and tangents; absent on steps without any.
#[component]
pub fn SigmoidChart() -> impl IntoView {
    let lesson = expect_context::<Lesson>();
    let canvas = NodeRef::<Canvas>::new();
    let marks = Memo::new(move |_| lesson.frame.with(|f| f.sigmoids.clone()));
    Effect::new(move |_| {
        let marks = marks.get();
        super::canvas::track();
        if let (Some(el), false) = (canvas.get(), marks.is_empty()) {
            if let Some(backend) = CanvasBackend::with_canvas_object(super::canvas::fit(&el, 760.0 / 230.0, 200)) {
                let _ = draw_sigmoids(&backend.into_drawing_area(), &marks);
            }
        }
    });
    let strings = move || lesson.state.with(|s| s.lang.strings());
    let summary = move || {
        marks.with(|m| {
            m.iter()
                .map(|m| {
                    format!(
                        "{} = s({}): z = {:.4}, s = {:.4}, slope = {:.4}",
                        m.output, m.input, m.z, m.s, m.slope
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        })
    };
    view! {
        <Show when=move || marks.with(|m| !m.is_empty())>
            <figure class="chart">
                <canvas node_ref=canvas width="760" height="230" role="img" aria-label=summary></canvas>
                <figcaption>{move || strings().sigmoid_caption}</figcaption>
                <FormulaList list=Signal::derive(move || marks.with(|m| m.iter().map(formulas::sigmoid_slope).collect::<Vec<_>>())) wide=true />
            </figure>
        </Show>
    }
}
