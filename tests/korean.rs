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
    // A number read aloud: −2500000 (이백오십만) ends in 만, so 이 follows, and the parameter takes
    // its own particle (w12가); the update step's own wording too.
    assert!(ko[5].contains("w12가 −2500000이 되어"), "{}", ko[5]);
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
    // ‘sin’ (사인: ㄴ) takes 이라는; ‘foo’ (푸: a vowel) takes 라는.
    assert!(
        ko("sin(x)").starts_with("‘sin’이라는 함수는 없습니다"),
        "{}",
        ko("sin(x)")
    );
    assert!(
        ko("foo(x)").starts_with("‘foo’라는 함수는 없습니다"),
        "{}",
        ko("foo(x)")
    );
    // '#' has no reading we know, so no particle follows it: a learner never sees 은(는)
    // (a native teacher's review; the old message read ‘#’은(는) 식에 ...).
    for src in ["x # y", "2$3", "x@"] {
        let message = ko(src);
        assert!(message.contains("’ 글자는 식에 쓸 수 없습니다"), "{message}");
        assert!(!message.contains("(는)") && !message.contains("(이)"), "{message}");
    }
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

/// Every text the Korean page can show, as the page shows it: the tables, each step's title and
/// explanation and each parameter's chain-rule note with their names and particles filled in,
/// the expression and network messages.
fn korean_page_texts() -> Vec<String> {
    use backprop_lab::i18n::{circuit::circuit, descent::descent, practice::practice, steps, sweep::sweep};
    use backprop_lab::lesson::Step;
    use backprop_lab::net::Param;
    let mut texts = [
        quoted(&format!("{:?}", Lang::Ko.strings())),
        quoted(&format!("{:?}", practice(Lang::Ko))),
        quoted(&format!("{:?}", sweep(Lang::Ko))),
        quoted(&format!("{:?}", descent(Lang::Ko))),
        quoted(&format!("{:?}", circuit(Lang::Ko))),
    ]
    .concat();
    let steps: Vec<Step> = Step::sequence().into_iter().chain(Param::ALL.map(Step::Grad)).collect();
    for step in steps {
        let (title, body) = steps::text_of(Lang::Ko, step);
        texts.extend([title, body]);
    }
    texts.extend(Param::ALL.map(|p| steps::chain_note(Lang::Ko, p)));
    for src in ["", "x # y", "(x", "x)", "()", "foo(x)", "2 x", "* x", "sigmoid", "x +"] {
        if let Err(e) = backprop_lab::expr::parse(src) {
            texts.push(backprop_lab::i18n::expr_errors::message(Lang::Ko, &e, src));
        }
    }
    let errors = [
        NetError::NonFinite {
            name: "w21",
            value: f64::NAN,
        },
        NetError::Overflow {
            node: "y1".into(),
            value: f64::INFINITY,
        },
        NetError::Diverged {
            step: 3,
            name: "E",
            value: f64::NAN,
        },
    ];
    texts.extend(errors.iter().map(|e| net_errors::message(Lang::Ko, e)));
    texts
}

/// The texts of `texts` that hold any of `words`, with the word.
fn holding<'a>(texts: &'a [String], words: &[&'a str]) -> Vec<(&'a str, &'a str)> {
    texts
        .iter()
        .flat_map(|t| words.iter().filter(|w| t.contains(**w)).map(move |w| (*w, t.as_str())))
        .collect()
}

/// A path's contribution is 기여분: 몫 is what every Korean student reads as "quotient".
#[test]
fn a_paths_contribution_is_giyeobun_never_the_quotient_word() {
    let texts = korean_page_texts();
    let found = holding(&texts, &["몫"]);
    assert!(found.is_empty(), "{found:#?}");
    assert!(holding(&texts, &["기여분"]).len() >= 8);
}

/// The gradient a node receives has one name, 들어오는 기울기, as the circuits label it.
#[test]
fn the_incoming_gradient_has_one_name() {
    let texts = korean_page_texts();
    let found = holding(
        &texts,
        &[
            "상류",
            "뒤에서 들어온",
            "위에서 내려온",
            "들어온 기울기",
            "내려온 기울기",
            "도착한 기울기",
        ],
    );
    assert!(found.is_empty(), "{found:#?}");
    assert!(holding(&texts, &["들어오는 기울기"]).len() >= 4);
}

