//! The training charts over any plotters backend: E against the step (linear or log y) and the twelve parameters' trajectories.

use super::YAxis;
use crate::net::Param;
use crate::train::Sample;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The colour of the error curve.
pub const ERROR_COLOUR: RGBColor = RGBColor(0xc2, 0x25, 0x5c);

/// One colour per parameter, in [`Param::ALL`] order: first-layer weights, second-layer weights, biases.
pub const PARAM_COLOURS: [RGBColor; 12] = [
    RGBColor(0x1f, 0x77, 0xb4),
    RGBColor(0xff, 0x7f, 0x0e),
    RGBColor(0x2c, 0xa0, 0x2c),
    RGBColor(0xd6, 0x27, 0x28),
    RGBColor(0x94, 0x67, 0xbd),
    RGBColor(0x8c, 0x56, 0x4b),
    RGBColor(0xe3, 0x77, 0xc2),
    RGBColor(0x7f, 0x7f, 0x7f),
    RGBColor(0xbc, 0xbd, 0x22),
    RGBColor(0x17, 0xbe, 0xcf),
    RGBColor(0x39, 0x3b, 0x79),
    RGBColor(0xad, 0x49, 0x4a),
];

/// The x range: step 0 to the last sample (at least 0..10, so the first steps get whole-number ticks).
fn step_range(points: &[Sample]) -> std::ops::Range<f64> {
    let last = points.last().map_or(0, |s| s.step);
    0.0..(last.max(10) as f64)
}

/// Axis labels: steps as whole numbers.
fn step_tick(v: &f64) -> String {
    format!("{v:.0}")
}

/// The font of axis labels and descriptions. Fonts here name `FontFamily::SansSerif` rather than
/// the string "sans-serif": plotters lowercases a family given as a string, and that call alone
/// links the Unicode case tables into the app.
fn axis_font() -> TextStyle<'static> {
    (FontFamily::SansSerif, 13).into_font().into()
}

/// The smallest and largest of `values` that are finite (and positive when `positive`).
fn span(values: impl Iterator<Item = f64>, positive: bool) -> Option<(f64, f64)> {
    values
        .filter(|v| v.is_finite() && (!positive || *v > 0.0))
        .fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
        })
}

/// E for the chart's label: six decimals, or four significant digits in scientific notation below 0.001.
pub fn error_text(e: f64) -> String {
    if e != 0.0 && e.abs() < 1e-3 {
        format!("{e:.4e}")
    } else {
        format!("{e:.6}")
    }
}

/// E after each kept step, with the latest value written in the top right ([`error_text`]).
/// On a log y axis (`log`: its title, "E (log scale)") the range spans the positive errors (a zero
/// E cannot be shown there).
pub fn draw_error_history<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    points: &[Sample],
    log: Option<&str>,
    step_label: &str,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let x = step_range(points);
    let errors = || points.iter().map(|s| s.error);
    let series = || {
        points
            .iter()
            .filter(move |s| s.error.is_finite() && (log.is_none() || s.error > 0.0))
            .map(|s| (s.step as f64, s.error))
    };
    let style = ERROR_COLOUR.stroke_width(2);
    let latest = points.last().map(|s| format!("E = {}", error_text(s.error)));
    let mut builder = ChartBuilder::on(root);
    builder
        .margin(10)
        .margin_right(26)
        .x_label_area_size(40)
        .y_label_area_size(62);
    // One chart for both scales (see `YAxis`): the axis, its title, the y labels and where the
    // latest E is written differ.
    let (y, y_desc, top) = if let Some(log_label) = log {
        let (lo, hi) = span(errors(), true).unwrap_or((1e-3, 1.0));
        let (lo, hi) = (lo / 2.0, if hi > lo { hi * 2.0 } else { lo * 4.0 });
        (YAxis::log(lo..hi), log_label, hi / 1.15)
    } else {
        let (_, hi) = span(errors(), false).unwrap_or((0.0, 1.0));
        let hi = if hi > 0.0 { hi * 1.08 } else { 1.0 };
        (YAxis::linear(0.0..hi), "E", hi * 0.95)
    };
    let mut chart = builder.build_cartesian_2d(x.clone(), y)?;
    let log_tick = |v: &f64| format!("{v:.0e}");
    let mut mesh = chart.configure_mesh();
    mesh.x_desc(step_label)
        .x_label_formatter(&step_tick)
        .label_style(axis_font())
        .axis_desc_style(axis_font())
        .y_desc(y_desc)
        .max_light_lines(1);
    if log.is_some() {
        mesh.y_label_formatter(&log_tick);
    }
    mesh.draw()?;
    chart.draw_series(LineSeries::new(series(), style))?;
    if let Some(label) = latest {
        chart.draw_series([Text::new(
            label,
            (x.end * 0.62, top),
            (FontFamily::SansSerif, 16).into_font().color(&ERROR_COLOUR),
        )])?;
    }
    root.present()
}

/// The twelve parameters against the step, one coloured line each, with a legend on the right
/// naming each parameter and its latest value (`w11 = 0.149781`).
pub fn draw_param_history<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    points: &[Sample],
    step_label: &str,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let (width, _) = root.dim_in_pixel();
    let (plot, legend) = root.split_horizontally(width.saturating_sub(150));
    let x = step_range(points);
    let (lo, hi) = span(points.iter().flat_map(|s| s.params), false).unwrap_or((0.0, 1.0));
    let pad = ((hi - lo) * 0.08).max(0.05);
    let mut chart = ChartBuilder::on(&plot)
        .margin(10)
        .margin_right(26)
        .x_label_area_size(40)
        .y_label_area_size(48)
        .build_cartesian_2d(x, YAxis::linear((lo - pad)..(hi + pad)))?;
    chart
        .configure_mesh()
        .x_desc(step_label)
        .x_label_formatter(&step_tick)
        .label_style(axis_font())
        .axis_desc_style(axis_font())
        .y_desc("w, b")
        .max_light_lines(1)
        .draw()?;
    for p in Param::ALL {
        let line = points
            .iter()
            .map(|s| (s.step as f64, s.param(p)))
            .filter(|(_, v)| v.is_finite());
        chart.draw_series(LineSeries::new(line, PARAM_COLOURS[p.index()].stroke_width(2)))?;
    }
    let latest = points.last();
    for p in Param::ALL {
        let colour = PARAM_COLOURS[p.index()];
        let y = 14 + 19 * p.index() as i32;
        legend.draw(&Rectangle::new([(4, y - 5), (18, y + 5)], colour.filled()))?;
        let label = match latest {
            Some(s) => format!("{} = {:.6}", p.name(), s.param(p)),
            None => p.name().to_owned(),
        };
        legend.draw(&Text::new(
            label,
            (24, y - 7),
            (FontFamily::SansSerif, 14)
                .into_font()
                .color(&RGBColor(0x33, 0x33, 0x33)),
        ))?;
    }
    root.present()
}
