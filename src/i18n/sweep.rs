//! The backward sweep's texts in both languages: one text per kind of stop, and the captions of its shares and sum.
//!
//! Placeholders, filled in by the UI: `{k}` the node's number (1 or 2), `{node}` its name, `{c}`
//! a node that reads it, `{a}` and `{b}` the weights from H{k} to y1 and to y2, `{w}` the first
//! weight into h{k} (w11 for H1), `{below}` and `{params}` lists of parameter names. A Korean
//! particle right after `{k}` (Y{k}를) is fitted to the digit by `particle::fill`; after the other
//! names the sentences put none that depends on their sound.

use super::particle::fill;
use super::{Lang, Text};
use crate::lesson::{Stop, StopKind};

/// The sweep's strings of one language.
#[derive(Debug)]
pub struct Sweep {
    /// At Error1 or Error2: E is a sum, the add rule.
    pub error: Text,
    /// At Y1 or Y2: the derivative of ½(t − Y)², minus sign included.
    pub output: Text,
    /// At y1 or y2: times σ′, which makes δ of y.
    pub output_sum: Text,
    /// At H1 or H2: two shares, one from each output, added.
    pub hidden: Text,
    /// At h1 or h2: δ of h.
    pub hidden_sum: Text,
    /// Above one reader's local derivative and share; `{c}`.
    pub share_from: &'static str,
    /// Above the sum of two or more shares; `{node}`.
    pub sum_many: &'static str,
    /// Above the one share that is the whole gradient; `{node}`.
    pub sum_one: &'static str,
    /// Above ∂E/∂E = 1 at the first stop.
    pub start: &'static str,
    /// The diagram's text alternative: one share along its lit edge; `{c}`, `{node}`, `{up}`,
    /// `{local}`, `{share}`.
    pub alt_share: &'static str,
    /// The diagram's text alternative at the last stop, before the twelve gradients.
    pub alt_params: &'static str,
}

