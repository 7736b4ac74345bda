//! The Korean interface: particles after every name the app fills in, and no English words in the Korean tables.

use backprop_lab::i18n::particle::{ending, fill, Ending, Particle};
use backprop_lab::i18n::{net_errors, Lang};
use backprop_lab::net::NetError;

/// Every name the lesson fills into a sentence, how a Korean teacher reads it aloud, and the
/// particles written out by hand from that reading: 을/를, 은/는, 이/가, 으로/로.
/// Digits are read one by one in Sino-Korean (1 일, 2 이, 3 삼, 4 사); a final ㄹ takes 로.
const NAMES: &[(&str, &str, [&str; 4])] = &[
    ("x1", "엑스 일", ["을", "은", "이", "로"]),
    ("x2", "엑스 이", ["를", "는", "가", "로"]),
    ("t1", "티 일", ["을", "은", "이", "로"]),
    ("t2", "티 이", ["를", "는", "가", "로"]),
    ("h1", "에이치 일", ["을", "은", "이", "로"]),
    ("h2", "에이치 이", ["를", "는", "가", "로"]),
    ("H1", "에이치 일", ["을", "은", "이", "로"]),
    ("H2", "에이치 이", ["를", "는", "가", "로"]),
    ("y1", "와이 일", ["을", "은", "이", "로"]),
    ("y2", "와이 이", ["를", "는", "가", "로"]),
    ("Y1", "와이 일", ["을", "은", "이", "로"]),
    ("Y2", "와이 이", ["를", "는", "가", "로"]),
    ("Error1", "에러 일", ["을", "은", "이", "로"]),
    ("Error2", "에러 이", ["를", "는", "가", "로"]),
    ("E", "이", ["를", "는", "가", "로"]),
    ("w11", "더블유 일일", ["을", "은", "이", "로"]),
    ("w12", "더블유 일이", ["를", "는", "가", "로"]),
    ("w13", "더블유 일삼", ["을", "은", "이", "으로"]),
    ("w14", "더블유 일사", ["를", "는", "가", "로"]),
    ("w21", "더블유 이일", ["을", "은", "이", "로"]),
    ("w22", "더블유 이이", ["를", "는", "가", "로"]),
    ("w23", "더블유 이삼", ["을", "은", "이", "으로"]),
    ("w24", "더블유 이사", ["를", "는", "가", "로"]),
    ("b1", "비 일", ["을", "은", "이", "로"]),
    ("b2", "비 이", ["를", "는", "가", "로"]),
    ("b3", "비 삼", ["을", "은", "이", "으로"]),
    ("b4", "비 사", ["를", "는", "가", "로"]),
    ("lr", "엘알", ["을", "은", "이", "로"]),
    ("η", "에타", ["를", "는", "가", "로"]),
    ("σ", "시그마", ["를", "는", "가", "로"]),
    ("σ′", "시그마 프라임", ["을", "은", "이", "으로"]),
    ("δ", "델타", ["를", "는", "가", "로"]),
    ("δ_y1", "델타 와이 일", ["을", "은", "이", "로"]),
    ("δ_y2", "델타 와이 이", ["를", "는", "가", "로"]),
    ("δ_h1", "델타 에이치 일", ["을", "은", "이", "로"]),
    ("δ_h2", "델타 에이치 이", ["를", "는", "가", "로"]),
    (
        "δ(h2)",
        "델타 에이치 이 (the bracket is not read)",
        ["를", "는", "가", "로"],
    ),
    // The circuits and the playground.
    ("x", "엑스", ["를", "는", "가", "로"]),
    ("z", "지", ["를", "는", "가", "로"]),
    ("f", "에프", ["를", "는", "가", "로"]),
    ("q", "큐", ["를", "는", "가", "로"]),
    ("L", "엘", ["을", "은", "이", "로"]),
    ("m", "엠", ["을", "은", "이", "으로"]),
    ("n", "엔", ["을", "은", "이", "으로"]),
    ("∂E/∂w13", "… 더블유 일삼", ["을", "은", "이", "으로"]),
    // Numbers and words: 영, 칠, 팔, 구; 값 (ㅄ), 알 (ㄹ), 로그 (vowel).
    ("10", "십", ["을", "은", "이", "으로"]),
    ("0.7", "영 점 칠", ["을", "은", "이", "로"]),
    ("8", "팔", ["을", "은", "이", "로"]),
    ("9", "구", ["를", "는", "가", "로"]),
    ("+∞", "플러스 무한대", ["를", "는", "가", "로"]),
    ("정의되지 않은 값", "값", ["을", "은", "이", "으로"]),
    ("로그", "로그", ["를", "는", "가", "로"]),
    ("알", "알", ["을", "은", "이", "로"]),
];

