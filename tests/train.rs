//! Native tests of training: the chunked run against an independent closed-form SGD, the bounded history, divergence, and the charts as SVG strings.
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "e2e/reference.rs"]
mod reference;

use backprop_lab::net::{Example, Net, NetError, Param};
use backprop_lab::plot::train::{draw_error_history, draw_param_history, ERROR_COLOUR, PARAM_COLOURS};
use backprop_lab::train::{History, Sample, Trainer, HISTORY_POINTS};
use plotters::prelude::*;
use reference::MAZUR;

/// Mazur (2015), "A Step by Step Backpropagation Example": the weights after the first update at
/// lr 0.5, in the lesson's names (his w1 w2 w3 w4 = our w11 w13 w12 w14; w5 w6 w7 w8 = w21 w23 w22 w24).
const MAZUR_AFTER_ONE_STEP: [(Param, f64); 8] = [
    (Param::W11, 0.149780716),
    (Param::W13, 0.19956143),
    (Param::W12, 0.24975114),
    (Param::W14, 0.29950229),
    (Param::W21, 0.35891648),
    (Param::W23, 0.408666186),
    (Param::W22, 0.511301270),
    (Param::W24, 0.561370121),
];

/// Mazur (2015): the total error of the worked example before training.
const MAZUR_E0: f64 = 0.298371109;

fn worked() -> Net {
    Net::new(&Example::worked()).unwrap()
}

fn reference_params(r: &reference::Net) -> [f64; 12] {
    [
        r.w11, r.w12, r.w13, r.w14, r.w21, r.w22, r.w23, r.w24, r.b1, r.b2, r.b3, r.b4,
    ]
}

fn close(got: f64, want: f64, rel: f64) -> bool {
    (got - want).abs() <= rel * want.abs()
}

/// The trainer's E and all twelve parameters equal the reference run's to 1e-9 relative.
fn assert_ends_like(t: &Trainer, want: &reference::Net) {
    assert!(
        close(t.error(), want.forward().E, 1e-9),
        "{} vs {}",
        t.error(),
        want.forward().E
    );
    let got = t.net().example().params;
    for (p, (g, w)) in Param::ALL.into_iter().zip(got.iter().zip(reference_params(want))) {
        assert!(close(*g, w, 1e-9), "{}: {g} vs {w}", p.name());
    }
}

#[test]
fn the_reference_sgd_reproduces_mazurs_first_update() {
    let after = MAZUR.sgd(0.5, 1);
    let params = reference_params(&after);
    for (p, want) in MAZUR_AFTER_ONE_STEP {
        assert!(
            (params[p.index()] - want).abs() < 1e-8,
            "{}: {}",
            p.name(),
            params[p.index()]
        );
    }
}

#[test]
fn one_step_matches_mazurs_published_weights() {
    let mut t = Trainer::new(worked());
    assert!((t.error() - MAZUR_E0).abs() < 1e-9);
    assert_eq!(t.run(0.5, 1), Ok(1));
    let now = t.net().example();
    for (p, want) in MAZUR_AFTER_ONE_STEP {
        assert!((now.param(p) - want).abs() < 1e-8, "{}: {}", p.name(), now.param(p));
    }
}

#[test]
fn a_thousand_steps_in_chunks_match_the_closed_form_sgd() {
    // Independent: the closed-form forward pass and gradients of tests/e2e/reference.rs, in a plain loop.
    let want = MAZUR.sgd(0.5, 1000);
    let mut t = Trainer::new(worked());
    for chunk in [1, 9, 90, 400, 500] {
        assert_eq!(t.run(0.5, chunk), Ok(chunk));
    }
    assert_eq!(t.steps(), 1000);
    assert_ends_like(&t, &want);
    assert!(t.stopped().is_none());
}

#[test]
fn rises_count_the_steps_where_the_closed_form_error_went_up() {
    for (lr, steps) in [(0.5, 300), (50.0, 300)] {
        // Count the rises of E along the closed-form run.
        let mut r = MAZUR;
        let mut e = r.forward().E;
        let mut want = 0;
        for _ in 0..steps {
            r = r.sgd(lr, 1);
            let next = r.forward().E;
            want += u64::from(next > e);
            e = next;
        }
        let mut t = Trainer::new(worked());
        t.run(lr, steps).unwrap();
        assert_eq!(t.rises(), want, "lr {lr}");
        assert!(close(t.error(), e, 1e-9), "lr {lr}: {} vs {e}", t.error());
    }
}

