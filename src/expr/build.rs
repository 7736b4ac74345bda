//! The graph builder: a syntax tree and variable values into an autograd `Graph`, every node labelled and mapped to its text.

use super::error::{Error, ErrorKind, Span};
use super::parse::{Ast, BinOp, Func, NodeKind};
use crate::autograd::{Graph, NodeId, Op};

/// A variable of the expression: one input leaf, however often the name is used.
#[derive(Clone, Debug, PartialEq)]
pub struct Variable {
    pub name: String,
    pub node: NodeId,
    /// Where the name first appears.
    pub span: Span,
}

/// An expression built into a graph, its values computed.
#[derive(Clone, Debug, PartialEq)]
pub struct Built {
    pub graph: Graph,
    /// The node of the whole expression.
    pub result: NodeId,
    /// The variables in order of first appearance.
    pub variables: Vec<Variable>,
    /// Each node's text in the source, indexed by [`NodeId::index`].
    pub spans: Vec<Span>,
}

impl Built {
    /// The text node `id` stands for.
    pub fn span(&self, id: NodeId) -> Span {
        self.spans.get(id.index()).copied().unwrap_or_default()
    }

    /// The leaf of the variable called `name`.
    pub fn variable(&self, name: &str) -> Option<NodeId> {
        self.variables.iter().find(|v| v.name == name).map(|v| v.node)
    }

    /// The expression's value.
    pub fn value(&self) -> f64 {
        self.graph.value(self.result)
    }
}

/// Builds `ast` into a fresh [`Graph`], taking each variable's value from `values`.
///
/// Nodes: a variable is `graph.input(name, value)` (one leaf per distinct name), a number a
/// constant labelled with its text, each operator and function its `Graph` method, labelled with
/// its symbol (`+ - * / neg sigmoid tanh relu exp log`, `^k` for a constant power). A power with
/// an exponent that is not a signed number, `a ^ b`, is built as `exp(b * log(a))` (three nodes
/// labelled `log`, `*`, `exp`) and needs `a > 0`.
///
/// Errors, at the span of the offending text, in the order the nodes are built (left to right,
/// operands first): a variable without a value; a denominator equal to 0 (or 0 to a negative
/// power); `log` of a value <= 0; a negative base to a fractional constant power; a non-positive
/// base with a variable exponent; any value that is not finite.
pub fn build(ast: &Ast, values: impl Fn(&str) -> Option<f64>) -> Result<Built, Error> {
    let mut b = Builder {
        graph: Graph::new(),
        spans: Vec::new(),
        variables: Vec::new(),
    };
    let mut at: Vec<NodeId> = Vec::with_capacity(ast.nodes.len());
    for node in &ast.nodes {
        let span = node.span;
        let value_of = |b: &Builder, i: usize| b.graph.value(at[i]);
        let span_of = |i: usize| ast.nodes[i].span;
        let id = match &node.kind {
            NodeKind::Number(v) => {
                let id = b.graph.constant(*v);
                b.label(id, span, None)
            }
            NodeKind::Variable(name) => match b.variables.iter().find(|v| &v.name == name) {
                Some(v) => v.node,
                None => {
                    let value =
                        values(name).ok_or_else(|| Error::new(ErrorKind::UnknownVariable(name.clone()), span))?;
                    let node = b.graph.input(name, value);
                    b.spans.push(span);
                    b.variables.push(Variable {
                        name: name.clone(),
                        node,
                        span,
                    });
                    b.finite(node, span)?
                }
            },
            NodeKind::Neg(a) => b.op(Op::Neg(at[*a]), span)?,
            NodeKind::Binary(op, a, c) => {
                let (x, y) = (at[*a], at[*c]);
                match op {
                    BinOp::Add => b.op(Op::Add(x, y), span)?,
                    BinOp::Sub => b.op(Op::Sub(x, y), span)?,
                    BinOp::Mul => b.op(Op::Mul(x, y), span)?,
                    BinOp::Div => {
                        if value_of(&b, *c) == 0.0 {
                            return Err(Error::new(ErrorKind::DivisionByZero, span_of(*c)));
                        }
                        b.op(Op::Div(x, y), span)?
                    }
                    BinOp::Pow => {
                        // a ^ b = exp(b * log(a)), defined for a > 0.
                        let base = value_of(&b, *a);
                        if base.is_nan() || base <= 0.0 {
                            return Err(Error::new(ErrorKind::PowBaseNotPositive(base), span_of(*a)));
                        }
                        let log = b.op(Op::Log(x), span_of(*a))?;
                        let product = b.op(Op::Mul(y, log), span)?;
                        b.op(Op::Exp(product), span)?
                    }
                }
            }
            NodeKind::Power { base, exponent } => {
                let k = *exponent;
                let v = value_of(&b, *base);
                if v == 0.0 && k < 0.0 {
                    return Err(Error::new(ErrorKind::DivisionByZero, span_of(*base)));
                }
                if v < 0.0 && k.fract() != 0.0 {
                    return Err(Error::new(
                        ErrorKind::NegativeBase { base: v, exponent: k },
                        span_of(*base),
                    ));
                }
                b.op(Op::Pow(at[*base], k), span)?
            }
            NodeKind::Call(func, a) => {
                let x = at[*a];
                match func {
                    Func::Sigmoid => b.op(Op::Sigmoid(x), span)?,
                    Func::Tanh => b.op(Op::Tanh(x), span)?,
                    Func::Relu => b.op(Op::Relu(x), span)?,
                    Func::Exp => b.op(Op::Exp(x), span)?,
                    Func::Log => {
                        let v = value_of(&b, *a);
                        if v <= 0.0 {
                            return Err(Error::new(ErrorKind::LogOfNonPositive(v), span_of(*a)));
                        }
                        b.op(Op::Log(x), span)?
                    }
                }
            }
        };
        at.push(id);
    }
    let Some(&result) = at.last() else {
        return Err(Error::new(ErrorKind::Empty, Span::default()));
    };
    Ok(Built {
        graph: b.graph,
        result,
        variables: b.variables,
        spans: b.spans,
    })
}

struct Builder {
    graph: Graph,
    spans: Vec<Span>,
    variables: Vec<Variable>,
}

impl Builder {
    /// Adds an op node with its label and span, refusing a value that is not finite.
    fn op(&mut self, op: Op, span: Span) -> Result<NodeId, Error> {
        let id = self.graph.op(op);
        let label = match op {
            Op::Pow(_, k) => Some(format!("^{k}")),
            _ => None,
        };
        let id = self.label(id, span, label);
        self.finite(id, span)
    }

    /// Labels a new node (its op symbol, a constant's value, or `label`) and records its span.
    fn label(&mut self, id: NodeId, span: Span, label: Option<String>) -> NodeId {
        let text = label.unwrap_or_else(|| match self.graph.op_of(id) {
            Op::Leaf(_) => format!("{}", self.graph.value(id)),
            op => op.symbol().to_owned(),
        });
        self.graph.name(id, &text);
        self.spans.push(span);
        id
    }

    fn finite(&self, id: NodeId, span: Span) -> Result<NodeId, Error> {
        if self.graph.value(id).is_finite() {
            Ok(id)
        } else {
            Err(Error::new(ErrorKind::NotFinite, span))
        }
    }
}
