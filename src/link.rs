//! The playground's part of a link: its expression, and each variable under the `v.` prefix so no variable can set a lesson key (pure).

use crate::value;
use std::collections::BTreeMap;

/// The prefix of a playground variable's key (`v.x=-2`). A name is letters, digits and `_`, so
/// `v.w11` is never a lesson key: the playground's w11 and the network's w11 stay apart.
pub const PREFIX: &str = "v.";

/// The playground as a link carries it.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaygroundLink {
    /// The expression as typed (`expr=`).
    pub expr: String,
    /// Where the typed expression does not build: the last one that did (`last=`), whose graph
    /// the page keeps showing under the error.
    pub last: Option<String>,
    /// The variables' values (`v.name=`); a variable not named takes the playground's default.
    pub values: BTreeMap<String, f64>,
}

impl PlaygroundLink {
    /// The query pairs that restore this playground: `expr`, `last` if any, then `v.name` for
    /// each value, written by [`value::write`] so that it reads back to the same bits.
    pub fn pairs(&self) -> Vec<(String, String)> {
        let mut pairs = vec![("expr".to_owned(), self.expr.clone())];
        if let Some(last) = &self.last {
            pairs.push(("last".to_owned(), last.clone()));
        }
        pairs.extend(
            self.values
                .iter()
                .map(|(name, &v)| (format!("{PREFIX}{name}"), value::write(v))),
        );
        pairs
    }

    /// The playground a link names, given the link's first value of each key (as
    /// `URLSearchParams.get` gives it); `None` without `expr=`. Values are read for the variables of
    /// `expr` and `last`, through [`value::parse`] like a typed field (a refused value is left out).
    ///
    /// A link written before the prefix (no `v.` key for any of those variables, e.g.
    /// `?step=playground&expr=(x%2By)*z&x=-2&y=5&z=-4`) gave each variable under its bare name:
    /// such a link is read as it was then, bare names included.
    pub fn read(get: impl Fn(&str) -> Option<String>) -> Option<PlaygroundLink> {
        let expr = get("expr")?;
        let last = get("last");
        let mut names: Vec<String> = Vec::new();
        for text in std::iter::once(&expr).chain(&last) {
            if let Ok(ast) = crate::expr::parse(text) {
                for (name, _) in ast.variables() {
                    if !names.iter().any(|n| n == name) {
                        names.push(name.to_owned());
                    }
                }
            }
        }
        let key = |name: &str| format!("{PREFIX}{name}");
        let prefixed = names.iter().any(|n| get(&key(n)).is_some());
        let values = names
            .into_iter()
            .filter_map(|name| {
                let text = if prefixed { get(&key(&name)) } else { get(&name) }?;
                let v = value::parse(value::Kind::Value, &text).ok()?.value;
                Some((name, v))
            })
            .collect();
        Some(PlaygroundLink { expr, last, values })
    }
}
