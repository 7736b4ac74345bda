//! The network's refusals in words (a state it cannot compute, a training step it would not take), in both languages.

use super::particle::Particle;
use super::Lang;
use crate::net::NetError;

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
    }
}
