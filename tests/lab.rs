//! The lab's model: shapes and names, its gradients against finite differences on random shapes, activations, losses and data, the batch mean, the path sum, the error signals, the 2-2-2 tie-back, and its data.
#![cfg(not(target_arch = "wasm32"))]

use backprop_lab::lab::{
    explain, Act, Data, DataError, DataSet, Loss, Model, ParamName, Point, Shape, ShapeError, Spec, Tape,
};
use backprop_lab::net::{Example, Net, Param};
use backprop_lab::value::splitmix64;

fn spec(shape: &str, act: Act, loss: Loss, linear_output: bool) -> Spec {
    Spec {
        shape: Shape::parse(shape).unwrap(),
        act,
        loss,
        linear_output,
    }
}

#[test]
fn shapes_are_read_and_refused_as_the_contract_says() {
    assert_eq!(Shape::parse("2-4-4-1").unwrap().to_string(), "2-4-4-1");
    assert_eq!(Shape::parse("2-4-4-1").unwrap().hidden(), &[4, 4]);
    assert_eq!(Shape::parse("2-8-8-8-2").unwrap().depth(), 4);
    assert_eq!(Shape::parse("3-4-1"), Err(ShapeError::Form), "inputs are always 2");
    assert_eq!(Shape::parse("2-4-x"), Err(ShapeError::Form));
    assert_eq!(Shape::parse("2--1"), Err(ShapeError::Form));
    assert_eq!(Shape::parse("2-1"), Err(ShapeError::Layers), "no hidden layer");
    assert_eq!(
        Shape::parse("2-1-1-1-1-1"),
        Err(ShapeError::Layers),
        "four hidden layers"
    );
    assert_eq!(Shape::parse("2-9-1"), Err(ShapeError::Units));
    assert_eq!(Shape::parse("2-0-1"), Err(ShapeError::Units));
    assert_eq!(Shape::parse("2-4-3"), Err(ShapeError::Outputs));
    // 2-4-4-1: 2·4 + 4 + 4·4 + 4 + 4·1 + 1 = 37 parameters.
    assert_eq!(Shape::parse("2-4-4-1").unwrap().params().len(), 37);
}

#[test]
fn parameter_names_follow_w_l_jk_and_the_notes_names_for_2_2_2() {
    for name in Shape::parse("2-3-2-2").unwrap().params() {
        assert_eq!(ParamName::parse(&name.to_string()), Some(name), "{name}");
    }
    assert_eq!(
        ParamName::parse("w2_1_3"),
        Some(ParamName::Weight {
            layer: 2,
            to: 1,
            from: 3
        })
    );
    assert_eq!(ParamName::parse("b1_2"), Some(ParamName::Bias { layer: 1, unit: 2 }));
    for bad in ["w2_1", "w02_1_1", "b1", "x1_1", "w1_1_1_1", "w", ""] {
        assert_eq!(ParamName::parse(bad), None, "{bad}");
    }
    // The notes (seed README): w11 x1→h1, w12 x1→h2, w13 x2→h1, w14 x2→h2; w21 H1→y1, w22 H1→y2,
    // w23 H2→y1, w24 H2→y2; b1, b2 hidden, b3, b4 outputs.
    let want = [
        ("w1_1_1", "w11"),
        ("w1_2_1", "w12"),
        ("w1_1_2", "w13"),
        ("w1_2_2", "w14"),
        ("w2_1_1", "w21"),
        ("w2_2_1", "w22"),
        ("w2_1_2", "w23"),
        ("w2_2_2", "w24"),
        ("b1_1", "b1"),
        ("b1_2", "b2"),
        ("b2_1", "b3"),
        ("b2_2", "b4"),
    ];
    for (lab, notes) in want {
        assert_eq!(ParamName::parse(lab).unwrap().notes().as_deref(), Some(notes), "{lab}");
    }
}

