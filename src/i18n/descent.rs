//! The descent step's words for its three learning rates and the lowest point ahead, in Korean and English.

use super::Lang;

/// `{p}`: the parameter; `{lr}`, `{max}`: learning rates; `{what}`: a button's label.
#[derive(Debug)]
pub struct DescentStrings {
    /// Before the three buttons.
    pub choose: &'static str,
    /// The buttons, in the order of `Regime::ALL`: short, close, past.
    pub buttons: [&'static str; 3],
    /// ∂E/∂p = 0: nothing to choose.
    pub flat: &'static str,
    /// No minimum of E within reach of η up to `{max}`.
    pub no_minimum: &'static str,
    /// `{what}` needs η of `{lr}` or more, above `{max}`.
    pub needs_lr: &'static str,
    /// Before the minimum's value.
    pub minimum: &'static str,
    /// Before the share of the way one step covers.
    pub progress: &'static str,
    /// After it: where the step lands, in the order of `Regime::ALL`.
    pub verdicts: [&'static str; 3],
    /// After it, between short and close.
    pub between: &'static str,
}

/// The descent step's strings in `lang`.
pub fn descent(lang: Lang) -> &'static DescentStrings {
    match lang {
        Lang::Ko => &KO,
        Lang::En => &EN,
    }
}

static KO: DescentStrings = DescentStrings {
    choose: "이 곡선에 맞춰 고른 학습률:",
    buttons: ["최소점에 못 미치는 걸음", "최소점 가까이 가는 걸음", "최소점을 지나치는 걸음"],
    flat: "여기서는 ∂E/∂{p} = 0이라 어떤 학습률로도 {p}가 움직이지 않습니다.",
    no_minimum: "갱신 방향으로 {p}를 옮기면 E가 계속 줄어들어, η를 {max}까지 키운 한 걸음이 닿는 곳을 조금 지나서도 최소점이 나오지 않습니다. 다른 매개변수를 골라 보세요.",
    needs_lr: "{what}을 만들려면 η가 {lr} 이상이어야 하지만, 학습률은 {max}까지만 고를 수 있습니다.",
    minimum: "갱신 방향의 최소점:",
    progress: "최소점까지 이 한 걸음이 가는 비율 (1이면 정확히 닿음):",
    verdicts: [
        "이 걸음은 반도 못 가서 멈춥니다.",
        "이 걸음은 최소점 가까이 닿습니다. 최소점과의 거리가 처음 거리의 5분의 1 이내입니다.",
        "이 걸음은 최소점을 지나쳐 반대편에 닿습니다.",
    ],
    between: "이 걸음은 반 넘게 가지만 아직 최소점 가까이는 아닙니다.",
};

static EN: DescentStrings = DescentStrings {
    choose: "Learning rates chosen for this curve:",
    buttons: ["short of the minimum", "close to the minimum", "past the minimum"],
    flat: "Here ∂E/∂{p} = 0: no learning rate moves {p}.",
    no_minimum: "Along {p}, E keeps falling as far as a step with η up to {max} reaches, and a little beyond: there is no lowest point within reach. Try another parameter.",
    needs_lr: "A step {what} would need η of {lr} or more; the learning rate stops at {max}.",
    minimum: "lowest point ahead:",
    progress: "share of the way one step covers (1 = lands on it):",
    verdicts: [
        "This step stops short, less than half way.",
        "This step lands close, within a fifth of the way.",
        "This step goes past the lowest point, to its far side.",
    ],
    between: "This step goes more than half way, but not yet close.",
};
