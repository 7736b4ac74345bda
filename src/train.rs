//! Training the network for many SGD steps in chunks, with a bounded, downsampled history of E and the twelve parameters.

use crate::net::{Net, NetError, Param};

/// How many history points a [`Trainer`] keeps by default (memory stays flat however long it runs).
pub const HISTORY_POINTS: usize = 512;

/// The state after `step` SGD steps: the total error and the twelve parameters ([`Param::ALL`] order).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sample {
    pub step: u64,
    pub error: f64,
    pub params: [f64; 12],
}

impl Sample {
    fn of(net: &Net, step: u64) -> Sample {
        Sample {
            step,
            error: net.graph().value(net.error()),
            params: net.example().params,
        }
    }

    /// One parameter's value in this sample.
    pub fn param(&self, p: Param) -> f64 {
        self.params[p.index()]
    }
}

/// Samples at steps 0, stride, 2·stride, ... with at most `capacity` of them: when full, every
/// other sample is dropped and the stride doubles, so the whole run stays covered evenly.
#[derive(Clone, Debug, PartialEq)]
pub struct History {
    samples: Vec<Sample>,
    stride: u64,
    capacity: usize,
}

impl History {
    /// An empty history keeping at most `capacity` samples (at least 2).
    pub fn new(capacity: usize) -> History {
        let capacity = capacity.max(2);
        History {
            samples: Vec::with_capacity(capacity),
            stride: 1,
            capacity,
        }
    }

    /// Keeps `sample` if its step is a multiple of the stride, thinning the history first when full.
    pub fn record(&mut self, sample: Sample) {
        if !sample.step.is_multiple_of(self.stride) {
            return;
        }
        if self.samples.len() == self.capacity {
            self.stride *= 2;
            let stride = self.stride;
            self.samples.retain(|s| s.step.is_multiple_of(stride));
            if !sample.step.is_multiple_of(stride) {
                return;
            }
        }
        self.samples.push(sample);
    }

    /// The kept samples, oldest first.
    pub fn samples(&self) -> &[Sample] {
        &self.samples
    }

    /// Steps between two kept samples.
    pub fn stride(&self) -> u64 {
        self.stride
    }

    /// The most samples this history holds.
    pub fn capacity(&self) -> usize {
        self.capacity
    }
}

/// A training run: a copy of the network, the steps taken, the history, and why it stopped if it did.
#[derive(Clone, Debug)]
pub struct Trainer {
    start: Net,
    net: Net,
    steps: u64,
    rises: u64,
    history: History,
    stopped: Option<NetError>,
}

impl Trainer {
    /// A run starting at `net`, keeping [`HISTORY_POINTS`] history points.
    pub fn new(net: Net) -> Trainer {
        Trainer::with_capacity(net, HISTORY_POINTS)
    }

    /// A run starting at `net`, keeping at most `capacity` history points.
    pub fn with_capacity(net: Net, capacity: usize) -> Trainer {
        let mut history = History::new(capacity);
        history.record(Sample::of(&net, 0));
        Trainer {
            start: net.clone(),
            net,
            steps: 0,
            rises: 0,
            history,
            stopped: None,
        }
    }

    /// Up to `steps` SGD steps at learning rate `lr`; returns how many were taken. A step that
    /// would make a parameter or E non-finite is not taken: the run stops for good, keeping the
    /// last finite state, and the error (numbered with this run's step) is returned and kept.
    pub fn run(&mut self, lr: f64, steps: usize) -> Result<usize, NetError> {
        if let Some(e) = &self.stopped {
            return Err(e.clone());
        }
        let mut error = self.error();
        for _ in 0..steps {
            // A step that would take a parameter out of the accepted range stops the run like a
            // diverging one: the lesson could not keep (or link to) the state it would reach. A
            // step to a non-finite value is left to `Net::step`, which names it as diverging.
            let next = self.net.next_params(lr);
            if next.iter().all(|v| v.is_finite()) {
                if let Some(e) = crate::net::out_of_range(&next, (self.steps + 1) as usize) {
                    self.stopped = Some(e.clone());
                    return Err(e);
                }
            }
            match self.net.step(lr) {
                Ok(e) => {
                    self.steps += 1;
                    if e > error {
                        self.rises += 1;
                    }
                    error = e;
                    if self.steps.is_multiple_of(self.history.stride()) {
                        self.history.record(Sample::of(&self.net, self.steps));
                    }
                }
                Err(e) => {
                    let e = match e {
                        NetError::Diverged { name, value, .. } => NetError::Diverged {
                            step: (self.steps + 1) as usize,
                            name,
                            value,
                        },
                        other => other,
                    };
                    self.stopped = Some(e.clone());
                    return Err(e);
                }
            }
        }
        Ok(steps)
    }

    /// Back to the start: step 0, the starting network, an empty history.
    pub fn reset(&mut self) {
        *self = Trainer::with_capacity(self.start.clone(), self.history.capacity());
    }

    /// SGD steps taken so far.
    pub fn steps(&self) -> u64 {
        self.steps
    }

    /// The current total error E.
    pub fn error(&self) -> f64 {
        self.net.graph().value(self.net.error())
    }

    /// How many steps made E larger than the step before (a learning rate too large overshoots).
    pub fn rises(&self) -> u64 {
        self.rises
    }

    /// The network now (the last finite state after a divergence).
    pub fn net(&self) -> &Net {
        &self.net
    }

    /// The network the run started from.
    pub fn start(&self) -> &Net {
        &self.start
    }

    /// Why the run stopped, if it did: a diverging step or an invalid learning rate.
    pub fn stopped(&self) -> Option<&NetError> {
        self.stopped.as_ref()
    }

    /// The downsampled history.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// The history with the current state appended when the history does not end at it: what
    /// the charts draw.
    pub fn series(&self) -> Vec<Sample> {
        let mut points = self.history.samples().to_vec();
        if points.last().map(|s| s.step) != Some(self.steps) {
            points.push(Sample::of(&self.net, self.steps));
        }
        points
    }
}