/// The 2-2-2 with σ and squared error on the notes' example is net.rs's network, number for
/// number (same operations in the same order: equal, not close), and Mazur's published figures.
#[test]
fn the_2_2_2_case_equals_the_lessons_network_exactly() {
    let ex = Example::worked();
    let net = Net::new(&ex).unwrap();
    let s = spec("2-2-2", Act::Sigmoid, Loss::Mse, false);
    let names = s.shape.params();
    let params: Vec<f64> = names
        .iter()
        .map(|n| ex.param(Param::from_name(&n.notes().unwrap()).unwrap()))
        .collect();
    let mut tape = Tape::new(&s);
    let loss = tape.run(&params, &Point { x: ex.x, y: 0.0 }, &ex.t);
    assert_eq!(loss, net.graph().value(net.error()), "E");
    for (name, g) in names.iter().zip(tape.grads()) {
        let p = Param::from_name(&name.notes().unwrap()).unwrap();
        assert_eq!(g, net.grad(p), "∂E/∂{}", p.name());
    }
    // Mazur 2015: E_total = 0.298371109, ∂E/∂w5 (w21 here) = 0.082167041, ∂E/∂w1 (w11) = 0.000438568.
    assert!((loss - 0.298371109).abs() < 1e-9);
    let grads: Vec<f64> = tape.grads().collect();
    assert!(
        (grads[s.shape.params().iter().position(|n| n.to_string() == "w2_1_1").unwrap()] - 0.082167041).abs() < 1e-9
    );
    assert!((grads[0] - 0.000438568).abs() < 1e-9);
}