#[test]
fn the_history_stays_bounded_and_evenly_spaced_over_a_million_steps() {
    let mut h = History::new(HISTORY_POINTS);
    for step in 0..=1_000_000u64 {
        h.record(Sample {
            step,
            error: 1.0 / (step + 1) as f64,
            params: [step as f64; 12],
        });
        assert!(h.samples().len() <= HISTORY_POINTS);
    }
    let s = h.samples();
    // 1,000,000 / 512 = 1953.1, so the stride has doubled up to 2048 = 2^11.
    assert_eq!(h.stride(), 2048);
    assert_eq!(s[0].step, 0);
    assert!(s.windows(2).all(|w| w[1].step - w[0].step == 2048));
    assert_eq!(s.last().unwrap().step, 1_000_000 / 2048 * 2048);
    assert_eq!(s.len(), 1_000_000 / 2048 + 1);
}

#[test]
fn a_long_run_keeps_few_points_and_the_series_ends_at_the_current_step() {
    let mut t = Trainer::with_capacity(worked(), 16);
    for _ in 0..20 {
        t.run(0.5, 1000).unwrap();
        assert!(t.history().samples().len() <= 16);
    }
    let series = t.series();
    assert_eq!(series.first().unwrap().step, 0);
    assert_eq!(series.last().unwrap().step, 20_000);
    assert_eq!(series.last().unwrap().error, t.error());
    assert!(series.windows(2).all(|w| w[0].step < w[1].step));
    assert!(series.windows(2).all(|w| w[1].error < w[0].error), "E falls at lr 0.5");
}

/// tests/net.rs's diverging case: with x1 = 1e300 and w11 = w12 = 0 the forward pass is finite,
/// but dE/dw11 = dE/dh1 * x1 is about 1e298, so at lr 1e100 the first update overflows.
fn overflowing() -> Net {
    let mut ex = Example::worked();
    ex.x[0] = 1e300;
    ex.params[Param::W11.index()] = 0.0;
    ex.params[Param::W12.index()] = 0.0;
    Net::new(&ex).unwrap()
}

#[test]
fn a_diverging_step_stops_the_run_and_keeps_the_last_finite_state() {
    let start = overflowing();
    let mut t = Trainer::new(start.clone());
    // Three steps at lr 0 change nothing (any real step moves w11 off 0 and h1 = w11 * 1e300
    // saturates H1, which closes the overflowing path); they only number the diverging step.
    assert_eq!(t.run(0.0, 3), Ok(3));
    let before = t.net().example();
    let e_before = t.error();
    match t.run(1e100, 5) {
        Err(NetError::Diverged { step, name, value }) => {
            assert_eq!(step, 4, "numbered in the run, not within the chunk");
            assert_eq!(name, "w11");
            assert!(value.is_infinite());
        }
        other => panic!("expected a divergence, got {other:?}"),
    }
    assert_eq!(t.steps(), 3);
    assert_eq!(t.net().example(), before);
    assert_eq!(t.error(), e_before);
    assert!(t.error().is_finite());
    assert!(t
        .series()
        .iter()
        .all(|s| s.error.is_finite() && s.params.iter().all(|p| p.is_finite())));
    // Stopped for good until reset, even at a harmless lr.
    assert!(t.run(0.5, 1).is_err());
    assert_eq!(t.steps(), 3);
    t.reset();
    assert_eq!(t.steps(), 0);
    assert!(t.stopped().is_none());
    assert_eq!(t.net().example(), start.example());
    assert_eq!(t.history().samples().len(), 1);
}

#[test]
fn lr_fifty_saturates_without_diverging_and_follows_the_reference() {
    // A rate a hundred times Mazur's: the first step throws the outputs into the sigmoids' flat
    // tails (reference: E below 1e-3 after it), and nothing overflows. The app's run must follow
    // the independent closed-form SGD step for step, not merely stay finite.
    let mut t = Trainer::new(worked());
    assert_eq!(t.run(50.0, 1), Ok(1));
    let one = MAZUR.sgd(50.0, 1);
    assert!(one.forward().E < 1e-3);
    assert!(
        close(t.error(), one.forward().E, 1e-9),
        "{} vs {}",
        t.error(),
        one.forward().E
    );
    assert_eq!(t.run(50.0, 999), Ok(999));
    assert!(t.stopped().is_none());
    let want = MAZUR.sgd(50.0, 1000);
    assert_ends_like(&t, &want);
}

