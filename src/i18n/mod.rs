//! Every string the UI shows, one table per language; a missing entry is a compile error.

pub mod circuit;
pub mod descent;
mod en;
pub mod expr_errors;
mod ko;
pub mod net_errors;
pub mod particle;
pub mod practice;
pub mod steps;
pub mod sweep;

/// The lesson's languages; Korean is the default, as in the notes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Ko,
    En,
}

impl Lang {
    /// The code used in `?lang=` and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ko => "ko",
            Lang::En => "en",
        }
    }

    /// The language with this code.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "ko" => Some(Lang::Ko),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// This language's strings.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Ko => &ko::STRINGS,
            Lang::En => &en::STRINGS,
        }
    }
}

/// A title and a short explanation for one step.
#[derive(Debug)]
pub struct Text {
    pub title: &'static str,
    pub body: &'static str,
}

/// All UI strings. `{node}`, `{p}`, `{n}`, `{total}` and `{what}` are filled in by the UI; a Korean
/// particle right after a name's placeholder is corrected to fit the name by [`particle::fill`].
#[derive(Debug)]
pub struct Strings {
    pub tagline: &'static str,
    /// Practice mode's switch, the reset's confirmation, and the notice when progress cannot be
    /// kept (the rest of practice mode's words are in `practice`, used by its worker).
    pub practice_toggle: &'static str,
    pub practice_reset_confirm: &'static str,
    /// The first step's last sentence while practice mode is off: how to turn it on.
    pub practice_invite: &'static str,
    /// Stored progress was bounded: `{n}` oldest examples left out.
    pub practice_dropped: &'static str,
    pub practice_storage_off: &'static str,
    /// Practice mode's worker failed to load or does not answer (ui::practice), and its button.
    pub practice_silent: &'static str,
    pub practice_reload: &'static str,
    pub next: &'static str,
    pub prev: &'static str,
    /// "step {n} of {total}"
    pub progress: &'static str,
    /// The same on a step outside the lesson's sequence: `{n}` is the step Back returns to.
    pub progress_extra: &'static str,
    pub language: &'static str,
    pub diagram_label: &'static str,
    pub click_hint: &'static str,
    pub parameters: &'static str,
    pub learning_rate: &'static str,
    pub values: &'static str,
    pub inputs: Text,
    pub hidden_sum: Text,
    pub hidden_out: Text,
    pub output_sum: Text,
    pub output_out: Text,
    pub error: Text,
    pub backward_start: Text,
    pub backward_params: Text,
    /// `{p}`: the parameter.
    pub grad: Text,
    pub grad_w21: &'static str,
    pub grad_w11: &'static str,
    /// The chain rule of the other parameters, by kind: `{p}`, `{in}` (what a weight multiplies),
    /// `{sum}`, `{act}`, `{err}`, `{t}` (the output's error and target); see `steps::chain_note`.
    pub note_output_weight: &'static str,
    pub note_hidden_weight: &'static str,
    pub note_output_bias: &'static str,
    pub note_hidden_bias: &'static str,
    /// Shown on the chain rule of a first-layer weight or bias: the notes' slip and the right factor.
    pub slip_note: &'static str,
    pub path: &'static str,
    pub product: &'static str,
    pub path_sum: &'static str,
    pub autograd_says: &'static str,
    /// What ∂E/∂{p} means: the nudge's heading and the sentence before its numbers.
    pub nudge_title: &'static str,
    pub nudge: &'static str,
    /// Why an output weight's gradient has its sign, one sentence per case (lesson::SignCase):
    /// `{p}` the weight, `{err}` `{Y}` `{t}` `{y}` `{H}` the names around it, `{#out}` `{#goal}`
    /// `{#diff}` `{#slope}` `{#input}` `{#grad}` `{#amount}` their numbers.
    pub sign_too_high: &'static str,
    pub sign_too_low: &'static str,
    pub sign_on_target: &'static str,
    pub sign_flat: &'static str,
    pub gradients: &'static str,
    pub no_path: &'static str,
    /// `{what}`: the core's message.
    pub bad_state: &'static str,
    pub sigmoid_caption: &'static str,
    pub update: Text,
    pub update_cols: [&'static str; 5],
    pub update_ties: &'static str,
    pub apply_update: &'static str,
    pub undo_hint: &'static str,
    pub error_before: &'static str,
    pub error_after: &'static str,
    /// E after the step had only the eight weights moved.
    pub error_weights_only: &'static str,
    /// Why E after differs from the worked example's published figure: `{published}` and
    /// `{weights}` (nine decimals), only on that example's own first step.
    pub published_note: &'static str,
    /// The notes' slip in the update formula (on the update step).
    pub slip_update: &'static str,
    pub descent: Text,
    pub descent_param: &'static str,
    /// `{p}`: the parameter; `{slope}`: the sign of its gradient, in words.
    pub descent_why: &'static str,
    pub slope_positive: &'static str,
    pub slope_negative: &'static str,
    pub slope_zero: &'static str,
    pub descent_caption: &'static str,
    pub train: Text,
    pub add_node: Text,
    pub mul_node: Text,
    pub graph: Text,
    pub playground: Text,
    pub expr_label: &'static str,
    pub result_label: &'static str,
    pub pg_cols: [&'static str; 5],
    pub agrees: &'static str,
    pub disagrees: &'static str,
    pub kink_note: &'static str,
    /// Marked †: the difference is too uncertain to confirm the gradient either way.
    pub imprecise_note: &'static str,
    /// Marked ‡: the function or its gradient is not finite near the point.
    pub not_finite_note: &'static str,
    pub all_at_once: &'static str,
    pub too_big_to_draw: &'static str,
    pub kept_last_good: &'static str,
    pub upstream_in: &'static str,
    pub rest_of_network: &'static str,
    pub example_label: &'static str,
    pub apple_example: &'static str,
    pub cs231n_example: &'static str,
    pub node_prev: &'static str,
    pub node_next: &'static str,
    /// `{node}`: the node the backward pass is at; `{n}`/`{total}`: its place.
    pub graph_at: &'static str,
    pub forward_legend: &'static str,
    pub backward_legend: &'static str,
    /// The two legends where the playground's graph is drawn top to bottom (a phone).
    pub forward_legend_tall: &'static str,
    pub backward_legend_tall: &'static str,
    /// The circuit drawing's legend on a narrow screen, where edges run downwards.
    pub circuit_legend_tall_forward: &'static str,
    pub circuit_legend_tall_backward: &'static str,
    pub legend_path1: &'static str,
    pub legend_path2: &'static str,
    pub legend_shared: &'static str,
    // train
    pub train_run: &'static str,
    pub train_pause: &'static str,
    pub train_step: &'static str,
    pub train_reset: &'static str,
    pub train_apply: &'static str,
    pub train_speed: &'static str,
    pub train_goal: &'static str,
    pub train_lr: &'static str,
    pub train_log: &'static str,
    pub train_steps: &'static str,
    pub train_error: &'static str,
    /// `{n}`: how many steps made E larger.
    pub train_rises: &'static str,
    /// `{step}`: the step that was not taken; `{name}`: the parameter or E; `{value}`: infinity, in words or ±∞.
    pub train_diverged: &'static str,
    /// `{what}`: the core's message.
    pub train_stopped: &'static str,
    pub train_step_axis: &'static str,
    /// The error chart's y axis title on a log scale.
    pub train_log_axis: &'static str,
    pub train_error_caption: &'static str,
    pub train_param_caption: &'static str,
    // editing
    pub edit_title: &'static str,
    pub edit_hint: &'static str,
    pub edit_empty: &'static str,
    /// `{n}`: the longest accepted length.
    pub edit_too_long: &'static str,
    pub edit_not_number: &'static str,
    pub edit_non_finite: &'static str,
    /// `{max}`: the largest magnitude.
    pub edit_out_of_range: &'static str,
    /// `{max}`: the largest learning rate.
    pub edit_lr_range: &'static str,
    pub edit_negative_zero: &'static str,
    pub edit_comma: &'static str,
    /// `{value}`: the value still in force.
    pub edit_kept: &'static str,
    pub edit_reset: &'static str,
    pub edit_undo: &'static str,
    pub edit_redo: &'static str,
    pub edit_randomise: &'static str,
    pub edit_seed: &'static str,
    pub edit_copy_link: &'static str,
    pub edit_copied: &'static str,
    pub edit_copy_manually: &'static str,
    pub edit_link_label: &'static str,
    /// `{keys}`: the refused URL keys, comma-separated.
    pub edit_url_refused: &'static str,
    // classroom: presenter mode, shortcuts, the diagram's editor and its text alternative
    pub presenter: &'static str,
    pub shortcuts: &'static str,
    /// (keys separated by " / ", what they do)
    pub shortcut_keys: &'static [(&'static str, &'static str)],
    pub close: &'static str,
    /// `{name}`: the number the slider sets.
    pub edit_slider: &'static str,
    /// `{name}`: the number edited on the diagram.
    pub edit_in_place: &'static str,
    /// `{list}`: "h1 = 0.3775, h2 = 0.3925"
    pub alt_active: &'static str,
    /// `{node}`
    pub alt_sweep: &'static str,
    /// `{list}`
    pub alt_upstream: &'static str,
    /// `{k}`, `{style}` (solid or dashed), `{nodes}` ("Error1 → Y1 → y1 → w21"), `{value}`
    pub alt_path: &'static str,
    pub alt_solid: &'static str,
    pub alt_dashed: &'static str,
    pub alt_shared: &'static str,
    /// `{list}`: every value on the diagram
    pub alt_values: &'static str,
    /// `{list}`: nodes not computed yet
    pub alt_pending: &'static str,
    /// Printed under a handout page: where it came from.
    pub print_source: &'static str,
    /// Before the row of parameter buttons under the diagram on a phone.
    pub chain_rule_for: &'static str,
    /// How formulas are read aloud (the `aria-label` of each `<math>`).
    pub math_words: crate::math::Words,
}
