//! The lab's data: six sets drawn from a seed (with noise and a train/test split), and points pasted as CSV, read with the care of every typed value.

use crate::value::{parse, splitmix64, Kind, Refusal};

/// One example: the inputs and the label (0 or 1), or the value to fit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: [f64; 2],
    pub y: f64,
}

/// The data sets the lab draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataSet {
    Xor,
    Circle,
    Moons,
    Spiral,
    Gauss,
    /// A function to fit (regression): y = sin(π·x1) · x2.
    Fit,
}

impl DataSet {
    pub const ALL: [DataSet; 6] = [
        DataSet::Xor,
        DataSet::Circle,
        DataSet::Moons,
        DataSet::Spiral,
        DataSet::Gauss,
        DataSet::Fit,
    ];

    /// The URL's word for the set (`data=moons`).
    pub fn key(self) -> &'static str {
        ["xor", "circle", "moons", "spiral", "gauss", "fit"][self as usize]
    }

    /// The set named by a URL word.
    pub fn from_key(key: &str) -> Option<DataSet> {
        DataSet::ALL.into_iter().find(|d| d.key() == key)
    }

    /// Whether the set's y is a value to fit rather than a label.
    pub fn regression(self) -> bool {
        self == DataSet::Fit
    }
}

/// Points with the split: `train[i]` tells whether point i is for training (else for testing).
#[derive(Clone, Debug, PartialEq)]
pub struct Data {
    pub points: Vec<Point>,
    pub train: Vec<bool>,
}

/// A small random source on splitmix64: uniform and normal draws (the data and the lab's
/// initial weights).
pub(super) struct Draw(pub(super) u64);

