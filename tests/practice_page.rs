//! Practice mode's worker protocol (`practice::page`): requests and replies read back what was written, a view asks the step's questions and hides them, a check judges, solves and diagnoses, a reveal solves, the sheet lists everything.

use backprop_lab::lesson::Step;
use backprop_lab::net::{Example, Param};
use backprop_lab::practice::page::{answer, serve, Body, Reply, Request, Verdicts};
use backprop_lab::practice::{example_key, Diagnosis, NodeInputs, Progress, Sheet, Verdict};
use backprop_lab::query::State;

fn body(step: Step) -> Body {
    let state = State {
        step,
        practice: true,
        lang: backprop_lab::i18n::Lang::En,
        ..State::default()
    };
    Body {
        query: state.to_query(),
        nodes: NodeInputs::for_seed(None),
        progress: String::new(),
        verdicts: String::new(),
    }
}

/// The body a reply says it shows, read back.
fn body_of(reply: &Reply) -> Body {
    Body::from_text(&reply.body).unwrap_or_else(|| panic!("not a body: {}", reply.body))
}

fn check(b: &Body, id: &str, text: &str) -> Reply {
    answer(&Request::Check {
        body: b.clone(),
        id: id.into(),
        answer: text.into(),
    })
}

#[test]
fn requests_and_replies_read_back_what_was_written() {
    let b = Body {
        nodes: NodeInputs {
            xy: [3.0, -0.1 + 0.2],
            upstream: -1.5,
        },
        progress: "p1|s7:grad-w21/factor-1-1".into(),
        verdicts: Verdicts(vec![
            (
                "factor-1-2".into(),
                Some(Verdict {
                    correct: false,
                    diagnosis: Diagnosis::Sign,
                    term: "∂Y1/∂y1".into(),
                }),
                "-0,19".into(),
            ),
            ("factor-1-3".into(), None, "abc".into()),
        ])
        .to_text(),
        ..body(Step::Grad(Param::W21))
    };
    for r in [
        Request::View(b.clone()),
        Request::Sheet(b.clone()),
        Request::Check {
            body: b.clone(),
            id: "factor-1-1".into(),
            answer: "0,5".into(),
        },
    ] {
        assert_eq!(Request::from_text(&r.to_text()), Some(r));
    }
    assert_eq!(Verdicts::from_text(&b.verdicts).to_text(), b.verdicts);
    let reply = answer(&Request::View(b.clone()));
    assert_eq!(Reply::from_text(&reply.to_text()), Some(reply.clone()));
    // A view shows exactly the body it was asked for: the page knows it is current.
    assert_eq!(reply.body, b.to_text());
    assert_eq!(serve(&Request::View(b).to_text()), reply.to_text());
    assert_eq!(serve("nonsense"), "");
}

/// Mazur (2015), "A Step by Step Backpropagation Example": ∂E/∂out_o1 = 0.74136507,
/// ∂E/∂w5 = 0.082167041 (w5 is w21).
#[test]
fn grad_w21_asks_the_path_count_first_and_hides_the_chain() {
    let reply = answer(&Request::View(body(Step::Grad(Param::W21))));
    assert!(reply.flags.paths && reply.flags.nudge && reply.flags.sign);
    assert!(reply.questions.contains("data-testid=\"question-paths-w21\""));
    assert!(reply.questions.contains("data-testid=\"choice-paths-w21-0\""));
    assert!(
        !reply.questions.contains("question-factor-1-1"),
        "the factors name the path"
    );
    for id in ["factor-1-1", "factor-1-2", "path-1", "path-sum", "grad-w21"] {
        assert!(reply.hidden.iter().any(|h| h == id), "{id} hidden");
    }
    assert!(reply.blanks.iter().any(|v| (v - 0.74136507).abs() < 1e-8));
    assert!(reply.blanks.iter().any(|v| (v - 0.082167041).abs() < 1e-9));
    // Right: one path. The reply's body carries the progress, and the factors are asked now.
    let b = body(Step::Grad(Param::W21));
    let wrong = check(&b, "paths-w21", "#1");
    assert!(wrong.questions.contains("data-verdict=\"incorrect\""));
    let right = check(&body_of(&wrong), "paths-w21", "#0");
    let after = body_of(&right);
    let example = example_key(None, &Example::worked(), 0.5);
    assert!(Progress::from_text(&after.progress).is_solved(&example, "grad-w21", "paths-w21"));
    assert!(!right.flags.paths);
    assert!(right.questions.contains("data-testid=\"answer-factor-1-1\""));
    assert!(right.questions.contains("data-verdict=\"correct\""));
    assert!(!right.said.is_empty());
}