const PARTICLES: [Particle; 4] = [Particle::Eul, Particle::Eun, Particle::I, Particle::Euro];

#[test]
fn every_name_takes_the_particles_of_its_reading() {
    for (name, reading, expected) in NAMES {
        for (particle, want) in PARTICLES.into_iter().zip(expected) {
            assert_eq!(particle.after(name), *want, "{name} (read {reading}) + {particle:?}");
        }
    }
}

#[test]
fn the_twelve_parameters_and_the_network_nodes_are_all_covered() {
    let covered = |n: &str| NAMES.iter().any(|(name, _, _)| *name == n);
    for p in backprop_lab::net::Param::ALL {
        assert!(covered(p.name()), "{}", p.name());
    }
    for n in backprop_lab::diagram::NODES {
        assert!(covered(n.name), "{}", n.name);
    }
}

#[test]
fn the_and_particle_and_unknown_endings() {
    // 와/과: "y1과 y2", "x2와 t1" (이 ends in a vowel).
    assert_eq!(Particle::Gwa.attach("y1"), "y1과");
    assert_eq!(Particle::Gwa.attach("x2"), "x2와");
    // Nothing readable at the end: both forms, as Korean writes them then.
    assert_eq!(ending("?"), None);
    assert_eq!(Particle::Eul.attach("?"), "?을(를)");
    assert_eq!(Particle::Euro.attach("→"), "→(으)로");
    assert_eq!(ending("w21"), Some(Ending::Rieul));
    assert_eq!(ending("w23"), Some(Ending::Consonant));
    assert_eq!(ending("w22"), Some(Ending::Vowel));
}

#[test]
fn fill_corrects_the_particle_written_after_a_placeholder() {
    // Either form in the template gives the right one for the name.
    assert_eq!(fill("{p}를 늘리면", "{p}", "w21"), "w21을 늘리면");
    assert_eq!(fill("{p}을 늘리면", "{p}", "w12"), "w12를 늘리면");
    assert_eq!(fill("{node}는 {node}로", "{node}", "H1"), "H1은 H1로");
    assert_eq!(fill("{node}는 {node}으로", "{node}", "b3"), "b3은 b3으로");
    assert_eq!(
        fill("{name} 값이 {value}가 되어", "{value}", "정의되지 않은 값"),
        "{name} 값이 정의되지 않은 값이 되어"
    );
    assert_eq!(fill("{p}가 바뀌면", "{p}", "E"), "E가 바뀌면");
    assert_eq!(fill("{p}가 바뀌면", "{p}", "Y1"), "Y1이 바뀌면");
    // No particle after the placeholder, or the copula 이다: left alone.
    assert_eq!(fill("{p}의 기울기", "{p}", "w13"), "w13의 기울기");
    assert_eq!(fill("{p} 값", "{p}", "w13"), "w13 값");
    assert_eq!(fill("{p}이다", "{p}", "w12"), "w12이다");
}

