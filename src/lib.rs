//! Backprop Lab: a reverse-mode autograd core, the 2-2-2 network of the notes, and the lesson app on top.

pub mod autograd;
pub mod decimal;
pub mod diagram;
pub mod expr;
pub mod i18n;
pub mod lab;
pub mod lesson;
pub mod link;
pub mod markup;
pub mod math;
pub mod net;
pub mod plot;
pub mod practice;
pub mod print;
pub mod query;
pub mod train;
pub mod ui;
pub mod value;
