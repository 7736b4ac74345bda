//! Gradient descent on one parameter: E along that parameter with the rest held, the tangent, the step, and the learning rates that land short of, near and past the lowest point ahead.

use crate::net::{Net, Param};
use crate::value::MAX_LR;

/// How many points the E curve is sampled at.
pub const SAMPLES: usize = 161;

/// How far past the farthest step (η = [`MAX_LR`]) the minimum is looked for: a minimum up to
/// 1.25 times that far is still one a step can land close to (within a fifth of the way).
const SEARCH_REACH: f64 = 1.25;
/// The scan ahead: this many distances, spaced geometrically from [`SCAN_NEAREST`] of the
/// search reach to [`SCAN_BEYOND`] times it, so a minimum close by and one far away are both
/// bracketed, and one near the end of the reach still has a rise after it.
const SCAN_POINTS: usize = 600;
const SCAN_NEAREST: f64 = 1e-7;
const SCAN_BEYOND: f64 = 1.1;

/// Where one step lands, measured as the share of the way from the current value to the minimum
/// ahead (0 = does not move, 1 = lands on it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Regime {
    /// Less than half way.
    Short,
    /// Within a fifth of the way from the minimum, on either side.
    Close,
    /// Beyond the minimum by more than a fifth of the way.
    Past,
}

impl Regime {
    /// The three, in the order the buttons stand.
    pub const ALL: [Regime; 3] = [Regime::Short, Regime::Close, Regime::Past];

    /// The share of the way its button aims for.
    pub fn aim(self) -> f64 {
        match self {
            Regime::Short => 0.25,
            Regime::Close => 1.0,
            Regime::Past => 1.7,
        }
    }

    /// The regime a landing at `fraction` of the way belongs to; `None` between short and close
    /// (half way to four fifths) and for a step that does not move forward.
    pub fn of(fraction: f64) -> Option<Regime> {
        if fraction > 0.0 && fraction < 0.5 {
            Some(Regime::Short)
        } else if (fraction - 1.0).abs() <= 0.2 {
            Some(Regime::Close)
        } else if fraction > 1.2 {
            Some(Regime::Past)
        } else {
            None
        }
    }

    /// The name in test ids and `data-regime`: `small`, `good`, `overshoot`.
    pub fn slug(self) -> &'static str {
        match self {
            Regime::Short => "small",
            Regime::Close => "good",
            Regime::Past => "overshoot",
        }
    }
}

/// Why no learning rate gives a regime.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Unreachable {
    /// ∂E/∂p = 0: no learning rate moves the parameter.
    Flat,
    /// E keeps falling (or stays level) along the parameter as far as any step with
    /// η ≤ [`MAX_LR`] can go, and somewhat beyond: there is no minimum within reach.
    NoMinimum,
    /// The regime needs a learning rate above [`MAX_LR`]: at least this one.
    NeedsLr(f64),
}

/// The first minimum of E in the downhill direction from the current value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Minimum {
    /// The parameter's value there.
    pub at: f64,
    /// E there.
    pub error: f64,
}

/// E as a function of one parameter, where the parameter is, and where one update takes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Descent {
    pub param: Param,
    /// The parameter's current value and E there.
    pub at: (f64, f64),
    /// dE/dp at the current value, from the core's backward pass: the tangent's slope.
    pub slope: f64,
    /// The value after one update, at - lr * slope, and E there.
    pub next: (f64, f64),
    /// (value, E) pairs across the shown range, each E from a forward pass of the core.
    pub curve: Vec<(f64, f64)>,
    /// The first minimum of E ahead (in the direction the update moves), or why there is none
    /// within reach.
    pub minimum: Result<Minimum, Unreachable>,
    /// For each of [`Regime::ALL`], a learning rate in (0, [`MAX_LR`]] whose step lands in that
    /// regime, or why there is none.
    pub lrs: [Result<f64, Unreachable>; 3],
    /// The share of the way to the minimum this learning rate's step covers.
    pub fraction: Option<f64>,
}

impl Descent {
    /// The descent picture for `p` on `net` with learning rate `lr`.
    pub fn of(net: &Net, p: Param, lr: f64) -> Descent {
        let x = net.param(p);
        let slope = net.grad(p);
        let next_x = landing(x, slope, lr);
        let minimum = first_minimum(net, p);
        let shown_min = minimum.ok().map(|m| m.at);
        let (lo, hi) = range(x, next_x, shown_min);
        let xs: Vec<f64> = (0..SAMPLES)
            .map(|i| lo + (hi - lo) * i as f64 / (SAMPLES - 1) as f64)
            .collect();
        let es = net.error_along(p, xs.iter().copied());
        let next_e = net.error_along(p, [next_x])[0];
        let lrs = Regime::ALL.map(|r| minimum.and_then(|m| choose_lr(r, x, slope, m.at)));
        Descent {
            param: p,
            at: (x, net.value("E")),
            slope,
            next: (next_x, next_e),
            curve: xs.into_iter().zip(es).filter(|(_, e)| e.is_finite()).collect(),
            minimum,
            lrs,
            fraction: shown_min.map(|m| fraction_of_way(x, next_x, m)),
        }
    }

    /// The learning rate for `regime`, or why there is none.
    pub fn lr_for(&self, regime: Regime) -> Result<f64, Unreachable> {
        self.lrs[regime as usize]
    }

    /// The regime this step lands in, if the minimum is within reach and the step is in one.
    pub fn regime(&self) -> Option<Regime> {
        self.fraction.and_then(Regime::of)
    }
}

