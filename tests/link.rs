//! A link restores what the page showed: every reachable state, written to an address and read back, is the same state; links written before the `v.` prefix still load.
#![cfg(not(target_arch = "wasm32"))]

use backprop_lab::i18n::Lang;
use backprop_lab::lesson::{Playground, Step};
use backprop_lab::link::PlaygroundLink;
use backprop_lab::net::Param;
use backprop_lab::query::{State, KEYS};
use backprop_lab::value::{self, Kind, MAX_ABS, MAX_LR};
use proptest::prelude::*;
use std::collections::BTreeMap;

/// An address's query (without `?`) as the page reads it: form-decoded as `URLSearchParams`
/// decodes it, and each key's first value (`URLSearchParams.get`).
fn get_from(query: &str) -> impl Fn(&str) -> Option<String> {
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes()).into_owned().collect();
    move |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
}

/// The lesson state as `ui::read_url` reads it: the known keys' first values, then `State::read`.
fn read_state(query: &str) -> (State, Vec<&'static str>) {
    let get = get_from(query);
    let pairs: Vec<(&str, String)> = KEYS.iter().filter_map(|&k| get(k).map(|v| (k, v))).collect();
    State::read(pairs.iter().map(|(k, v)| (*k, v.as_str())))
}

/// The address the page writes (`ui::page_query`): the state, and on the playground its link,
/// form-encoded as `URLSearchParams.append` encodes it.
fn write(s: &State, pg: Option<&PlaygroundLink>) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in url::form_urlencoded::parse(s.to_query().as_bytes()) {
        query.append_pair(&k, &v);
    }
    for (k, v) in pg.iter().flat_map(|p| p.pairs()) {
        query.append_pair(&k, &v);
    }
    query.finish()
}

/// The same number, bit for bit; zero of either sign counts as zero (the page shows both as `0`,
/// and a typed `-0` is read as 0).
fn same(a: f64, b: f64) -> bool {
    a.to_bits() == b.to_bits() || (a == 0.0 && b == 0.0)
}

fn assert_same_state(read: &State, s: &State) {
    assert_eq!(read, s);
    for name in backprop_lab::query::NUMBERS {
        assert!(
            same(read.get(name), s.get(name)),
            "{name}: {} != {}",
            read.get(name),
            s.get(name)
        );
    }
}

/// Every step a link can name: the sequence, and each parameter's own chain-rule step.
fn steps() -> Vec<Step> {
    let mut all = Step::sequence();
    all.extend(Param::ALL.map(Step::Grad));
    all
}

/// A number a value field accepts (|v| <= 1e6): ordinary, tiny, subnormal, huge, signed zeros,
/// and arbitrary bit patterns in range.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        -4.0..4.0f64,
        -MAX_ABS..=MAX_ABS,
        (-300i32..6, -9.999..9.999f64).prop_map(|(e, m)| m * 10f64.powi(e)),
        (1u64..(1 << 52)).prop_map(f64::from_bits),
        (1u64..(1 << 52)).prop_map(|bits| -f64::from_bits(bits)),
        any::<u64>()
            .prop_map(f64::from_bits)
            .prop_filter("in range", |v| v.is_finite() && v.abs() <= MAX_ABS),
        Just(0.0),
        Just(-0.0),
        Just(MAX_ABS),
        Just(-MAX_ABS),
        Just(1e-70),
        Just(f64::MIN_POSITIVE),
        Just(5e-324),
    ]
}

/// A learning rate the lab accepts: 0 < lr <= 100.
fn rate() -> impl Strategy<Value = f64> {
    prop_oneof![
        (1e-3..MAX_LR),
        (1u64..(1 << 52)).prop_map(f64::from_bits),
        any::<u64>()
            .prop_map(f64::from_bits)
            .prop_filter("in range", |v| *v > 0.0 && *v <= MAX_LR),
        Just(MAX_LR),
        Just(5e-324),
    ]
}

