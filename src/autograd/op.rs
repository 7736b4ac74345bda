//! The closed set of operations: each one's forward value and its local partial derivatives.

use super::NodeId;

/// What kind of leaf a node is; leaves have no operands and are set from outside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Leaf {
    /// A value the learner feeds in (x1, x2, the targets t1, t2, a playground variable).
    Input,
    /// A value that training changes (w11 .. w24, b1 .. b4).
    Param,
    /// A fixed number written into the expression (the 1/2 of the error).
    Const,
}

/// One node's operation. Operands are nodes created earlier in the same graph.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Op {
    /// A leaf: no operands, no partials.
    Leaf(Leaf),
    /// `a + b`. d/da = 1, d/db = 1: the upstream gradient passes through unchanged.
    Add(NodeId, NodeId),
    /// `a - b`. d/da = 1, d/db = -1.
    Sub(NodeId, NodeId),
    /// `a * b`. d/da = b, d/db = a: each side gets the *other* operand.
    Mul(NodeId, NodeId),
    /// `a * b + c * d + e`: a weighted sum of two inputs plus a bias in one node (weight `a` on
    /// input `b`, weight `c` on input `d`). d/da = b, d/db = a, d/dc = d, d/dd = c, d/de = 1.
    WeightedSum(NodeId, NodeId, NodeId, NodeId, NodeId),
    /// `(a - b)^2`, a squared difference in one node (TensorFlow's `squared_difference`).
    /// d/da = 2(a - b), d/db = -2(a - b).
    SquaredDiff(NodeId, NodeId),
    /// `a / b`. d/da = 1/b, d/db = -a/b^2.
    Div(NodeId, NodeId),
    /// `-a`. d/da = -1.
    Neg(NodeId),
    /// `a^k` for a constant exponent k. d/da = k * a^(k-1) (0 for k = 0); `square` is `Pow(a, 2)`.
    Pow(NodeId, f64),
    /// `s(a) = 1 / (1 + e^-a)`. d/da = s(a) * (1 - s(a)).
    Sigmoid(NodeId),
    /// `tanh(a)`. d/da = 1 - tanh(a)^2.
    Tanh(NodeId),
    /// `max(a, 0)`. d/da = 1 where a > 0, else 0 (the kink at 0 takes 0).
    Relu(NodeId),
    /// `e^a`. d/da = e^a.
    Exp(NodeId),
    /// `ln(a)`. d/da = 1/a.
    Log(NodeId),
}

/// The local partial derivatives of one node with respect to its operands: at most five
/// `(operand, d node / d operand)` pairs, kept inline so nothing allocates.
/// An operand used twice (`a + a`) appears twice; the backward pass adds both.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Partials {
    items: [(NodeId, f64); 5],
    len: usize,
}

impl Partials {
    const NONE: Partials = Partials {
        items: [(NodeId::DANGLING, 0.0); 5],
        len: 0,
    };

    /// The `(operand, local derivative)` pairs in operand order.
    pub fn as_slice(&self) -> &[(NodeId, f64)] {
        &self.items[..self.len]
    }
}

/// The logistic function, written so that neither tail overflows.
#[inline]
pub fn sigmoid(x: f64) -> f64 {
    if x >= 0.0 {
        1.0 / (1.0 + (-x).exp())
    } else {
        let e = x.exp();
        e / (1.0 + e)
    }
}

/// `s'(x) = s(x) * (1 - s(x))`, given `x` and `s = s(x)`. Near s = 1, `1 - s` computed from the
/// rounded `s` keeps few correct digits (at x = 40, s rounds to 1 where the true slope is about
/// 4.2e-18), so for s > 0.99 the slope is taken as `e^-x / (1 + e^-x)^2`, the same quantity with
/// nothing cancelled. Below that, `1 - s` is exact and `s` has its full precision.
#[inline]
pub fn sigmoid_slope(x: f64, s: f64) -> f64 {
    if s > 0.99 {
        let e = (-x).exp();
        e / ((1.0 + e) * (1.0 + e))
    } else {
        s * (1.0 - s)
    }
}

impl Op {
    /// The operands this op reads, in order (empty for a leaf).
    pub fn operands(&self) -> impl Iterator<Item = NodeId> {
        use Op::*;
        const NO: NodeId = NodeId::DANGLING;
        let (ids, len) = match *self {
            Leaf(_) => ([NO; 5], 0),
            Add(a, b) | Sub(a, b) | Mul(a, b) | SquaredDiff(a, b) | Div(a, b) => ([a, b, NO, NO, NO], 2),
            WeightedSum(a, b, c, d, e) => ([a, b, c, d, e], 5),
            Neg(a) | Pow(a, _) | Sigmoid(a) | Tanh(a) | Relu(a) | Exp(a) | Log(a) => ([a, NO, NO, NO, NO], 1),
        };
        ids.into_iter().take(len)
    }

