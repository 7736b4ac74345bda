//! Korean particles after a name filled in at run time, chosen by the name's last sound as read aloud.
//!
//! Symbols are read the way a Korean classroom reads them: digits one by one in Sino-Korean
//! (w21 "더블유 이일", so it ends in 일), Latin letters by their Korean names (E 이, H 에이치,
//! x 엑스, l 엘, r 알), Greek letters by theirs (σ 시그마, η 에타, δ 델타). Only the last sound
//! matters: a vowel, a final ㄹ, or another final consonant.

/// How a word ends when read aloud.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// No final consonant: 이 (E, 2), 에이치 (H), 더블유 (w).
    Vowel,
    /// A final ㄹ: 일 (1), 칠 (7), 팔 (8), 엘 (l), 알 (r). Takes 로, as a vowel does.
    Rieul,
    /// Any other final consonant: 영 (0), 삼 (3), 육 (6), 엠 (m), 엔 (n).
    Consonant,
}

/// How the last sounding character of `text` ends; `None` when it is not one we can read
/// (closing brackets, quotes and spaces after it are skipped).
pub fn ending(text: &str) -> Option<Ending> {
    let c = text
        .chars()
        .rev()
        .find(|c| !c.is_whitespace() && !")]}\"'’”.,".contains(*c))?;
    Some(match c {
        '가'..='힣' => match (c as u32 - '가' as u32) % 28 {
            0 => Ending::Vowel,
            8 => Ending::Rieul,
            _ => Ending::Consonant,
        },
        // 영 삼 육 / 일 칠 팔 / 이 사 오 구; subscript digits are read the same.
        '0' | '3' | '6' | '₀' | '₃' | '₆' => Ending::Consonant,
        '1' | '7' | '8' | '₁' | '₇' | '₈' => Ending::Rieul,
        '2' | '4' | '5' | '9' | '₂' | '₄' | '₅' | '₉' => Ending::Vowel,
        // 엘 알 / 엠 엔; every other letter's Korean name ends in a vowel (에이, 비, 씨, ..., 더블유, 엑스, 와이, 지).
        'l' | 'L' | 'r' | 'R' => Ending::Rieul,
        'm' | 'M' | 'n' | 'N' => Ending::Consonant,
        'a'..='z' | 'A'..='Z' => Ending::Vowel,
        // 엡실론; 프라임 (σ′)
        'ε' | '′' => Ending::Consonant,
        // 시그마, 에타, 델타, 알파, 베타, 세타, 람다, 파이, 무한대, 퍼센트
        'σ' | 'η' | 'δ' | 'Δ' | 'α' | 'β' | 'θ' | 'λ' | 'π' | '∞' | '%' => Ending::Vowel,
        _ => return None,
    })
}

/// A particle whose form depends on the sound before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Particle {
    /// 을/를 (object)
    Eul,
    /// 은/는 (topic)
    Eun,
    /// 이/가 (subject)
    I,
    /// 으로/로 (means, direction); ㄹ takes 로
    Euro,
    /// 과/와 (and, with)
    Gwa,
}

impl Particle {
    /// The forms after a final consonant and after a vowel, in that order.
    fn forms(self) -> (&'static str, &'static str) {
        match self {
            Particle::Eul => ("을", "를"),
            Particle::Eun => ("은", "는"),
            Particle::I => ("이", "가"),
            Particle::Euro => ("으로", "로"),
            Particle::Gwa => ("과", "와"),
        }
    }

    /// The form that follows `name`; both forms ("을(를)") when its ending cannot be read.
    pub fn after(self, name: &str) -> &'static str {
        let (consonant, vowel) = self.forms();
        match (ending(name), self) {
            (Some(Ending::Consonant), _)
            | (Some(Ending::Rieul), Particle::Eul | Particle::Eun | Particle::I | Particle::Gwa) => consonant,
            (Some(_), _) => vowel,
            (None, Particle::Eul) => "을(를)",
            (None, Particle::Eun) => "은(는)",
            (None, Particle::I) => "이(가)",
            (None, Particle::Euro) => "(으)로",
            (None, Particle::Gwa) => "과(와)",
        }
    }

    /// `name` followed by the right form.
    pub fn attach(self, name: &str) -> String {
        format!("{name}{}", self.after(name))
    }
}

/// The particle written right after a placeholder in a template, and how many bytes it takes.
/// A lone 이 counts only when no syllable follows it (이다, 이고 are the copula, not a particle).
fn particle_at(rest: &str) -> Option<(Particle, usize)> {
    const FORMS: [(&str, Particle); 10] = [
        ("으로", Particle::Euro),
        ("로", Particle::Euro),
        ("을", Particle::Eul),
        ("를", Particle::Eul),
        ("은", Particle::Eun),
        ("는", Particle::Eun),
        ("가", Particle::I),
        ("이", Particle::I),
        ("과", Particle::Gwa),
        ("와", Particle::Gwa),
    ];
    let (form, particle) = FORMS.into_iter().find(|(f, _)| rest.starts_with(f))?;
    if form == "이" && rest[form.len()..].starts_with(|c: char| ('가'..='힣').contains(&c)) {
        return None;
    }
    Some((particle, form.len()))
}

/// `template` with every `key` replaced by `name`; a particle written straight after `key` (either
/// form: "{p}를", "{p}을") becomes the form that fits `name`. Other text is left as it is.
pub fn fill(template: &str, key: &str, name: &str) -> String {
    if key.is_empty() {
        return template.to_owned();
    }
    let mut out = String::with_capacity(template.len() + name.len());
    let mut rest = template;
    while let Some(at) = rest.find(key) {
        out.push_str(&rest[..at]);
        out.push_str(name);
        rest = &rest[at + key.len()..];
        if let Some((particle, len)) = particle_at(rest) {
            out.push_str(particle.after(name));
            rest = &rest[len..];
        }
    }
    out.push_str(rest);
    out
}
