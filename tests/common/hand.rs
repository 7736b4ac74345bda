//! The 2-2-2 network worked out by hand from the notes' formulas, sharing no code with the core: every forward value, δ and gradient (for the native tests).
//
// h1 = w11 x1 + w13 x2 + b1, h2 = w12 x1 + w14 x2 + b2, H = σ(h); y1 = w21 H1 + w23 H2 + b3,
// y2 = w22 H1 + w24 H2 + b4, Y = σ(y); Error_k = ½(t_k − Y_k)², E = Error1 + Error2 (shared/seed
// README). Backward: ∂E/∂Y_k = Y_k − t_k, δ_y_k = (Y_k − t_k) Y_k (1 − Y_k), ∂E/∂H_j = δ_y1 ·
// w(H_j → y1) + δ_y2 · w(H_j → y2), δ_h_j = ∂E/∂H_j · H_j (1 − H_j), ∂E/∂p = δ of the sum p
// feeds times what p multiplies (1 for a bias).

use backprop_lab::net::{Example, Param};

pub fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

#[derive(Clone, Copy, Debug)]
pub struct Hand {
    pub x: [f64; 2],
    pub t: [f64; 2],
    /// In `Param::ALL`'s order: w11 w12 w13 w14 w21 w22 w23 w24 b1 b2 b3 b4.
    pub w: [f64; 12],
    /// h1, h2.
    pub h: [f64; 2],
    /// H1, H2.
    pub hh: [f64; 2],
    /// y1, y2.
    pub y: [f64; 2],
    /// Y1, Y2.
    pub yy: [f64; 2],
    /// Error1, Error2.
    pub err: [f64; 2],
    pub e: f64,
    /// ∂E/∂Y_k = Y_k − t_k.
    pub d_out: [f64; 2],
    /// δ_y_k = ∂E/∂y_k.
    pub dy: [f64; 2],
    /// ∂E/∂H_j.
    pub dbig_h: [f64; 2],
    /// δ_h_j = ∂E/∂h_j.
    pub dh: [f64; 2],
    /// The weights from H_j to y1 and y2: w21 w22 for H1, w23 w24 for H2.
    pub w_out: [[f64; 2]; 2],
}

impl Hand {
    pub fn of(ex: &Example) -> Hand {
        let (w, x, t) = (ex.params, ex.x, ex.t);
        let h = [w[0] * x[0] + w[2] * x[1] + w[8], w[1] * x[0] + w[3] * x[1] + w[9]];
        let hh = h.map(sigmoid);
        let y = [w[4] * hh[0] + w[6] * hh[1] + w[10], w[5] * hh[0] + w[7] * hh[1] + w[11]];
        let yy = y.map(sigmoid);
        let err = [0, 1].map(|k| 0.5 * (t[k] - yy[k]).powi(2));
        let d_out = [0, 1].map(|k| yy[k] - t[k]);
        let dy = [0, 1].map(|k| d_out[k] * yy[k] * (1.0 - yy[k]));
        let w_out = [[w[4], w[5]], [w[6], w[7]]];
        let dbig_h = [0, 1].map(|j| dy[0] * w_out[j][0] + dy[1] * w_out[j][1]);
        let dh = [0, 1].map(|j| dbig_h[j] * hh[j] * (1.0 - hh[j]));
        Hand {
            x,
            t,
            w,
            h,
            hh,
            y,
            yy,
            err,
            e: err[0] + err[1],
            d_out,
            dy,
            dbig_h,
            dh,
            w_out,
        }
    }

    /// ∂E/∂p: δ of the weighted sum p feeds times its input (1 for a bias).
    pub fn grad(&self, p: Param) -> f64 {
        let (dy, dh, hh, x) = (self.dy, self.dh, self.hh, self.x);
        match p {
            Param::W11 => dh[0] * x[0],
            Param::W13 => dh[0] * x[1],
            Param::W12 => dh[1] * x[0],
            Param::W14 => dh[1] * x[1],
            Param::W21 => dy[0] * hh[0],
            Param::W23 => dy[0] * hh[1],
            Param::W22 => dy[1] * hh[0],
            Param::W24 => dy[1] * hh[1],
            Param::B1 => dh[0],
            Param::B2 => dh[1],
            Param::B3 => dy[0],
            Param::B4 => dy[1],
        }
    }
}
