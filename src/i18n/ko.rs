//! The Korean strings (the default language).

use super::{Strings, Text};

pub const STRINGS: Strings = Strings {
    tagline: "2-2-2 신경망으로 한 단계씩 보는 역전파",
    next: "다음",
    prev: "이전",
    progress: "{n} / {total} 단계",
    language: "언어",
    diagram_label: "2-2-2 신경망 그림",
    click_hint: "그림에서 가중치나 편향을 누르면 그 매개변수의 연쇄법칙을 볼 수 있습니다.",
    parameters: "매개변수",
    learning_rate: "학습률",
    values: "값",
    inputs: Text {
        title: "입력값 x1, x2",
        body: "입력값 x1, x2가 신경망에 들어옵니다. 아직 아무것도 계산하지 않았고, 이 두 수와 12개의 매개변수(가중치 8개, 편향 4개)가 이후의 모든 값을 정합니다.",
    },
    hidden_sum: Text {
        title: "은닉층의 가중합 h",
        body: "은닉 노드마다 입력에 가중치를 곱해 더하고 편향을 더합니다: h1 = w11·x1 + w13·x2 + b1, h2 = w12·x1 + w14·x2 + b2. 소문자는 활성화 전의 가중합입니다.",
    },
    hidden_out: Text {
        title: "은닉층의 활성화 H",
        body: "가중합에 시그모이드 s(z) = 1 / (1 + e^(−z))를 적용합니다: H1 = s(h1), H2 = s(h2). 대문자는 활성화를 거친 출력이며, 0과 1 사이의 값이 됩니다.",
    },
    output_sum: Text {
        title: "출력층의 가중합 y",
        body: "은닉층의 출력 H1, H2가 다음 층의 입력이 됩니다: y1 = w21·H1 + w23·H2 + b3, y2 = w22·H1 + w24·H2 + b4.",
    },
    output_out: Text {
        title: "출력층의 활성화 Y",
        body: "다시 시그모이드를 적용해 예측값 Y1 = s(y1), Y2 = s(y2)를 얻습니다. 여기까지가 순전파입니다.",
    },
    error: Text {
        title: "오차 Error1, Error2, E",
        body: "예측값을 목표값 t와 비교합니다: Error_k = ½(t_k − Y_k)². 전체 오차 E = Error1 + Error2를 줄이는 것이 학습의 목표입니다. ½은 미분할 때 지수 2와 상쇄되도록 붙입니다.",
    },
    backward_start: Text {
        title: "역전파 시작: E에서 거꾸로",
        body: "역전파는 출력 쪽에서 입력 쪽으로 거슬러 갑니다. 출발점에서 ∂E/∂E = 1이고, 노드를 하나 지날 때마다 그 노드의 국소 미분을 곱해 뒤로 넘깁니다. 다음을 누르면 자동미분 엔진이 방문하는 순서대로 한 노드씩 나아갑니다.",
    },
    backward_node: Text {
        title: "역전파: {node}에 도착",
        body: "{node}에 도착한 상류 기울기 ∂E/∂{node}는 {node}를 읽는 모든 노드에서 온 몫을 이미 다 더한 값입니다. 엔진은 이 값에 {node}의 국소 미분을 곱해 {node}의 입력 쪽으로 넘깁니다.",
    },
    backward_params: Text {
        title: "역전파 끝: 모든 매개변수의 기울기",
        body: "한 번의 역방향 순회로 12개 매개변수의 ∂E/∂p가 모두 나왔습니다. 매개변수마다 따로 미분할 필요가 없다는 것이 역전파의 핵심입니다. 가중치나 편향을 누르면 그 값이 어떤 경로들의 곱의 합인지 볼 수 있습니다.",
    },
    grad: Text {
        title: "연쇄법칙: ∂E/∂{p}",
        body: "E는 {p}에 직접 의존하지 않으므로 중간 노드를 하나씩 거쳐 미분합니다. 각 경로의 인수를 곱한 것이 그 경로의 몫이고, 경로가 여러 개면 몫을 모두 더합니다.",
    },
    grad_w21: "w21은 y1에만 들어가므로 E까지 가는 길은 Error1 → Y1 → y1 → w21 하나뿐입니다. 인수는 ∂Error1/∂Y1 = Y1 − t1, ∂Y1/∂y1 = Y1(1 − Y1), ∂y1/∂w21 = H1 세 개입니다.",
    grad_w11: "w11은 h1을 거쳐 H1에 영향을 주고, H1은 y1과 y2 양쪽에 들어갑니다. 그래서 Error1에서 오는 길과 Error2에서 오는 길 두 개가 있고, 두 경로는 H1 → h1 → w11 부분을 함께 씁니다. ∂E/∂w11 = ∂Error1/∂w11 + ∂Error2/∂w11.",
    slip_note: "원문 노트의 주의점: 노트는 w11의 식 안에 ∂y1/∂w21 · ∂w21/∂H1을 적었지만, 올바른 인수는 ∂y1/∂H1 = w21입니다(Error2 쪽은 ∂y2/∂H1 = w22). w21과 w11의 식이 실제로 공유하는 것은 출력 쪽 두 인수 ∂Error1/∂Y1 · ∂Y1/∂y1뿐입니다. 또 갱신식의 합은 ∂Error1/∂w11 + ∂Error2/∂w11입니다.",
    path: "경로",
    product: "곱",
    path_sum: "경로들의 합",
    autograd_says: "역방향 자동미분의 ∂E/∂{p}",
    upstream: "상류 기울기",
    gradients: "기울기 ∂E/∂p",
    no_path: "이 매개변수에서 오차까지 가는 경로가 없습니다.",
    bad_state: "이 값으로는 계산할 수 없습니다: {what}",
    sigmoid_caption: "시그모이드 곡선 위의 현재 점과 접선. 접선의 기울기가 연쇄법칙의 인수 ∂Y/∂y (또는 ∂H/∂h) = s(z)(1 − s(z))입니다. 곡선의 양 끝에서는 기울기가 0에 가까워져 기울기가 거의 전달되지 않습니다.",
    update: Text {
        title: "가중치 갱신: W_new = W_old − η · ∂E/∂W",
        body: "이제 역전파로 얻은 기울기를 씁니다. 12개 매개변수 모두를 같은 규칙으로 한 번에 갱신합니다. 학습률 η는 한 걸음의 크기를 정합니다.",
    },
    update_cols: ["매개변수", "현재 값", "∂E/∂p", "η · ∂E/∂p", "새 값"],
    update_ties: "w21 행의 기울기는 w21 연쇄법칙 단계의 경로 곱과 같고, w11 행의 기울기는 w11 단계의 두 경로의 합과 같습니다.",
    apply_update: "이 갱신 적용",
    undo_hint: "적용한 뒤 '이전'을 누르면 갱신 전 값으로 되돌아갑니다.",
    error_before: "갱신 전 E",
    error_after: "갱신 후 E",
    descent: Text {
        title: "경사하강법: 왜 빼는가",
        body: "다른 매개변수는 그대로 두고 하나만 바꾸면서 E를 그리면 곡선이 됩니다. 현재 점에서의 접선 기울기가 자동미분이 준 ∂E/∂p입니다. 갱신은 기울기의 반대 방향으로 η · ∂E/∂p만큼 움직입니다.",
    },
    descent_param: "매개변수",
    descent_why: "지금 ∂E/∂{p}는 {slope}. 기울기가 양수이면 {p}를 늘릴 때 E도 늘어나므로 줄여야 하고, 음수이면 반대입니다. 그래서 어느 경우든 기울기에 음의 부호를 붙여 더합니다: −η · ∂E/∂{p}. 학습률을 키워 보세요: 작은 걸음, 알맞은 걸음, 최솟값을 지나쳐 반대편으로 올라가는 걸음을 볼 수 있습니다.",
    slope_positive: "양수입니다 (오르막)",
    slope_negative: "음수입니다 (내리막)",
    slope_zero: "0입니다 (평평함)",
    descent_step: "한 걸음 뒤",
    descent_caption: "검은 곡선: 다른 값을 고정했을 때의 E. 점선: 현재 점의 접선 (기울기 = ∂E/∂p). 화살표: 갱신이 옮겨 가는 곳.",
    train: Text {
        title: "학습: 갱신을 반복하기",
        body: "순전파, 역전파, 갱신을 계속 반복하면 E가 줄어듭니다. 실행, 일시정지, 한 걸음, 처음으로 버튼으로 학습을 지켜보세요.",
    },
    legend_active: "지금 계산",
    legend_path1: "경로 1 (실선)",
    legend_path2: "경로 2 (점선)",
    legend_shared: "공유 부분 (굵은 이중선)",
};
