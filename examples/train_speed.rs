//! Benchmark: 1,000,000 SGD steps on the 2-2-2 net with the autograd core and with a hand-derived closed form.

use backprop_lab::net::{Example, Net};
use std::hint::black_box;
use std::time::Instant;

const STEPS: usize = 1_000_000;
const LR: f64 = 0.5;

fn s(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// One SGD step with gradients derived by hand (the baseline); returns E before the step.
/// p = [w11 w12 w13 w14 w21 w22 w23 w24 b1 b2 b3 b4].
fn closed_form_step(p: &mut [f64; 12], x: [f64; 2], t: [f64; 2], lr: f64) -> f64 {
    let [w11, w12, w13, w14, w21, w22, w23, w24, b1, b2, b3, b4] = *p;
    let h1 = s(w11 * x[0] + w13 * x[1] + b1);
    let h2 = s(w12 * x[0] + w14 * x[1] + b2);
    let y1 = s(w21 * h1 + w23 * h2 + b3);
    let y2 = s(w22 * h1 + w24 * h2 + b4);
    let e = 0.5 * (t[0] - y1).powi(2) + 0.5 * (t[1] - y2).powi(2);
    // Output deltas dE/dy_k = (Y_k - t_k) Y_k (1 - Y_k); hidden deltas sum both outputs' shares.
    let d1 = (y1 - t[0]) * y1 * (1.0 - y1);
    let d2 = (y2 - t[1]) * y2 * (1.0 - y2);
    let g1 = (d1 * w21 + d2 * w22) * h1 * (1.0 - h1);
    let g2 = (d1 * w23 + d2 * w24) * h2 * (1.0 - h2);
    let grad = [
        g1 * x[0],
        g2 * x[0],
        g1 * x[1],
        g2 * x[1],
        d1 * h1,
        d2 * h1,
        d1 * h2,
        d2 * h2,
        g1,
        g2,
        d1,
        d2,
    ];
    for (v, g) in p.iter_mut().zip(grad) {
        *v -= lr * g;
    }
    e
}

fn closed_form_error(p: &[f64; 12], x: [f64; 2], t: [f64; 2]) -> f64 {
    let mut q = *p;
    closed_form_step(&mut q, x, t, 0.0)
}

fn main() {
    let ex = Example::worked();

    let mut net = Net::new(&ex).expect("the worked example is finite");
    let start = Instant::now();
    for _ in 0..STEPS {
        black_box(net.step(black_box(LR)).expect("the worked example does not diverge"));
    }
    let autograd_ns = start.elapsed().as_nanos() as f64 / STEPS as f64;
    let autograd_error = net.value("E");

    let mut p = ex.params;
    let start = Instant::now();
    for _ in 0..STEPS {
        black_box(closed_form_step(black_box(&mut p), ex.x, ex.t, black_box(LR)));
    }
    let closed_ns = start.elapsed().as_nanos() as f64 / STEPS as f64;
    let closed_error = closed_form_error(&p, ex.x, ex.t);

    assert!(
        (autograd_error - closed_error).abs() <= 1e-9,
        "the two runs disagree: autograd {autograd_error}, closed form {closed_error}"
    );
    println!("autograd_ns_per_step={autograd_ns:.1}");
    println!("closed_form_ns_per_step={closed_ns:.1}");
    println!("final_error={autograd_error:.9}");
}
