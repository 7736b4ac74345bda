//! An applied update or training run never takes a parameter beyond the range a link carries: such a step is refused with its reason, and what is applied reads back from the address.
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "common/hand.rs"]
mod hand;

use backprop_lab::i18n::{net_errors, Lang};
use backprop_lab::lesson::Update;
use backprop_lab::net::{Example, Net, NetError, Param};
use backprop_lab::query::State;
use backprop_lab::train::Trainer;
use backprop_lab::value::{MAX_ABS, MAX_LR};
use proptest::prelude::*;

/// A link's state that every field accepts (|x1| <= 1e6, lr <= 100) whose next update overshoots:
/// `?step=update&x1=1000000&w11=0&w12=0&w21=1&w22=-1&lr=100`.
fn overshooting() -> (Example, f64) {
    let mut ex = Example::worked();
    ex.x[0] = MAX_ABS;
    ex.params[Param::W11.index()] = 0.0;
    ex.params[Param::W12.index()] = 0.0;
    // H1 feeds y1 and y2 with opposite signs, so both errors pull ∂E/∂H1 the same way.
    ex.params[Param::W21.index()] = 1.0;
    ex.params[Param::W22.index()] = -1.0;
    (ex, MAX_LR)
}

/// w11 after one SGD step, by the hand-written network (tests/common/hand.rs, no core code):
/// with w11 = w12 = 0, h1 = w13 x2 + b1 stays moderate, so ∂E/∂w11 = δ_h1 · x1 carries x1 = 1e6.
fn hand_next_w11() -> f64 {
    let (ex, lr) = overshooting();
    let h = hand::Hand::of(&ex);
    ex.param(Param::W11) - lr * h.grad(Param::W11)
}

#[test]
fn an_update_beyond_the_range_is_refused_with_the_parameter_and_its_value() {
    let want = hand_next_w11();
    assert!(
        want.abs() > MAX_ABS,
        "the case overshoots by the hand computation: {want}"
    );
    let (ex, lr) = overshooting();
    let u = Update::of(&Net::new(&ex).unwrap(), lr);
    match u.refused {
        Some(NetError::OutOfRange { step: 1, name, value }) => {
            assert_eq!(name, "w11", "the first parameter beyond, in the panel's order");
            assert!((value - want).abs() <= 1e-9 * want.abs(), "{value} vs hand {want}");
        }
        other => panic!("expected the update to be refused as out of range, got {other:?}"),
    }
    // The value as the range beside it is written: whole units (from the hand value), no
    // exponent ("-5.3547e6" beside "1,000,000" was how it read).
    let grouped = format!("{:.0}", want.abs());
    for lang in [Lang::En, Lang::Ko] {
        let text = net_errors::update_refused(lang, u.refused.as_ref().unwrap());
        assert!(text.contains("w11") && text.contains("1000000"), "{text}");
        assert!(text.contains(&grouped), "{grouped} in {text}");
        assert!(
            !text
                .chars()
                .zip(text.chars().skip(1))
                .any(|(a, b)| a == 'e' && (b.is_ascii_digit() || b == '-' || b == '+')),
            "no exponent form: {text}"
        );
    }
    // Korean: the parameter takes its particle (w11이), not the stiff "w11 값이".
    let ko = net_errors::update_refused(Lang::Ko, u.refused.as_ref().unwrap());
    assert!(ko.contains("w11이 ") && !ko.contains("w11 값이"), "{ko}");
    // The worked example's own update is taken.
    assert_eq!(Update::of(&Net::new(&Example::worked()).unwrap(), 0.5).refused, None);
}

#[test]
fn a_training_step_beyond_the_range_stops_the_run_and_keeps_the_state() {
    let (ex, lr) = overshooting();
    let mut t = Trainer::new(Net::new(&ex).unwrap());
    // Three steps at lr 0 change nothing; they only number the refused step.
    assert_eq!(t.run(0.0, 3), Ok(3));
    match t.run(lr, 5) {
        Err(NetError::OutOfRange { step, name, value }) => {
            assert_eq!((step, name), (4, "w11"));
            assert!(value.abs() > MAX_ABS, "{value}");
        }
        other => panic!("expected the run to stop out of range, got {other:?}"),
    }
    assert_eq!(t.steps(), 3);
    assert_eq!(t.net().example(), ex, "the state before the refused step is kept");
    assert!(t.stopped().is_some());
}

/// A number a value field accepts.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        -4.0..4.0f64,
        -MAX_ABS..=MAX_ABS,
        Just(MAX_ABS),
        Just(-MAX_ABS),
        Just(0.0)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// From any state a link loads, every update "apply" takes and every training run keeps each
    /// parameter in range, and the state reached reads back from the address it writes.
    #[test]
    fn applied_updates_and_training_stay_in_range_and_read_back(
        values in proptest::collection::vec(number(), 16),
        lr in prop_oneof![1e-3..MAX_LR, Just(MAX_LR)],
        applies in 1usize..6,
        steps in 1usize..200,
    ) {
        let mut s = State::default();
        for (name, v) in backprop_lab::query::NUMBERS.iter().zip(values) {
            s.set(name, v);
        }
        s.lr = lr;
        let Ok(net) = Net::new(&s.example) else { return Ok(()) };
        // As the update step's "apply" does: only an update that is not refused.
        let mut applied = s;
        for _ in 0..applies {
            let Ok(net) = Net::new(&applied.example) else { break };
            let u = Update::of(&net, lr);
            if u.refused.is_some() {
                break;
            }
            applied.example = u.next;
        }
        // As "use these parameters" after a run does: the trainer's state, stopped or not.
        let mut t = Trainer::new(net);
        let _ = t.run(lr, steps);
        let mut trained = s;
        trained.example = t.net().example();
        for reached in [applied, trained] {
            prop_assert!(reached.example.params.iter().all(|v| v.abs() <= MAX_ABS), "{:?}", reached.example.params);
            let q = reached.to_query();
            let pairs: Vec<(&str, &str)> = q.split('&').filter_map(|kv| kv.split_once('=')).collect();
            let (back, refused) = State::read(pairs);
            prop_assert!(refused.is_empty(), "{q}: refused {refused:?}");
            prop_assert_eq!(back, reached);
        }
    }
}
