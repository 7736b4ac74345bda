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
        verdicts: Verdicts {
            scope: "s7/grad-w21".into(),
            list: vec![
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
            ],
        }
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
    // The bar counts all the lesson's questions, each once (four are asked on two steps:
    // ∂E/∂w21, ∂E/∂w11, ∂Error1/∂Y1, ∂Y1/∂y1); the sheet lists each under every step asking it.
    let total = Sheet::for_seed(None).unwrap().len();
    assert!(
        reply.bar.contains(&format!("data-total=\"{}\"", total - 4)),
        "{}",
        reply.bar
    );
    let sheet = answer(&Request::Sheet(body(Step::Descent)));
    assert_eq!(sheet.questions.matches("<tr><th scope=\"row\">").count(), total);
    assert!(sheet
        .questions
        .contains("data-testid=\"sheet-grad-w21-factor-1-1\">0.741365<"));
}

/// The body of `b` at another step (same progress and verdicts), or with new numbers.
fn moved(b: &Body, step: Step, seed: Option<u64>) -> Body {
    let mut state = State::from_pairs(b.query.split('&').filter_map(|kv| kv.split_once('=')));
    state.step = step;
    if let Some(seed) = seed {
        state.reseed(seed);
    }
    Body {
        query: state.to_query(),
        ..b.clone()
    }
}

/// On grad-w21, factor-1-3 is ∂y1/∂w21 = H1 (Mazur: out_h1 = 0.593269992); on grad-w11 it is
/// ∂y1/∂H1 = w21 = 0.4. A verdict given on grad-w21 (a check answered after the learner moved
/// on) must not stand beside grad-w11's question, nor after new numbers.
#[test]
fn a_verdict_follows_its_step_and_example_not_the_page_id() {
    let b = body(Step::Grad(Param::W21));
    let b = body_of(&check(&b, "paths-w21", "#0"));
    let right = check(&b, "factor-1-3", "0.593270");
    assert!(
        right.questions.contains("data-verdict=\"correct\""),
        "{}",
        right.questions
    );
    let after = body_of(&right);
    // The learner is on grad-w11 with the path count revealed, and the old verdicts came along.
    let on_w11 = body_of(&answer(&Request::Check {
        body: moved(&after, Step::Grad(Param::W11), None),
        id: "paths-w11".into(),
        answer: "#reveal".into(),
    }));
    let view = answer(&Request::View(on_w11));
    assert!(
        view.questions.contains("data-testid=\"answer-factor-1-3\""),
        "{}",
        view.questions
    );
    assert!(!view.questions.contains("verdict-factor-1-3"), "{}", view.questions);
    assert!(!view.questions.contains("data-verdict"), "{}", view.questions);
    // New numbers: the same step, another example: no old verdict.
    let fresh = answer(&Request::View(moved(&after, Step::Grad(Param::W21), Some(7))));
    assert!(!fresh.questions.contains("data-verdict"), "{}", fresh.questions);
}

/// "Show answer" shows the number marked as revealed and is not counted as solved.
#[test]
fn a_revealed_number_is_marked_and_not_counted() {
    let b = body(Step::Error);
    let shown = answer(&Request::Check {
        body: b,
        id: "value-E".into(),
        answer: "#reveal".into(),
    });
    assert!(!shown.hidden.iter().any(|h| h == "value-E"));
    assert!(
        shown
            .questions
            .contains("data-testid=\"question-value-E\" data-state=\"revealed\""),
        "{}",
        shown.questions
    );
    assert!(shown.questions.contains("answer shown"), "{}", shown.questions);
    assert!(
        shown.bar.contains("data-value=\"0\" data-revealed=\"1\""),
        "{}",
        shown.bar
    );
    assert!(shown
        .questions
        .contains("data-testid=\"practice-step-progress\" data-value=\"0\""));
    // Solving the next one counts it.
    let solved = check(&body_of(&shown), "value-Error1", "0.274811");
    assert!(
        solved.bar.contains("data-value=\"1\" data-revealed=\"1\""),
        "{}",
        solved.bar
    );
    assert!(solved
        .questions
        .contains("data-testid=\"question-value-Error1\" data-state=\"solved\""));
}

