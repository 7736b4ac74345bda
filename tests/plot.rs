//! Native tests of the charts: drawn to an SVG string, tangents checked against finite differences.
#![cfg(not(target_arch = "wasm32"))]

use backprop_lab::lesson::{Frame, SigmoidMark, Step};
use backprop_lab::net::{Example, Net, Param};
use backprop_lab::plot::{draw_sigmoids, tangent};
use plotters::prelude::*;

fn s(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn marks(step: Step) -> Vec<SigmoidMark> {
    Frame::build(&Net::new(&Example::worked()).unwrap(), step).sigmoids
}

#[test]
fn tangent_slopes_match_a_finite_difference_of_the_sigmoid() {
    for m in marks(Step::Grad(Param::W11)) {
        // Central difference of s at z: independent of the core's s(1 - s).
        let fd = (s(m.z + 1e-6) - s(m.z - 1e-6)) / 2e-6;
        let [(z0, s0), (z1, s1)] = tangent(&m, 1.0);
        assert!(
            ((s1 - s0) / (z1 - z0) - fd).abs() < 1e-8,
            "{}: {} vs {fd}",
            m.output,
            m.slope
        );
        assert!((m.s - s(m.z)).abs() < 1e-15);
    }
}

#[test]
fn grad_steps_plot_only_the_sigmoids_on_their_paths() {
    let names = |step| marks(step).into_iter().map(|m| m.output).collect::<Vec<_>>();
    assert_eq!(names(Step::Grad(Param::W21)), ["Y1"]);
    assert_eq!(names(Step::Grad(Param::W11)), ["Y1", "Y2", "H1"]);
    assert!(names(Step::Error).is_empty());
}

#[test]
fn the_chart_renders_to_svg_with_the_curve_points_and_labels() {
    let marks = marks(Step::Grad(Param::W11));
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (480, 250)).into_drawing_area();
        draw_sigmoids(&root, &marks).unwrap();
    }
    assert!(svg.starts_with("<svg"));
    assert_eq!(svg.matches("<circle").count(), 3, "one point per mark");
    for label in [
        "Y1 = σ(y1), σ′(y1) = ",
        "Y2 = σ(y2), σ′(y2) = ",
        "H1 = σ(h1), σ′(h1) = ",
    ] {
        assert!(
            svg.contains(label),
            "{label} in {}",
            &svg[svg.len().saturating_sub(900)..]
        );
    }
    // The curve and three tangents are polylines.
    assert!(svg.matches("<polyline").count() >= 4);
}

#[test]
fn the_descent_chart_renders_the_curve_tangent_and_step() {
    use backprop_lab::lesson::Descent;
    use backprop_lab::plot::descent::{draw_descent, tangent as descent_tangent};
    let net = Net::new(&Example::worked()).unwrap();
    let d = Descent::of(&net, Param::W21, 0.5);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (760, 300)).into_drawing_area();
        draw_descent(&root, &d).unwrap();
    }
    assert!(
        svg.contains("w21"),
        "the x axis is labelled with the parameter: {}",
        &svg[svg.find("<text").unwrap_or(0)..][..600]
    );
    assert_eq!(
        svg.matches("<circle").count(),
        2,
        "the current point and the step's end"
    );
    assert!(svg.contains("<polygon"), "the step's arrow head");
    // The tangent's slope is dE/dw21; Mazur (2015) gives dE/dw5 = 0.082167041 (w5 = w21).
    let [(x0, e0), (x1, e1)] = descent_tangent(&d, 1.0);
    assert!(((e1 - e0) / (x1 - x0) - 0.082167041).abs() < 1e-9);
}
