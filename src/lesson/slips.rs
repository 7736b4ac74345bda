//! Which steps carry a correction of the notes' slips, and which slip each one corrects.

use super::Step;
use crate::net::Param;

/// A place where the notes write something other than what they mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slip {
    /// Inside w11's chain the notes write ∂y1/∂w21 · ∂w21/∂H1 (and ∂y2/∂w22 · ∂w22/∂H1) where
    /// ∂y1/∂H1 = w21 (and ∂y2/∂H1 = w22) is meant; they call backpropagation "Propagation of
    /// Error" and write δ for ∂ throughout.
    W11Chain,
    /// The update of w11 is written with ∂Error1/∂W21 + ∂Error2/∂W21 where ∂Error1/∂w11 +
    /// ∂Error2/∂w11 is meant, under an update rule written with δ for ∂.
    UpdateFormula,
}

/// The slip `step` corrects, if any: only the w11 chain and the update, the two places the notes
/// wrote them. The other first-layer chains (w12, w13, w14, b1, b2) are not in the notes.
pub fn slip_of(step: Step) -> Option<Slip> {
    match step {
        Step::Grad(Param::W11) => Some(Slip::W11Chain),
        Step::Update => Some(Slip::UpdateFormula),
        _ => None,
    }
}