/// The page's longest run (tests/e2e.rs runs a million steps in the browser): natively, a
/// million steps at lr 0.5 in the page's chunk sizes end where the closed-form SGD ends.
#[test]
fn a_million_steps_end_where_the_reference_sgd_ends() {
    let mut t = Trainer::new(worked());
    let mut done = 0;
    while done < 1_000_000 {
        let chunk = 10_000.min(1_000_000 - done);
        assert_eq!(t.run(0.5, chunk), Ok(chunk));
        done += chunk;
    }
    assert_eq!(t.steps(), 1_000_000);
    let want = MAZUR.sgd(0.5, 1_000_000);
    assert_ends_like(&t, &want);
    // 1,000,000 / 512 > 1024: the stride doubled to 2048, and 1,000,000 / 2048 + 1 = 489 points.
    assert_eq!(t.history().samples().len(), 489);
}

/// Every `<polyline>` of an SVG as (stroke colour, number of points).
fn polylines(svg: &str) -> Vec<(String, usize)> {
    let attr = |tag: &str, name: &str| {
        let key = format!("{name}=\"");
        tag.find(&key).map(|i| {
            let rest = &tag[i + key.len()..];
            rest[..rest.find('"').unwrap()].to_owned()
        })
    };
    svg.split("<polyline")
        .skip(1)
        .map(|rest| {
            let tag = &rest[..rest.find("/>").unwrap()];
            let points = attr(tag, "points").unwrap_or_default();
            (
                attr(tag, "stroke").unwrap_or_default(),
                points.split_whitespace().count(),
            )
        })
        .collect()
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

fn svg_of(draw: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>)) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (760, 240)).into_drawing_area();
        draw(&root);
    }
    svg
}

#[test]
fn the_error_chart_draws_one_series_of_every_kept_point_and_the_latest_error() {
    let mut t = Trainer::new(worked());
    let svg = svg_of(|root| draw_error_history(root, &t.series(), None, "step").unwrap());
    // Mazur's E before training, 0.298371109, to six decimals.
    assert!(svg.contains("E = 0.298371"), "{svg}");
    t.run(0.5, 1000).unwrap();
    let series = t.series();
    let e = MAZUR.sgd(0.5, 1000).forward().E; // independent closed form
    for log in [false, true] {
        let svg = svg_of(|root| draw_error_history(root, &series, log.then_some("E (log)"), "step").unwrap());
        assert!(svg.starts_with("<svg"));
        let lines = polylines(&svg);
        let ours: Vec<_> = lines.iter().filter(|(c, _)| *c == hex(ERROR_COLOUR)).collect();
        assert_eq!(ours.len(), 1, "one error series: {lines:?}");
        assert_eq!(ours[0].1, series.len(), "one vertex per kept step");
        // Below 0.001 the label switches to exponent form with four decimals. E after 1000 steps
        // at lr 0.5 is 0.00027070458789574324 by a separate Python script (the closed form of
        // tests/e2e/reference.rs written again in Python, 1000 plain SGD steps), so the label is:
        assert!(e < 1e-3 && (e - 0.00027070458789574324).abs() < 1e-15);
        assert!(svg.contains("E = 2.7070e-4"), "latest E label");
        assert_eq!(svg.contains("E (log)"), log);
    }
}

#[test]
fn the_parameter_chart_draws_twelve_labelled_series() {
    let mut t = Trainer::new(worked());
    t.run(0.5, 1).unwrap();
    let series = t.series();
    let svg = svg_of(|root| draw_param_history(root, &series, "step").unwrap());
    let lines = polylines(&svg);
    for (p, colour) in Param::ALL.into_iter().zip(PARAM_COLOURS) {
        let n = lines.iter().filter(|(c, _)| *c == hex(colour)).count();
        assert_eq!(n, 1, "{}: one line in its colour", p.name());
        assert!(svg.contains(&format!("\n{} = ", p.name())), "{} labelled", p.name());
    }
    assert!(lines.iter().filter(|(_, n)| *n == 2).count() >= 12, "steps 0 and 1");
    // The legend shows the values after one step: Mazur's published weights to six decimals.
    for (p, want) in MAZUR_AFTER_ONE_STEP {
        assert!(
            svg.contains(&format!("{} = {want:.6}", p.name())),
            "{} = {want:.6}",
            p.name()
        );
    }
}