/// Where one update with learning rate `lr` takes a parameter at `x` with slope `slope`: x − lr · slope.
pub fn landing(x: f64, slope: f64, lr: f64) -> f64 {
    x - lr * slope
}

/// How much of the way from `x` to `minimum` a step to `next` covers (above 1: past it).
pub fn fraction_of_way(x: f64, next: f64, minimum: f64) -> f64 {
    (next - x) / (minimum - x)
}

/// `v` rounded to three significant digits, as the learning-rate slider shows it.
pub fn three_digits(v: f64) -> f64 {
    if v <= 0.0 || !v.is_finite() {
        return v;
    }
    let scale = 10f64.powi(2 - v.log10().floor() as i32);
    (v * scale).round() / scale
}

/// A learning rate in (0, [`MAX_LR`]] whose step from `x` (slope `slope`) lands in `regime`
/// relative to the minimum at `min`: the one aimed at [`Regime::aim`], rounded to three digits;
/// where that is above [`MAX_LR`], [`MAX_LR`] itself if its step is still in the regime.
pub fn choose_lr(regime: Regime, x: f64, slope: f64, min: f64) -> Result<f64, Unreachable> {
    // The learning rate that covers the whole way: lands exactly on the minimum.
    let whole = (min - x) / -slope;
    if slope == 0.0 || !whole.is_finite() || whole <= 0.0 {
        return Err(Unreachable::Flat);
    }
    let lands_in = |lr: f64| Regime::of(fraction_of_way(x, landing(x, slope, lr), min)) == Some(regime);
    let aimed = three_digits(regime.aim() * whole).min(MAX_LR);
    if aimed > 0.0 && lands_in(aimed) {
        return Ok(aimed);
    }
    if lands_in(MAX_LR) {
        return Ok(MAX_LR);
    }
    // The smallest learning rate that would land in the regime, with the regime's lower edge.
    let lower = match regime {
        Regime::Short => 0.0,
        Regime::Close => 0.8,
        Regime::Past => 1.2,
    };
    Err(Unreachable::NeedsLr(three_digits(lower * whole)))
}

/// The first minimum of E along `p` in the direction the update moves (against the slope),
/// within [`SEARCH_REACH`] times the farthest step a learning rate up to [`MAX_LR`] takes.
/// A geometric scan of E (forward passes of the core) brackets it: the lowest value seen
/// before E first rises again; golden-section search then narrows the bracket.
pub fn first_minimum(net: &Net, p: Param) -> Result<Minimum, Unreachable> {
    let x = net.param(p);
    let slope = net.grad(p);
    if slope == 0.0 || !slope.is_finite() {
        return Err(Unreachable::Flat);
    }
    let dir = -slope.signum();
    let reach = SEARCH_REACH * MAX_LR * slope.abs();
    let far = SCAN_BEYOND * reach;
    let ratio = (1.0 / SCAN_NEAREST).powf(1.0 / (SCAN_POINTS - 1) as f64);
    let ts: Vec<f64> = std::iter::once(0.0)
        .chain((0..SCAN_POINTS).map(|i| far * SCAN_NEAREST * ratio.powi(i as i32)))
        .collect();
    let es = net.error_along(p, ts.iter().map(|t| x + dir * t));
    let along = |t: f64| net.error_along(p, [x + dir * t])[0];
    // The lowest E so far, and the first point that rises clearly above it.
    let mut low = 0;
    for i in 1..ts.len() {
        if !es[i].is_finite() {
            break;
        }
        if es[i] < es[low] {
            low = i;
        } else if es[i] > es[low] + rise_tolerance(es[low]) {
            let (a, b) = (ts[low.saturating_sub(1)], ts[i]);
            let t = golden_section(along, a, b);
            if t > reach {
                break;
            }
            return Ok(Minimum {
                at: x + dir * t,
                error: along(t),
            });
        }
    }
    Err(Unreachable::NoMinimum)
}

/// How much E must rise above the lowest value seen to count as rising: well above the rounding
/// of a forward pass, so a level stretch (a saturated σ) is not taken for a minimum.
fn rise_tolerance(e: f64) -> f64 {
    1e-12 * (1.0 + e.abs())
}

/// The point of [a, b] where `f` is lowest, for `f` with one minimum inside the bracket
/// (golden-section search, to the precision of f64).
fn golden_section(f: impl Fn(f64) -> f64, mut a: f64, mut b: f64) -> f64 {
    let g = (5f64.sqrt() - 1.0) / 2.0;
    let mut c = b - g * (b - a);
    let mut d = a + g * (b - a);
    let (mut fc, mut fd) = (f(c), f(d));
    for _ in 0..200 {
        if (b - a).abs() <= 1e-13 * b.abs().max(a.abs()) {
            break;
        }
        if fc < fd {
            b = d;
            d = c;
            fd = fc;
            c = b - g * (b - a);
            fc = f(c);
        } else {
            a = c;
            c = d;
            fc = fd;
            d = a + g * (b - a);
            fd = f(d);
        }
    }
    (a + b) / 2.0
}

/// The shown range: the current value, the step's end and the minimum ahead, with room around
/// them, at least ±2.
fn range(x: f64, next: f64, minimum: Option<f64>) -> (f64, f64) {
    let m = minimum.unwrap_or(x);
    let (a, b) = (x.min(next).min(m), x.max(next).max(m));
    let pad = ((b - a) * 0.2).max(2.0);
    if !(a - pad).is_finite() || !(b + pad).is_finite() {
        return (x - 2.0, x + 2.0);
    }
    (a - pad, b + pad)
}
