//! The lesson state shared through context: one signal of what the URL can set, and Memos derived from it.

use crate::lesson::{Frame, Step};
use crate::net::{Net, NetError};
use crate::query::State;
use leptos::prelude::*;

/// The state in context. Components read the Memos and change `state`; the core does the maths.
#[derive(Clone, Copy)]
pub struct Lesson {
    pub state: RwSignal<State>,
    /// The network for the current values, or the worked example with the reason it was refused.
    pub net: Memo<(Net, Option<NetError>)>,
    /// What the current step lights.
    pub frame: Memo<Frame>,
}

impl Lesson {
    pub fn new(start: State) -> Self {
        let state = RwSignal::new(start);
        let net = Memo::new(move |_| {
            let example = state.with(|s| s.example);
            match Net::new(&example) {
                Ok(net) => (net, None),
                Err(e) => (
                    Net::new(&State::default().example).expect("the worked example is finite"),
                    Some(e),
                ),
            }
        });
        let frame = Memo::new(move |_| {
            let step = state.with(|s| s.step);
            net.with(|(net, _)| Frame::build(net, step))
        });
        Lesson { state, net, frame }
    }

    /// Moves to `step`.
    pub fn go(&self, step: Step) {
        self.state.update(|s| s.step = step);
    }
}
