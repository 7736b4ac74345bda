//! The English strings.

use super::{Strings, Text};

pub const STRINGS: Strings = Strings {
    tagline: "Backpropagation, one step at a time, on a 2-2-2 network",
    next: "Next",
    prev: "Back",
    progress: "step {n} of {total}",
    language: "Language",
    diagram_label: "The 2-2-2 network",
    click_hint: "Click any weight or bias in the diagram to see its chain rule.",
    parameters: "Parameters",
    learning_rate: "learning rate",
    values: "Values",
    inputs: Text {
        title: "The inputs x1 and x2",
        body: "The inputs x1 and x2 enter the network. Nothing is computed yet: these two numbers and the twelve parameters (eight weights, four biases) decide every value that follows.",
    },
    hidden_sum: Text {
        title: "Hidden weighted sums h",
        body: "Each hidden node multiplies the inputs by its weights, adds them up and adds its bias: h1 = w11·x1 + w13·x2 + b1, h2 = w12·x1 + w14·x2 + b2. Lower case means the sum before the activation.",
    },
    hidden_out: Text {
        title: "Hidden activations H",
        body: "The sigmoid s(z) = 1 / (1 + e^(−z)) squashes each sum into (0, 1): H1 = s(h1), H2 = s(h2). Upper case means the value after the activation.",
    },
    output_sum: Text {
        title: "Output weighted sums y",
        body: "The hidden outputs feed the next layer the same way: y1 = w21·H1 + w23·H2 + b3, y2 = w22·H1 + w24·H2 + b4.",
    },
    output_out: Text {
        title: "Output activations Y",
        body: "One more sigmoid gives the predictions Y1 = s(y1) and Y2 = s(y2). That completes the forward pass.",
    },
    error: Text {
        title: "The errors Error1, Error2 and E",
        body: "Each prediction is compared with its target t: Error_k = ½(t_k − Y_k)². Training tries to make the total E = Error1 + Error2 small. The ½ is there so that it cancels the 2 that comes down when we differentiate.",
    },
    backward_start: Text {
        title: "Backward pass: start at E",
        body: "Backpropagation walks from the output back to the inputs. It starts with ∂E/∂E = 1; at every node it multiplies by that node's local derivative and hands the result further back. Press Next to follow the engine one node at a time, in the order it visits them.",
    },
    backward_node: Text {
        title: "Backward pass: at {node}",
        body: "The upstream gradient ∂E/∂{node} that arrives here already contains the shares of every node that reads {node}. The engine multiplies it by {node}'s local derivatives and passes it on to {node}'s inputs.",
    },
    backward_params: Text {
        title: "Backward pass done: every parameter's gradient",
        body: "One sweep backwards produced ∂E/∂p for all twelve parameters at once; no parameter needed a derivation of its own. That is the point of backpropagation. Click a weight or bias to see which paths its number is the sum of.",
    },
    grad: Text {
        title: "Chain rule: ∂E/∂{p}",
        body: "E does not depend on {p} directly, so we differentiate through the nodes in between, one link at a time. Multiplying a path's factors gives that path's share; when there are several paths, the shares add up.",
    },
    grad_w21: "w21 only feeds y1, so there is exactly one way from it to the error: Error1 → Y1 → y1 → w21. Its three factors are ∂Error1/∂Y1 = Y1 − t1, ∂Y1/∂y1 = Y1(1 − Y1) and ∂y1/∂w21 = H1.",
    grad_w11: "w11 changes h1 and so H1, and H1 feeds both y1 and y2. So there are two paths, one from Error1 and one from Error2, and they share the part H1 → h1 → w11. ∂E/∂w11 = ∂Error1/∂w11 + ∂Error2/∂w11.",
    slip_note: "A slip in the notes: inside the w11 chain they write ∂y1/∂w21 · ∂w21/∂H1, but the right factor is ∂y1/∂H1 = w21 (and ∂y2/∂H1 = w22 on the Error2 path). What the w21 and w11 chains really share is only the output part ∂Error1/∂Y1 · ∂Y1/∂y1. The update of w11 sums ∂Error1/∂w11 + ∂Error2/∂w11.",
    path: "Path",
    product: "product",
    path_sum: "sum of the paths",
    autograd_says: "reverse-mode autograd's ∂E/∂{p}",
    upstream: "upstream gradient",
    gradients: "Gradients ∂E/∂p",
    no_path: "No path leads from this parameter to the error.",
    bad_state: "These values cannot be computed: {what}",
    sigmoid_caption: "The current points on the sigmoid and their tangents. A tangent's slope is the chain-rule factor ∂Y/∂y (or ∂H/∂h) = s(z)(1 − s(z)). Far out on either side the curve is flat, so almost no gradient gets through.",
    update: Text {
        title: "Updating the weights: W_new = W_old − η · ∂E/∂W",
        body: "Now the gradients from backpropagation are put to use. All twelve parameters move at once by the same rule; the learning rate η sets the size of the step.",
    },
    update_cols: ["parameter", "now", "∂E/∂p", "η · ∂E/∂p", "new"],
    update_ties: "The w21 row's gradient is the path product of the w21 chain-rule step; the w11 row's is the sum of the two paths of the w11 step.",
    apply_update: "Apply this update",
    undo_hint: "After applying, Back returns to the values before the update.",
    error_before: "E before",
    error_after: "E after",
    descent: Text {
        title: "Gradient descent: why the minus sign",
        body: "Hold every other parameter still and vary one: E traces a curve. The tangent at the current point has the slope autograd computed, ∂E/∂p. The update moves against that slope, by η · ∂E/∂p.",
    },
    descent_param: "parameter",
    descent_why: "Right now ∂E/∂{p} {slope}. A positive slope means raising {p} raises E, so {p} must go down; a negative slope means the opposite. Either way we add the gradient with a minus sign: −η · ∂E/∂{p}. Try larger learning rates: a small step, a good step, and a step that overshoots the minimum and climbs the other side.",
    slope_positive: "is positive (uphill)",
    slope_negative: "is negative (downhill)",
    slope_zero: "is zero (flat)",
    descent_step: "after one step",
    descent_caption: "Black: E with every other value held. Dashed: the tangent at the current point (slope ∂E/∂p). Arrow: where the update moves.",
    train: Text {
        title: "Training: repeating the update",
        body: "Forward pass, backward pass, update, again and again: E goes down. Run, pause, single-step or reset and watch it happen.",
    },
    legend_active: "computed now",
    legend_path1: "path 1 (solid)",
    legend_path2: "path 2 (dashed)",
    legend_shared: "shared part (thick double line)",
};