    /// The forward value, reading operand values from `v` (indexed by node).
    #[inline(always)]
    pub fn forward(&self, v: &[f64]) -> f64 {
        use Op::*;
        match *self {
            Leaf(_) => f64::NAN, // leaves hold their own value; callers never evaluate them
            Add(a, b) => v[a.index()] + v[b.index()],
            Sub(a, b) => v[a.index()] - v[b.index()],
            Mul(a, b) => v[a.index()] * v[b.index()],
            WeightedSum(a, b, c, d, e) => v[a.index()] * v[b.index()] + v[c.index()] * v[d.index()] + v[e.index()],
            SquaredDiff(a, b) => (v[a.index()] - v[b.index()]) * (v[a.index()] - v[b.index()]),
            Div(a, b) => v[a.index()] / v[b.index()],
            Neg(a) => -v[a.index()],
            Pow(a, 2.0) => v[a.index()] * v[a.index()],
            Pow(a, k) => v[a.index()].powf(k),
            Sigmoid(a) => sigmoid(v[a.index()]),
            Tanh(a) => v[a.index()].tanh(),
            Relu(a) => v[a.index()].max(0.0),
            Exp(a) => v[a.index()].exp(),
            Log(a) => v[a.index()].ln(),
        }
    }

    /// The local partials, given every node's value `v` (indexed by node; operands must be in
    /// it) and this node's own value `out` (sigmoid, tanh and exp reuse their output).
    #[inline(always)]
    pub fn partials(&self, v: &[f64], out: f64) -> Partials {
        let mut p = Partials::NONE;
        self.each_partial(v, out, |operand, d| {
            p.items[p.len] = (operand, d);
            p.len += 1;
        });
        p
    }

    /// Calls `f(operand, d self / d operand)` for each operand in order: the one place the local
    /// derivatives are written down ([`Op::partials`] and the backward pass both use it).
    #[inline(always)]
    pub fn each_partial(&self, v: &[f64], out: f64, mut f: impl FnMut(NodeId, f64)) {
        use Op::*;
        let at = |n: NodeId| v[n.index()];
        match *self {
            Leaf(_) => {}
            Add(a, b) => {
                f(a, 1.0);
                f(b, 1.0);
            }
            Sub(a, b) => {
                f(a, 1.0);
                f(b, -1.0);
            }
            Mul(a, b) => {
                f(a, at(b));
                f(b, at(a));
            }
            WeightedSum(a, b, c, d, e) => {
                f(a, at(b));
                f(b, at(a));
                f(c, at(d));
                f(d, at(c));
                f(e, 1.0);
            }
            SquaredDiff(a, b) => {
                f(a, 2.0 * (at(a) - at(b)));
                f(b, -2.0 * (at(a) - at(b)));
            }
            Div(a, b) => {
                f(a, 1.0 / at(b));
                f(b, -at(a) / (at(b) * at(b)));
            }
            Neg(a) => f(a, -1.0),
            Pow(a, 2.0) => f(a, 2.0 * at(a)),
            // a^0 is the constant 1 (also at a = 0, as powf has it), so its slope is 0, not 0 · 0^-1.
            Pow(a, 0.0) => f(a, 0.0),
            Pow(a, k) => f(a, k * at(a).powf(k - 1.0)),
            Sigmoid(a) => f(a, sigmoid_slope(at(a), out)),
            Tanh(a) => f(a, 1.0 - out * out),
            Relu(a) => f(a, if at(a) > 0.0 { 1.0 } else { 0.0 }),
            Exp(a) => f(a, out),
            Log(a) => f(a, 1.0 / at(a)),
        }
    }

    /// A short symbol for the op, as a diagram would print it.
    pub fn symbol(&self) -> &'static str {
        use Op::*;
        match self {
            Leaf(_) => "",
            Add(..) => "+",
            Sub(..) => "-",
            Mul(..) => "*",
            WeightedSum(..) => "w·x+b",
            SquaredDiff(..) => "(-)^2",
            Div(..) => "/",
            Neg(_) => "neg",
            Pow(..) => "^",
            Sigmoid(_) => "sigmoid",
            Tanh(_) => "tanh",
            Relu(_) => "relu",
            Exp(_) => "exp",
            Log(_) => "log",
        }
    }
}
