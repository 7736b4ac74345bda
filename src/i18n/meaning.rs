//! The words of what a gradient means: each parameter kind's chain-rule text, the nudge, the gradient's sign, the update's notes and the notes' slip in the update, in Korean and English.
//!
//! Names are filled in with `{p}`-style keys by `str::replace`; numbers are `{#key}` slots that the
//! page fills with its number elements (see [`slots`]). Korean sentences put no particle right
//! after a filled-in name or number, so they read right for every name.

use super::Lang;
use crate::lesson::{ParamKind, Role, SignCase};

/// The strings of this area in one language.
#[derive(Debug)]
pub struct Meaning {
    /// Chain-rule texts by kind of parameter. `{p}`, `{in}` (what a weight multiplies), `{sum}`,
    /// `{act}`, `{err}`, `{t}`, `{n}` (the number of paths).
    pub grad_output_weight: &'static str,
    pub grad_hidden_weight: &'static str,
    pub grad_output_bias: &'static str,
    pub grad_hidden_bias: &'static str,
    /// `{p}`
    pub nudge_title: &'static str,
    /// `{p}`, `{#delta}`
    pub nudge_intro: &'static str,
    /// Column heads, `{p}`.
    pub nudge_predicted: &'static str,
    pub nudge_observed: &'static str,
    /// `{p}`
    pub nudge_outro: &'static str,
    /// The sign of an output weight's gradient, by case. Names `{p}`, `{Y}`, `{t}`, `{y}`,
    /// `{H}`, `{err}`; numbers `{#out}`, `{#goal}`, `{#diff}`, `{#slope}`, `{#input}`,
    /// `{#grad}`, `{#amount}`.
    pub sign_too_high: &'static str,
    pub sign_too_low: &'static str,
    pub sign_on_target: &'static str,
    pub sign_flat: &'static str,
    /// The notes' slip in the update formula.
    pub slip_update: &'static str,
    pub error_weights_only: &'static str,
    /// `{#published}`, `{#weights}`
    pub published: &'static str,
}

impl Meaning {
    /// The chain-rule text for a kind of parameter.
    pub fn grad_body(&self, kind: ParamKind) -> &'static str {
        match kind {
            ParamKind::OutputWeight => self.grad_output_weight,
            ParamKind::HiddenWeight => self.grad_hidden_weight,
            ParamKind::OutputBias => self.grad_output_bias,
            ParamKind::HiddenBias => self.grad_hidden_bias,
        }
    }

    /// The sentence that explains the gradient's sign in this case.
    pub fn sign(&self, case: SignCase) -> &'static str {
        match case {
            SignCase::TooHigh => self.sign_too_high,
            SignCase::TooLow => self.sign_too_low,
            SignCase::OnTarget => self.sign_on_target,
            SignCase::Flat => self.sign_flat,
        }
    }
}

/// This area's strings in `lang`.
pub fn meaning(lang: Lang) -> &'static Meaning {
    match lang {
        Lang::Ko => &KO,
        Lang::En => &EN,
    }
}

/// One piece of a sentence with number slots: plain text, or the key of a number (`{#key}`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot<'a> {
    Text(&'a str),
    Num(&'a str),
}

/// Splits `text` at its `{#key}` slots, in order.
pub fn slots(text: &str) -> Vec<Slot<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{#") {
        let Some(len) = rest[start..].find('}') else { break };
        if start > 0 {
            out.push(Slot::Text(&rest[..start]));
        }
        out.push(Slot::Num(&rest[start + 2..start + len]));
        rest = &rest[start + len + 1..];
    }
    if !rest.is_empty() {
        out.push(Slot::Text(rest));
    }
    out
}

