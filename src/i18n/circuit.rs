//! The circuit steps' words tying each rule back to the 2-2-2 network, in Korean and English.

use super::Lang;

/// What one circuit step says about where its rule acts in the network, and its link there.
#[derive(Debug)]
pub struct TieText {
    pub body: &'static str,
    pub link: &'static str,
}

/// The heading, then the add, multiply and worked-graph steps' texts.
#[derive(Debug)]
pub struct CircuitStrings {
    pub heading: &'static str,
    pub add: TieText,
    pub mul: TieText,
    pub fan_out: TieText,
}

/// The circuit steps' strings in `lang`.
pub fn circuit(lang: Lang) -> &'static CircuitStrings {
    match lang {
        Lang::Ko => &KO,
        Lang::En => &EN,
    }
}

static KO: CircuitStrings = CircuitStrings {
    heading: "2-2-2 신경망에서는",
    add: TieText {
        body: "신경망의 마지막 노드 E = Error1 + Error2가 덧셈 노드입니다. 그래서 오차가 얼마이든 ∂E/∂Error1 = ∂E/∂Error2 = 1이고, 출력마다 자기 오차에서 연쇄법칙을 시작합니다.",
        link: "오차 단계에서 보기 →",
    },
    mul: TieText {
        body: "y1 안의 w21·H1 항이 곱셈 노드입니다. 맞바꿈 규칙에 따라 ∂y1/∂w21 = H1은 w21에 대한 연쇄법칙의 마지막 인수가 되고, ∂y1/∂H1 = w21은 w11의 경로에서 오차를 H1 쪽으로 넘깁니다.",
        link: "w21의 연쇄법칙 단계로 →",
    },
    fan_out: TieText {
        body: "이 예제들에서는 값마다 한 번씩만 쓰입니다. 신경망에서는 H1이 y1과 y2에 쓰이므로, H1을 쓰는 두 노드가 각각 H1로 기여분(들어오는 기울기 × 국소 미분)을 돌려보내고, H1에서 그 기여분들을 더합니다. 이 합에서 w11의 두 경로가 만납니다.",
        link: "역전파의 H1 단계로 →",
    },
};

static EN: CircuitStrings = CircuitStrings {
    heading: "In the 2-2-2 network",
    add: TieText {
        body: "The network ends in an add node, E = Error1 + Error2: ∂E/∂Error1 = ∂E/∂Error2 = 1 whatever the errors are, so each output's chain rule starts from its own error.",
        link: "See it on the error step →",
    },
    mul: TieText {
        body: "Inside y1, the term w21·H1 is a multiply node. Its swap gives ∂y1/∂w21 = H1, the last factor of w21's chain, and ∂y1/∂H1 = w21, which carries the error back to H1 on w11's path.",
        link: "See w21's chain rule →",
    },
    fan_out: TieText {
        body: "Here every value is used once. In the network H1 is used twice, by y1 and by y2: each use sends H1 a share (incoming gradient × local derivative), and the shares add up. This sum is where w11's two paths meet.",
        link: "See H1's stop in the backward sweep →",
    },
};
