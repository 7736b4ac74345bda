//! Browser tests of the formulas (wasm32, headless Chromium): real MathML elements whose substituted numbers are the page's numbers.
#![cfg(target_arch = "wasm32")]

use backprop_lab::i18n::Lang;
use backprop_lab::lesson::{Stage, Step};
use backprop_lab::net::Param;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "web/support.rs"]
#[allow(dead_code)]
mod support;

use support::{get, mount_at};

const MATHML: &str = "http://www.w3.org/1998/Math/MathML";

fn elements(root: &web_sys::Element, tag: &str) -> Vec<web_sys::Element> {
    let list = root.get_elements_by_tag_name(tag);
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

fn data_value(el: &web_sys::Element) -> String {
    el.get_attribute("data-value").unwrap()
}

/// How many elements of the host carry this test id.
fn count_id(host: &web_sys::HtmlElement, testid: &str) -> usize {
    elements(host, "*")
        .iter()
        .filter(|e| e.get_attribute("data-testid").as_deref() == Some(testid))
        .count()
}

/// The substituted numbers of the formula holding `testid` (every line after the first): each
/// number's `data-value` and its text, left to right, without the result itself.
fn last_line(host: &web_sys::HtmlElement, testid: &str) -> (web_sys::Element, Vec<(String, String)>) {
    let math = get(host, testid)
        .closest("math")
        .unwrap()
        .expect("the result sits inside a <math>");
    let rows = elements(&math, "mtr");
    assert!(rows.len() >= 2, "a display formula with numbers has two lines or more");
    let numbers = rows[1..]
        .iter()
        .flat_map(|row| elements(row, "mrow"))
        .filter(|e| e.has_attribute("data-value"))
        .map(|e| {
            let text = elements(&e, "mn")
                .iter()
                .map(|n| n.text_content().unwrap())
                .collect::<Vec<_>>()
                .join("");
            (data_value(&e), text)
        })
        .collect();
    (math, numbers)
}

#[wasm_bindgen_test]
async fn the_w11_chain_rule_is_mathml_whose_numbers_are_the_factors() {
    let host = mount_at(Step::Grad(Param::W11), Lang::En);
    support::settle().await;
    let maths = elements(&host, "math");
    assert!(
        maths.len() >= 13,
        "two paths of five factors, two products, the sum: {}",
        maths.len()
    );
    for m in &maths {
        assert_eq!(m.namespace_uri().as_deref(), Some(MATHML), "a real MathML element");
        assert!(!m.get_attribute("aria-label").unwrap_or_default().is_empty());
    }
    let fractions = elements(&host, "mfrac");
    assert!(!fractions.is_empty());
    assert_eq!(fractions[0].namespace_uri().as_deref(), Some(MATHML));

    for k in 1..=2 {
        // The product's second line substitutes exactly the factors shown above it.
        let (math, numbers) = last_line(&host, &format!("path-{k}"));
        assert_eq!(math.get_attribute("display").as_deref(), Some("block"));
        assert_eq!(numbers.len(), 5, "{numbers:?}");
        for (j, (value, text)) in numbers.iter().enumerate() {
            let factor = get(&host, &format!("factor-{k}-{}", j + 1));
            assert_eq!(value, &data_value(&factor), "path {k} factor {}", j + 1);
            // The same short form as the factor (its minus sign is a separate operator).
            let shown = factor.text_content().unwrap();
            assert!(
                !shown.contains('e'),
                "the worked example has no powers of ten here: {shown}"
            );
            assert_eq!(text, shown.trim_start_matches('-'), "path {k} factor {}", j + 1);
        }
        // The factor and the product are still the page's number elements, once each.
        for id in [format!("path-{k}"), format!("factor-{k}-1"), format!("factor-{k}-5")] {
            assert_eq!(count_id(&host, &id), 1, "{id}");
            assert_eq!(get(&host, &id).tag_name().to_lowercase(), "span");
        }
    }
    // The sum's second line: the two path products, then path-sum.
    let (_, numbers) = last_line(&host, "path-sum");
    let values: Vec<String> = numbers.into_iter().map(|(v, _)| v).collect();
    assert_eq!(
        values,
        vec![data_value(&get(&host, "path-1")), data_value(&get(&host, "path-2"))]
    );
    // Mazur (2015): w1 0.15 -> 0.149780716 at lr 0.5, so dE/dw11 = 0.000438568.
    let sum: f64 = data_value(&get(&host, "path-sum")).parse().unwrap();
    assert!((sum - 0.000438568).abs() < 1e-9);
    assert_eq!(count_id(&host, "grad-w11"), 1);
}

#[wasm_bindgen_test]
async fn the_forward_steps_show_their_sums_with_the_network_numbers() {
    let host = mount_at(Step::Forward(Stage::HiddenSum), Lang::En);
    support::settle().await;
    let maths = elements(&host, "math");
    assert_eq!(maths.len(), 2, "h1 and h2");
    let rows = elements(&maths[0], "mtr");
    let values: Vec<f64> = rows[1..]
        .iter()
        .flat_map(|row| elements(row, "mrow"))
        .filter_map(|e| e.get_attribute("data-value"))
        .map(|v| v.parse().unwrap())
        .collect();
    // Mazur (2015): h1 = w1·i1 + w2·i2 + b1 = .15·.05 + .20·.10 + .35 = 0.3775 (w1 = w11, w2 = w13).
    assert_eq!(values[..5], [0.15, 0.05, 0.2, 0.1, 0.35]);
    assert!((values[5] - 0.3775).abs() < 1e-12);
}

#[wasm_bindgen_test]
async fn the_labels_follow_the_language() {
    let host = mount_at(Step::Grad(Param::W21), Lang::Ko);
    support::settle().await;
    let label = |host: &web_sys::HtmlElement| {
        get(host, "path-1")
            .closest("math")
            .unwrap()
            .unwrap()
            .get_attribute("aria-label")
            .unwrap()
    };
    assert!(label(&host).contains("편미분"), "{}", label(&host));
    let en: web_sys::HtmlElement = host
        .query_selector("[data-testid=lang-en]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    en.click();
    support::settle().await;
    assert!(label(&host).contains("partial derivative"), "{}", label(&host));
}

/// The browser parses the app's MathML into exactly the nodes `markup::nodes` reads, in the same
/// order: the page's in-place update of a formula's numbers addresses nodes by that position.
#[wasm_bindgen_test]
fn the_browser_parses_formulas_into_the_nodes_markup_reads() {
    use backprop_lab::markup::{nodes, Node};
    use backprop_lab::math::{formulas, to_mathml, Layout};
    use backprop_lab::net::{Example, Net};
    let net = Net::new(&Example::worked()).unwrap();
    let chain = backprop_lab::lesson::Frame::build(&net, Step::Grad(Param::W11))
        .chain
        .unwrap();
    let mut list = vec![
        formulas::update_rule(),
        formulas::total_error(&net),
        formulas::path_sum(Param::W11, &chain.paths, chain.sum).unwrap(),
    ];
    list.extend(chain.paths.iter().map(|p| formulas::path_product(Param::W11, p)));
    list.extend(formulas::weighted_sum(&net, "h1"));
    let host = document().create_element("span").unwrap();
    for lang in [Lang::Ko, Lang::En] {
        for layout in [Layout::Inline, Layout::Block(38)] {
            for f in &list {
                let html = format!(
                    "<li><span class=\"formula\">{}</span></li>",
                    to_mathml(f, layout, &backprop_lab::ui::num::short, &lang.strings().math_words)
                );
                host.set_inner_html(&html);
                let want = nodes(&html).unwrap_or_else(|| panic!("markup reads {html}"));
                let mut got = Vec::new();
                let all = host.query_selector_all("*").unwrap();
                // Elements and texts in document order: a TreeWalker over both kinds.
                let walker = document()
                    .create_tree_walker_with_what_to_show(&host, 0x1 | 0x4)
                    .unwrap();
                while let Some(n) = walker.next_node().unwrap() {
                    got.push(n);
                }
                assert_eq!(got.len(), want.len(), "{html}");
                assert_eq!(
                    all.length() as usize,
                    want.iter().filter(|n| matches!(n, Node::Element { .. })).count()
                );
                for (n, w) in got.iter().zip(&want) {
                    match w {
                        Node::Element { name, .. } => assert!(n.node_name().eq_ignore_ascii_case(name), "{html}"),
                        Node::Text(t) => assert_eq!(n.node_value().as_deref(), Some(t.as_str()), "{html}"),
                    }
                }
            }
        }
    }
}