impl Draw {
    /// Uniform on [0, 1).
    pub(super) fn unit(&mut self) -> f64 {
        let (next, out) = splitmix64(self.0);
        self.0 = next;
        (out >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform on [a, b).
    fn range(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.unit()
    }

    /// Standard normal (Box–Muller).
    fn normal(&mut self) -> f64 {
        let u = 1.0 - self.unit(); // (0, 1]: ln is finite
        let v = self.unit();
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

impl Data {
    /// `n` points of `set` drawn from `seed`, inputs in about [−1, 1]², with Gaussian noise of
    /// standard deviation `noise` on the inputs (on y for the function to fit); a fraction
    /// `test` of them, chosen at random, held out for testing.
    pub fn draw(set: DataSet, n: usize, noise: f64, test: f64, seed: u64) -> Data {
        let mut d = Draw(seed);
        let half = n / 2;
        let mut points = Vec::with_capacity(n);
        for i in 0..n {
            let label = if i < half { 0.0 } else { 1.0 };
            let (x, y) = match set {
                DataSet::Xor => {
                    // The label picks the quadrants (1: same signs), each point away from the axes
                    // by a margin, so the label is clear before noise.
                    let a = d.range(0.05, 1.0);
                    let b = d.range(0.05, 1.0);
                    let sa = if d.unit() < 0.5 { -1.0 } else { 1.0 };
                    let sb = if label == 1.0 { sa } else { -sa };
                    ([sa * a, sb * b], label)
                }
                DataSet::Circle => {
                    let r = if label == 1.0 {
                        d.range(0.0, 0.45)
                    } else {
                        d.range(0.65, 1.0)
                    };
                    let a = d.range(0.0, std::f64::consts::TAU);
                    ([r * a.cos(), r * a.sin()], label)
                }
                DataSet::Moons => {
                    let a = d.range(0.0, std::f64::consts::PI);
                    let (cx, cy) = if label == 0.0 {
                        (a.cos(), a.sin())
                    } else {
                        (1.0 - a.cos(), 0.5 - a.sin())
                    };
                    // From [−1, 2] × [−0.5, 1] to about [−1, 1]².
                    ([(cx - 0.5) / 1.5, (cy - 0.25) / 0.75 * 0.8], label)
                }
                DataSet::Spiral => {
                    let k = (if label == 0.0 { i } else { i - half }) as f64 / half.max(1) as f64;
                    let r = 0.05 + 0.9 * k;
                    let a = 1.75 * std::f64::consts::TAU * k + if label == 1.0 { std::f64::consts::PI } else { 0.0 };
                    ([r * a.cos(), r * a.sin()], label)
                }
                DataSet::Gauss => {
                    let c = if label == 1.0 { 0.5 } else { -0.5 };
                    ([c + 0.2 * d.normal(), c + 0.2 * d.normal()], label)
                }
                DataSet::Fit => {
                    let x = [d.range(-1.0, 1.0), d.range(-1.0, 1.0)];
                    (x, (std::f64::consts::PI * x[0]).sin() * x[1])
                }
            };
            points.push(if set.regression() {
                Point {
                    x,
                    y: y + noise * d.normal(),
                }
            } else {
                Point {
                    x: [x[0] + noise * d.normal(), x[1] + noise * d.normal()],
                    y,
                }
            });
        }
        let train = split(n, test, &mut d);
        Data { points, train }
    }

    /// The training points, in index order.
    pub fn train_points(&self) -> Vec<Point> {
        self.part(true)
    }

    /// The test points, in index order.
    pub fn test_points(&self) -> Vec<Point> {
        self.part(false)
    }

    fn part(&self, train: bool) -> Vec<Point> {
        self.points
            .iter()
            .zip(&self.train)
            .filter(|(_, &t)| t == train)
            .map(|(p, _)| *p)
            .collect()
    }

    /// The data as CSV `x1,x2,label,split` (split: `train` or `test`), one row per point in
    /// index order, numbers written so that they read back exactly.
    pub fn csv(&self) -> String {
        let mut out = String::from("x1,x2,label,split\n");
        for (p, &t) in self.points.iter().zip(&self.train) {
            let w = crate::value::write;
            out.push_str(&format!(
                "{},{},{},{}\n",
                w(p.x[0]),
                w(p.x[1]),
                w(p.y),
                if t { "train" } else { "test" }
            ));
        }
        out
    }

    /// Points pasted as CSV `x1,x2,label` (one per line; a header line, blank lines and a fourth
    /// `split` column allowed), every number read as a typed value is; labels 0 or 1 unless
    /// `regression`. All of them train: a pasted set has no test part unless it says so.
    pub fn from_csv(text: &str, regression: bool) -> Result<Data, DataError> {
        let mut points = Vec::new();
        let mut train = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let row = raw.trim();
            if row.is_empty() || (points.is_empty() && row.starts_with(|c: char| c.is_ascii_alphabetic())) {
                continue;
            }
            let cols: Vec<&str> = row.split(',').map(str::trim).collect();
            if !(3..=4).contains(&cols.len()) {
                return Err(DataError::Columns {
                    line,
                    found: cols.len(),
                });
            }
            let number = |col: usize| {
                parse(Kind::Value, cols[col])
                    .map(|p| p.value)
                    .map_err(|why| DataError::Number {
                        line,
                        col: col + 1,
                        why,
                    })
            };
            let (x1, x2, y) = (number(0)?, number(1)?, number(2)?);
            if !regression && y != 0.0 && y != 1.0 {
                return Err(DataError::Label { line });
            }
            let in_train = match cols.get(3).copied() {
                None | Some("train") => true,
                Some("test") => false,
                Some(_) => return Err(DataError::Split { line }),
            };
            if points.len() == MAX_POINTS {
                return Err(DataError::TooMany);
            }
            points.push(Point { x: [x1, x2], y });
            train.push(in_train);
        }
        if !train.contains(&true) {
            return Err(DataError::Empty);
        }
        Ok(Data { points, train })
    }
}

/// The most points a pasted set may hold.
pub const MAX_POINTS: usize = 1000;

/// Which of `n` points train: all but round(n · test) of them, chosen by a Fisher–Yates shuffle.
fn split(n: usize, test: f64, d: &mut Draw) -> Vec<bool> {
    let held = ((n as f64) * test.clamp(0.0, 1.0)).round() as usize;
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = (d.unit() * (i + 1) as f64) as usize;
        order.swap(i, j.min(i));
    }
    let mut train = vec![true; n];
    for &i in &order[..held.min(n)] {
        train[i] = false;
    }
    train
}

/// Why pasted points were refused (the last good data is kept).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataError {
    /// A line without three (or four) columns.
    Columns { line: usize, found: usize },
    /// A column that is not an accepted number.
    Number { line: usize, col: usize, why: Refusal },
    /// A label other than 0 or 1.
    Label { line: usize },
    /// A fourth column other than `train` or `test`.
    Split { line: usize },
    /// More than [`MAX_POINTS`] points.
    TooMany,
    /// No point to train on.
    Empty,
}