/// Random points and parameters from a seed.
fn random(seed: u64, n: usize) -> Vec<f64> {
    let mut state = seed;
    (0..n)
        .map(|_| {
            let (next, out) = splitmix64(state);
            state = next;
            (out >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
        })
        .collect()
}

fn specs() -> Vec<Spec> {
    let mut all = Vec::new();
    for shape in ["2-1-1", "2-3-2", "2-4-4-1", "2-2-3-2-2", "2-8-1"] {
        for act in [Act::Sigmoid, Act::Tanh, Act::Relu] {
            all.push(spec(shape, act, Loss::Mse, false));
            all.push(spec(shape, act, Loss::Ce, false));
            all.push(spec(shape, act, Loss::Mse, true));
        }
    }
    all
}

/// Central differences with step 1e-6 (error O(h²) ≈ 1e-12 plus rounding ≈ 1e-10 / h).
#[test]
fn gradients_match_finite_differences_on_random_shapes_activations_and_losses() {
    let mut checked = 0;
    for (i, s) in specs().into_iter().enumerate() {
        let mut model = Model::new(s.clone(), 1000 + i as u64);
        let xs = random(77 + i as u64, 8);
        let points: Vec<Point> = (0..4)
            .map(|k| Point {
                x: [xs[2 * k] * 1.5, xs[2 * k + 1] * 1.5],
                y: if s.linear_output { xs[k] } else { (k % 2) as f64 },
            })
            .collect();
        let (_, grad) = model.batch(&points);
        let base = model.params.clone();
        for p in 0..base.len() {
            let at = |model: &mut Model, v: f64| {
                model.params = base.clone();
                model.params[p] = v;
                model.batch(&points).0
            };
            let h = 1e-6;
            let (up, down) = (at(&mut model, base[p] + h), at(&mut model, base[p] - h));
            let numeric = (up - down) / (2.0 * h);
            // A ReLU kink within h of a point makes the difference meaningless there: skip it.
            model.params = base.clone();
            let near_kink = s.act == Act::Relu
                && points.iter().any(|pt| {
                    model.example(pt);
                    let tape = model.tape();
                    tape.units[..tape.units.len() - 1]
                        .iter()
                        .flatten()
                        .any(|&(z, _)| tape.graph.value(z).abs() < 1e-4)
                });
            if near_kink {
                continue;
            }
            let scale = grad[p].abs().max(numeric.abs()).max(1e-3);
            assert!(
                (grad[p] - numeric).abs() / scale < 1e-5,
                "{} {:?} {:?} linear={} {}: engine {} vs finite difference {numeric}",
                s.shape,
                s.act,
                s.loss,
                s.linear_output,
                model.names[p],
                grad[p]
            );
            checked += 1;
        }
    }
    assert!(checked > 1000, "checked {checked}");
}

#[test]
fn the_batch_gradient_is_the_mean_of_the_examples_gradients() {
    let mut model = Model::new(spec("2-4-2", Act::Tanh, Loss::Ce, false), 5);
    let xs = random(9, 20);
    let points: Vec<Point> = (0..10)
        .map(|k| Point {
            x: [xs[2 * k], xs[2 * k + 1]],
            y: (k % 2) as f64,
        })
        .collect();
    let mut sum = vec![0.0; model.params.len()];
    let mut loss = 0.0;
    for p in &points {
        let (l, g) = model.example(p);
        loss += l;
        for (s, gi) in sum.iter_mut().zip(g) {
            *s += gi;
        }
    }
    let (batch_loss, batch) = model.batch(&points);
    assert!((batch_loss - loss / 10.0).abs() < 1e-15);
    for (b, s) in batch.iter().zip(&sum) {
        assert!((b - s / 10.0).abs() < 1e-15, "{b} vs {}", s / 10.0);
    }
}

#[test]
fn the_paths_to_a_parameter_sum_to_its_gradient_and_are_counted() {
    // A first-layer weight of 2-8-8-8-1 reaches the loss through one unit of layer 1, any of 8
    // in layer 2 and any of 8 in layer 3: 8 · 8 = 64 paths; with two outputs 128.
    for (shape, want) in [("2-8-8-8-1", 64), ("2-8-8-8-2", 128), ("2-3-1", 1), ("2-2-2", 2)] {
        let mut model = Model::new(spec(shape, Act::Tanh, Loss::Mse, false), 3);
        let point = Point { x: [0.3, -0.7], y: 1.0 };
        let (_, grad) = model.example(&point);
        let tape = model.tape();
        for (p, &node) in tape.params.iter().enumerate() {
            let paths = tape.graph.paths(tape.loss, node);
            assert!(!paths.truncated);
            let scale = grad[p].abs().max(1e-12);
            assert!(
                (paths.sum() - grad[p]).abs() / scale < 1e-9,
                "{shape} {}: {} vs {}",
                model.names[p],
                paths.sum(),
                grad[p]
            );
            if p == 0 {
                assert_eq!(paths.paths.len(), want, "{shape} paths to w1_1_1");
            }
        }
    }
}

/// The output's error signal ∂L/∂z: Y − t under cross-entropy (σ with one output, softmax with
/// two), (Y − t)·Y(1 − Y) under squared error with σ (derived by hand, not from the engine).
#[test]
fn the_error_signals_are_y_minus_t_under_cross_entropy() {
    let point = Point { x: [0.4, -0.2], y: 1.0 };
    for (shape, loss) in [
        ("2-3-1", Loss::Ce),
        ("2-3-2", Loss::Ce),
        ("2-3-1", Loss::Mse),
        ("2-3-2", Loss::Mse),
    ] {
        let mut model = Model::new(spec(shape, Act::Sigmoid, loss, false), 11);
        let targets = model.targets(&point);
        model.example(&point);
        let tape = model.tape();
        let grads = tape.graph.backward(tape.loss);
        for (k, &(z, a)) in tape.units.last().unwrap().iter().enumerate() {
            let (y, t) = (tape.graph.value(a), targets[k]);
            let want = match loss {
                Loss::Ce => y - t,
                Loss::Mse => (y - t) * y * (1.0 - y),
            };
            assert!(
                (grads.get(z) - want).abs() < 1e-12,
                "{shape} {loss:?} z{k}: {} vs {want}",
                grads.get(z)
            );
        }
    }
}

#[test]
fn training_learns_separable_data_and_refuses_a_non_finite_step() {
    let data = Data::draw(DataSet::Gauss, 100, 0.0, 0.3, 4);
    let train = data.train_points();
    let mut model = Model::new(spec("2-2-1", Act::Tanh, Loss::Ce, false), 8);
    let before = model.batch(&train).0;
    for k in 0..300 {
        let batch: Vec<Point> = (0..10).map(|i| train[(k * 10 + i) % train.len()]).collect();
        model.step(&batch, 0.5).unwrap();
    }
    let after = model.batch(&train).0;
    assert!(after < before * 0.5, "{before} -> {after}");
    let test = data.test_points();
    let right = test
        .iter()
        .filter(|p| (model.predict(p.x) > 0.5) == (p.y == 1.0))
        .count();
    assert!(right as f64 >= 0.95 * test.len() as f64, "{right} of {}", test.len());
    let kept = model.params.clone();
    // A step whose loss is not finite (a target that is not a number) is refused.
    let bad = [Point {
        x: [0.1, 0.2],
        y: f64::NAN,
    }];
    assert!(model.step(&bad, 0.5).is_err());
    assert_eq!(model.params, kept, "a refused step changes nothing");
}

#[test]
fn data_sets_are_drawn_from_the_seed_split_and_written_as_csv_that_reads_back() {
    for set in DataSet::ALL {
        let a = Data::draw(set, 200, 0.1, 0.25, 42);
        assert_eq!(
            a,
            Data::draw(set, 200, 0.1, 0.25, 42),
            "{set:?}: the same seed, the same data"
        );
        assert_ne!(a, Data::draw(set, 200, 0.1, 0.25, 43), "{set:?}");
        assert_eq!(a.train.iter().filter(|&&t| !t).count(), 50, "{set:?}: 25 % held out");
        if !set.regression() {
            assert_eq!(
                a.points.iter().filter(|p| p.y == 1.0).count(),
                100,
                "{set:?}: balanced labels"
            );
        }
        assert!(a.points.iter().all(|p| p.x.iter().all(|v| v.abs() < 2.0)), "{set:?}");
        let back = Data::from_csv(&a.csv(), set.regression()).unwrap();
        assert_eq!(back, a, "{set:?}: the CSV reads back exactly");
        assert_eq!(DataSet::from_key(set.key()), Some(set));
    }
    // XOR without noise: the label is the sign of x1·x2.
    let xor = Data::draw(DataSet::Xor, 100, 0.0, 0.0, 1);
    assert!(xor.points.iter().all(|p| (p.x[0] * p.x[1] > 0.0) == (p.y == 1.0)));
}

#[test]
fn pasted_csv_is_refused_with_the_line_and_the_reason() {
    let ok = Data::from_csv("x1,x2,label\n0.5, -0.25, 1\n\n−1,2,0\n", false).unwrap();
    assert_eq!(
        ok.points,
        vec![
            Point {
                x: [0.5, -0.25],
                y: 1.0
            },
            Point { x: [-1.0, 2.0], y: 0.0 }
        ]
    );
    assert!(matches!(
        Data::from_csv("1,2\n", false),
        Err(DataError::Columns { line: 1, found: 2 })
    ));
    assert!(matches!(
        Data::from_csv("1,2,1\n1,x,0\n", false),
        Err(DataError::Number { line: 2, col: 2, .. })
    ));
    assert!(matches!(
        Data::from_csv("1,2,0.5\n", false),
        Err(DataError::Label { line: 1 })
    ));
    assert!(
        Data::from_csv("1,2,0.5\n", true).is_ok(),
        "a value to fit may be any number"
    );
    assert!(matches!(
        Data::from_csv("1,2,1,maybe\n", false),
        Err(DataError::Split { line: 1 })
    ));
    assert!(matches!(
        Data::from_csv("1,2,1e9\n", true),
        Err(DataError::Number { line: 1, col: 3, .. })
    ));
    assert_eq!(Data::from_csv("x1,x2,label\n", false), Err(DataError::Empty));
    let many: String = (0..1001).map(|_| "0,0,1\n").collect();
    assert_eq!(Data::from_csv(&many, false), Err(DataError::TooMany));
}

#[test]
fn the_chain_rule_summary_lists_the_largest_paths_and_sums_the_rest() {
    let mut model = Model::new(spec("2-8-8-8-1", Act::Sigmoid, Loss::Mse, false), 21);
    let (_, grad) = model.example(&Point { x: [0.5, -0.5], y: 1.0 });
    let s = explain::paths(&model, 0, 3);
    assert_eq!(s.count, 64);
    assert_eq!(s.largest.len(), 3);
    let top: Vec<f64> = s.largest.iter().map(|p| p.product().abs()).collect();
    assert!(top.windows(2).all(|w| w[0] >= w[1]), "largest first: {top:?}");
    let listed: f64 = s.largest.iter().map(|p| p.product()).sum();
    assert!((listed + s.rest - s.sum).abs() < 1e-15 * s.sum.abs().max(1e-300) + 1e-18);
    assert!((s.sum - grad[0]).abs() <= 1e-9 * grad[0].abs());
    // Every path steps L → E1 → a4_1 → z4_1 → a3_j → z3_j → a2_k → z2_k → a1_1 → z1_1 → w1_1_1: ten factors.
    assert!(
        s.largest.iter().all(|p| p.factors.len() == 10),
        "{}",
        s.largest[0].factors.len()
    );
}

#[test]
fn layer_sizes_dead_units_and_accuracy() {
    let names = Shape::parse("2-2-1").unwrap().params();
    // w1: 4 weights, b1: 2, w2: 2, b2: 1 (order of Shape::params).
    let grad = [3.0, 4.0, 0.0, 0.0, 9.0, 9.0, 1.0, 1.0, 9.0];
    let sizes = explain::layer_sizes(&names, &grad);
    assert_eq!(
        sizes,
        vec![(25.0f64 / 4.0).sqrt(), 1.0],
        "root mean square of the weights' gradients only"
    );

    let mut model = Model::new(spec("2-3-1", Act::Relu, Loss::Mse, false), 2);
    let b = model.index(ParamName::Bias { layer: 1, unit: 2 }).unwrap();
    model.params[b] = -100.0;
    let points: Vec<Point> = (0..10)
        .map(|k| Point {
            x: [k as f64 / 10.0 - 0.5, 0.3],
            y: 1.0,
        })
        .collect();
    let dead = explain::dead_units(&mut model, &points);
    assert!(dead.contains(&(1, 2)), "{dead:?}");
    // A unit with a large positive bias is alive on every point.
    let b1 = model.index(ParamName::Bias { layer: 1, unit: 1 }).unwrap();
    model.params[b1] = 100.0;
    assert!(!explain::dead_units(&mut model, &points).contains(&(1, 1)));

    // XOR read by a hand-built 2-2-1 ReLU network: h1 = relu(x1 + x2), h2 = relu(−x1 − x2),
    // Y = σ(10·(h1 + h2) − 5)... is 1 where |x1 + x2| > 0.5; on points with x1 = x2 that is the
    // label of XOR's same-sign quadrants away from the centre.
    let mut net = Model::with_params(
        spec("2-2-1", Act::Relu, Loss::Mse, false),
        vec![1.0, 1.0, -1.0, -1.0, 0.0, 0.0, 10.0, 10.0, -5.0],
    );
    let pts = [
        Point { x: [0.8, 0.8], y: 1.0 },
        Point {
            x: [-0.8, -0.8],
            y: 1.0,
        },
        Point { x: [0.8, -0.8], y: 0.0 },
        Point { x: [0.1, 0.1], y: 1.0 },
    ];
    assert_eq!(
        explain::accuracy(&mut net, &pts),
        0.75,
        "the last point sits where Y < ½"
    );
}
