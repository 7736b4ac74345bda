//! Why ∂E/∂p of an output weight has the sign it has, from where Y stands against its target, and which way the update then moves p.

use crate::net::{Net, Param};

/// Where the output stands against its target, which decides the gradient's sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignCase {
    /// Y above t: ∂Error/∂Y = Y − t > 0, so ∂E/∂p > 0 and the update lowers p.
    TooHigh,
    /// Y below t: ∂Error/∂Y < 0, so ∂E/∂p < 0 and the update raises p.
    TooLow,
    /// Y equal to t: ∂Error/∂Y = 0, so ∂E/∂p = 0 and the update leaves p where it is.
    OnTarget,
    /// Y differs from t, but σ′ or the input is so close to 0 that the product rounds to 0.
    Flat,
}

/// The names around an output weight: (error term, output Y, its target t, weighted sum y, the
/// hidden output H it multiplies), as in the notes: y1 = w21·H1 + w23·H2 + b3.
pub fn output_weight_names(p: Param) -> Option<[&'static str; 5]> {
    match p {
        Param::W21 => Some(["Error1", "Y1", "t1", "y1", "H1"]),
        Param::W22 => Some(["Error2", "Y2", "t2", "y2", "H1"]),
        Param::W23 => Some(["Error1", "Y1", "t1", "y1", "H2"]),
        Param::W24 => Some(["Error2", "Y2", "t2", "y2", "H2"]),
        _ => None,
    }
}

/// The sign of ∂E/∂p for an output weight, with the numbers that decide it: the three factors of
/// its one chain-rule path, from the core.
#[derive(Clone, Debug, PartialEq)]
pub struct Sign {
    pub param: Param,
    pub case: SignCase,
    /// Error term, output, target, weighted sum and input names (Error1, Y1, t1, y1, H1).
    pub names: [&'static str; 5],
    /// The output Y and its target t.
    pub out: f64,
    pub goal: f64,
    /// ∂Error/∂Y = Y − t.
    pub diff: f64,
    /// ∂Y/∂y = σ′(y).
    pub slope: f64,
    /// ∂y/∂p: the hidden output the weight multiplies.
    pub input: f64,
    /// ∂E/∂p.
    pub grad: f64,
    /// |η · ∂E/∂p|: how far the update moves p.
    pub amount: f64,
}

impl Sign {
    /// The sign story of output weight `p` at learning rate `lr`; `None` for any other parameter.
    pub fn of(net: &Net, p: Param, lr: f64) -> Option<Sign> {
        let names = output_weight_names(p)?;
        let from = net.node(names[0])?;
        let paths = net.graph().paths(from, net.param_id(p));
        let factors: Vec<f64> = paths.paths.first()?.factors.iter().map(|f| f.local).collect();
        let &[diff, slope, input] = factors.as_slice() else {
            return None;
        };
        let (out, goal, grad) = (net.value(names[1]), net.value(names[2]), net.grad(p));
        let case = if out == goal {
            SignCase::OnTarget
        } else if grad == 0.0 {
            SignCase::Flat
        } else if out > goal {
            SignCase::TooHigh
        } else {
            SignCase::TooLow
        };
        Some(Sign {
            param: p,
            case,
            names,
            out,
            goal,
            diff,
            slope,
            input,
            grad,
            amount: (lr * grad).abs(),
        })
    }
}