const KO: Sweep = Sweep {
    error: Text {
        title: "역전파: Error{k}, 기울기를 그대로 넘기는 덧셈",
        body: "E = Error1 + Error2에서 E는 덧셈 노드입니다. 덧셈 노드가 각 항에 기울기를 어떻게 넘기는지는 덧셈 노드의 규칙이 알려 줍니다(뒤의 ‘덧셈 노드의 역전파’ 단계에서 자세히 다룹니다). E에서 출발한 기울기 ∂E/∂E에 이 규칙을 적용해 Error{k}로 오는 기여분을 구해 보세요. Error{k}를 쓰는 노드는 E 하나뿐이라서 이 기여분 하나가 곧 ∂E/∂Error{k}입니다.",
    },
    output: Text {
        title: "역전파: Y{k}, 오차를 예측값으로 미분하기",
        body: "Error{k} = ½(t{k} − Y{k})²에서 출발합니다. 제곱을 미분하면 2가 앞으로 내려와 ½과 약분되고, 괄호 안(t{k} − Y{k})을 Y{k}에 대해 미분하면 −1이 곱해집니다(연쇄법칙). 그래서 ∂Error{k}/∂Y{k} = ½·2·(t{k} − Y{k})·(−1) = Y{k} − t{k}입니다. 이 마이너스 부호 때문에 예측값이 목푯값보다 크면 기울기가 양수, 작으면 음수가 됩니다. Y{k}를 쓰는 노드는 Error{k}뿐이므로 이 기여분이 그대로 ∂E/∂Y{k}입니다.",
    },
    output_sum: Text {
        title: "역전파: y{k}, 출력층 노드의 δ",
        body: "Y{k} = σ(y{k})이므로 국소 미분은 활성화 함수 σ의 도함수 σ′(y{k}) = Y{k}(1 − Y{k})입니다. 순전파에서 이미 구한 Y{k} 값만 있으면 계산할 수 있습니다. ∂E/∂Y{k}에 이 값을 곱한 것이 ∂E/∂y{k}이고, 이것을 y{k}의 δ라 하여 δ_y{k}로 적습니다. y{k}에 들어가는 매개변수 {params}의 기울기는 모두 이 δ에서 나옵니다.",
    },
    hidden: Text {
        title: "역전파: H{k}, 두 출력에서 온 기여분이 만나는 곳",
        body: "H{k}는 y1(가중치 {a})과 y2(가중치 {b}) 두 곳에서 쓰입니다. 그래서 기여분도 두 개가 돌아옵니다. 각 기여분은 그 출력의 δ에 간선의 가중치를 곱한 값입니다. 곱셈 노드의 규칙에 따라 ∂y1/∂H{k} = {a}이기 때문입니다(뒤의 ‘곱셈 노드의 역전파’ 단계에서 자세히 다룹니다). 두 기여분을 더한 것이 ∂E/∂H{k}입니다. {w}의 두 경로, 곧 Error1에서 오는 경로와 Error2에서 오는 경로가 만나는 곳이 바로 여기입니다. 손으로 풀 때는 두 경로를 각각 끝까지 곱한 다음 더했지만, 엔진은 여기서 한 번 더해 두고 그 합 하나만 입력 쪽으로 넘깁니다. {below}의 기울기가 모두 이 합을 함께 씁니다.",
    },
    hidden_sum: Text {
        title: "역전파: h{k}, 은닉층 노드의 δ",
        body: "H{k} = σ(h{k})이므로 국소 미분은 σ′(h{k}) = H{k}(1 − H{k})입니다. ∂E/∂H{k}에 이 값을 곱한 것이 h{k}의 δ, 곧 δ_h{k} = ∂E/∂H{k} · H{k}(1 − H{k})입니다. h{k}에 들어가는 매개변수 {params}의 기울기는 이 δ_h{k}에 각 매개변수에 곱해지는 입력(편향이면 1)을 곱하면 바로 나옵니다.",
    },
    share_from: "{c}에서 오는 기여분",
    sum_many: "기여분을 모두 더한 값: ∂E/∂{node}",
    sum_one: "기여분이 하나뿐이므로 그대로 ∂E/∂{node}",
    start: "출발점: E를 E 자신으로 미분한 값",
    alt_share: "{c}에서 {node}로 돌아오는 기여분(간선 {c} → {node}): ∂E/∂{c} · ∂{c}/∂{node} = {up} · {local} = {share}.",
    alt_params: "매개변수마다 기울기는 그 매개변수가 들어가는 노드의 δ에 입력(편향이면 1)을 곱한 값입니다:",
};

