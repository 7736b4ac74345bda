//! A small reverse-mode autograd engine over scalars, shaped as an arena, that can show every chain-rule factor.
//!
//! Nodes live in one [`Graph`] in creation order and are addressed by a `Copy` [`NodeId`]; because an
//! op can only read nodes that already exist, creation order is a topological order, so the forward
//! pass is a loop and the backward pass is the same loop reversed. Gradients live outside the graph
//! in a fresh [`Gradients`] per pass. Beyond plain gradients the engine exposes what a lesson needs:
//! the local derivative on every edge, every path from an output down to a leaf with its factors,
//! and the order in which the backward pass visits nodes.

mod backward;
mod graph;
mod op;
mod paths;

pub use backward::{Gradients, Visit};
pub use graph::{Graph, NodeId};
pub use op::{sigmoid, Leaf, Op, Partials};
pub use paths::{Factor, Path, Paths, MAX_PATHS};