#[test]
fn a_check_diagnoses_a_reveal_solves_and_unread_text_is_said() {
    let b = body(Step::Grad(Param::W21));
    let b = body_of(&check(&b, "paths-w21", "#reveal"));
    // t − Y instead of Y − t: −0.74136507.
    let sign = check(&b, "factor-1-1", "-0.741365");
    assert!(sign.questions.contains("data-diagnosis=\"sign\""), "{}", sign.questions);
    assert!(sign.hidden.iter().any(|h| h == "factor-1-1"));
    assert!(sign.questions.contains("<span class=\"tried\">-0.741365:</span>"));
    // The same mistake again, in other digits: its own verdict, which names the answer it judged.
    let again = check(&body_of(&sign), "factor-1-1", "-0.74");
    assert!(
        again.questions.contains("data-diagnosis=\"sign\""),
        "{}",
        again.questions
    );
    assert!(again.questions.contains("<span class=\"tried\">-0.74:</span>"));
    assert_ne!(again.questions, sign.questions);
    assert!(again.said.starts_with("-0.74: "), "{}", again.said);
    let unread = check(&body_of(&again), "factor-1-1", "zero point seven");
    assert!(unread.questions.contains("field-msg"));
    assert_eq!(
        unread.said,
        "zero point seven: That answer could not be read as a number."
    );
    let right = check(&body_of(&unread), "factor-1-1", "0,741365");
    assert!(!right.hidden.iter().any(|h| h == "factor-1-1"));
    assert!(
        !right.blanks.iter().any(|v| (v - 0.74136507).abs() < 1e-8),
        "a solved number is not blanked"
    );
    // The one-path chain's product, sum and gradient are one question: revealing one solves all.
    let shown = check(&body_of(&right), "grad-w21", "#reveal");
    for id in ["path-1", "path-sum", "grad-w21"] {
        assert!(!shown.hidden.iter().any(|h| h == id), "{id}");
    }
    assert!(shown.said.is_empty(), "a reveal is no verdict");
}

/// Whether `blanks` holds `v` to 1e-8 (a published number's own digits).
fn blanked(reply: &Reply, v: f64) -> bool {
    reply.blanks.iter().any(|b| (b - v).abs() < 1e-8)
}

#[test]
fn steps_without_questions_ask_nothing_and_the_sheet_lists_every_question() {
    let reply = answer(&Request::View(body(Step::Descent)));
    assert!(!reply.questions.contains("practice-box") && reply.hidden.is_empty());
    assert!(!reply.flags.sign && !reply.flags.paths);
    // The bar counts all the lesson's questions.
    let total = Sheet::for_seed(None).unwrap().len();
    assert!(reply.bar.contains(&format!("data-total=\"{total}\"")), "{}", reply.bar);
    let sheet = answer(&Request::Sheet(body(Step::Descent)));
    assert_eq!(sheet.questions.matches("<tr><th scope=\"row\">").count(), total);
    assert!(sheet
        .questions
        .contains("data-testid=\"sheet-grad-w21-factor-1-1\">0.741365<"));
}

/// A number asked on one step stays blank on every other until a question asking it is solved:
/// the first step shows no later value, descent not the slope grad-w21 asks, and a step that
/// needs an earlier step's number points back there. The example's givens are never blank.
#[test]
fn what_another_step_asks_stays_blank_until_solved() {
    // Mazur (2015): net_h1 = 0.3775, E_total = 0.298371109, dE/dw5 = 0.082167041.
    let (h1, e, g21) = (0.3775, 0.298371109, 0.082167041);
    let first = answer(&Request::View(body(Step::FIRST)));
    assert!(
        blanked(&first, h1) && blanked(&first, e) && blanked(&first, g21),
        "{:?}",
        first.blanks
    );
    let descent = answer(&Request::View(body(Step::Descent)));
    assert!(blanked(&descent, g21), "{:?}", descent.blanks);
    for given in [0.05, 0.1, 0.01, 0.99, 0.15, 0.4, 0.35, 0.6, 0.5] {
        assert!(
            !blanked(&first, given) && !blanked(&descent, given),
            "given {given} blanked"
        );
    }
    // grad-w21 needs the forward values: blank, and the links lead back to where they are asked.
    let w21 = answer(&Request::View(body(Step::Grad(Param::W21))));
    assert!(
        w21.questions.contains("data-testid=\"practice-earlier\""),
        "{}",
        w21.questions
    );
    assert!(w21.questions.contains("step=forward-hidden-sum"), "{}", w21.questions);
    assert!(
        !first.questions.contains("practice-earlier"),
        "nothing before the first step"
    );
    // Solve h1 on its step: the first step shows it; E stays blank.
    let mut b = body(Step::Forward(backprop_lab::lesson::Stage::HiddenSum));
    b = body_of(&check(&b, "value-h1", "0.3775"));
    let mut on_first = body(Step::FIRST);
    on_first.progress = b.progress;
    let first = answer(&Request::View(on_first));
    assert!(!blanked(&first, h1) && blanked(&first, e), "{:?}", first.blanks);
}