prop_compose! {
    /// A state the page can reach: typed, applied or trained values (any number in range, the
    /// range the update step and training now keep), an optional drawn seed with some numbers
    /// changed after it, any step, language, parameter, practice and presenter flags.
    fn state()(
        seed in proptest::option::of(any::<u64>()),
        numbers in proptest::collection::vec(proptest::option::of(number()), 16),
        lr in proptest::option::of(rate()),
        step in proptest::sample::select(steps()),
        lang in prop_oneof![Just(Lang::Ko), Just(Lang::En)],
        focus in proptest::sample::select(Param::ALL.to_vec()),
        present in any::<bool>(),
        practice in any::<bool>(),
    ) -> State {
        let mut s = State { step, lang, focus, present, practice, ..State::default() };
        if let Some(seed) = seed {
            s.reseed(seed);
        }
        for (name, v) in backprop_lab::query::NUMBERS.iter().zip(numbers) {
            if let Some(v) = v {
                s.set(name, v);
            }
        }
        if let Some(lr) = lr {
            s.lr = lr;
        }
        s
    }
}

/// Variable names, lesson keys and the playground's own keys among them.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(KEYS.to_vec()).prop_map(str::to_owned),
        proptest::sample::select(vec!["expr", "last", "v", "x", "y", "z", "e", "sigmoid_x", "Lr", "W11"])
            .prop_map(str::to_owned),
        "[a-zA-Z][a-zA-Z0-9_]{0,31}",
    ]
}