/// The Korean page never writes NaN or inf: a number that is not finite is ±∞ or 정의되지 않은 값
/// (NaN is named once, as something a learner may type into a field).
#[test]
fn the_korean_page_writes_no_nan_or_inf() {
    use backprop_lab::print::{short, short_in};
    for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        for text in [short(v), short_in(Lang::Ko, v)] {
            assert!(!text.contains("NaN") && !text.contains("inf"), "{v}: {text}");
        }
    }
    assert_eq!(short_in(Lang::Ko, f64::NAN), "정의되지 않은 값");
    assert_eq!(short_in(Lang::Ko, f64::INFINITY), "+∞");
    assert_eq!(short_in(Lang::Ko, f64::NEG_INFINITY), "−∞");
    assert_eq!(short_in(Lang::Ko, 0.0821670405), "0.082167");
    let texts = korean_page_texts();
    let nan: Vec<&String> = texts.iter().filter(|t| t.contains("NaN")).collect();
    assert_eq!(nan, [&Lang::Ko.strings().edit_non_finite.to_owned()]);
    let inf: Vec<&String> = texts
        .iter()
        .filter(|t| latin_words(t).iter().any(|w| w.starts_with("inf")))
        .collect();
    assert!(inf.is_empty(), "{inf:#?}");
}

/// The words of `text` that end a sentence or a label: a word followed by . ? ! : ; ) or the end.
fn final_words(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if ('가'..='힣').contains(&c) {
            word.push(c);
            let next = chars.get(i + 1).copied();
            if next.is_none_or(|n| ".?!:;)\n".contains(n)) {
                out.push(word.clone());
            }
        } else {
            word.clear();
        }
    }
    out
}