/// Latin words allowed in the Korean interface: the lesson's symbol names (checked by
/// [`is_symbol`]), and these: key names printed on keyboards, the function names the learner
/// types in the playground, what a learner may type in a number field, proper names (the update
/// formula writes W ← W − η · ∂E/∂W, with no English subscripts).
const ALLOWED: &[&str] = &[
    // keys
    "Page", "Down", "Up", "Space", "Home", "End", "Esc", "Tab", "Enter", "Shift", "Ctrl", "C", "P",
    // the playground's functions
    "sigmoid", "tanh", "relu", "exp", "log", // typed into a number field
    "NaN", // names
    "Backprop", "Lab", "CS231n",
];

/// A symbol of the lesson: a letter or two with digits or a `_k` subscript (x1, w21, lr, Y_k,
/// Error_k, Error1, ∂L/∂z's L), one or two letters (E, L, f, t, z, lr).
fn is_symbol(word: &str) -> bool {
    let (base, sub) = word.split_once('_').unwrap_or((word, ""));
    let base = base.trim_end_matches(|c: char| c.is_ascii_digit());
    let sub_ok = sub.is_empty() || sub.chars().all(|c| c.is_ascii_alphanumeric()) && sub.len() <= 2;
    // An empty base is a subscript after a Greek letter (δ_y1 splits into "δ" and "_y1").
    sub_ok && (matches!(base, "Error" | "W" | "lr") || base.chars().count() == 1 || base.is_empty() && !sub.is_empty())
}

/// A number in scientific notation, as a log axis labels its ticks ("1e-2" splits into "1e", "2").
fn is_number(word: &str) -> bool {
    let (mantissa, exponent) = word.split_once('e').unwrap_or((word, ""));
    !mantissa.is_empty() && mantissa.chars().all(|c| c.is_ascii_digit()) && exponent.chars().all(|c| c.is_ascii_digit())
}

/// The Latin words of `text` (runs of ASCII letters, digits and `_` that hold a letter), leaving
/// out the `{placeholders}` the UI fills in and quotations of the notes in “…”.
fn latin_words(text: &str) -> Vec<String> {
    let mut plain = String::new();
    // Inside “…” the notes are quoted word for word (the slip note quotes their English).
    let mut inside = false;
    let mut quoting = false;
    for c in text.chars() {
        match c {
            '{' => inside = true,
            '}' if inside => inside = false,
            '“' => quoting = true,
            '”' if quoting => quoting = false,
            c if !inside && !quoting => plain.push(c),
            _ => {}
        }
    }
    plain
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .map(str::to_owned)
        .collect()
}

/// The string literals of a `Debug` print of a table (field names are outside the quotes).
fn quoted(debug: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = debug.chars();
    while let Some(c) = chars.next() {
        if c == '"' {
            let mut s = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => s.push(chars.next().unwrap_or('\\')),
                    '"' => break,
                    c => s.push(c),
                }
            }
            out.push(s);
        }
    }
    out
}

fn english_in(texts: &[String]) -> Vec<(String, String)> {
    texts
        .iter()
        .flat_map(|t| latin_words(t).into_iter().map(move |w| (w, t.clone())))
        .filter(|(w, _)| !ALLOWED.contains(&w.as_str()) && !is_symbol(w) && !is_number(w))
        .collect()
}

#[test]
fn the_korean_table_has_no_english_words() {
    let texts = quoted(&format!("{:?}", Lang::Ko.strings()));
    assert!(texts.len() > 150, "read {} strings", texts.len());
    let found = english_in(&texts);
    let words: Vec<&str> = found.iter().map(|(w, _)| w.as_str()).collect();
    assert!(found.is_empty(), "English in the Korean table: {words:?} in {found:#?}");
    // The check itself catches English: the English table is full of it.
    assert!(english_in(&quoted(&format!("{:?}", Lang::En.strings()))).len() > 100);
}