const EN: Meaning = Meaning {
    grad_output_weight: "{p} multiplies {in} on its way into {sum}, and nothing else uses it. So {n} path leads from the error down to {p}: {err} → {act} → {sum} → {p}. Its factors say how {err} changes with {act} ({act} − {t}), how steep the sigmoid is at {sum} (σ′({sum})), and how {sum} changes with {p}: by {in}, the value {p} multiplies.",
    grad_hidden_weight: "{p} multiplies {in} on its way into {sum}, so its effect reaches the error only through {act} = σ({sum}). {act} feeds both outputs, y1 and y2, so {n} paths lead down to {p}: one from Error1 through y1, one from Error2 through y2. On each, the step from the output's sum to {act} has the weight of that edge as its factor; both end with the same links {act} → {sum} → {p}, whose last factor is {in}. The two products add up to ∂E/∂{p}.",
    grad_output_bias: "{p} is added straight into {sum}, so the last factor ∂{sum}/∂{p} is 1 whatever the values. {n} path leads down to it: {err} → {act} → {sum} → {p}. So ∂E/∂{p} is exactly ∂E/∂{sum}, the output's error signal ({act} − {t}) · σ′({sum}): the part every chain through {sum} starts with.",
    grad_hidden_bias: "{p} is added straight into {sum}, so the last factor ∂{sum}/∂{p} is 1. As for the weights into {sum}, its effect reaches the error only through {act}, which feeds both y1 and y2: {n} paths, one from Error1 and one from Error2, meet at {act}, and their products add. So ∂E/∂{p} is ∂E/∂{sum} itself.",
    nudge_title: "What ∂E/∂{p} means: nudge {p}",
    nudge_intro: "Add Δ = {#delta} to {p} and hold everything else. If ∂E/∂{p} is how fast E changes along {p}, E should move by about ∂E/∂{p} · Δ. Δ is the step ↑ takes in the editor, small next to the values here, so E's curve is nearly straight over it. A second forward pass with {p} + Δ checks the prediction:",
    nudge_predicted: "predicted: ∂E/∂{p} · Δ",
    nudge_observed: "observed: E({p} + Δ) − E({p})",
    nudge_outro: "The straighter E is over Δ, the closer the two: what is left over comes from the curve bending, and shrinks like Δ² (half the Δ, about a quarter of the gap). The sign gives the direction: positive means raising {p} raises E, negative means raising {p} lowers E. To make E smaller, gradient descent moves {p} against that sign: that is the minus in W − η · ∂E/∂W.",
    sign_too_high: "Why ∂E/∂{p} is positive here: {Y} = {#out} is above its target {t} = {#goal}, so the output is too high and ∂{err}/∂{Y} = {Y} − {t} = {#diff} > 0. The other two factors cannot change that sign: σ′({y}) = {#slope} and {H} = {#input} are always positive, as a sigmoid's output and slope are. So ∂E/∂{p} = {#grad} > 0: raising {p} would push {Y} further up and raise E. The update therefore lowers {p}, by η · ∂E/∂{p} = {#amount}; the larger {H}, the larger that step, since {p} moves {y} by {H} per unit.",
    sign_too_low: "Why ∂E/∂{p} is negative here: {Y} = {#out} is below its target {t} = {#goal}, so the output is too low and ∂{err}/∂{Y} = {Y} − {t} = {#diff} < 0. The other two factors cannot change that sign: σ′({y}) = {#slope} and {H} = {#input} are always positive, as a sigmoid's output and slope are. So ∂E/∂{p} = {#grad} < 0: raising {p} would lift {Y} towards {t} and lower E. The update therefore raises {p}, by η · |∂E/∂{p}| = {#amount}; the larger {H}, the larger that step, since {p} moves {y} by {H} per unit.",
    sign_on_target: "Here {Y} = {#out} is exactly its target {t} = {#goal}: ∂{err}/∂{Y} = {Y} − {t} = {#diff}, so ∂E/∂{p} = {#grad} whatever σ′({y}) = {#slope} and {H} = {#input} are, and the update moves {p} by {#amount}. Set {t} above or below {Y} and the sign follows: an output that is too high gives a positive gradient and a lower {p}, one that is too low the reverse.",
    sign_flat: "{Y} = {#out} is not at its target {t} = {#goal} (∂{err}/∂{Y} = {#diff}), and yet ∂E/∂{p} = {#grad}: σ′({y}) = {#slope} or {H} = {#input} is so close to 0 that the product rounds to zero. The sigmoid is saturated, the chain passes almost nothing back, and the update moves {p} by only {#amount}.",
    slip_update: "Where the notes slip in this formula: they write the update of w11 as w11 − η · (∂Error1/∂W21 + ∂Error2/∂W21). The derivatives must be taken with respect to the parameter being updated: w11 − η · (∂Error1/∂w11 + ∂Error2/∂w11), the sum of the two paths of the w11 step, which is what the w11 row uses. They also write the rule with δ where ∂ is meant (Wᵢ = Wᵢ₋₁ − η · δError/δW).",
    error_weights_only: "E after, had only the eight weights moved (biases held)",
    published: "Why this differs from the figure published with the worked example, E = {#published} after one step: that figure moved only the eight weights, and the script that printed it had a known slip. With the biases held, the correct value is {#weights}, the line above. This step moves the four biases too, which is why E after differs from both.",
};