/// 합니다체 throughout: no 해라체 (커진다, 그대로다, 넘긴다) and no 해요체 (…할까요?), only …세요
/// for an invitation.
#[test]
fn the_korean_page_speaks_in_hapnida_style() {
    let texts = korean_page_texts();
    let mut found = Vec::new();
    for t in &texts {
        for w in final_words(t) {
            let plain = w.ends_with('다') && !w.ends_with("니다");
            let polite = w.ends_with('요') && !w.ends_with("세요");
            if plain || polite {
                found.push((w, t.clone()));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
    // The check sees a 해라체 title and a 해요체 question.
    assert_eq!(final_words("역전파: 덧셈은 기울기를 넘긴다"), ["역전파", "넘긴다"]);
    assert_eq!(final_words("몇 개일까요? 보세요."), ["개일까요", "보세요"]);
}

/// The terms and spellings docs/korean.md fixes.
#[test]
fn the_korean_page_uses_the_terms_of_the_style_guide() {
    let texts = korean_page_texts();
    let wrong = [
        // σ′ is σ's derivative; 기울기 is kept for ∂E/∂p.
        "시그모이드의 기울기",
        // A node uses (쓰는) a value; "reads" is a calque.
        "읽는 노드",
        // The diagram runs left to right: the input side, not "below".
        "아래쪽",
        "아래로",
        // 경로 is the word for a path.
        "가는 길",
        "오는 길",
        // δ is defined for the weighted sums only.
        "각 노드의 δ",
        "노드의 오차 신호에만",
        // One spelling rule: 사이시옷 before 값 after a Sino-Korean vowel ending.
        "목표값",
        "최소값",
        "최대값",
        "함수값",
        "근사값",
        "결과값",
        "절대값",
        // A function's argument is not 인수 (a factor).
        "인수가 없습니다",
        // One spacing.
        "유한 차분",
        // Said twice.
        "커서 너무 높으므로",
        "작아서 너무 낮으므로",
        // All twelve parameters are drawn, biases included.
        "무작위 가중치",
        // Translationese.
        "유한한 수가 아니게",
        "수가 아니게",
        "마지막으로 유한했던",
        // English on the Korean page, and no slip at all.
        "Propagation",
    ];
    let found = holding(&texts, &wrong);
    assert!(found.is_empty(), "{found:#?}");
    // The descent step names a point: 최소점, not 최솟값 (a value).
    use backprop_lab::i18n::descent::descent;
    let descent_texts = [
        quoted(&format!("{:?}", descent(Lang::Ko))),
        vec![
            Lang::Ko.strings().descent_why.to_owned(),
            Lang::Ko.strings().descent_caption.to_owned(),
        ],
    ]
    .concat();
    let found = holding(&descent_texts, &["최솟값"]);
    assert!(found.is_empty(), "{found:#?}");
}

/// One kind of quotation mark on the Korean page: ‘…’ (no ' " “ ”).
#[test]
fn the_korean_page_quotes_with_one_kind_of_mark() {
    let texts = korean_page_texts();
    let found = holding(&texts, &["'", "\"", "“", "”"]);
    assert!(found.is_empty(), "{found:#?}");
    assert!(holding(&texts, &["‘"]).len() >= 4);
}

/// "…의 값" where a particle reads naturally: the names filled into the chain-rule notes, the
/// sweep's texts and the sign notes take their particles by sound (H2는, Y2를, H1이).
#[test]
fn names_take_particles_rather_than_the_stiff_ui_gap() {
    use backprop_lab::i18n::{steps, sweep::sweep};
    use backprop_lab::lesson::{sweep as stops, Step};
    use backprop_lab::net::Param;
    let note = steps::chain_note(Lang::Ko, Param::W12);
    assert!(note.contains("H2는 y1과 y2 양쪽에"), "{note}");
    let note = steps::chain_note(Lang::Ko, Param::B2);
    assert!(note.contains("∂E/∂b2는 ∂E/∂h2와 같습니다"), "{note}");
    let at = |name: &str| stops().iter().position(|n| *n == name).map(Step::Backward).unwrap();
    let (_, body) = steps::text_of(Lang::Ko, at("Y2"));
    assert!(body.contains("Y2를 쓰는 노드"), "{body}");
    let (_, body) = steps::text_of(Lang::Ko, at("H1"));
    assert!(body.contains("H1은 y1(가중치 w21)"), "{body}");
    // The sign notes leave the particle after {H}, {Y}, {y} to the page's fill.
    let s = Lang::Ko.strings();
    for t in [s.sign_too_high, s.sign_too_low, s.sign_on_target, s.sign_flat] {
        assert!(!t.contains("}의 값"), "{t}");
    }
    assert!(s.sign_too_high.contains("{H}가 클수록"), "{}", s.sign_too_high);
    for t in [
        s.note_output_weight,
        s.note_hidden_weight,
        s.note_output_bias,
        s.note_hidden_bias,
    ] {
        assert!(!t.contains("}의 값"), "{t}");
    }
    assert!(!sweep(Lang::Ko).hidden.body.contains("}의 값"));
}

/// Sentences that were false or pointed at the wrong thing.
#[test]
fn the_korean_sentences_say_what_is_true() {
    use backprop_lab::i18n::{practice::practice, sweep::sweep};
    let s = Lang::Ko.strings();
    // The slip note: the notes' Error2 product is the wrong link; the right factor is w22.
    assert!(
        s.slip_note
            .contains("∂w22/∂H1은 잘못된 고리이고, 올바른 인수는 ∂y2/∂H1 = w22"),
        "{}",
        s.slip_note
    );
    // The update slip note: the bracket, not the whole update, is the two paths' sum.
    assert!(!s.slip_update.contains("이는"), "{}", s.slip_update);
    assert!(
        s.slip_update.contains("괄호 안은 w11 단계에서 본 두 경로의 합"),
        "{}",
        s.slip_update
    );
    // The size of the gradients is compared, in both languages (signs differ on random examples).
    for lang in [Lang::Ko, Lang::En] {
        let q = practice(lang).smallest_question;
        assert!(q.contains("|∂E/∂w11|") && q.contains("|∂E/∂w21|"), "{q}");
    }
    // The multiply node's swap, used before its own step, points to that step.
    let mul = s.mul_node.title;
    for t in [s.slip_note, sweep(Lang::Ko).hidden.body] {
        assert!(t.contains(&format!("‘{mul}’")), "{t}");
    }
    assert!(Lang::En.strings().edit_randomise.contains("parameters"));
}

/// Descent: the slope's size matters too; a step is η · |∂E/∂p|, as the update table shows.
#[test]
fn the_descent_step_says_the_slopes_size_sets_the_step_too() {
    for lang in [Lang::Ko, Lang::En] {
        let why = lang.strings().descent_why;
        assert!(why.contains("η · |∂E/∂{p}|"), "{why}");
        assert!(why.contains("η · ∂E/∂p"), "the update table's column: {why}");
        assert!(
            !why.contains("not how far") && !why.contains("얼마나 갈지는 학습률"),
            "{why}"
        );
    }
}