/// Practice mode's words (its questions, verdicts and hints, the answer sheet) too.
#[test]
fn the_korean_practice_table_has_no_english_words() {
    use backprop_lab::i18n::practice::practice;
    let texts = quoted(&format!("{:?}", practice(Lang::Ko)));
    assert!(texts.len() > 40, "read {} strings", texts.len());
    let found = english_in(&texts);
    let words: Vec<&str> = found.iter().map(|(w, _)| w.as_str()).collect();
    assert!(
        found.is_empty(),
        "English in the Korean practice table: {words:?} in {found:#?}"
    );
    assert!(english_in(&quoted(&format!("{:?}", practice(Lang::En)))).len() > 40);
}

/// The descent step's buttons and reasons, and the circuit steps' tie-back to the network.
#[test]
fn the_korean_descent_and_circuit_tables_have_no_english_words() {
    use backprop_lab::i18n::{circuit::circuit, descent::descent};
    let texts: Vec<String> = [
        quoted(&format!("{:?}", descent(Lang::Ko))),
        quoted(&format!("{:?}", circuit(Lang::Ko))),
    ]
    .concat();
    assert!(texts.len() > 18, "read {} strings", texts.len());
    let found = english_in(&texts);
    let words: Vec<&str> = found.iter().map(|(w, _)| w.as_str()).collect();
    assert!(
        found.is_empty(),
        "English in the Korean descent or circuit table: {words:?} in {found:#?}"
    );
    let english = [
        quoted(&format!("{:?}", descent(Lang::En))),
        quoted(&format!("{:?}", circuit(Lang::En))),
    ]
    .concat();
    assert!(english_in(&english).len() > 18);
}

#[test]
fn the_network_refusals_are_korean_and_name_no_nan_or_inf() {
    let errors = [
        NetError::NonFinite {
            name: "w21",
            value: f64::NAN,
        },
        NetError::NonFinite {
            name: "lr",
            value: f64::INFINITY,
        },
        NetError::Overflow {
            node: "y1".into(),
            value: f64::INFINITY,
        },
        NetError::Diverged {
            step: 12,
            name: "w11",
            value: f64::NEG_INFINITY,
        },
        NetError::Diverged {
            step: 3,
            name: "E",
            value: f64::NAN,
        },
        NetError::OutOfRange {
            step: 7,
            name: "w12",
            value: -2.5e6,
        },
    ];
    let ko: Vec<String> = errors.iter().map(|e| net_errors::message(Lang::Ko, e)).collect();
    assert_eq!(english_in(&ko), Vec::new(), "{ko:#?}");
    for (e, text) in errors.iter().zip(&ko) {
        let en = net_errors::message(Lang::En, e);
        for bad in ["NaN", "inf"] {
            assert!(!text.contains(bad) && !en.contains(bad), "{text} / {en}");
        }
    }
    // The particle after the value follows its reading: 무한대가, 값이.
    assert!(ko[2].contains("+∞가 되어"), "{}", ko[2]);
    assert!(ko[4].contains("정의되지 않은 값이 되어"), "{}", ko[4]);
    // A number read aloud: -2.5000e6 ends in 육, so 이 follows; the update step's own wording too.
    assert!(ko[5].contains("-2.5000e6이 되어"), "{}", ko[5]);
    let update = net_errors::update_refused(Lang::Ko, &errors[5]);
    assert_eq!(english_in(std::slice::from_ref(&update)), Vec::new(), "{update}");
}

#[test]
fn korean_formulas_are_read_with_the_right_particles() {
    use backprop_lab::math::{partial, speak, sym, Formula, Rel};
    let words = &Lang::Ko.strings().math_words;
    let fmt = |v: f64| v.to_string();
    // ∂Error1/∂w21 is read "Error 1을 w 21로 편미분한 값은 ..." (일: 을, 로).
    let f = Formula::new(partial("Error1", "w21"), Rel::Eq, vec![sym("H1")]).with_result(0.5);
    let text = speak(&f, words, &fmt);
    assert_eq!(text, "Error 1을 w 21로 편미분한 값은 H 1, 즉 0.5");
    // w12 (일이), b3 (삼): 를, 으로; h2 = ... : "h 2는".
    let f = Formula::new(partial("w12", "b3"), Rel::Eq, vec![]);
    assert_eq!(speak(&f, words, &fmt), "w 12를 b 3으로 편미분한 값");
    let f = Formula::new(sym("h2"), Rel::Eq, vec![sym("b2")]);
    assert_eq!(speak(&f, words, &fmt), "h 2는 b 2");
}