const EN: Sweep = Sweep {
    error: Text {
        title: "Backward pass at Error{k}: a sum passes the gradient on unchanged",
        body: "E = Error1 + Error2 is an add node, and the add rule (shown in full on the later step \"Backward through an add node\") says how an add node passes a gradient on to each of its terms. Apply it to the gradient ∂E/∂E that starts at E to find what reaches Error{k}. E is the only node that reads Error{k}, so this one share is all of ∂E/∂Error{k}.",
    },
    output: Text {
        title: "Backward pass at Y{k}: the error's slope",
        body: "Start from Error{k} = ½(t{k} − Y{k})². Differentiating the square brings down a 2 that cancels the ½, and the inside, t{k} − Y{k}, has derivative −1 with respect to Y{k} (the chain rule). So ∂Error{k}/∂Y{k} = ½·2·(t{k} − Y{k})·(−1) = Y{k} − t{k}. Because of that minus sign the slope is positive when the prediction is above its target and negative when it is below. Only Error{k} reads Y{k}, so this share is all of ∂E/∂Y{k}.",
    },
    output_sum: Text {
        title: "Backward pass at y{k}: the output's δ",
        body: "Y{k} = σ(y{k}), so the local derivative is the slope of the activation function, σ′(y{k}) = Y{k}(1 − Y{k}): the value Y{k} from the forward pass is all it needs. ∂E/∂Y{k} times this is ∂E/∂y{k}, called the δ of y{k} and written δ_y{k}. The gradients of {params}, the parameters that feed y{k}, all come from this δ.",
    },
    hidden: Text {
        title: "Backward pass at H{k}: two shares meet",
        body: "H{k} is read twice: by y1 through the weight {a} and by y2 through {b}. So two shares arrive, each an output's δ times the weight on its edge (the multiply rule, ∂y1/∂H{k} = {a}, shown in full on the later step \"Backward through a multiply node\"), and ∂E/∂H{k} is their sum. This is where the two paths of {w} meet, the one from Error1 and the one from Error2. By hand, each path was multiplied out in full and the two added at the end; the engine adds them here, once, and passes that single sum further down, where the gradients of {below} all share it.",
    },
    hidden_sum: Text {
        title: "Backward pass at h{k}: the hidden node's δ",
        body: "H{k} = σ(h{k}), so the local derivative is σ′(h{k}) = H{k}(1 − H{k}). ∂E/∂H{k} times this is the δ of h{k}: δ_h{k} = ∂E/∂H{k} · H{k}(1 − H{k}). The gradients of {params}, the parameters that feed h{k}, are this δ_h{k} times the input each one multiplies.",
    },
    share_from: "Share passed back by {c}",
    sum_many: "All shares added: ∂E/∂{node}",
    sum_one: "Only one share, so it is ∂E/∂{node}",
    start: "Where it starts: E differentiated with respect to itself",
    alt_share: "The share {c} passes back to {node} (edge {c} → {node}): ∂E/∂{c} · ∂{c}/∂{node} = {up} · {local} = {share}.",
    alt_params: "Each parameter's gradient is the δ of the node it feeds times its input (1 for a bias):",
};

/// The sweep's strings in `lang`.
pub fn sweep(lang: Lang) -> &'static Sweep {
    match lang {
        Lang::Ko => &KO,
        Lang::En => &EN,
    }
}

/// The stop in words for the diagram's text alternative: each share along its edge with its
/// numbers, then their sum, or at the last stop every parameter's gradient as δ times input.
/// `num(id, v)` writes the number `v` shown under the page id `id` (`?` where practice hides it).
pub fn stop_words(lang: Lang, stop: &Stop, num: &dyn Fn(&str, f64) -> String) -> Vec<String> {
    let t = sweep(lang);
    let Some(node) = stop.node else {
        let grads = stop.params.iter().map(|g| {
            let input = g.input.unwrap_or("1");
            let (p, y) = (g.param.name(), g.node);
            let (delta, local) = (num(&format!("upstream-{y}"), g.delta), num("", g.local));
            let grad = num(&format!("grad-{p}"), g.grad);
            format!("∂E/∂{p} = δ_{y} · {input} = {delta} · {local} = {grad}")
        });
        return vec![format!("{} {}.", t.alt_params, grads.collect::<Vec<_>>().join("; "))];
    };
    let mut words: Vec<String> = stop
        .shares
        .iter()
        .map(|s| {
            let c = s.consumer;
            fill(t.alt_share, "{node}", node)
                .replace("{c}", c)
                .replace("{up}", &num(&format!("upstream-{c}"), s.upstream))
                .replace("{local}", &num(&format!("local-{c}"), s.local))
                .replace("{share}", &num(&format!("share-{c}"), s.share))
        })
        .collect();
    let caption = match (stop.kind, stop.shares.len()) {
        (StopKind::Total, _) => t.start.to_owned(),
        (_, 1) => t.sum_one.replace("{node}", node),
        _ => t.sum_many.replace("{node}", node),
    };
    let sum = num(&format!("sweep-{node}"), stop.grad);
    let sum = match stop.kind {
        StopKind::Total => format!("{caption}: ∂E/∂E = {sum}."),
        _ => format!("{caption} = {sum}."),
    };
    words.push(sum);
    words
}
