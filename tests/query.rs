//! The URL state keys added for the classroom: `seed=` (random weights named by their seed) and `present=`.

use backprop_lab::net::Param;
use backprop_lab::query::State;
use backprop_lab::value::random_example;

#[test]
fn a_seed_draws_the_parameters_and_named_ones_override_it() {
    // Seed 7's twelve parameters, w11 w12 w13 w14 w21 w22 w23 w24 b1 b2 b3 b4, computed once by
    // an independent Python reimplementation of value::random_example's documented draw
    // (splitmix64 from state 7, Vigna's constants; each output % 201 - 100 hundredths):
    //   M=2**64
    //   def sm(s): s=(s+0x9E3779B97F4A7C15)%M; z=((s^(s>>30))*0xBF58476D1CE4E5B9)%M
    //              z=((z^(z>>27))*0x94D049BB133111EB)%M; return s, z^(z>>31)
    //   s=7; out=[]
    //   for _ in range(12): s,o=sm(s); out.append((o%201-100)/100)
    let drawn = [
        -0.4, -0.82, 0.47, 0.86, -0.51, 0.17, 0.54, -0.07, 0.76, -0.14, -0.06, -0.39,
    ];
    assert_eq!(random_example(7).params, drawn, "Randomise draws the same");
    let (s, refused) = State::read([("w21", "0.3"), ("seed", "7")]);
    assert!(refused.is_empty());
    assert_eq!(s.seed, Some(7));
    for p in Param::ALL {
        let want = if p == Param::W21 { 0.3 } else { drawn[p.index()] };
        assert_eq!(s.example.param(p), want, "{}", p.name());
    }
    // Inputs, targets and lr are not drawn.
    assert_eq!(s.example.x, State::default().example.x);
    assert_eq!(s.lr, State::default().lr);
}

#[test]
fn a_seeded_state_writes_the_seed_and_only_what_differs_from_its_draw() {
    let mut s = State::default();
    s.reseed(42);
    // Seed 42's draw (the Python reimplementation above): w22 = -0.49, so 0.125 differs from it.
    assert_eq!(s.example.param(Param::W22), -0.49);
    let q = s.to_query();
    assert!(q.contains("seed=42"), "{q}");
    assert!(!q.contains("w1") && !q.contains("b1="), "{q}");
    s.set("w22", 0.125);
    let q = s.to_query();
    assert!(q.contains("w22=0.125"), "{q}");
    // Reading the link back gives the same state.
    let pairs: Vec<(&str, &str)> = q.split('&').filter_map(|kv| kv.split_once('=')).collect();
    assert_eq!(State::from_pairs(pairs), s);
}

#[test]
fn a_bad_seed_is_refused_and_draws_nothing() {
    for bad in [
        "",
        "-1",
        "1.5",
        "abc",
        "18446744073709551616",
        "<img src=x onerror=alert(1)>",
        "1e3",
    ] {
        let (s, refused) = State::read([("seed", bad)]);
        assert_eq!(refused, vec!["seed"], "{bad:?}");
        assert_eq!(s.seed, None);
        assert_eq!(s.example, State::default().example, "{bad:?}");
    }
    // The largest u64 is a seed like any other.
    let (s, refused) = State::read([("seed", " 18446744073709551615 ")]);
    assert!(refused.is_empty());
    assert_eq!(s.seed, Some(u64::MAX));
}

#[test]
fn present_is_read_and_written() {
    assert!(State::from_pairs([("present", "1")]).present);
    assert!(State::from_pairs([("present", "true")]).present);
    assert!(!State::from_pairs([("present", "0")]).present);
    let (s, refused) = State::read([("present", "yes please")]);
    assert!(!s.present);
    assert_eq!(refused, vec!["present"]);
    let mut s = State::default();
    assert!(!s.to_query().contains("present"));
    s.present = true;
    assert!(s.to_query().ends_with("present=1"));
}

#[test]
fn practice_is_read_and_written() {
    assert!(State::from_pairs([("practice", "1")]).practice);
    assert!(!State::from_pairs([("practice", "0")]).practice);
    let (s, refused) = State::read([("practice", "on")]);
    assert!(!s.practice);
    assert_eq!(refused, vec!["practice"]);
    let mut s = State::default();
    assert!(!s.to_query().contains("practice"));
    s.practice = true;
    s.reseed(42);
    let q = s.to_query();
    assert!(q.contains("practice=1") && q.contains("seed=42"), "{q}");
    assert_eq!(State::from_pairs(q.split('&').filter_map(|kv| kv.split_once('='))), s);
}

#[test]
fn a_learning_rate_in_the_link_is_the_one_used_and_written_back() {
    let (s, refused) = State::read([("lr", "0.3")]);
    assert!(refused.is_empty());
    assert_eq!(s.lr, 0.3);
    assert!(s.to_query().contains("lr=0.3"), "{}", s.to_query());
    // The default is Mazur's 0.5, and then the link need not name it.
    assert_eq!(State::default().lr, 0.5);
}