#[test]
fn expression_errors_use_the_particle_and_copula_of_the_name() {
    use backprop_lab::i18n::expr_errors;
    let ko = |src: &str| {
        let e = backprop_lab::expr::parse(src).expect_err(src);
        expr_errors::message(Lang::Ko, &e, src)
    };
    // 'sin' (사인: ㄴ) takes 이라는; 'foo' (푸: a vowel) takes 라는.
    assert!(
        ko("sin(x)").starts_with("'sin'이라는 함수는 없습니다"),
        "{}",
        ko("sin(x)")
    );
    assert!(
        ko("foo(x)").starts_with("'foo'라는 함수는 없습니다"),
        "{}",
        ko("foo(x)")
    );
    // '#' has no reading we know: both forms.
    assert!(ko("x # y").starts_with("'#'은(는) 식에"), "{}", ko("x # y"));
}

/// The text drawn in an SVG chart (every `<text>` element's content).
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| t.split_once('>').and_then(|(_, rest)| rest.split_once("</text>")))
        .map(|(text, _)| text.trim().to_owned())
        .collect()
}

#[test]
fn the_charts_drawn_for_the_korean_page_have_no_english_words() {
    use backprop_lab::lesson::{Frame, Step};
    use backprop_lab::net::{Example, Net, Param};
    use backprop_lab::plot::train::{draw_error_history, draw_param_history};
    use backprop_lab::train::Trainer;
    use plotters::prelude::*;
    let net = Net::new(&Example::worked()).unwrap();
    let marks = Frame::build(&net, Step::Grad(Param::W11)).sigmoids;
    let mut trainer = Trainer::new(net);
    trainer.run(0.5, 50).unwrap();
    let series = trainer.series();
    let axis = Lang::Ko.strings().train_step_axis;
    let mut texts = Vec::new();
    for chart in 0..4 {
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (760, 260)).into_drawing_area();
            match chart {
                0 => backprop_lab::plot::draw_sigmoids(&root, &marks).unwrap(),
                1 => draw_error_history(&root, &series, None, axis).unwrap(),
                2 => draw_error_history(&root, &series, Some(Lang::Ko.strings().train_log_axis), axis).unwrap(),
                _ => draw_param_history(&root, &series, axis).unwrap(),
            }
        }
        texts.extend(svg_texts(&svg));
    }
    assert!(texts.iter().any(|t| t.contains("σ′(h1)")), "{texts:?}");
    assert!(texts.iter().any(|t| t == axis), "{texts:?}");
    assert!(texts.iter().any(|t| t == "E (로그 눈금)"), "{texts:?}");
    let found = english_in(&texts);
    assert!(found.is_empty(), "{found:?}");
}

/// One symbol for the sigmoid in both languages' texts: σ, as in the formulas (its output is
/// written Y or H, never as another letter such as S(1 − S)).
#[test]
fn the_sigmoid_is_written_sigma_everywhere() {
    use backprop_lab::i18n::practice::practice;
    for lang in [Lang::Ko, Lang::En] {
        let texts = [
            quoted(&format!("{:?}", lang.strings())),
            quoted(&format!("{:?}", practice(lang))),
        ]
        .concat();
        let other: Vec<&String> = texts
            .iter()
            .filter(|t| t.contains("S(1") || t.contains("s(1 −"))
            .collect();
        assert!(other.is_empty(), "{lang:?}: {other:#?}");
    }
}
