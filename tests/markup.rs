//! Reading the app's own markup in document order, and the values that change between two versions of a formula.

use backprop_lab::i18n::Lang;
use backprop_lab::lesson::{Frame, Step};
use backprop_lab::markup::{changes, nodes, Change, Node};
use backprop_lab::math::{formulas, to_mathml, Layout};
use backprop_lab::net::{Example, Net, Param};
use backprop_lab::ui::num::short;

fn text(s: &str) -> Node<'static> {
    Node::Text(s.to_owned())
}

fn element<'a>(name: &'a str, attrs: &[(&'a str, &str)]) -> Node<'a> {
    Node::Element {
        name,
        attrs: attrs.iter().map(|&(n, v)| (n, v.to_owned())).collect(),
    }
}

#[test]
fn nodes_come_in_document_order_with_entities_decoded() {
    let got =
        nodes(r#"<math aria-label="a &quot;b&quot;"><mi>x</mi><mo>&lt;</mo><mspace width="1em"/><mn>2</mn></math>"#);
    assert_eq!(
        got,
        Some(vec![
            element("math", &[("aria-label", "a \"b\"")]),
            element("mi", &[]),
            text("x"),
            element("mo", &[]),
            text("<"),
            element("mspace", &[("width", "1em")]),
            element("mn", &[]),
            text("2"),
        ])
    );
}

#[test]
fn markup_it_does_not_read_is_refused() {
    for bad in [
        "<mi>x</mo>",            // unbalanced
        "<mi>x",                 // unclosed
        "<mi a=b>x</mi>",        // unquoted attribute
        "<mi>&nbsp;</mi>",       // an entity escape() never writes
        "<!-- c --><mi>x</mi>",  // a comment
        "<mi>x</mi></mi>",       // a stray end tag
        "<mi a=\"1\" <b>x</mi>", // a broken tag
    ] {
        assert_eq!(nodes(bad), None, "{bad}");
    }
}

#[test]
fn only_changed_values_are_listed_by_node_position() {
    let old = r#"<mrow data-value="1"><mn>1</mn><mo>+</mo><mn>2</mn></mrow>"#;
    let new = r#"<mrow data-value="1.5"><mn>1.5</mn><mo>+</mo><mn>2</mn></mrow>"#;
    assert_eq!(
        changes(old, new),
        Some(vec![
            Change::Attr {
                node: 0,
                name: "data-value",
                value: "1.5".into()
            },
            Change::Text {
                node: 2,
                text: "1.5".into()
            },
        ])
    );
    assert_eq!(changes(old, old), Some(vec![]));
    // A different shape: another element, another attribute, a text where an element was.
    assert_eq!(
        changes(old, r#"<mrow data-value="1"><mn>1</mn><mo>+</mo><mi>2</mi></mrow>"#),
        None
    );
    assert_eq!(
        changes(old, r#"<mrow class="1"><mn>1</mn><mo>+</mo><mn>2</mn></mrow>"#),
        None
    );
    assert_eq!(
        changes(old, r#"<mrow data-value="1"><mn>1</mn><mo>+</mo>2</mrow>"#),
        None
    );
}

/// The chain rule of w21 after an edit of w21 has the same shape and differs only in numbers,
/// so the page rewrites numbers instead of the formula; every formula the app writes is
/// markup this module reads.
#[test]
fn an_edit_changes_only_the_numbers_of_the_chain_rule() {
    let words = &Lang::En.strings().math_words;
    let chain_of = |w21: f64| {
        let mut example = Example::worked();
        example.params[Param::W21.index()] = w21;
        let net = Net::new(&example).unwrap();
        let chain = Frame::build(&net, Step::Grad(Param::W21)).chain.unwrap();
        let f = formulas::path_product(Param::W21, &chain.paths[0]);
        to_mathml(&f, Layout::Block(38), &short, words)
    };
    let (a, b) = (chain_of(0.40), chain_of(0.30));
    assert!(nodes(&a).is_some(), "{a}");
    let list = changes(&a, &b).expect("same shape");
    assert!(!list.is_empty());
    assert!(
        list.iter().all(|c| match c {
            Change::Text { text, .. } => text.chars().all(|ch| ch.is_ascii_digit() || "-.e+−".contains(ch)),
            Change::Attr { name, .. } => ["data-value", "aria-label"].contains(name),
        }),
        "{list:?}"
    );
}
