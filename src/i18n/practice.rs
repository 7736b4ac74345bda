//! Practice mode's words in both languages: buttons, verdicts, hints per diagnosis, the multiple-choice questions, the answer sheet.

use super::Lang;
use crate::practice::{ChoiceLabel, Diagnosis, Quantity};

/// Practice mode's strings. `{term}` is a symbol from the model (`b1`, `∂Y1/∂y1`, `η`), `{p}` a
/// parameter, `{n}` / `{total}` counts, `{seed}` the example's seed.
#[derive(Debug)]
pub struct PracticeStrings {
    /// practice-new.
    pub new_numbers: &'static str,
    /// practice-reset and its confirmation.
    pub reset: &'static str,
    /// How precise an answer must be.
    pub precision: &'static str,
    /// How an updated value is judged.
    pub precision_next: &'static str,
    /// The answer field's label: `{name}` is the number's symbol (∂E/∂w21, h1).
    pub answer_label: &'static str,
    pub check: &'static str,
    pub reveal: &'static str,
    pub correct: &'static str,
    pub incorrect: &'static str,
    /// The answer field refused the text (the reason follows from the app's field messages).
    pub not_read: &'static str,
    /// practice-progress: `{n}` solved of `{total}`.
    pub progress: &'static str,
    /// A step's own count.
    pub step_progress: &'static str,
    /// "How many paths reach {p}?"
    pub paths_question: &'static str,
    /// "Will {p} go up or down after the update?"
    pub direction_question: &'static str,
    pub smallest_question: &'static str,
    pub up: &'static str,
    pub down: &'static str,
    pub stays: &'static str,
    /// A path count choice: `{n}`.
    pub count: &'static str,
    /// The practice box's heading on a step.
    pub heading: &'static str,
    /// A `next-<p>` question: `{p}` after one update.
    pub new_value: &'static str,
    /// A solved question's line.
    pub solved: &'static str,
    /// A revealed question's line ("show answer": shown, not counted).
    pub revealed: &'static str,
    /// After the progress count when some answers were revealed: `{n}`.
    pub revealed_count: &'static str,
    /// A later path's note on the factors it shares with an earlier one: `{list}`.
    pub shared_factors: &'static str,
    /// The answer sheet's link back to the app.
    pub sheet_app: &'static str,
    /// The answer sheet's line of givens (x, t, the parameters, η).
    pub sheet_givens: &'static str,
    /// The answer sheet's link in the header: `{seed}`.
    pub sheet_link: &'static str,
    /// The numbers are not the example's own (an update applied, a value changed): `{n}` of
    /// `{total}` solved on the own numbers.
    pub home: &'static str,
    /// The link back to the example's own numbers.
    pub home_link: &'static str,
    /// The parts of the lesson the earlier steps are grouped by: forward pass, errors, chain
    /// rule, backward sweep, update.
    pub parts: [&'static str; 5],
    /// A link to a part of the lesson: `{part}`, with `{n}` steps in it asking what is blank.
    pub earlier_part: &'static str,
    /// Before the links to the earlier steps whose numbers this step leaves blank.
    pub earlier: &'static str,
    /// `{seed}` in the sheet's title: `seed 7`, or this for the worked example.
    pub worked_example: &'static str,
    pub seed_n: &'static str,
    pub sheet_title: &'static str,
    pub sheet_intro: &'static str,
    /// After the intro: who practises on these numbers, for a sheet with a seed, for the worked
    /// example's own sheet, and for a link whose seed was refused (the worked example's sheet).
    pub sheet_seeded: &'static str,
    pub sheet_worked: &'static str,
    pub sheet_refused: &'static str,
    pub sheet_question: &'static str,
    pub sheet_answer: &'static str,
    /// One hint per diagnosis, indexed by [`Diagnosis::index`]; `{term}` points at the factor or term.
    pub hints: [&'static str; 29],
}

impl PracticeStrings {
    /// The hint for `d` with its term filled in.
    /// A derivative term ∂of/∂wrt also fills `{of}` and `{wrt}`; particles written after a
    /// placeholder follow the name (`i18n::particle::fill`).
    pub fn hint(&self, d: Diagnosis, term: &str) -> String {
        use super::particle::fill;
        let mut text = self.hints[d.index()].to_owned();
        if let Some((of, wrt)) = term.strip_prefix('∂').and_then(|r| r.split_once("/∂")) {
            text = fill(&fill(&text, "{of}", of), "{wrt}", wrt);
        }
        fill(&text, "{term}", term)
    }

    /// What the number under page id `id` is, in symbols and words of `lang` (`∂Error1/∂Y1`,
    /// `Path 1 product`, `w21 after one update`), for its question's label and the answer sheet.
    pub fn label(&self, lang: Lang, id: &str, quantity: &Quantity) -> String {
        let s = lang.strings();
        let d = |of: &str, wrt: &str| format!("∂{of}/∂{wrt}");
        if id == "path-sum" {
            return s.path_sum.to_owned();
        }
        if let Some(k) = id.strip_prefix("path-") {
            return format!("{} {k} {}", s.path, s.product);
        }
        if let Some(p) = id.strip_prefix("grad-") {
            return d("E", p);
        }
        match quantity {
            Quantity::Forward(n) => (*n).to_owned(),
            Quantity::Factor { of, wrt } => d(of, wrt),
            Quantity::Upstream(n) => d("E", n),
            Quantity::Share { reader, node } => format!("{} · {}", d("E", reader), d(reader, node)),
            Quantity::Next(p) => self.new_value.replace("{p}", p.name()),
            Quantity::NodeGrad(n) => d("L", n),
            Quantity::PathCount(p) => self.paths_question.replace("{p}", p.name()),
            Quantity::Direction(p) => self.direction_question.replace("{p}", p.name()),
            Quantity::SmallestFactor => self.smallest_question.to_owned(),
            Quantity::Path(k) => format!("{} {k} {}", s.path, s.product),
            Quantity::Grad(p) => d("E", p.name()),
        }
    }

    /// A multiple-choice button's words.
    pub fn choice(&self, label: &ChoiceLabel) -> String {
        match label {
            ChoiceLabel::Up => self.up.to_owned(),
            ChoiceLabel::Down => self.down.to_owned(),
            ChoiceLabel::Stays => self.stays.to_owned(),
            ChoiceLabel::Count(n) => self.count.replace("{n}", &n.to_string()),
            ChoiceLabel::Factor { of, wrt } => format!("∂{of}/∂{wrt}"),
        }
    }
}

/// Practice mode's strings in `lang`.
pub fn practice(lang: Lang) -> &'static PracticeStrings {
    match lang {
        Lang::Ko => &KO,
        Lang::En => &EN,
    }
}

const KO: PracticeStrings = PracticeStrings {
    new_numbers: "새 숫자로 연습",
    reset: "기록 지우기",
    precision: "정답과의 차이가 정답의 0.5 % 이내이면 정답으로 인정합니다. 유효숫자 세 자리로 반올림한 값은 언제나 이 범위에 듭니다. 정답의 절댓값이 0.0001보다 작을 때는 차이가 0.000001 이내이면 됩니다. 소수점은 쉼표로 써도 됩니다.",
    precision_next: "갱신된 값은 이전 값에서 얼마나 바뀌었는지(−η·∂E/∂p)로 채점하므로, 이전 값을 그대로 적으면 정답이 아닙니다.",
    answer_label: "답 입력: {name}",
    check: "확인",
    reveal: "답 보기",
    correct: "맞았습니다.",
    incorrect: "아직 아닙니다.",
    not_read: "답을 수로 읽지 못했습니다.",
    progress: "{total}문제 중 {n}문제 해결",
    step_progress: "이 단계: {total}문제 중 {n}문제",
    paths_question: "E에서 {p}까지 오는 경로는 몇 개입니까?",
    direction_question: "한 번 갱신하면 {p} 값은 커집니까, 작아집니까?",
    smallest_question: "|∂E/∂w11|이 |∂E/∂w21|보다 훨씬 작게 나오는 것은 주로 어느 인수 때문입니까?",
    up: "커집니다",
    down: "작아집니다",
    stays: "그대로입니다",
    count: "{n}개",
    heading: "직접 계산해 보세요",
    new_value: "한 번 갱신한 뒤의 {p}",
    solved: "해결",
    revealed: "답 공개(해결한 문제로 세지 않음)",
    revealed_count: " · 답 공개 {n}문제",
    shared_factors: "{list}: 경로 1과 공통인 인수이므로 경로 1에서 묻습니다.",
    sheet_app: "연습 화면으로 가기",
    sheet_givens: "주어진 값:",
    sheet_link: "답안지",
    home: "지금 숫자는 이 예제의 원래 숫자가 아닙니다(갱신을 적용했거나 값을 바꾸었기 때문입니다). 그래서 문제와 푼 문제 수는 지금 숫자를 기준으로 합니다. 원래 숫자로 푼 기록은 지워지지 않고 남아 있습니다: {total}문제 중 {n}문제 해결.",
    home_link: "원래 숫자로 돌아가기",
    parts: ["순전파", "오차", "연쇄법칙", "역전파", "매개변수 갱신"],
    earlier_part: "{part}(단계 {n}개)",
    earlier: "앞 단계에서 묻는 수는 그 단계에서 구할 때까지 여기에서도 빈칸으로 둡니다:",
    worked_example: "노트의 예제",
    seed_n: "시드 {n}",
    sheet_title: "연습 문제 답안지 ({seed})",
    sheet_intro: "연습 모드에서 묻는 모든 값과 정답을 노트의 순서대로 정리했습니다.",
    sheet_seeded: "같은 시드로 만든 링크를 받은 학생은 모두 이 숫자로 연습합니다.",
    sheet_worked: "노트의 예제 숫자입니다. 시드가 없는 링크를 받은 학생은 모두 이 숫자로 연습합니다.",
    sheet_refused: "링크의 시드를 읽을 수 없어 노트의 예제로 만든 답안지를 보여 줍니다. 시드가 있는 수업 링크의 답안지가 아닙니다.",
    sheet_question: "문제",
    sheet_answer: "정답",
    hints: [
        "맞았습니다.",
        "크기는 맞지만 부호가 반대입니다. Y − t인지 t − Y인지, 그리고 각 인수의 부호를 다시 확인해 보세요.",
        "빠진 경로가 있습니다. {term} 부분을 다시 살펴보고, 모든 경로의 기여분을 더했는지 확인하세요.",
        "σ의 미분을 잘못 적용했습니다. σ′(z) = σ(z)(1 − σ(z))이므로 {term} 항은 활성화 함수의 출력값(대문자 Y나 H)으로 Y(1 − Y)처럼 계산합니다. 가중합(소문자)을 넣거나 σ를 한 번 더 씌우지 않았는지 보세요.",
        "학습률이 빠졌습니다. 기울기에 학습률을 곱한 만큼만 움직입니다. {term} 항을 다시 보세요.",
        "방향이 반대입니다. 경사하강법은 기울기의 반대 방향으로 움직이므로 {term} 항의 부호를 확인하세요.",
        "거의 맞았습니다. 정답을 더 적은 자릿수로 반올림한 값입니다. 유효숫자를 세 자리 이상 적어 보세요.",
        "편향이 빠졌습니다. 가중합에는 {term} 항도 더해야 합니다.",
        "{term} 자리에는 활성화 출력(대문자)이 들어가야 하는데, 활성화 전의 가중합(소문자)을 썼습니다.",
        "½을 확인하세요. 오차는 ½(t − Y)²이고, 미분하면 ½과 지수 2가 상쇄되어 Y − t가 남습니다. {term} 항을 다시 보세요.",
        "활성화 함수를 적용하지 않았습니다. {term} 값을 1 / (1 + e^(−z))로 계산해야 합니다.",
        "지수의 부호를 확인하세요. σ(z) = 1 / (1 + e^(−z))이므로 {term} 항에는 마이너스가 붙습니다.",
        "전체 오차 E는 두 오차의 합입니다. {term} 항도 더하세요.",
        "가중치와 입력이 바뀌었습니다. 가중합을 가중치로 편미분하면 그 가중치가 곱하는 입력이, 입력으로 편미분하면 가중치가 남습니다. {term} 항을 다시 보세요. 원문 노트의 w11 식도 이 부분에서 실수를 했습니다.",
        "인수 하나가 빠졌습니다. 경로 위의 인수를 모두 곱했는지, 특히 {term} 항을 확인하세요.",
        "국소 미분만 넘겼습니다. 들어오는 기울기 {term}도 곱해야 합니다.",
        "곱셈 노드에서는 한 입력의 기울기에 다른 쪽 입력의 값이 곱해집니다. {term} 항을 다시 보세요.",
        "이전 값 그대로입니다. 갱신은 값을 {term}만큼 옮깁니다.",
        "변화량만 적었습니다. 새 값은 이전 값에 변화량을 더한 것입니다. {term} 항의 이전 값을 확인하세요.",
        "{term} 인수가 가장 큰 원인은 아닙니다. 각 인수가 w21의 식에 비해 기울기를 몇 배로 만드는지 비교해 보세요.",
        "알려진 흔한 실수 어느 것과도 맞아떨어지지 않습니다. 식을 한 항씩 다시 계산해 보세요.",
        "가중치의 번호가 뒤바뀌었습니다. 여기에 해당하는 가중치는 {term}입니다. 노트의 가중치 번호는 w11: x1 → h1, w12: x1 → h2, w13: x2 → h1, w14: x2 → h2, w21: H1 → y1, w22: H1 → y2, w23: H2 → y1, w24: H2 → y2와 같습니다.",
        "σ′이 빠졌습니다. 활성화 출력 H = σ(h)를 거꾸로 지날 때는 ∂H/∂h = σ′(h) = H(1 − H)를 곱합니다(Y와 y도 같습니다). H 자체를 곱하거나 이 인수를 건너뛰면 안 됩니다. {term} 항을 다시 보세요.",
        "편향은 입력과 곱하지 않고 그대로 더합니다. 그래서 가중합을 편향으로 편미분하면 1이고, 편향의 기울기는 그 가중합의 기울기와 같습니다. {term} 항을 다시 보세요.",
        "그 수는 {wrt}의 값 자체입니다. 여기서 묻는 것은 편미분 {term}, 즉 {wrt}를 조금 바꿀 때 {of}가 그 몇 배만큼 바뀌는지입니다.",
        "거의 맞았습니다. 뒷자리를 반올림하지 않고 버려서 마지막 자리가 다릅니다. 남길 마지막 자리까지 반올림하거나(0.1449 → 0.145) 자릿수를 더 적어 보세요.",
        "다시 세어 보세요. 이 신경망에서 오차 하나에서 {term}까지 오는 경로는 많아야 하나입니다. 따라서 Error1과 Error2 가운데 {term}를 바꿀 때 함께 바뀌는 오차가 몇 개인지 세면, 그 수가 곧 경로의 수입니다.",
        "자릿수를 더 적어 보세요. 갱신된 값은 이전 값에서의 변화량으로 채점하는데, 이 답은 앞의 몇 자리만 맞아서 변화량을 판단할 수 없습니다. 변화량 −η·∂E/∂{term}의 유효숫자가 세 자리 이상 남도록 적으세요.",
        "다만 이 답은 뒷자리를 반올림하지 않고 버린 값입니다. 같은 자리까지 반올림하면 {term}입니다.",
    ],
};

const EN: PracticeStrings = PracticeStrings {
    new_numbers: "New numbers",
    reset: "Reset progress",
    precision: "An answer counts when it is within 0.5 % of the exact value, which the value rounded to three significant digits always is; a value smaller than 0.0001 in size must be within 0.000001. A comma works as the decimal point.",
    precision_next: "An updated value is judged by the change it implies (−η·∂E/∂p), so the old value is never right.",
    answer_label: "Your answer for {name}",
    check: "Check",
    reveal: "Show answer",
    correct: "Correct.",
    incorrect: "Not yet.",
    not_read: "That answer could not be read as a number.",
    progress: "{n} of {total} solved",
    step_progress: "This step: {n} of {total}",
    paths_question: "How many chain-rule paths lead from E down to {p}?",
    direction_question: "After one update, will {p} go up or down?",
    smallest_question: "Which factor makes |∂E/∂w11| so much smaller than |∂E/∂w21|?",
    up: "up",
    down: "down",
    stays: "stays the same",
    count: "{n}",
    heading: "Work it out",
    new_value: "{p} after one update",
    solved: "solved",
    revealed: "answer shown (not counted as solved)",
    revealed_count: " · {n} shown",
    shared_factors: "{list}: shared with path 1, so asked there.",
    sheet_app: "Open the app with these numbers",
    sheet_givens: "Given:",
    sheet_link: "Answer sheet",
    home: "These are not the example's own numbers (an update was applied or a value changed), so the questions and the count are for these numbers. Your work on the example's own numbers is kept: {n} of {total} solved.",
    home_link: "Back to the example's own numbers",
    parts: ["forward pass", "errors", "chain rule", "backward sweep", "update"],
    earlier_part: "{part} ({n} steps)",
    earlier: "A number an earlier step asks stays blank here until you work it out there:",
    worked_example: "the worked example",
    seed_n: "seed {n}",
    sheet_title: "Practice answer sheet ({seed})",
    sheet_intro: "Every value practice mode asks for, with its answer, in the order of the notes.",
    sheet_seeded: "Everyone given the link with this seed practises on these numbers.",
    sheet_worked: "These are the worked example's numbers: everyone given a link without a seed practises on them.",
    sheet_refused: "The link's seed could not be read, so this is the worked example's sheet, not the sheet of a class link with a seed.",
    sheet_question: "Question",
    sheet_answer: "Answer",
    hints: [
        "Correct.",
        "The size is right but the sign is flipped. Check whether it is Y − t or t − Y, and the sign of each factor.",
        "A path is missing. Look again at {term}, and add the share of every path.",
        "The derivative of σ went wrong: σ′(z) = σ(z)(1 − σ(z)), so {term} comes from the activation's output (upper case, Y or H) as Y(1 − Y): not from the weighted sum (lower case), and without applying σ once more.",
        "The learning rate is missing: a step moves by the gradient times the learning rate. Look at {term}.",
        "Wrong direction: gradient descent moves against the gradient. Check the sign of {term}.",
        "Almost: this is the answer rounded to fewer digits. Give at least three significant digits.",
        "The bias is missing: the weighted sum adds {term} as well.",
        "In {term} the activation (upper case) belongs, not the weighted sum (lower case).",
        "Check the ½: the error is ½(t − Y)², and in its derivative the ½ cancels the 2, leaving Y − t. Look at {term}.",
        "The activation function is not applied: compute {term} as 1 / (1 + e^(−z)).",
        "Check the sign in the exponent: σ(z) = 1 / (1 + e^(−z)), so {term} carries a minus.",
        "The total error E is the sum of both errors: add {term} too.",
        "Weight and input are swapped: a weighted sum's partial derivative by a weight is the input that weight multiplies, and by an input it is the weight. Look at {term}; the notes' w11 chain slips here too.",
        "A factor is missing: multiply every factor along the path, {term} included.",
        "Only the local derivative was passed back: multiply by the incoming gradient, {term}, too.",
        "At a multiply node an input's gradient takes the other input's value. Look at {term}.",
        "That is the old value: the update moves it by {term}.",
        "That is only the change: the new value is the old value plus the change. Look at the old value of {term}.",
        "{term} is not the main cause: compare how many times each factor scales the gradient against the w21 chain.",
        "This matches none of the usual slips. Recompute the formula one term at a time.",
        "The weight indices are mixed up: the weight here is {term}. In the notes w11 joins x1 → h1, w12 x1 → h2, w13 x2 → h1, w14 x2 → h2, w21 H1 → y1, w22 H1 → y2, w23 H2 → y1, w24 H2 → y2.",
        "σ′ is missing: going back through an activation H = σ(h) multiplies by ∂H/∂h = σ′(h) = H(1 − H) (and likewise for Y and y), not by H itself, and it cannot be skipped. Look at {term}.",
        "A bias is added, not multiplied by an input: a weighted sum's partial derivative by its bias is 1, so the bias's gradient equals the gradient of that weighted sum. Look at {term}.",
        "That is the value of {wrt} itself. The question asks for the partial derivative {term}: how much {of} changes when {wrt} changes a little.",
        "Almost: the digits were cut off rather than rounded, so the last one is wrong. Round the last digit you keep (0.1449 → 0.145), or give more digits.",
        "Count again. In this network each error reaches {term} along at most one path, so the number of paths is the number of errors, of Error1 and Error2, that change when {term} changes.",
        "Give more digits: an updated value is judged by its change from the old value, and this answer is right only to the few digits given, too few to judge the change. Keep at least three significant digits of the change −η·∂E/∂{term}.",
        "Note: the last digits were cut off, not rounded; rounded to the same digits it is {term}.",
    ],
};
