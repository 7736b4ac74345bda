//! Expression errors in words: English from the parser's own messages, Korean written here.

use super::particle;
use super::Lang;
use crate::expr::{Error, ErrorKind};

/// The message for `e` in `lang`, with the position (1-based characters) in the text.
pub fn message(lang: Lang, e: &Error, source: &str) -> String {
    let at = source.get(..e.span.start).map_or(0, |s| s.chars().count()) + 1;
    match lang {
        Lang::En => e.to_string(),
        Lang::Ko => format!("{} ({}번째 글자)", korean(&e.kind), at),
    }
}

fn korean(kind: &ErrorKind) -> String {
    use ErrorKind::*;
    match kind {
        Empty => "식이 비어 있습니다.".into(),
        TooLong { limit } => format!("식이 너무 깁니다. {limit}자까지 쓸 수 있습니다."),
        TooDeep { limit } => format!("괄호나 함수가 너무 깊게 겹쳐 있습니다. {limit}단계까지 가능합니다."),
        UnexpectedChar(c) => format!("‘{c}’ 글자는 식에 쓸 수 없습니다."),
        NameTooLong { limit } => format!("이름이 너무 깁니다. {limit}자까지 가능합니다."),
        NumberOutOfRange => "수가 너무 크거나 너무 작아 다룰 수 없습니다.".into(),
        UnexpectedEnd => "식이 중간에 끝났습니다. 뒤에 값이 더 필요합니다.".into(),
        ExpectedOperand => "여기에 값이 와야 하는데 ‘)’가 왔습니다.".into(),
        StrayOperator(c) => format!("‘{c}’ 앞에 값이 없습니다."),
        MissingOperator => "두 값 사이에 연산자가 없습니다 (예: 2*x).".into(),
        UnclosedParen => "이 ‘(’를 닫는 ‘)’가 없습니다.".into(),
        UnmatchedParen => "짝이 되는 ‘(’가 없는 ‘)’입니다.".into(),
        EmptyParens => "괄호 안이 비어 있습니다.".into(),
        UnknownFunction(name) => {
            // The copula: 'foo'라는 after a vowel, 'sin'이라는 after a consonant (ㄹ included).
            let copula = if particle::ending(name) == Some(particle::Ending::Vowel) {
                "라는"
            } else {
                "이라는"
            };
            format!("‘{name}’{copula} 함수는 없습니다. sigmoid, tanh, relu, exp, log를 쓸 수 있습니다.")
        }
        MissingArgument(f) => format!("{0} 뒤에는 괄호 안의 값이 와야 합니다: {0}(…).", f.name()),
        UnknownVariable(name) => format!("변수 ‘{name}’에 값이 주어지지 않았습니다."),
        DivisionByZero => "0으로 나누게 됩니다.".into(),
        LogOfNonPositive(v) => format!("log는 양수에만 정의됩니다 (여기서는 {v})."),
        NegativeBase { base, exponent } => format!("음수 {base}의 {exponent} 제곱은 실수가 아닙니다."),
        PowBaseNotPositive(v) => {
            format!("지수가 식인 거듭제곱 a^b는 exp(b·log a)로 계산하므로 a > 0이어야 합니다 (여기서는 {v}).")
        }
        NotFinite => "식을 계산하다가 값이 무한대가 되거나 정의되지 않아 결과를 낼 수 없습니다.".into(),
    }
}