/// grad-w11: one field per question (no two fields with one label), grouped by path under the
/// path's name, the shared factors asked once on path 1; the step's count is of the fields.
#[test]
fn the_w11_chain_is_asked_path_by_path_one_field_per_question() {
    let b = body_of(&check(&body(Step::Grad(Param::W11)), "paths-w11", "#1"));
    let v = answer(&Request::View(b));
    let q = &v.questions;
    let fields = q.matches("<input ").count();
    let labels: Vec<&str> = q
        .split("<label for=")
        .skip(1)
        .map(|l| &l[l.find('>').unwrap() + 1..l.find("</label>").unwrap()])
        .collect();
    let mut distinct = labels.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), labels.len(), "{labels:?}");
    // Five factors on path 1, three more on path 2, two products, the sum.
    assert_eq!(fields, 11, "{labels:?}");
    assert!(
        q.contains("data-total=\"12\"") || q.contains("data-total=\"13\""),
        "{q}"
    );
    let p1 = q.find("data-testid=\"practice-path-1\"").expect("path 1 group");
    let p2 = q.find("data-testid=\"practice-path-2\"").expect("path 2 group");
    assert!(q[p1..p2].contains("∂Error1/∂w11") && q[p2..].contains("∂Error2/∂w11"));
    assert!(q[p1..p2].contains("answer-factor-1-4") && !q[p2..].contains("answer-factor-2-4"));
    assert!(q[p2..].contains("answer-factor-2-3") && q[p2..].contains("answer-path-2"));
    assert!(q[p1..p2].contains("answer-path-1") && !q[p1..p2].contains("answer-factor-2-"));
}

