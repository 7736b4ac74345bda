//! Native tests of the backward sweep worked out stop by stop: shares, their sums, δ times input, the lit edges, the notes' order.
#![cfg(not(target_arch = "wasm32"))]

use backprop_lab::diagram::EDGES;
use backprop_lab::lesson::{stop, sweep, Frame, Mark, Step, Stop, StopKind};
use backprop_lab::math::sweep as formulas;
use backprop_lab::net::{Example, Net, Param};
use backprop_lab::value::random_example;
use proptest::prelude::*;

#[path = "common/hand.rs"]
#[allow(dead_code)]
mod hand;
use hand::Hand;

impl Hand {
    /// What each reader of `node` passes back, as (reader, ∂reader/∂node, share), y1 before y2.
    fn shares(&self, node: &str) -> Vec<(String, f64, f64)> {
        let k: usize = node[node.len() - 1..].parse::<usize>().map_or(0, |d| d - 1);
        match node {
            "E" => vec![],
            "Error1" | "Error2" => vec![("E".into(), 1.0, 1.0)],
            "Y1" | "Y2" => vec![(format!("Error{}", k + 1), self.d_out[k], self.d_out[k])],
            "y1" | "y2" => {
                let s = self.yy[k] * (1.0 - self.yy[k]);
                vec![(format!("Y{}", k + 1), s, self.d_out[k] * s)]
            }
            "H1" | "H2" => (0..2)
                .map(|o| {
                    let w = self.w_out[k][o];
                    (format!("y{}", o + 1), w, self.dy[o] * w)
                })
                .collect(),
            "h1" | "h2" => {
                let s = self.hh[k] * (1.0 - self.hh[k]);
                vec![(format!("H{}", k + 1), s, self.dbig_h[k] * s)]
            }
            _ => panic!("no stop {node}"),
        }
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * (1.0 + a.abs().max(b.abs()))
}

/// Every stop of `net` checked against the hand-written backprop and against the core.
fn check_every_stop(e: &Example) {
    let net = Net::new(e).unwrap();
    let hand = Hand::of(e);
    for (k, &name) in sweep().iter().enumerate() {
        let s = stop(&net, k).unwrap();
        assert_eq!(s.node, Some(name));
        // The sum of the shares is the core's gradient, which the diagram shows as upstream-<node>.
        let upstream = Frame::build(&net, Step::Backward(k))
            .upstream
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap()
            .1;
        assert_eq!(s.grad, upstream, "{name}");
        if name != "E" {
            assert!(close(s.sum(), upstream), "{name}: {} vs {upstream}", s.sum());
        }
        // Each share against the closed form.
        let want = hand.shares(name);
        assert_eq!(s.shares.len(), want.len(), "{name}");
        for (got, (reader, local, share)) in s.shares.iter().zip(&want) {
            assert_eq!(got.consumer, reader, "{name}");
            assert!(
                close(got.local, *local),
                "{name} <- {reader}: local {} vs {local}",
                got.local
            );
            assert!(
                close(got.share, *share),
                "{name} <- {reader}: share {} vs {share}",
                got.share
            );
            assert_eq!(got.share, got.upstream * got.local);
        }
    }
    let end = stop(&net, sweep().len()).unwrap();
    assert_eq!(end.kind, StopKind::Params);
    assert_eq!(end.params.len(), 12);
    for g in &end.params {
        let p = g.param.name();
        assert!(close(g.delta * g.local, hand.grad(g.param)), "{p}");
        assert!(close(g.grad, hand.grad(g.param)), "{p}");
        assert_eq!(g.grad, net.grad(g.param));
    }
    assert!(stop(&net, sweep().len() + 1).is_none());
}

#[test]
fn the_worked_example_matches_the_published_deltas() {
    // Matt Mazur, "A Step by Step Backpropagation Example" (2015): dE/dout_o1 = 0.74136507,
    // dout_o1/dnet_o1 = 0.186815602, dE/dnet_o1 = 0.138498562 (our Y1, y1); at out_h1 (H1) the
    // shares dE_o1/dout_h1 = 0.055399425 and dE_o2/dout_h1 = -0.019049119 add to 0.036350306;
    // dout_h1/dnet_h1 = 0.241300709; dE/dw1 = 0.000438568 (our w11), dE/dw5 = 0.082167041 (w21).
    let net = Net::new(&Example::worked()).unwrap();
    let at = |name: &str| -> Stop { stop(&net, sweep().iter().position(|n| *n == name).unwrap()).unwrap() };
    let near = |a: f64, b: f64| (a - b).abs() < 1e-9;
    assert!(near(at("Y1").shares[0].share, 0.74136507));
    let y1 = at("y1");
    assert!(near(y1.shares[0].local, 0.186815602) && near(y1.grad, 0.138498562));
    let h1 = at("H1");
    let readers: Vec<_> = h1.shares.iter().map(|s| s.consumer).collect();
    assert_eq!(readers, ["y1", "y2"]);
    assert_eq!((h1.shares[0].local, h1.shares[1].local), (0.40, 0.50));
    assert!(near(h1.shares[0].share, 0.055399425));
    assert!(near(h1.shares[1].share, -0.019049119));
    assert!(near(h1.grad, 0.036350306));
    assert!(near(at("h1").shares[0].local, 0.241300709));
    let end = stop(&net, sweep().len()).unwrap();
    let grad = |p: Param| end.params.iter().find(|g| g.param == p).unwrap().clone();
    assert!(near(grad(Param::W11).grad, 0.000438568));
    let w21 = grad(Param::W21);
    assert_eq!((w21.node, w21.input), ("y1", Some("H1")));
    assert!(near(w21.delta * w21.local, 0.082167041));
    let b3 = grad(Param::B3);
    assert_eq!((b3.node, b3.input, b3.local), ("y1", None, 1.0));
    check_every_stop(&Example::worked());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Random parameters as Randomise draws them.
    #[test]
    fn every_stop_adds_up_on_random_parameters(seed in any::<u64>()) {
        check_every_stop(&random_example(seed));
    }

    /// Random inputs and targets too.
    #[test]
    fn every_stop_adds_up_on_random_inputs(seed in any::<u64>(), x in prop::array::uniform2(-3.0..3.0f64),
        t in prop::array::uniform2(0.0..1.0f64)) {
        let mut e = random_example(seed);
        e.x = x;
        e.t = t;
        check_every_stop(&e);
    }
}

#[test]
fn each_stop_lights_the_edges_its_shares_travel() {
    let net = Net::new(&Example::worked()).unwrap();
    let edge = |a: &str, b: &str| EDGES.iter().position(|e| e.from == a && e.to == b).unwrap();
    let k = sweep().iter().position(|n| *n == "H1").unwrap();
    let f = Frame::build(&net, Step::Backward(k));
    assert_eq!(f.edge_mark(edge("H1", "y1")), Some(Mark::Active));
    assert_eq!(f.edge_mark(edge("H1", "y2")), Some(Mark::Active));
    // Shares of earlier stops travelled before: done; nothing below H1 yet.
    assert_eq!(f.edge_mark(edge("Y1", "Error1")), Some(Mark::Done));
    assert_eq!(f.edge_mark(edge("h1", "H1")), None);
    let active = f.edges.iter().filter(|(_, m)| *m == Mark::Active).count();
    assert_eq!(active, 2);
    assert_eq!(f.stop.as_ref().and_then(|s| s.node), Some("H1"));
    assert!(f.sigmoids.is_empty());
    // At y1 the sweep multiplies by σ′(y1): the chart's tangent has that slope.
    let k = sweep().iter().position(|n| *n == "y1").unwrap();
    let f = Frame::build(&net, Step::Backward(k));
    assert_eq!(f.edge_mark(edge("y1", "Y1")), Some(Mark::Active));
    assert_eq!(f.sigmoids.len(), 1);
    assert_eq!(f.sigmoids[0].slope, f.stop.unwrap().shares[0].local);
}

#[test]
fn the_formulas_carry_the_models_numbers() {
    let net = Net::new(&Example::worked()).unwrap();
    let value = |n: &str| net.value(n);
    let at = |name: &str| stop(&net, sweep().iter().position(|n| *n == name).unwrap()).unwrap();
    // ∂Error1/∂Y1 = ½ · 2 · (t1 − Y1) · (−1) = Y1 − t1, numbers Y1 and t1.
    let y = at("Y1");
    let local = formulas::local(&y, &y.shares[0], &value);
    assert_eq!(local.rhs.len(), 2);
    assert_eq!(local.numbers.unwrap().numbers(), [value("Y1"), 0.01]);
    // The sum at H1 adds the two shares; its value is the core's gradient.
    let h = at("H1");
    let total = formulas::total(&h).unwrap();
    assert_eq!(total.numbers.unwrap().numbers(), [h.shares[0].share, h.shares[1].share]);
    assert_eq!(total.result, Some(h.grad));
    // At the end: ∂E/∂w11 = δ_h1 · x1 with δ_h1 from the core and x1 = 0.05.
    let end = stop(&net, sweep().len()).unwrap();
    let w11 = end.params.iter().find(|g| g.param == Param::W11).unwrap();
    let f = formulas::param_grad(w11);
    let h1 = net.gradients().get(net.node("h1").unwrap());
    assert_eq!(f.numbers.unwrap().numbers(), [h1, 0.05]);
}

#[test]
fn the_sweep_comes_after_the_two_hand_chains() {
    // The notes' order: forward (5), the errors, the w21 chain, the w11 chain, then the sweep.
    let seq = Step::sequence();
    let slugs: Vec<String> = seq.iter().map(|s| s.slug()).collect();
    assert_eq!(slugs[5..9], ["error", "grad-w21", "grad-w11", "backward"]);
    let end = slugs.iter().position(|s| s == "backward-params").unwrap();
    assert_eq!(
        slugs[end..],
        [
            "backward-params",
            "update",
            "descent",
            "train",
            "add-node",
            "mul-node",
            "graph",
            "playground"
        ]
    );
    assert_eq!(end - 8, sweep().len());
}
