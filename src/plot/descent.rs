//! The descent chart: E along one parameter, the tangent at the current point, the update's step and the lowest point ahead.

use super::YAxis;
use crate::lesson::Descent;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The tangent's colour and the step arrow's colour.
pub const TANGENT: RGBColor = RGBColor(0x19, 0x71, 0xc2);
pub const STEP: RGBColor = RGBColor(0xd9, 0x48, 0x0f);
/// The colour of the line at the lowest point ahead.
pub const MINIMUM: RGBColor = RGBColor(0x2b, 0x8a, 0x3e);

/// The tangent at the current point, `half` to either side: its slope is the core's dE/dp.
pub fn tangent(d: &Descent, half: f64) -> [(f64, f64); 2] {
    let (x, e) = d.at;
    [(x - half, e - d.slope * half), (x + half, e + d.slope * half)]
}

/// The y range: every sampled E, the step's end, with a margin; never below a little under 0.
fn e_range(d: &Descent) -> (f64, f64) {
    let es = d
        .curve
        .iter()
        .map(|&(_, e)| e)
        .chain([d.at.1, d.next.1])
        .filter(|e| e.is_finite());
    let (lo, hi) = es.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), e| (lo.min(e), hi.max(e)));
    let pad = ((hi - lo) * 0.12).max(1e-6);
    ((lo - pad).max(-pad), hi + pad)
}

/// Draws the chart for `d`, labelled with the parameter's name.
pub fn draw_descent<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    d: &Descent,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let (x_lo, x_hi) = (
        d.curve.first().map_or(d.at.0 - 2.0, |p| p.0),
        d.curve.last().map_or(d.at.0 + 2.0, |p| p.0),
    );
    let (e_lo, e_hi) = e_range(d);
    let mut chart = ChartBuilder::on(root)
        .margin(10)
        .x_label_area_size(40)
        .y_label_area_size(52)
        .build_cartesian_2d(x_lo..x_hi, YAxis::linear(e_lo..e_hi))?;
    chart
        .configure_mesh()
        .x_desc(d.param.name())
        .y_desc("E")
        .max_light_lines(1)
        .draw()?;
    if let Ok(m) = d.minimum {
        // The lowest point ahead: a dotted line across the whole height.
        chart.draw_series(DashedLineSeries::new(
            [(m.at, e_lo), (m.at, e_hi)],
            3,
            5,
            MINIMUM.stroke_width(2),
        ))?;
    }
    chart.draw_series(LineSeries::new(d.curve.iter().copied(), BLACK.stroke_width(2)))?;
    let half = (x_hi - x_lo) * 0.18;
    chart.draw_series(DashedLineSeries::new(tangent(d, half), 8, 5, TANGENT.stroke_width(3)))?;
    // The step: from the current point straight across to the new value, then down (or up) to E there.
    let (x, e) = d.at;
    let (nx, ne) = d.next;
    chart.draw_series(LineSeries::new([(x, e), (nx, e)], STEP.stroke_width(3)))?;
    chart.draw_series(DashedLineSeries::new([(nx, e), (nx, ne)], 4, 4, STEP.stroke_width(2)))?;
    let head = (x_hi - x_lo) * 0.02 * (nx - x).signum();
    let tip = (e_hi - e_lo) * 0.03;
    if nx != x {
        chart.draw_series([Polygon::new(
            vec![(nx, e), (nx - head, e + tip), (nx - head, e - tip)],
            STEP.filled(),
        )])?;
    }
    chart.draw_series([Circle::new((x, e), 7, BLACK.filled())])?;
    chart.draw_series([Circle::new((nx, ne), 7, STEP.stroke_width(3))])?;
    root.present()
}
