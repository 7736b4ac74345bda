//! A lab network's shape (`2-4-4-1`) and the names of its parameters (`w2_1_3`, `b1_2`).

use std::fmt;

/// The most hidden layers, units in one hidden layer, and outputs the lab offers.
pub const MAX_HIDDEN_LAYERS: usize = 3;
pub const MAX_UNITS: usize = 8;
pub const MAX_OUTPUTS: usize = 2;

/// Units per layer after the two inputs: the hidden layers, then the outputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shape {
    hidden: Vec<usize>,
    outputs: usize,
}

/// Why a shape was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShapeError {
    /// Not numbers joined by `-`, or the first is not 2 (the lab's inputs are always x1, x2).
    Form,
    /// No hidden layer, or more than [`MAX_HIDDEN_LAYERS`].
    Layers,
    /// A hidden layer with no unit or more than [`MAX_UNITS`].
    Units,
    /// Not one or two outputs.
    Outputs,
}

impl Shape {
    /// A shape from its hidden layers' sizes and its number of outputs, checked.
    pub fn new(hidden: &[usize], outputs: usize) -> Result<Shape, ShapeError> {
        if hidden.is_empty() || hidden.len() > MAX_HIDDEN_LAYERS {
            return Err(ShapeError::Layers);
        }
        if hidden.iter().any(|&n| n == 0 || n > MAX_UNITS) {
            return Err(ShapeError::Units);
        }
        if outputs == 0 || outputs > MAX_OUTPUTS {
            return Err(ShapeError::Outputs);
        }
        Ok(Shape {
            hidden: hidden.to_vec(),
            outputs,
        })
    }

    /// Reads `2-4-4-1`: the inputs (always 2), each hidden layer, the outputs.
    pub fn parse(text: &str) -> Result<Shape, ShapeError> {
        let sizes: Vec<usize> = text
            .split('-')
            .map(|s| {
                if !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()) {
                    Ok(s.parse::<usize>().unwrap_or(0))
                } else {
                    Err(ShapeError::Form)
                }
            })
            .collect::<Result<_, _>>()?;
        match sizes.as_slice() {
            [2, hidden @ .., outputs] if !hidden.is_empty() => Shape::new(hidden, *outputs),
            [2, _] => Err(ShapeError::Layers),
            _ => Err(ShapeError::Form),
        }
    }

    /// The hidden layers' sizes.
    pub fn hidden(&self) -> &[usize] {
        &self.hidden
    }

    /// The number of outputs.
    pub fn outputs(&self) -> usize {
        self.outputs
    }

    /// Units per layer, inputs first: `[2, 4, 4, 1]`.
    pub fn sizes(&self) -> Vec<usize> {
        let mut sizes = vec![2];
        sizes.extend(&self.hidden);
        sizes.push(self.outputs);
        sizes
    }

    /// The number of layers with weights (hidden layers and the output layer).
    pub fn depth(&self) -> usize {
        self.hidden.len() + 1
    }

    /// Every parameter in the model's order: layer by layer, each layer's weights (by unit j,
    /// then by input k), then its biases.
    pub fn params(&self) -> Vec<ParamName> {
        let sizes = self.sizes();
        let mut names = Vec::new();
        for l in 1..sizes.len() {
            for j in 1..=sizes[l] {
                for k in 1..=sizes[l - 1] {
                    names.push(ParamName::Weight {
                        layer: l,
                        to: j,
                        from: k,
                    });
                }
            }
            for j in 1..=sizes[l] {
                names.push(ParamName::Bias { layer: l, unit: j });
            }
        }
        names
    }
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sizes: Vec<String> = self.sizes().iter().map(usize::to_string).collect();
        f.write_str(&sizes.join("-"))
    }
}

/// One parameter: a weight into unit `to` of `layer` from unit `from` of the layer before, or a
/// unit's bias. Layers count from 1 (the first hidden layer), units from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ParamName {
    Weight { layer: usize, to: usize, from: usize },
    Bias { layer: usize, unit: usize },
}

impl ParamName {
    /// Reads `w2_1_3` or `b1_2` (numbers without leading zeros).
    pub fn parse(text: &str) -> Option<ParamName> {
        let number = |s: &str| -> Option<usize> {
            (!s.is_empty() && !s.starts_with('0') && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let (kind, rest) = text.split_at_checked(1)?;
        let parts: Vec<usize> = rest.split('_').map(number).collect::<Option<_>>()?;
        match (kind, parts.as_slice()) {
            ("w", &[layer, to, from]) => Some(ParamName::Weight { layer, to, from }),
            ("b", &[layer, unit]) => Some(ParamName::Bias { layer, unit }),
            _ => None,
        }
    }

    /// The notes' name of this parameter in the 2-2-2 network: the first layer's weights are
    /// w11 (x1→h1), w12 (x1→h2), w13 (x2→h1), w14 (x2→h2), the second's w21 … w24 likewise, the
    /// biases b1, b2 (hidden) and b3, b4 (outputs). `None` outside the 2-2-2 positions.
    pub fn notes(self) -> Option<String> {
        match self {
            ParamName::Weight { layer, to, from } if layer <= 2 && to <= 2 && from <= 2 => {
                Some(format!("w{layer}{}", (from - 1) * 2 + to))
            }
            ParamName::Bias { layer, unit } if layer <= 2 && unit <= 2 => Some(format!("b{}", (layer - 1) * 2 + unit)),
            _ => None,
        }
    }
}

impl fmt::Display for ParamName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamName::Weight { layer, to, from } => write!(f, "w{layer}_{to}_{from}"),
            ParamName::Bias { layer, unit } => write!(f, "b{layer}_{unit}"),
        }
    }
}
