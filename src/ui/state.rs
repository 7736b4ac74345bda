//! The lesson state shared through context: one signal of what the URL can set, and Memos derived from it.

use crate::i18n::{Lang, Strings};
use crate::lesson::{Descent, Frame, Step};
use crate::net::{Example, Net, NetError};
use crate::query::State;
use leptos::prelude::*;

/// The state in context. Components read the Memos and change `state`; the core does the maths.
#[derive(Clone, Copy)]
pub struct Lesson {
    pub state: RwSignal<State>,
    /// The language alone: what follows it is not woken by an edit of a value.
    pub lang: Memo<Lang>,
    /// The network for the current values, or the worked example with the reason it was refused.
    pub net: Memo<(Net, Option<NetError>)>,
    /// What the current step lights.
    pub frame: Memo<Frame>,
    /// The SGD update for the current values and lr, on the update step only.
    pub update: Memo<Option<crate::lesson::Update>>,
    /// E along the chosen parameter, on the descent step only.
    pub descent: Memo<Option<Descent>>,
    /// The examples before each applied update, newest last: Back on the update step undoes one.
    pub applied: RwSignal<Vec<Example>>,
    /// On an extra step (a chain rule opened by clicking a parameter, outside the lesson's
    /// sequence), the lesson step it was opened from: Back returns there, Next goes on from there.
    pub from: RwSignal<Option<Step>>,
}

impl Lesson {
    pub fn new(start: State) -> Self {
        let state = RwSignal::new(start);
        let lang = Memo::new(move |_| state.with(|s| s.lang));
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
        let update = Memo::new(move |_| {
            let (step, lr) = state.with(|s| (s.step, s.lr));
            (step == Step::Update).then(|| net.with(|(net, _)| crate::lesson::Update::of(net, lr)))
        });
        let descent = Memo::new(move |_| {
            let (step, p, lr) = state.with(|s| (s.step, s.focus, s.lr));
            (step == Step::Descent).then(|| net.with(|(net, _)| Descent::of(net, p, lr)))
        });
        Lesson {
            state,
            lang,
            net,
            frame,
            update,
            descent,
            applied: RwSignal::new(Vec::new()),
            from: RwSignal::new(None),
        }
    }

    /// The text `field` of the page's language, following it. Every such text on the page is
    /// this one closure type, so the renderer is compiled in once for all of them instead of once
    /// per text (each distinct view type costs wasm bytes).
    pub fn text(
        self,
        field: fn(&'static Strings) -> &'static str,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || field(self.lang.get().strings())
    }

    /// Moves to `step`; to an extra step, remembering the lesson step it is opened from.
    pub fn go(&self, step: Step) {
        let now = self.state.with_untracked(|s| s.step);
        if !step.is_extra() {
            self.from.set(None);
        } else if !now.is_extra() {
            self.from.set(Some(now));
        }
        self.state.update(|s| s.step = step);
    }

    /// On an extra step, the lesson step it was opened from (tracked).
    pub fn origin(&self) -> Option<Step> {
        self.state
            .with(|s| s.step.is_extra())
            .then(|| self.from.get())
            .flatten()
    }

    /// Moves the network to `next`, remembering the current values so Back can undo it.
    pub fn apply(&self, next: Example) {
        let now = self.state.with_untracked(|s| s.example);
        self.applied.update(|a| a.push(now));
        self.state.update(|s| s.example = next);
    }

    /// Whether Back would undo an applied update rather than change the step.
    pub fn can_undo(&self) -> bool {
        self.state.with(|s| s.step == Step::Update) && self.applied.with(|a| !a.is_empty())
    }

    /// Back: undoes the last applied update while on the update step, else goes to the previous step.
    pub fn back(&self) {
        if self.can_undo() {
            if let Some(before) = self.applied.try_update(|a| a.pop()).flatten() {
                self.state.update(|s| s.example = before);
            }
        } else if let Some(from) = untrack(|| self.origin()) {
            self.go(from);
        } else if let Some(prev) = self.state.with_untracked(|s| s.step.prev()) {
            self.go(prev);
        }
    }

    /// Next: the next step, if any (from an extra step, the one after the step it was opened from).
    pub fn forward(&self) {
        let at = untrack(|| self.origin().unwrap_or(self.state.with(|s| s.step)));
        if let Some(next) = at.next() {
            self.go(next);
        }
    }
}
