//! Reads the markup the app writes itself (the MathML of `math`) as nodes in document order, and lists what changed between two versions.
//!
//! The page keeps a formula's elements and updates only its changed numbers: with the old and the
//! new markup of the same shape, [`changes`] names each text and attribute value to rewrite by the
//! position of its node in document order (elements and texts, as the browser's parser builds
//! them). This reads well-formed markup of tags, quoted attributes, text and the entities
//! `&amp; &lt; &gt; &quot;` (what `math::mathml::escape` writes); anything else is refused, and
//! the caller then writes the whole markup instead.

/// One node in document order: an element with its tag name and attributes, or a text.
#[derive(Debug, Clone, PartialEq)]
pub enum Node<'a> {
    Element {
        name: &'a str,
        attrs: Vec<(&'a str, String)>,
    },
    Text(String),
}

/// One value to rewrite: the text of node `node`, or its attribute `name`.
#[derive(Debug, Clone, PartialEq)]
pub enum Change<'a> {
    Text { node: usize, text: String },
    Attr { node: usize, name: &'a str, value: String },
}

/// The text with the four entities of `escape` decoded; `None` for any other `&...;` or a bare `<`.
fn decode(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(['&', '<']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let (entity, c) = [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"')]
            .into_iter()
            .find(|(e, _)| rest.starts_with(e))?;
        out.push(c);
        rest = &rest[entity.len()..];
    }
    out.push_str(rest);
    Some(out)
}

/// The nodes of `html` in document order, or `None` when it is not markup this module reads
/// (a comment, an unquoted attribute, an unbalanced tag, an unknown entity).
pub fn nodes(html: &str) -> Option<Vec<Node<'_>>> {
    let mut out = Vec::new();
    let mut open: Vec<&str> = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(tag) = rest.strip_prefix('<') else {
            let end = rest.find('<').unwrap_or(rest.len());
            out.push(Node::Text(decode(&rest[..end])?));
            rest = &rest[end..];
            continue;
        };
        if let Some(close) = tag.strip_prefix('/') {
            let end = close.find('>')?;
            if open.pop()? != &close[..end] {
                return None;
            }
            rest = &close[end + 1..];
            continue;
        }
        let name_end = tag.find([' ', '>', '/'])?;
        let name = &tag[..name_end];
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return None;
        }
        let mut attrs = Vec::new();
        let mut at = tag[name_end..].trim_start();
        let self_closing = loop {
            if let Some(after) = at.strip_prefix("/>") {
                at = after;
                break true;
            }
            if let Some(after) = at.strip_prefix('>') {
                at = after;
                break false;
            }
            let eq = at.find('=')?;
            let attr = &at[..eq];
            let value = at[eq + 1..].strip_prefix('"')?;
            let end = value.find('"')?;
            if attr.is_empty() || attr.contains([' ', '<', '>', '"']) {
                return None;
            }
            attrs.push((attr, decode(&value[..end])?));
            at = value[end + 1..].trim_start();
        };
        out.push(Node::Element { name, attrs });
        if !self_closing {
            open.push(name);
        }
        rest = at;
    }
    open.is_empty().then_some(out)
}

/// What to rewrite to turn the nodes of `old` into those of `new`, when both have the same
/// shape: the same elements with the same attribute names, and texts in the same places. `None`
/// when the shapes differ or either markup cannot be read.
pub fn changes<'a>(old: &str, new: &'a str) -> Option<Vec<Change<'a>>> {
    let (old, new) = (nodes(old)?, nodes(new)?);
    if old.len() != new.len() {
        return None;
    }
    let mut out = Vec::new();
    for (node, (a, b)) in old.into_iter().zip(new).enumerate() {
        match (a, b) {
            (Node::Text(a), Node::Text(b)) => {
                if a != b {
                    out.push(Change::Text { node, text: b });
                }
            }
            (Node::Element { name: n, attrs: x }, Node::Element { name: m, attrs: y }) => {
                if n != m || x.len() != y.len() {
                    return None;
                }
                for ((xn, xv), (yn, yv)) in x.into_iter().zip(y) {
                    if xn != yn {
                        return None;
                    }
                    if xv != yv {
                        out.push(Change::Attr {
                            node,
                            name: yn,
                            value: yv,
                        });
                    }
                }
            }
            _ => return None,
        }
    }
    Some(out)
}
