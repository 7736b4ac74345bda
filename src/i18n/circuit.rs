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
        body: "신경망의 마지막 노드가 덧셈 노드입니다: E = Error1 + Error2. 역전파는 ∂E/∂E = 1에서 시작하고, 덧셈 노드는 이 1을 두 오차에 그대로 넘깁니다. 그래서 두 오차의 값이 얼마이든 ∂E/∂Error1 = ∂E/∂Error2 = 1이고, 출력마다 자기 오차에서 연쇄법칙을 시작하면 됩니다. 지금 신경망의 값:",
        link: "오차 단계에서 보기 →",
    },
    mul: TieText {
        body: "y1 = w21·H1 + w23·H2 + b3 안의 w21·H1 항이 곱셈 노드입니다. 맞바꿈 규칙이 연쇄법칙에 쓰이는 두 인수를 줍니다: ∂y1/∂w21 = H1은 w21의 연쇄법칙의 마지막 인수이고, ∂y1/∂H1 = w21은 오차를 H1 쪽으로 넘기는 인수로 w11의 경로에 쓰입니다. y1에 들어온 기울기 ∂E/∂y1에 H1을 곱하면 w21의 기울기가 됩니다. 지금 신경망의 값:",
        link: "w21의 연쇄법칙 단계로 →",
    },
    fan_out: TieText {
        body: "이 예제들에서는 값마다 한 곳에만 쓰여서 기울기가 간선 하나로만 돌아옵니다. 신경망에서는 은닉층의 H1이 y1과 y2 두 곳에 쓰입니다. 역전파에서는 쓰인 곳마다 H1에 제 몫(들어온 기울기 × 국소 미분)을 보내고, 그 몫들을 더합니다. 노드 단계의 +=가 바로 이 덧셈이고, 이 합에서 w11의 두 경로가 만납니다. 지금 신경망의 값:",
        link: "역전파의 H1 단계로 →",
    },
};

static EN: CircuitStrings = CircuitStrings {
    heading: "In the 2-2-2 network",
    add: TieText {
        body: "The network ends in an add node: E = Error1 + Error2. The backward pass starts from ∂E/∂E = 1, and the add node hands that 1 unchanged to both errors. So ∂E/∂Error1 = ∂E/∂Error2 = 1 whatever the errors are, and each output's chain rule can start from its own error. With the network's current numbers:",
        link: "See it on the error step →",
    },
    mul: TieText {
        body: "Inside y1 = w21·H1 + w23·H2 + b3, the term w21·H1 is a multiply node. Its swap gives the two factors the chain rule uses there: ∂y1/∂w21 = H1 is the last factor of w21's chain, and ∂y1/∂H1 = w21 carries the error back to H1, on w11's path. The gradient arriving at y1, ∂E/∂y1, times H1 is w21's gradient. With the network's current numbers:",
        link: "See w21's chain rule →",
    },
    fan_out: TieText {
        body: "In these examples every value is used once, so its gradient comes back along one edge. In the network, the hidden H1 is used twice, by y1 and by y2. Backward, each use sends H1 its own share (incoming gradient × local derivative), and the shares add up: that is the += of the node steps, and this sum is where w11's two paths meet. With the network's current numbers:",
        link: "See H1's stop in the backward sweep →",
    },
};
