//! Charts drawn with plotters over any backend (canvas in the app, an SVG string in tests).

pub mod descent;
pub mod train;

use crate::autograd::sigmoid;
use crate::lesson::SigmoidMark;
use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, ValueFormatter};
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use std::ops::Range;

/// Colours of the marks, in order: those of path 1, path 2 and the shared part in the diagram.
pub const MARK_COLOURS: [RGBColor; 4] = [
    RGBColor(0xc2, 0x25, 0x5c),
    RGBColor(0x19, 0x71, 0xc2),
    RGBColor(0x67, 0x41, 0xd9),
    RGBColor(0xe8, 0x59, 0x0c),
];

/// The two ends of the tangent at a mark, `half` to either side in z: the slope is the core's
/// local derivative ds/dz, not recomputed here.
pub fn tangent(mark: &SigmoidMark, half: f64) -> [(f64, f64); 2] {
    [
        (mark.z - half, mark.s - mark.slope * half),
        (mark.z + half, mark.s + mark.slope * half),
    ]
}

/// The z range to show: at least -6..6, widened to keep every mark and its tangent in view.
pub fn z_range(marks: &[SigmoidMark]) -> (f64, f64) {
    marks
        .iter()
        .fold((-6.0, 6.0), |(lo, hi), m| (lo.min(m.z - 1.5), hi.max(m.z + 1.5)))
}

/// A y axis that is linear or logarithmic, as decided when the chart is drawn. Every chart uses
/// it (with f64 on the x axis), so they all have one coordinate type and plotters' mesh, label and
/// series code is compiled into the app once instead of once per kind of axis. Each method is the
/// wrapped axis' own, so the drawing is exactly that of a plain linear or log axis.
pub enum YAxis {
    Linear(RangedCoordf64),
    Log(LogCoord<f64>),
}

impl YAxis {
    /// A linear axis over `range`.
    pub fn linear(range: Range<f64>) -> Self {
        YAxis::Linear(range.into())
    }

    /// A logarithmic axis over `range` (both ends positive).
    pub fn log(range: Range<f64>) -> Self {
        YAxis::Log(range.log_scale().into())
    }
}

impl Ranged for YAxis {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        match self {
            YAxis::Linear(c) => c.map(value, limit),
            YAxis::Log(c) => c.map(value, limit),
        }
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        match self {
            YAxis::Linear(c) => c.key_points(hint),
            YAxis::Log(c) => c.key_points(hint),
        }
    }

    fn range(&self) -> Range<f64> {
        match self {
            YAxis::Linear(c) => c.range(),
            YAxis::Log(c) => c.range(),
        }
    }
}

/// Labels as a linear f64 axis writes them (a log axis' chart gives its own formatter).
impl ValueFormatter<f64> for YAxis {
    fn format(value: &f64) -> String {
        <RangedCoordf64 as ValueFormatter<f64>>::format(value)
    }
}

/// A chart with f64 coordinates on the x axis and a [`YAxis`].
type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, YAxis>>;

/// The chart's frame for the z range `lo..hi`: the same on both layers, so their points line up.
fn sigmoid_chart<'a, DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (lo, hi): (f64, f64),
) -> Result<Chart<'a, DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    ChartBuilder::on(root)
        .margin(8)
        .x_label_area_size(40)
        .y_label_area_size(34)
        .build_cartesian_2d(lo..hi, YAxis::linear(-0.1..1.1))
}

/// The background layer for the z range `range` (see [`z_range`]): white, axes, grid and the
/// curve σ(z). It changes only with the range and the size, not with every edit.
pub fn draw_sigmoid_curve<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    range: (f64, f64),
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let mut chart = sigmoid_chart(root, range)?;
    chart
        .configure_mesh()
        .x_desc("z")
        .y_desc("σ(z)")
        .max_light_lines(1)
        .draw()?;
    const STEPS: usize = 240;
    let (lo, hi) = range;
    let curve = (0..=STEPS)
        .map(|i| lo + (hi - lo) * i as f64 / STEPS as f64)
        .map(|z| (z, sigmoid(z)));
    chart.draw_series(LineSeries::new(curve, BLACK.stroke_width(2)))?;
    root.present()
}

/// The marks layer, drawn over [`draw_sigmoid_curve`] of the same range on a transparent
/// surface: each mark's point (z, σ(z)), its tangent, whose slope is the local derivative that
/// appears as a factor dY/dy or dH/dh in the chain rule, and a legend row.
pub fn draw_sigmoid_marks<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    range: (f64, f64),
    marks: &[SigmoidMark],
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let mut chart = sigmoid_chart(root, range)?;
    for (i, mark) in marks.iter().enumerate() {
        let colour = MARK_COLOURS[i % MARK_COLOURS.len()];
        chart.draw_series(LineSeries::new(tangent(mark, 1.2), colour.stroke_width(3)))?;
        chart.draw_series([Circle::new((mark.z, mark.s), 6, colour.filled())])?;
        // A legend row per mark, top left, so close points never hide each other's labels.
        let (out, z) = (mark.output, mark.input);
        let label = format!("● {out} = σ({z}), σ′({z}) = {:.4}", mark.slope);
        let at = (range.0 + 0.2, 1.04 - 0.11 * i as f64);
        chart.draw_series([Text::new(
            label,
            at,
            (FontFamily::SansSerif, 15).into_font().color(&colour),
        )])?;
    }
    root.present()
}

/// Both layers on one surface: the curve of [`z_range`] for `marks`, then the marks.
pub fn draw_sigmoids<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    marks: &[SigmoidMark],
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let range = z_range(marks);
    draw_sigmoid_curve(root, range)?;
    draw_sigmoid_marks(root, range, marks)
}