prop_compose! {
    /// An expression over up to four variables (sums, products, quotients and functions), with
    /// values for some of them.
    fn expression()(
        names in proptest::collection::vec(name(), 1..5),
        ops in proptest::collection::vec(proptest::sample::select(vec![" + ", "*", " - ", "/"]), 4),
        wrap in proptest::collection::vec(proptest::sample::select(vec!["", "sigmoid", "tanh", "-"]), 4),
        values in proptest::collection::vec(proptest::option::of(number()), 4),
    ) -> (String, BTreeMap<String, f64>) {
        let mut text = String::new();
        let mut given = BTreeMap::new();
        for (k, n) in names.iter().enumerate() {
            if k > 0 {
                text += ops[k - 1];
            }
            text += &format!("{}({n})", wrap[k]);
            if let Some(v) = values[k] {
                given.insert(n.clone(), v);
            }
        }
        (text, given)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_reachable_lesson_state_reads_back_from_the_address_it_writes(s in state()) {
        let query = write(&s, None);
        let (read, refused) = read_state(&query);
        prop_assert!(refused.is_empty(), "{query}: refused {refused:?}");
        assert_same_state(&read, &s);
    }

    #[test]
    fn a_playground_reads_back_and_never_touches_the_lesson(s in state(), (text, given) in expression(), broken in any::<bool>()) {
        let Ok(p) = Playground::compute(&text, &given) else { return Ok(()) };
        let s = State { step: Step::Playground, ..s };
        let values: BTreeMap<String, f64> = p.variables().into_iter().collect();
        // As the page writes it (PlaygroundState::link): a text that does not build carries the
        // last one that did.
        let link = if broken {
            PlaygroundLink { expr: format!("{text} *"), last: Some(text.clone()), values }
        } else {
            PlaygroundLink { expr: text.clone(), last: None, values }
        };
        let query = write(&s, Some(&link));
        let (read, refused) = read_state(&query);
        prop_assert!(refused.is_empty(), "{query}: refused {refused:?}");
        assert_same_state(&read, &s);
        let back = PlaygroundLink::read(get_from(&query)).expect("expr= is written");
        prop_assert_eq!(&back.expr, &link.expr);
        prop_assert_eq!(&back.last, &link.last);
        prop_assert_eq!(back.values.keys().collect::<Vec<_>>(), link.values.keys().collect::<Vec<_>>());
        for (k, v) in &link.values {
            prop_assert!(same(back.values[k], *v), "{k}: {} != {v}", back.values[k]);
        }
        // And the graph rebuilt from the link is the graph shown.
        let rebuilt = Playground::compute(back.last.as_ref().unwrap_or(&back.expr), &back.values).unwrap();
        prop_assert!(same(rebuilt.built.value(), p.built.value()));
    }

    #[test]
    fn a_written_number_is_short_and_reads_back_to_the_same_bits(v in number()) {
        let text = value::write(v);
        prop_assert!(text.len() <= 24, "{text}");
        prop_assert!(!text.contains('+'), "{text}");
        let back = value::parse(Kind::Value, &text).unwrap().value;
        prop_assert!(same(back, v), "{v:e} wrote {text}, read {back:e}");
    }
}

#[test]
fn tiny_and_huge_numbers_are_written_with_an_exponent_where_that_is_shorter() {
    // The case: 1e-70 was written as a 72-character decimal and refused on reload.
    for (v, text) in [
        (1e-70, "1e-70"),
        (5e-324, "5e-324"),
        (-2.5e-9, "-2.5e-9"),
        // Short decimals stay written out, as a learner typed and the page shows them
        // (a learning rate of 0.001 is not shown as 1e-3).
        (1e6, "1000000"),
        (0.001, "0.001"),
        (1e-7, "0.0000001"),
        (1e13, "1e13"),
        (123456.0, "123456"),
        (0.15, "0.15"),
        (0.0001, "0.0001"),
        (0.5, "0.5"),
        (-0.0, "0"),
    ] {
        assert_eq!(value::write(v), text);
    }
    let mut s = State::default();
    s.set("x1", 1e-70);
    s.lr = 5e-324;
    let query = write(&s, None);
    assert!(query.contains("x1=1e-70") && query.contains("lr=5e-324"), "{query}");
    let (read, refused) = read_state(&query);
    assert!(refused.is_empty(), "{refused:?}");
    assert_same_state(&read, &s);
}

#[test]
fn playground_variables_named_like_lesson_keys_stay_in_the_playground() {
    // The case: expr=w11*x1 wrote w11= and x1=, which a reload applied to the network,
    // and a variable called seed reseeded it.
    let s = State {
        step: Step::Playground,
        ..State::default()
    };
    let values = BTreeMap::from([
        ("w11".to_owned(), 3.0),
        ("x1".to_owned(), -2.0),
        ("seed".to_owned(), 7.0),
    ]);
    let link = PlaygroundLink {
        expr: "w11*x1+seed".to_owned(),
        last: None,
        values,
    };
    let query = write(&s, Some(&link));
    assert!(query.contains("v.w11=3") && !query.contains("&w11="), "{query}");
    let (read, refused) = read_state(&query);
    assert!(refused.is_empty());
    assert_eq!(read, s, "the network keeps the worked example");
    assert_eq!(read.seed, None);
    assert_eq!(PlaygroundLink::read(get_from(&query)), Some(link));
}

#[test]
fn links_written_before_the_prefix_still_load_the_same() {
    // README's link, as written before the prefix: the variables under their bare names.
    let query = "step=playground&expr=(x%2By)*z&x=-2&y=5&z=-4";
    let (s, refused) = read_state(query);
    assert!(refused.is_empty());
    assert_eq!(s.step, Step::Playground);
    let link = PlaygroundLink::read(get_from(query)).unwrap();
    assert_eq!(link.expr, "(x+y)*z");
    assert_eq!(link.last, None);
    let want = BTreeMap::from([("x".to_owned(), -2.0), ("y".to_owned(), 5.0), ("z".to_owned(), -4.0)]);
    assert_eq!(link.values, want);
    // CS231n, "Backpropagation, Intuitions": (x + y) z = (−2 + 5)(−4) = −12.
    let p = Playground::compute(&link.expr, &link.values).unwrap();
    assert_eq!(p.built.value(), -12.0);

    // An old link whose variables share lesson keys loads as it did then: the bare w11 set both
    // the network's w11 and the playground's.
    let query = "step=playground&lang=en&expr=w11*x1&w11=2&x1=0.25";
    let (s, _) = read_state(query);
    assert_eq!(s.get("w11"), 2.0);
    assert_eq!(s.get("x1"), 0.25);
    let link = PlaygroundLink::read(get_from(query)).unwrap();
    assert_eq!(link.values.get("w11"), Some(&2.0));
    assert_eq!(link.values.get("x1"), Some(&0.25));

    // An old lesson link with a number written out in full (Display, no exponent) still loads.
    let (s, refused) = read_state("step=grad-w11&w21=0.30000000000000004&lr=0.000001&x1=-1000000");
    assert!(refused.is_empty());
    assert_eq!(s.get("w21"), 0.1 + 0.2);
    assert_eq!(s.lr, 1e-6);
    assert_eq!(s.get("x1"), -1e6);
}