/// The answer sheet lists the example's givens (the seed README's worked example: x 0.05 0.10,
/// t 0.01 0.99, w11 w13 w12 w14 = 0.15 0.20 0.25 0.30, w21 w23 w22 w24 = 0.40 0.45 0.50 0.55,
/// b 0.35 0.35 0.60 0.60, η 0.5) and links back to the app; `sheet=0` leaves the bar's link out.
#[test]
fn the_sheet_lists_the_givens_and_a_teacher_can_leave_its_link_out() {
    let sheet = answer(&Request::Sheet(body(Step::Descent))).questions;
    for (id, v) in [
        ("x1", "0.05"),
        ("x2", "0.1"),
        ("t1", "0.01"),
        ("t2", "0.99"),
        ("w11", "0.15"),
        ("w12", "0.25"),
        ("w13", "0.2"),
        ("w14", "0.3"),
        ("w21", "0.4"),
        ("w22", "0.5"),
        ("w23", "0.45"),
        ("w24", "0.55"),
        ("b1", "0.35"),
        ("b2", "0.35"),
        ("b3", "0.6"),
        ("b4", "0.6"),
    ] {
        assert!(sheet.contains(&format!("data-testid=\"sheet-given-{id}\"")), "{id}");
        assert!(sheet.contains(&format!(">{id} = {v}</span>")), "{id} = {v}: {sheet}");
    }
    assert!(sheet.contains(">η = 0.5</span>"));
    assert!(
        sheet.contains("data-testid=\"sheet-app\" href=\"?step=forward&amp;lang=en&amp;practice=1\""),
        "{sheet}"
    );
    let bar = answer(&Request::View(body(Step::Error))).bar;
    assert!(bar.contains("practice-sheet"));
    let mut b = body(Step::Error);
    b.query += "&sheet=0";
    let bar = answer(&Request::View(b)).bar;
    assert!(!bar.contains("practice-sheet"), "{bar}");
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

/// The descent step's landing, p − η·∂E/∂p with p and η on show, would give its blank slope away.
/// On b3 (the step's default) of Mazur's example, ∂E/∂b3 = δ_o1 = 0.138498562, so one step with
/// η = 0.5 lands at 0.6 − 0.5 · 0.138498562 = 0.530750719: blank while the slope is.
#[test]
fn the_descent_landing_is_blank_while_its_slope_is() {
    let (slope, next) = (0.138498562, 0.6 - 0.5 * 0.138498562);
    let descent = answer(&Request::View(body(Step::Descent)));
    assert!(blanked(&descent, slope), "{:?}", descent.blanks);
    assert!(
        blanked(&descent, next),
        "the landing gives the slope away: {:?}",
        descent.blanks
    );
}

/// Issue 20, session 9: "Apply this update" in practice mode moved the page to new numbers and
/// the bar to 0 solved with no word of why; the work on the example's own numbers (the worked
/// example, seed README) was reachable only through the undo. The page now says what happened,
/// how much of the own numbers' work is kept, and links back to them.
#[test]
fn applying_an_update_keeps_the_work_on_the_own_numbers_in_view() {
    use backprop_lab::lesson::Update;
    use backprop_lab::net::Net;
    let worked = Example::worked();
    let own = example_key(None, &worked, 0.5);
    let mut p = Progress::default();
    p.solve(&own, "grad-w21", "paths-w21");
    p.solve(&own, "error", "value-E");
    // The state "Apply this update" moves to: the worked example after one step at η = 0.5.
    let next = Update::of(&Net::new(&worked).unwrap(), 0.5).next;
    let state = State {
        step: Step::Update,
        practice: true,
        lang: backprop_lab::i18n::Lang::En,
        example: next,
        ..State::default()
    };
    let b = Body {
        query: state.to_query(),
        progress: p.to_text(),
        ..body(Step::Update)
    };
    let reply = answer(&Request::View(b));
    assert!(
        reply.bar.contains("data-testid=\"practice-home\" data-value=\"2\""),
        "the bar names the kept work: {}",
        reply.bar
    );
    // The link loads the own numbers on the same step, in practice mode.
    let href = reply
        .bar
        .split("data-testid=\"practice-home-link\" href=\"?")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap_or_else(|| panic!("no link back: {}", reply.bar))
        .replace("&amp;", "&");
    let back = State::from_pairs(href.split('&').filter_map(|kv| kv.split_once('=')));
    assert_eq!((back.example, back.step, back.practice), (worked, Step::Update, true));
    // On the own numbers, nothing to say.
    let home = answer(&Request::View(Body {
        progress: p.to_text(),
        ..body(Step::Update)
    }));
    assert!(!home.bar.contains("practice-home"), "{}", home.bar);
}

/// Issue 20, session 9: backward-params asked ∂E/∂w21 and ∂E/∂w11 again after their own steps
/// had them solved, and the lesson's total counted each twice. A quantity asked on two steps is
/// one question: solved on one, solved on both, counted once.
#[test]
fn a_quantity_asked_on_two_steps_is_one_question() {
    let b = body(Step::Grad(Param::W21));
    let r = check(&b, "paths-w21", "#0");
    // Mazur (2015): ∂E/∂w5 = 0.082167041 (w5 is w21).
    let r = check(&body_of(&r), "grad-w21", "0.0821670");
    assert!(r.questions.contains("data-verdict=\"correct\""), "{}", r.questions);
    let params = Body {
        progress: body_of(&r).progress,
        ..body(Step::Backward(backprop_lab::lesson::sweep_len()))
    };
    let v = answer(&Request::View(params));
    assert!(
        v.questions
            .contains("data-testid=\"question-grad-w21\" data-state=\"solved\""),
        "{}",
        v.questions
    );
    assert!(v
        .questions
        .contains("data-testid=\"question-grad-w11\" data-state=\"open\""));
    // docs/practice.md's table: ∂E/∂w21 and ∂E/∂w11 are asked on their chain-rule steps and on
    // backward-params; ∂Error1/∂Y1 and ∂Y1/∂y1 are factors of both the w21 and the w11 chain.
    let total = Sheet::for_seed(None).unwrap().len() - 4;
    let want = format!("data-value=\"2\" data-revealed=\"0\" data-total=\"{total}\"");
    assert!(v.bar.contains(&want), "{want} in {}", v.bar);
    // Solved on backward-params first, it is solved on grad-w11 too.
    let p = check(
        &Body {
            progress: String::new(),
            ..body(Step::Backward(backprop_lab::lesson::sweep_len()))
        },
        "grad-w11",
        // Mazur (2015): ∂E/∂w1 = 0.000438568 (w1 is w11).
        "0.000438568",
    );
    let g11 = answer(&Request::View(Body {
        progress: body_of(&p).progress,
        ..body(Step::Grad(Param::W11))
    }));
    assert!(!g11.hidden.iter().any(|h| h == "grad-w11"), "{:?}", g11.hidden);
    assert!(g11.hidden.iter().any(|h| h == "path-1"), "its paths are still asked");
}

/// Issue 20, session 9: grad-w11's formula read "∂y1/∂H1 = w21 = ?" while its product line
/// showed w21 = 0.4: a question whose answer is one of the example's givens (inputs, targets,
/// parameters, η) leaves that number on show everywhere, its own line included.
#[test]
fn a_given_is_never_blanked_not_even_as_an_answer() {
    let r = check(&body(Step::Grad(Param::W11)), "paths-w11", "#1");
    let v = answer(&Request::View(body_of(&r)));
    // ∂y1/∂H1 = w21 and ∂y2/∂H1 = w22 (the seed README's chain), both parameters: shown.
    for id in ["factor-1-3", "factor-2-3"] {
        assert!(!v.hidden.iter().any(|h| h == id), "{id} hidden: {:?}", v.hidden);
    }
    // ∂Error1/∂Y1 is no given: still asked, still hidden.
    assert!(v.hidden.iter().any(|h| h == "factor-1-1"));
    assert!(!v.blanks.iter().any(|b| *b == 0.4 || *b == 0.5));
}

/// Issue 20, session 9: on the descent step with nothing solved, the note on what earlier steps
/// ask listed seventeen links, one per step. It names the parts of the lesson instead (forward
/// pass, errors, chain rule, backward sweep, update: docs/lessons.md's order), each linking to
/// its first step, with how many of its steps ask what is blank.
#[test]
fn the_earlier_steps_note_is_grouped_by_part_of_the_lesson() {
    let v = answer(&Request::View(body(Step::Descent)));
    let note = v
        .questions
        .split("data-testid=\"practice-earlier\"")
        .nth(1)
        .and_then(|r| r.split("</p>").next())
        .unwrap_or_else(|| panic!("no note: {}", v.questions));
    let links = note.matches("<a ").count();
    assert!((2..=5).contains(&links), "{links} links: {note}");
    assert!(note.contains("step=forward-hidden-sum"), "{note}");
    assert!(note.contains("forward pass (4 steps)"), "{note}");
}
