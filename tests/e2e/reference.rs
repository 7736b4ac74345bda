//! Independent closed-form reference for the 2-2-2 sigmoid network (shares no code with the app).
//!
//! Wiring (as in the lesson): h1 = w11*x1 + w13*x2 + b1, h2 = w12*x1 + w14*x2 + b2, H = s(h);
//! y1 = w21*H1 + w23*H2 + b3, y2 = w22*H1 + w24*H2 + b4, Y = s(y);
//! Error_k = 1/2 (t_k - Y_k)^2, E = Error1 + Error2.

#[rustfmt::skip]
#[derive(Clone, Copy, Debug)]
pub struct Net {
    pub x1: f64, pub x2: f64, pub t1: f64, pub t2: f64,
    pub w11: f64, pub w12: f64, pub w13: f64, pub w14: f64,
    pub w21: f64, pub w22: f64, pub w23: f64, pub w24: f64,
    pub b1: f64, pub b2: f64, pub b3: f64, pub b4: f64,
}

/// Matt Mazur, "A Step by Step Backpropagation Example" (2015): the app's default state.
#[rustfmt::skip]
pub const MAZUR: Net = Net {
    x1: 0.05, x2: 0.10, t1: 0.01, t2: 0.99,
    w11: 0.15, w12: 0.25, w13: 0.20, w14: 0.30,
    w21: 0.40, w22: 0.50, w23: 0.45, w24: 0.55,
    b1: 0.35, b2: 0.35, b3: 0.60, b4: 0.60,
};

fn s(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// Forward-pass values used by the checks (activation H1, outputs Y1 Y2, total error E).
#[allow(non_snake_case)]
#[derive(Clone, Copy, Debug)]
pub struct Forward {
    pub H1: f64,
    pub Y1: f64,
    pub Y2: f64,
    pub E: f64,
}

impl Net {
    #[allow(non_snake_case)]
    pub fn forward(&self) -> Forward {
        let H1 = s(self.w11 * self.x1 + self.w13 * self.x2 + self.b1);
        let H2 = s(self.w12 * self.x1 + self.w14 * self.x2 + self.b2);
        let Y1 = s(self.w21 * H1 + self.w23 * H2 + self.b3);
        let Y2 = s(self.w22 * H1 + self.w24 * H2 + self.b4);
        let E = 0.5 * (self.t1 - Y1).powi(2) + 0.5 * (self.t2 - Y2).powi(2);
        Forward { H1, Y1, Y2, E }
    }

    /// dE/dw21: w21 reaches E only through y1, so one path of three factors:
    /// dE/dY1 = (Y1 - t1), dY1/dy1 = s'(y1) = Y1(1 - Y1), dy1/dw21 = H1.
    pub fn dw21_factors(&self) -> [f64; 3] {
        let f = self.forward();
        [f.Y1 - self.t1, f.Y1 * (1.0 - f.Y1), f.H1]
    }

    /// dE/dw11: w11 -> h1 -> H1, and H1 feeds both y1 (via w21) and y2 (via w22), so two paths:
    /// path 1 = (Y1 - t1) * Y1(1-Y1) * w21 * H1(1-H1) * x1,
    /// path 2 = (Y2 - t2) * Y2(1-Y2) * w22 * H1(1-H1) * x1; dE/dw11 = path 1 + path 2.
    pub fn dw11_paths(&self) -> [f64; 2] {
        let f = self.forward();
        let dh1 = f.H1 * (1.0 - f.H1) * self.x1;
        [
            (f.Y1 - self.t1) * f.Y1 * (1.0 - f.Y1) * self.w21 * dh1,
            (f.Y2 - self.t2) * f.Y2 * (1.0 - f.Y2) * self.w22 * dh1,
        ]
    }
}

impl Net {
    /// dE/dp for all twelve parameters, in the app's order w11 w12 w13 w14 w21 w22 w23 w24 b1 b2 b3 b4.
    ///
    /// Output deltas: dE/dy_k = (Y_k - t_k) * Y_k(1 - Y_k) =: d_o_k (dError_k/dY_k = Y_k - t_k,
    /// dY/dy = s'(y) = Y(1 - Y)). y1 = w21*H1 + w23*H2 + b3 and y2 = w22*H1 + w24*H2 + b4, so
    /// dE/dw21 = d_o1*H1, dE/dw23 = d_o1*H2, dE/dw22 = d_o2*H1, dE/dw24 = d_o2*H2, dE/db3 = d_o1,
    /// dE/db4 = d_o2. Hidden deltas: H1 feeds y1 through w21 and y2 through w22, so
    /// dE/dh1 = (d_o1*w21 + d_o2*w22) * H1(1 - H1) =: d_h1, likewise d_h2 = (d_o1*w23 + d_o2*w24) *
    /// H2(1 - H2). h1 = w11*x1 + w13*x2 + b1 and h2 = w12*x1 + w14*x2 + b2, so dE/dw11 = d_h1*x1,
    /// dE/dw13 = d_h1*x2, dE/dw12 = d_h2*x1, dE/dw14 = d_h2*x2, dE/db1 = d_h1, dE/db2 = d_h2.
    pub fn grads(&self) -> [f64; 12] {
        let h1 = s(self.w11 * self.x1 + self.w13 * self.x2 + self.b1);
        let h2 = s(self.w12 * self.x1 + self.w14 * self.x2 + self.b2);
        let y1 = s(self.w21 * h1 + self.w23 * h2 + self.b3);
        let y2 = s(self.w22 * h1 + self.w24 * h2 + self.b4);
        let o1 = (y1 - self.t1) * y1 * (1.0 - y1);
        let o2 = (y2 - self.t2) * y2 * (1.0 - y2);
        let d1 = (o1 * self.w21 + o2 * self.w22) * h1 * (1.0 - h1);
        let d2 = (o1 * self.w23 + o2 * self.w24) * h2 * (1.0 - h2);
        [
            d1 * self.x1,
            d2 * self.x1,
            d1 * self.x2,
            d2 * self.x2,
            o1 * h1,
            o2 * h1,
            o1 * h2,
            o2 * h2,
            d1,
            d2,
            o1,
            o2,
        ]
    }

    /// `steps` plain SGD steps at learning rate `lr` on all twelve parameters (biases included):
    /// p <- p - lr * dE/dp, every gradient taken at the parameters before the step.
    pub fn sgd(mut self, lr: f64, steps: usize) -> Net {
        for _ in 0..steps {
            let g = self.grads();
            let p = [
                &mut self.w11,
                &mut self.w12,
                &mut self.w13,
                &mut self.w14,
                &mut self.w21,
                &mut self.w22,
                &mut self.w23,
                &mut self.w24,
                &mut self.b1,
                &mut self.b2,
                &mut self.b3,
                &mut self.b4,
            ];
            for (p, g) in p.into_iter().zip(g) {
                *p -= lr * g;
            }
        }
        self
    }
}

/// `got` equals `want` to 1e-12 relative (absolute near zero).
pub fn assert_close(what: &str, got: f64, want: f64) {
    let tol = 1e-12 * want.abs().max(1e-300);
    assert!(
        (got - want).abs() <= tol,
        "{what}: app shows {got:e}, reference {want:e} (diff {:e})",
        got - want
    );
}
