"""The cards' "why / when" panels, in English and Korean: why a card exists, when to reach for it."""

from __future__ import annotations

EXPLAIN_STRINGS: dict[str, dict[str, str]] = {
    "explain.button": {"en": "Why / when?", "ko": "왜 / 언제?"},
    "explain.why_title": {"en": "Why", "ko": "왜"},
    "explain.when_title": {"en": "When", "ko": "언제"},
    "explain.axis_in": {"en": "number in", "ko": "들어오는 숫자"},
    "explain.axis_out": {"en": "out", "ko": "나가는 숫자"},
    "explain.axis_loss": {"en": "loss", "ko": "손실"},
    "explain.axis_miss": {"en": "miss: Y′ − Y", "ko": "빗나간 정도: Y′ − Y"},
    "explain.axis_chance": {"en": "chance Y′ given to the right answer", "ko": "정답에 준 확률 Y′"},
    "explain.axis_yes_output": {"en": "output for a true “yes”", "ko": "정답이 “예”일 때의 출력"},
    "explain.before": {"en": "before", "ko": "전"},
    "explain.after": {"en": "after: around 0, spread 1", "ko": "후: 0 근처, 퍼짐 1"},
    "explain.alcohol": {"en": "alcohol", "ko": "알코올"},
    "explain.proline": {"en": "proline", "ko": "프롤린"},
    "explain.axis_walk": {
        "en": "{n} steps from ● down a long bowl to its bottom ◦",
        "ko": "●에서 긴 그릇의 바닥 ◦까지 {n}걸음",
    },
    # --- layers -------------------------------------------------------------------------------------
    "explain.why.dense": {
        "en": "Each neuron multiplies every input by a weight, adds them up with a bias and bends the sum with "
        "its activation (the curve). Training moves those weights.",
        "ko": "뉴런마다 모든 입력에 가중치를 곱해 더하고 편향을 더한 뒤, 활성화 함수(그림의 곡선)로 휘어 내보냅니다. "
        "학습은 이 가중치를 움직입니다.",
    },
    "explain.when.dense": {
        "en": "Always: it is the basic brick. relu in the middle; at the end sigmoid for yes/no, softmax for "
        "classes, linear for numbers.",
        "ko": "언제나: 기본 블록입니다. 중간에는 relu, 마지막에는 예/아니오면 sigmoid, 종류면 softmax, 숫자면 "
        "linear를 씁니다.",
    },
    "explain.why.activation": {
        "en": "Without a bend, a stack of Dense bricks is no better than one straight line. The curve lets the "
        "head draw curved borders.",
        "ko": "휘어짐이 없으면 Dense를 아무리 쌓아도 직선 하나와 다를 바 없습니다. 곡선이 있어야 머리가 굽은 "
        "경계를 그릴 수 있습니다.",
    },
    "explain.when.activation": {
        "en": "When you want to bend numbers after a brick that does not (e.g. after BatchNorm, or a linear Dense).",
        "ko": "휘지 않는 블록 뒤에서 숫자를 휘고 싶을 때(예: BatchNorm 뒤나 linear Dense 뒤).",
    },
    "explain.why.dropout": {
        "en": "While training, it switches off a random share of the numbers each step (crossed out), so no "
        "single neuron can carry a memorised answer.",
        "ko": "학습하는 동안 매번 숫자 일부(✕ 표시)를 무작위로 꺼서, 어느 한 뉴런이 외운 답을 혼자 들고 있지 "
        "못하게 합니다.",
    },
    "explain.when.dropout": {
        "en": "When the validation loss rises while the training loss falls (memorising). 0.1–0.5; never at the end.",
        "ko": "학습 손실은 내려가는데 검증 손실이 올라갈 때(외우기). 0.1~0.5, 맨 끝에는 두지 않습니다.",
    },
    "explain.why.batchnorm": {
        "en": "It shifts and rescales the numbers passing through so they sit around 0 with a steady spread, "
        "whatever the bricks before did.",
        "ko": "지나가는 숫자를 옮기고 크기를 맞춰, 앞의 블록이 무엇을 했든 0 근처에 일정하게 퍼져 있게 합니다.",
    },
    "explain.when.batchnorm": {
        "en": "In deeper heads that learn slowly or jumpily; put it between a Dense and its activation.",
        "ko": "깊은 머리가 느리게 또는 들쭉날쭉 배울 때, Dense와 활성화 사이에 넣습니다.",
    },
    "explain.why.normalization": {
        "en": "Inputs of very different sizes (here alcohol near 13 and proline up to 1510) pull the first weights "
        "very unevenly, so learning crawls. This brick measures each input's average and spread on the training "
        "part when you compile, then passes every input on as (input − average) ÷ spread.",
        "ko": "크기가 아주 다른 입력(여기서는 13 근처의 알코올과 1510까지 가는 프롤린)은 첫 가중치를 아주 고르지 않게 "
        "끌어당겨서 학습이 기어갑니다. 이 블록은 조립할 때 학습 데이터에서 입력마다 평균과 퍼짐을 잰 뒤, 모든 입력을 "
        "(입력 − 평균) ÷ 퍼짐으로 바꿔 넘깁니다.",
    },
    "explain.when.normalization": {
        "en": "As the head's first brick, when the inputs' sizes differ a lot or run into the tens, hundreds or more "
        "(real tables, your own CSV). Its numbers are measured, not trained.",
        "ko": "입력들의 크기가 많이 다르거나 수십, 수백 이상으로 커질 때(실제 표, 내 CSV) 머리 맨 앞에 둡니다. "
        "이 블록의 숫자는 학습하는 것이 아니라 재는 것입니다.",
    },
    "explain.why.conv2d": {
        "en": "A small window of weights (a filter) slides over the image; where the image looks like the filter "
        "(here: a vertical stroke) the output lights up.",
        "ko": "작은 가중치 창(필터)이 이미지 위를 미끄러집니다. 이미지가 필터와 닮은 곳(여기서는 세로 획)에서 "
        "출력이 밝아집니다.",
    },
    "explain.when.conv2d": {
        "en": "For images: it finds the same pattern anywhere with few weights. First bricks of an image head.",
        "ko": "이미지에: 적은 가중치로 어디에 있든 같은 무늬를 찾습니다. 이미지 머리의 첫 블록입니다.",
    },
    "explain.why.maxpool": {
        "en": "It keeps the strongest number of each small square, so the image shrinks and small shifts matter less.",
        "ko": "작은 칸마다 가장 큰 숫자만 남겨서, 이미지가 작아지고 조금 움직여도 덜 흔들립니다.",
    },
    "explain.when.maxpool": {
        "en": "After a Conv2D, to make the image smaller before the next bricks.",
        "ko": "Conv2D 뒤에서, 다음 블록 전에 이미지를 줄이고 싶을 때.",
    },
    "explain.why.flatten": {
        "en": "Dense bricks read one line of numbers; Flatten lays the image's rows end to end.",
        "ko": "Dense 블록은 숫자 한 줄을 읽습니다. Flatten은 이미지의 줄들을 이어 붙여 한 줄로 만듭니다.",
    },
    "explain.when.flatten": {
        "en": "Once, between the image bricks (Conv2D, MaxPooling2D) and the Dense bricks.",
        "ko": "이미지 블록(Conv2D, MaxPooling2D)과 Dense 블록 사이에 한 번.",
    },
    # --- losses -------------------------------------------------------------------------------------
    "explain.why.binary_crossentropy": {
        "en": "It grows without limit as the chance given to the right answer goes to 0: a confident wrong answer "
        "costs the most.",
        "ko": "정답에 준 확률이 0에 가까워질수록 끝없이 커집니다. 자신 있게 틀린 답이 가장 비쌉니다.",
    },
    "explain.when.binary_crossentropy": {
        "en": "Yes/no answers (0 or 1), with a head ending in Dense(1, sigmoid).",
        "ko": "예/아니오 답(0 또는 1)에, Dense(1, sigmoid)로 끝나는 머리와 함께.",
    },
    "explain.why.categorical_crossentropy": {
        "en": "The same idea for several classes: only the chance given to the right class counts.",
        "ko": "여러 종류에 대한 같은 생각입니다. 정답 종류에 준 확률만 셉니다.",
    },
    "explain.when.categorical_crossentropy": {
        "en": "Classes written one-hot (0,0,1,…), with Dense(classes, softmax) at the end.",
        "ko": "원-핫(0,0,1,…)으로 쓴 종류에, 끝에 Dense(종류 수, softmax)와 함께.",
    },
    "explain.why.sparse_categorical_crossentropy": {
        "en": "Exactly categorical cross-entropy, but it reads the answer as a class number, so no one-hot needed.",
        "ko": "범주형 교차 엔트로피와 똑같지만, 답을 종류 번호로 읽어서 원-핫이 필요 없습니다.",
    },
    "explain.when.sparse_categorical_crossentropy": {
        "en": "Classes written as numbers 0, 1, 2, … (most data), with Dense(classes, softmax) at the end.",
        "ko": "종류를 0, 1, 2, … 번호로 쓴 데이터(대부분)에, 끝에 Dense(종류 수, softmax)와 함께.",
    },
    "explain.why.mse": {
        "en": "The miss squared: twice the miss costs four times as much, so big misses are chased first.",
        "ko": "빗나간 정도의 제곱입니다. 두 배 빗나가면 네 배 비싸서, 크게 빗나간 것부터 고칩니다.",
    },
    "explain.when.mse": {
        "en": "Number answers (prices, temperatures), with a linear ending.",
        "ko": "숫자 답(가격, 온도)에, linear로 끝나는 머리와 함께.",
    },
    "explain.why.mae": {
        "en": "The size of the miss, straight (grey: squared, for comparison): a wild example pulls less.",
        "ko": "빗나간 크기 그대로입니다(회색: 비교용 제곱). 튀는 예시가 덜 끌어당깁니다.",
    },
    "explain.when.mae": {
        "en": "Number answers with a few wild values you do not want to chase.",
        "ko": "쫓고 싶지 않은 튀는 값이 조금 있는 숫자 답에.",
    },
    "explain.why.huber": {
        "en": "Squared for small misses, straight for big ones (grey: squared): smooth near the answer, calm far away.",
        "ko": "작게 빗나가면 제곱, 크게 빗나가면 그대로(회색: 제곱). 답 근처에서는 매끄럽고 멀리서는 차분합니다.",
    },
    "explain.when.huber": {
        "en": "Number answers when you are unsure between squared and absolute error.",
        "ko": "제곱 오차와 절대 오차 중 고르기 어려운 숫자 답에.",
    },
    "explain.why.hinge": {
        "en": "No cost once the output is clearly on the right side (above +1 for “yes”); "
        "it only pushes the unsure ones.",
        "ko": "출력이 확실히 맞는 쪽(“예”면 +1 위)에 있으면 비용이 없습니다. 애매한 것만 밀어냅니다.",
    },
    "explain.when.hinge": {
        "en": "Yes/no answers, margin style (as support vector machines), with a linear or tanh ending.",
        "ko": "예/아니오 답, 여유(마진) 방식(서포트 벡터 머신처럼)으로, linear나 tanh로 끝나는 머리와 함께.",
    },
    # --- optimizers ---------------------------------------------------------------------------------
    "explain.why.sgd": {
        "en": "Plain steps downhill: across the steep side it zigzags, along the shallow side it crawls. With "
        "momentum (red, dashed) it rolls on like a ball.",
        "ko": "그냥 내리막으로 걷습니다. 가파른 쪽으로는 지그재그, 완만한 쪽으로는 기어갑니다. 모멘텀(빨간 점선)을 "
        "주면 공처럼 굴러갑니다.",
    },
    "explain.when.sgd": {
        "en": "To see the basics, or with momentum 0.9 and a tuned learning rate for the last bit of quality.",
        "ko": "기본을 볼 때, 또는 모멘텀 0.9와 잘 맞춘 학습률로 마지막 품질을 짜낼 때.",
    },
    "explain.why.rmsprop": {
        "en": "It divides each weight's step by how big its recent slopes were, so steep and shallow directions "
        "move at a similar pace.",
        "ko": "가중치마다 최근 기울기 크기로 걸음을 나눠서, 가파른 방향과 완만한 방향이 비슷한 속도로 움직입니다.",
    },
    "explain.when.rmsprop": {
        "en": "Often a good choice for noisy losses; a classic for recurrent networks.",
        "ko": "손실이 들쭉날쭉할 때 좋은 선택입니다. 순환 신경망의 고전적인 선택이기도 합니다.",
    },
    "explain.why.adagrad": {
        "en": "It adds up every slope seen, so steps keep shrinking: fast at first, then more and more careful.",
        "ko": "지금까지 본 기울기를 모두 더해서 걸음이 계속 작아집니다. 처음엔 빠르고 갈수록 조심스럽습니다.",
    },
    "explain.when.adagrad": {
        "en": "For inputs where some numbers are rare (mostly zeros); it may stop too early on long runs.",
        "ko": "어떤 숫자가 드물게 나오는(대부분 0인) 입력에. 오래 학습하면 너무 일찍 멈출 수 있습니다.",
    },
    "explain.why.adam": {
        "en": "Momentum plus RMSprop's per-weight step size: it heads fairly straight to the bottom.",
        "ko": "모멘텀에 RMSprop의 가중치별 걸음 크기를 더했습니다. 바닥을 향해 꽤 곧게 갑니다.",
    },
    "explain.when.adam": {
        "en": "A safe first choice for almost anything, with learning rate 0.001.",
        "ko": "거의 모든 경우의 안전한 첫 선택입니다. 학습률은 0.001로.",
    },
    "explain.why.adamw": {
        "en": "Adam that also pulls every weight a little towards zero each step, which keeps the head simple.",
        "ko": "Adam에 더해 매 걸음 모든 가중치를 조금씩 0 쪽으로 당겨서 머리를 단순하게 유지합니다.",
    },
    "explain.when.adamw": {
        "en": "Like Adam, when the head memorises (validation loss rising) and you want a gentle brake.",
        "ko": "Adam처럼 쓰되, 머리가 외우기 시작할 때(검증 손실 상승) 부드러운 브레이크가 필요하면.",
    },
}