const KO: Meaning = Meaning {
    grad_output_weight: "{p}: {in}에 곱해져 {sum}에 더해지는 가중치이며, 다른 곳에는 쓰이지 않습니다. 그래서 오차에서 {p}까지 내려가는 경로는 {n}개, {err} → {act} → {sum} → {p}뿐입니다. 인수는 차례로 {act}에 대한 {err}의 편미분 {act} − {t}, {sum}에서 시그모이드의 미분 σ′({sum}), 그리고 {p}에 대한 {sum}의 편미분, 곧 {p}에 곱해지는 값 {in}입니다.",
    grad_hidden_weight: "{p}: {in}에 곱해져 {sum}에 더해지는 가중치입니다. 그 영향은 {act} = σ({sum})에 모인 뒤에야 오차까지 갑니다. 그런데 {act}의 값은 출력 쪽 y1과 y2 양쪽에 들어가므로, 오차에서 {p}까지의 경로는 {n}개입니다: Error1에서 y1을 거치는 길과 Error2에서 y2를 거치는 길. 각 경로에서 출력의 가중합에서 {act} 쪽으로 넘어가는 인수는 그 간선의 가중치이고, 두 경로 모두 {act} → {sum} → {p} 구간을 함께 지나며 마지막 인수는 {in}입니다. 두 경로의 곱을 더한 것이 ∂E/∂{p}입니다.",
    grad_output_bias: "{p}: {sum}에 그대로 더해지는 편향이므로 마지막 인수 ∂{sum}/∂{p}의 값은 언제나 1입니다. 오차에서 {p}까지의 경로는 {n}개, {err} → {act} → {sum} → {p}뿐입니다. 그래서 ∂E/∂{p}의 값은 ∂E/∂{sum}의 값, 곧 출력의 오차 신호 ({act} − {t}) · σ′({sum}) 그 자체입니다. {sum} 노드를 지나는 모든 연쇄법칙이 이 부분에서 시작합니다.",
    grad_hidden_bias: "{p}: {sum}에 그대로 더해지는 편향이므로 마지막 인수 ∂{sum}/∂{p}의 값은 언제나 1입니다. {sum}에 들어가는 가중치와 마찬가지로 그 영향은 {act}에 모인 뒤 출력 쪽 y1과 y2 양쪽으로 가므로, 오차에서 {p}까지의 경로는 {n}개(Error1에서 하나, Error2에서 하나)이고 두 경로의 곱을 더합니다. 결국 ∂E/∂{p}의 값은 ∂E/∂{sum}의 값 그 자체입니다.",
    nudge_title: "∂E/∂{p}의 뜻: {p}의 값을 조금 움직이면",
    nudge_intro: "다른 값은 모두 그대로 두고 {p}의 값에만 Δ = {#delta}만큼 더해 봅니다. ∂E/∂{p}의 값이 {p} 방향으로 E가 변하는 빠르기라면, E는 대략 ∂E/∂{p} · Δ만큼 변해야 합니다. Δ는 편집기에서 ↑ 키 한 번이 바꾸는 크기로, 여기 값들에 비해 작아서 그 사이에서 E의 곡선은 거의 직선입니다. {p} + Δ로 순전파를 한 번 더 해서 이 예측을 확인합니다:",
    nudge_predicted: "예측: ∂E/∂{p} · Δ",
    nudge_observed: "실제: E({p} + Δ) − E({p})",
    nudge_outro: "E가 Δ 구간에서 직선에 가까울수록 두 값은 가깝습니다. 남는 차이는 곡선이 휘어서 생기며 Δ²에 비례해 줄어듭니다 (Δ를 절반으로 하면 차이는 약 4분의 1). 부호는 방향을 알려 줍니다: 양수이면 {p}의 값을 늘릴 때 E도 늘고, 음수이면 E가 줄어듭니다. E를 줄이려면 이 부호와 반대로 움직여야 하므로, 경사하강법의 식 W − η · ∂E/∂W에는 음의 부호가 붙습니다.",
    sign_too_high: "여기서 ∂E/∂{p}의 값이 양수인 이유: 출력값 {Y} = {#out}, 목표값 {t} = {#goal}. 출력이 목표보다 커서 너무 높으므로 ∂{err}/∂{Y} = {Y} − {t} = {#diff} > 0입니다. 나머지 두 인수 σ′({y}) = {#slope}, {H} = {#input}도 이 부호를 바꾸지 못합니다. 시그모이드의 출력과 미분은 언제나 양수이기 때문입니다. 그래서 ∂E/∂{p} = {#grad} > 0입니다: {p}의 값을 늘리면 {Y}의 값이 더 커져 E가 늘어납니다. 따라서 갱신은 {p}의 값을 η · ∂E/∂{p} = {#amount}만큼 줄입니다. {H}의 값이 클수록 이 폭도 커집니다. {p}의 값이 1 늘 때 {y}의 값이 {H}의 값만큼 늘기 때문입니다.",
    sign_too_low: "여기서 ∂E/∂{p}의 값이 음수인 이유: 출력값 {Y} = {#out}, 목표값 {t} = {#goal}. 출력이 목표보다 작아서 너무 낮으므로 ∂{err}/∂{Y} = {Y} − {t} = {#diff} < 0입니다. 나머지 두 인수 σ′({y}) = {#slope}, {H} = {#input}도 이 부호를 바꾸지 못합니다. 시그모이드의 출력과 미분은 언제나 양수이기 때문입니다. 그래서 ∂E/∂{p} = {#grad} < 0입니다: {p}의 값을 늘리면 {Y}의 값이 목표값 쪽으로 올라가 E가 줄어듭니다. 따라서 갱신은 {p}의 값을 η · |∂E/∂{p}| = {#amount}만큼 늘립니다. {H}의 값이 클수록 이 폭도 커집니다. {p}의 값이 1 늘 때 {y}의 값이 {H}의 값만큼 늘기 때문입니다.",
    sign_on_target: "여기서는 출력값 {Y} = {#out}, 목표값 {t} = {#goal}. 출력이 목표에 딱 맞습니다. 그래서 ∂{err}/∂{Y} = {Y} − {t} = {#diff}이고, σ′({y}) = {#slope}, {H} = {#input}의 값과 상관없이 ∂E/∂{p} = {#grad}입니다. 갱신이 {p}의 값을 움직이는 폭도 {#amount}입니다. 목표값 {t}의 값을 {Y}의 값보다 크거나 작게 바꿔 보세요: 출력이 너무 높으면 기울기가 양수가 되어 {p}의 값이 줄고, 너무 낮으면 그 반대입니다.",
    sign_flat: "출력값 {Y} = {#out}, 목표값 {t} = {#goal}. 출력이 목표에 닿지 않았는데도 (∂{err}/∂{Y} = {#diff}) ∂E/∂{p} = {#grad}입니다. σ′({y}) = {#slope} 또는 {H} = {#input}의 값이 0에 너무 가까워 곱이 0으로 반올림되었기 때문입니다. 시그모이드가 포화되어 연쇄법칙으로 거의 아무것도 전달되지 않고, 갱신은 {p}의 값을 {#amount}만큼만 움직입니다.",
    slip_update: "이 식에 관한 노트의 실수: 노트는 w11의 갱신식을 w11 − η · (∂Error1/∂W21 + ∂Error2/∂W21)로 적었습니다. 미분은 갱신하는 매개변수로 해야 하므로 올바른 식은 w11 − η · (∂Error1/∂w11 + ∂Error2/∂w11)이고, 이는 w11 단계에서 본 두 경로의 합이며 표의 w11 행이 쓰는 값입니다. 또 노트는 갱신 규칙을 Wᵢ = Wᵢ₋₁ − η · δError/δW처럼 ∂ 자리에 δ로 적었습니다.",
    error_weights_only: "편향은 그대로 두고 가중치 8개만 갱신했을 때의 E",
    published: "이 수업의 기본 예제(Matt Mazur의 풀이)와 함께 발표된 한 걸음 뒤의 E 값은 {#published}입니다. 여기 값이 그것과 다른 이유: 그 값은 가중치 8개만 갱신한 결과이고, 그 값을 낸 스크립트에는 알려진 실수가 있었습니다. 편향을 그대로 두면 올바른 값은 바로 위의 {#weights}입니다. 이 단계는 편향 4개도 함께 갱신하므로 갱신 후 E는 두 값 모두와 다릅니다.",
};

/// `text` with a parameter's names filled in: `{p}`, `{in}` (what a weight multiplies, 1 for a
/// bias), `{sum}`, `{act}`, `{err}` and `{t}` (its output's error and target, for an output
/// parameter), `{n}` (how many paths reach it).
pub fn fill_role(text: &str, role: &Role) -> String {
    text.replace("{p}", role.param.name())
        .replace("{in}", role.input.unwrap_or("1"))
        .replace("{sum}", role.sum)
        .replace("{act}", role.act)
        .replace("{err}", &role.error().unwrap_or_default())
        .replace("{t}", &role.target().unwrap_or_default())
        .replace("{n}", &role.paths.to_string())
}

/// The language a table of [`super::Strings`] is written in (told by its word for "language").
pub fn lang_of(s: &super::Strings) -> Lang {
    if s.language == Lang::En.strings().language {
        Lang::En
    } else {
        Lang::Ko
    }
}
