//! The network's refusals in words (a state it cannot compute, a training step it would not take), in both languages.

use super::particle::Particle;
use super::Lang;
use crate::net::NetError;
use crate::print::short;

/// A value that is not finite, in words: ±∞, or "undefined" for NaN (never "NaN" or "inf").
pub fn not_finite(lang: Lang, value: f64) -> String {
    match (value.is_nan(), value > 0.0, lang) {
        (true, _, Lang::Ko) => "정의되지 않은 값".to_owned(),
        (true, _, Lang::En) => "undefined (not a number)".to_owned(),
        (false, true, _) => "+∞".to_owned(),
        (false, false, _) => "−∞".to_owned(),
    }
}

/// `e` as the learner reads it in `lang`.
pub fn message(lang: Lang, e: &NetError) -> String {
    match (e, lang) {
        (NetError::NonFinite { name, value }, Lang::Ko) => {
            format!("{name}에는 유한한 수만 쓸 수 있는데, 지금은 {}입니다.", not_finite(lang, *value))
        }
        (NetError::NonFinite { name, value }, Lang::En) => {
            format!("{name} must be a finite number, but it is {}.", not_finite(lang, *value))
        }
        (NetError::Overflow { node, value }, Lang::Ko) => format!(
            "순전파 도중 {} {} 되어 더는 계산할 수 없습니다.",
            Particle::I.attach(node),
            Particle::I.attach(&not_finite(lang, *value))
        ),
        (NetError::Overflow { node, value }, Lang::En) => format!(
            "The forward pass cannot go on: {node} became {}.",
            not_finite(lang, *value)
        ),
        (NetError::Diverged { step, name, value }, Lang::Ko) => format!(
            "{step}번째 걸음에서 {} {} 되어 학습이 발산했습니다. 그 걸음은 적용하지 않았으므로, 지금 보이는 값은 바로 앞 걸음의 값입니다.",
            Particle::I.attach(name),
            Particle::I.attach(&not_finite(lang, *value))
        ),
        (NetError::Diverged { step, name, value }, Lang::En) => format!(
            "Training diverged at step {step}: {name} became {}. That step was not taken; the last finite state is kept.",
            not_finite(lang, *value)
        ),
        (NetError::OutOfRange { step, name, value }, Lang::Ko) => format!(
            "{step}번째 걸음을 적용하면 {} {} 되어 {RANGE_KO} 그 걸음은 적용하지 않았습니다. {SMALLER_KO}",
            Particle::I.attach(name),
            Particle::I.attach(&beyond(*value))
        ),
        (NetError::OutOfRange { step, name, value }, Lang::En) => format!(
            "Step {step} would take {name} to {}, {RANGE_EN} so that step was not taken. {SMALLER_EN}",
            beyond(*value)
        ),
    }
}

/// Why "apply" on the update step does not take the update `e` refused, in `lang`.
pub fn update_refused(lang: Lang, e: &NetError) -> String {
    match (e, lang) {
        (NetError::OutOfRange { name, value, .. }, Lang::Ko) => format!(
            "이 갱신을 적용하면 {} {} 되어 {RANGE_KO} 적용하지 않습니다. {SMALLER_KO}",
            Particle::I.attach(name),
            Particle::I.attach(&beyond(*value))
        ),
        (NetError::OutOfRange { name, value, .. }, Lang::En) => format!(
            "This update would take {name} to {}, {RANGE_EN} so it is not applied. {SMALLER_EN}",
            beyond(*value)
        ),
        (other, _) => message(lang, other),
    }
}

/// A value beyond the accepted range written as the range beside it is (`−5354685`: whole units,
/// never an exponent beside "1000000"), with its fraction only where rounding would print the
/// bound itself; beyond 10^15 [`short`]'s exponent form.
pub fn beyond(v: f64) -> String {
    if !(v.is_finite() && v.abs() < 1e15) {
        return short(v);
    }
    let text = if v.abs().round() > crate::value::MAX_ABS {
        format!("{v:.0}")
    } else {
        format!("{v}")
    };
    text.replace('-', "−")
}

/// The accepted range and why it matters (`value::MAX_ABS`: a link carries only values in it).
const RANGE_KO: &str =
    "이 실습에서 다룰 수 있는 범위(−1000000에서 1000000 사이)를 벗어납니다. 링크에 담을 수 없는 값이므로";
const RANGE_EN: &str = "beyond ±1000000, the largest value the lab accepts (a link could not carry it),";
const SMALLER_KO: &str = "학습률 η를 충분히 줄이면 모든 매개변수가 범위 안에 머뭅니다.";
const SMALLER_EN: &str = "A smaller learning rate η keeps every parameter in range.";
