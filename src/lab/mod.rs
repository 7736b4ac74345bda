//! The lab's model: a network the learner sizes (two inputs, one to three hidden layers, one or two outputs), its data and its training, on the autograd core (pure; no UI).
//!
//! Names follow w^l_jk: `w<l>_<j>_<k>` is the weight into unit j of layer l from unit k of layer
//! l − 1 (layer 1 is the first hidden layer; units count from 1; layer 0 is the two inputs), and
//! `b<l>_<j>` the bias of unit j of layer l. Shape 2-2-2 with σ and squared error is the notes'
//! network: [`shape::ParamName::notes`] gives its parameters the notes' names (w11 … w24, b1 … b4),
//! and a test holds its numbers to `net.rs`'s.

pub mod data;
pub mod explain;
pub mod model;
pub mod shape;

pub use data::{Data, DataError, DataSet, Point};
pub use model::{Act, Loss, Model, Spec, Tape};
pub use shape::{ParamName, Shape, ShapeError};
