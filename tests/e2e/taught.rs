//! What each practice step asks, by the page ids docs/lessons.md and docs/practice.md give, each with its number worked out in closed form here (shares no code with the app).

use crate::reference::Net;

fn s(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// One step's asked numbers: its slug and, per page id, the number.
pub type Step = (&'static str, Vec<(String, f64)>);

fn ids(list: &[(&str, f64)]) -> Vec<(String, f64)> {
    list.iter().map(|(id, v)| (id.to_string(), *v)).collect()
}

/// Every step of the lesson in the notes' order (the two clicked chains w13 and b3 after w11),
/// with the numbers practice mode asks there (none on the steps that ask nothing). `lr` is the
/// learning rate; `xy` and `up` the add and multiply nodes' inputs and incoming gradient.
///
/// The wiring is the lesson's (tests/e2e/reference.rs): h1 = w11·x1 + w13·x2 + b1,
/// h2 = w12·x1 + w14·x2 + b2, y1 = w21·H1 + w23·H2 + b3, y2 = w22·H1 + w24·H2 + b4,
/// Error_k = ½(t_k − Y_k)². Chain factors ∂Error_k/∂Y_k = Y_k − t_k, ∂Y/∂y = Y(1 − Y),
/// ∂y1/∂H1 = w21, ∂H/∂h = H(1 − H), ∂h1/∂w11 = x1; a sweep stop's share is ∂E/∂c · ∂c/∂node.
#[allow(non_snake_case)]
pub fn steps(n: &Net, lr: f64, xy: [f64; 2], up: f64) -> Vec<Step> {
    let h1 = n.w11 * n.x1 + n.w13 * n.x2 + n.b1;
    let h2 = n.w12 * n.x1 + n.w14 * n.x2 + n.b2;
    let (H1, H2) = (s(h1), s(h2));
    let y1 = n.w21 * H1 + n.w23 * H2 + n.b3;
    let y2 = n.w22 * H1 + n.w24 * H2 + n.b4;
    let (Y1, Y2) = (s(y1), s(y2));
    let e1 = 0.5 * (n.t1 - Y1).powi(2);
    let e2 = 0.5 * (n.t2 - Y2).powi(2);
    let (dY1, dY2) = (Y1 - n.t1, Y2 - n.t2);
    let (sY1, sY2) = (Y1 * (1.0 - Y1), Y2 * (1.0 - Y2));
    let (sH1, sH2) = (H1 * (1.0 - H1), H2 * (1.0 - H2));
    let (o1, o2) = (dY1 * sY1, dY2 * sY2);
    let (dH1, dH2) = (o1 * n.w21 + o2 * n.w22, o1 * n.w23 + o2 * n.w24);
    let (d1, d2) = (dH1 * sH1, dH2 * sH2);
    let g = n.grads();
    let names = [
        "w11", "w12", "w13", "w14", "w21", "w22", "w23", "w24", "b1", "b2", "b3", "b4",
    ];
    // The two paths of w11 (and of w13, whose last factor is x2).
    let p11 = [o1 * n.w21 * sH1 * n.x1, o2 * n.w22 * sH1 * n.x1];
    let p13 = [o1 * n.w21 * sH1 * n.x2, o2 * n.w22 * sH1 * n.x2];
    let two_paths = |last: f64, p: [f64; 2]| {
        ids(&[
            ("factor-1-1", dY1),
            ("factor-1-2", sY1),
            ("factor-1-3", n.w21),
            ("factor-1-4", sH1),
            ("factor-1-5", last),
            ("factor-2-1", dY2),
            ("factor-2-2", sY2),
            ("factor-2-3", n.w22),
            ("factor-2-4", sH1),
            ("factor-2-5", last),
            ("path-1", p[0]),
            ("path-2", p[1]),
            ("path-sum", p[0] + p[1]),
        ])
    };
    let mut w11 = two_paths(n.x1, p11);
    w11.push(("grad-w11".into(), p11[0] + p11[1]));
    let mut w13 = two_paths(n.x2, p13);
    w13.push(("grad-w13".into(), p13[0] + p13[1]));
    let one =
        |share: f64, node: &str, c: &str| ids(&[(&format!("share-{c}"), share), (&format!("upstream-{node}"), share)]);
    vec![
        ("forward", vec![]),
        ("forward-hidden-sum", ids(&[("value-h1", h1), ("value-h2", h2)])),
        ("forward-hidden-out", ids(&[("value-H1", H1), ("value-H2", H2)])),
        ("forward-output-sum", ids(&[("value-y1", y1), ("value-y2", y2)])),
        ("forward-output-out", ids(&[("value-Y1", Y1), ("value-Y2", Y2)])),
        (
            "error",
            ids(&[("value-Error1", e1), ("value-Error2", e2), ("value-E", e1 + e2)]),
        ),
        (
            "grad-w21",
            ids(&[
                ("factor-1-1", dY1),
                ("factor-1-2", sY1),
                ("factor-1-3", H1),
                ("path-1", o1 * H1),
                ("path-sum", o1 * H1),
                ("grad-w21", o1 * H1),
            ]),
        ),
        ("grad-w11", w11),
        ("grad-w13", w13),
        (
            "grad-b3",
            ids(&[
                ("factor-1-1", dY1),
                ("factor-1-2", sY1),
                ("factor-1-3", 1.0),
                ("path-1", o1),
                ("path-sum", o1),
                ("grad-b3", o1),
            ]),
        ),
        ("backward", ids(&[("upstream-E", 1.0)])),
        ("backward-Error2", one(1.0, "Error2", "E")),
        ("backward-Error1", one(1.0, "Error1", "E")),
        ("backward-Y2", one(dY2, "Y2", "Error2")),
        ("backward-Y1", one(dY1, "Y1", "Error1")),
        ("backward-y2", one(o2, "y2", "Y2")),
        ("backward-y1", one(o1, "y1", "Y1")),
        (
            "backward-H2",
            ids(&[("share-y1", o1 * n.w23), ("share-y2", o2 * n.w24), ("upstream-H2", dH2)]),
        ),
        (
            "backward-H1",
            ids(&[("share-y1", o1 * n.w21), ("share-y2", o2 * n.w22), ("upstream-H1", dH1)]),
        ),
        ("backward-h2", one(d2, "h2", "H2")),
        ("backward-h1", one(d1, "h1", "H1")),
        (
            "backward-params",
            names.iter().zip(g).map(|(p, g)| (format!("grad-{p}"), g)).collect(),
        ),
        (
            "update",
            ids(&[("next-w21", n.w21 - lr * g[4]), ("next-w11", n.w11 - lr * g[0])]),
        ),
        ("descent", vec![]),
        ("train", vec![]),
        ("add-node", ids(&[("node-grad-x", up), ("node-grad-y", up)])),
        (
            "mul-node",
            ids(&[("node-grad-x", up * xy[1]), ("node-grad-y", up * xy[0])]),
        ),
        ("graph", vec![]),
        ("playground", vec![]),
    ]
}

/// The example's givens: inputs, targets, the twelve parameters and the learning rate. They
/// are on show on every step, so a question whose answer equals one (∂y1/∂H1 = w21) is read off.
pub fn givens(n: &Net, lr: f64) -> Vec<f64> {
    vec![
        n.x1, n.x2, n.t1, n.t2, n.w11, n.w12, n.w13, n.w14, n.w21, n.w22, n.w23, n.w24, n.b1, n.b2, n.b3, n.b4, lr,
    ]
}
