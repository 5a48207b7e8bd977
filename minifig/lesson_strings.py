"""The guided lesson's sentences and the cards' "why / when" panels, in English and Korean."""

from __future__ import annotations

LESSON_STRINGS: dict[str, dict[str, str]] = {
    # --- the lesson's frame ---------------------------------------------------------------------
    "lesson.title": {"en": "Guided lesson", "ko": "따라 하는 수업"},
    "lesson.intro": {
        "en": "New here? Walk the lesson step by step: build a figure, snap it together, train it and ask it.",
        "ko": "처음이세요? 한 단계씩 따라가 보세요: 피규어를 만들고, 끼워 맞추고, 학습시키고, 물어봅니다.",
    },
    "lesson.start": {"en": "Start the lesson →", "ko": "수업 시작 →"},
    "lesson.next": {"en": "Next →", "ko": "다음 →"},
    "lesson.back": {"en": "← Back", "ko": "← 이전"},
    "lesson.finish": {"en": "Finish ✓", "ko": "마치기 ✓"},
    "lesson.show_me": {"en": "Show me", "ko": "보여 주세요"},
    "lesson.close": {"en": "Close the lesson", "ko": "수업 닫기"},
    "lesson.presenter": {"en": "Presenter view", "ko": "발표자 화면"},
    "lesson.presenter_help": {
        "en": "For a projector: large type, one step at a time, the figure drawn large.",
        "ko": "프로젝터용: 큰 글씨, 한 번에 한 단계, 크게 그린 피규어.",
    },
    "lesson.step_of": {"en": "Step {n} of {total}", "ko": "{total}단계 중 {n}단계"},
    "lesson.waiting": {
        "en": "Do this step on the page (or press “Show me”), then go on.",
        "ko": "페이지에서 이 단계를 해 보세요(또는 “보여 주세요”를 누르세요). 그다음 넘어갑니다.",
    },
    "lesson.step_done": {"en": "Done — go on when you are ready.", "ko": "됐습니다. 준비되면 넘어가세요."},
    "lesson.finished": {
        "en": "You built, trained and asked a real Keras model. Its code is under “Take it home”.",
        "ko": "진짜 케라스 모델을 만들고, 학습시키고, 물어봤습니다. 코드는 “가져가기”에 있습니다.",
    },
    # --- the steps --------------------------------------------------------------------------------
    "lesson.meet.title": {"en": "Meet the figure", "ko": "피규어를 만나요"},
    "lesson.meet.text": {
        "en": "A deep-learning model has three parts, like this figure. The **head** is the network: a stack of "
        "bricks (layers) that turns the question X into an answer Y′. The **torso** is the loss: it compares Y′ "
        "with the true answer Y. The **legs** are the optimizer: they move the head's weights to make the loss "
        "smaller. The head is built; the torso and legs are still missing.",
        "ko": "딥러닝 모델은 이 피규어처럼 세 부분으로 되어 있습니다. **머리**는 네트워크입니다. 블록(층)을 쌓아 "
        "질문 X를 답 Y′로 바꿉니다. **몸통**은 손실(목적)입니다. Y′를 진짜 답 Y와 비교합니다. **다리**는 "
        "옵티마이저입니다. 손실이 작아지도록 머리의 가중치를 움직입니다. "
        "머리는 만들어졌고, 몸통과 다리는 아직 없습니다.",
    },
    "lesson.babble.title": {"en": "The head alone babbles", "ko": "머리만으로는 옹알이를 해요"},
    "lesson.babble.text": {
        "en": "Even untrained, the head answers: ask it about **3**. Its weights are random, so its answer is a "
        "random guess — babbling. The numbers 1–5 are “small” (0) and 6–10 “big” (1); it does not know that yet.",
        "ko": "학습하지 않은 머리도 답을 합니다. **3**에 대해 물어봅니다. 가중치가 무작위라서 답도 무작위로 "
        "찍은 것, 즉 옹알이입니다. 1~5는 “작다”(0), 6~10은 “크다”(1)인데, 머리는 아직 그것을 모릅니다.",
    },
    "lesson.fit.title": {"en": "Pick a torso and legs that fit", "ko": "맞는 몸통과 다리를 골라요"},
    "lesson.fit.text": {
        "en": "We gave the figure **Mean squared error** as its torso and **Adam** legs. Read the red note: a "
        "number loss does not fit yes/no answers. Fix it: choose **Binary cross-entropy** as the torso.",
        "ko": "피규어에 몸통으로 **Mean squared error**(평균 제곱 오차)를, 다리로 **Adam**을 달았습니다. "
        "빨간 안내를 읽어 보세요. 숫자용 손실은 예/아니오 답에 맞지 않습니다. "
        "몸통을 **Binary cross-entropy**(이진 교차 엔트로피)로 바꿔서 고쳐 보세요.",
    },
    "lesson.compile.title": {"en": "Compile: snap it together", "ko": "컴파일: 끼워 맞춰요"},
    "lesson.compile.text": {
        "en": "All pieces fit. Press **Compile**: the head, torso and legs snap together into one model (the "
        "drawing shows it joined).",
        "ko": "모든 조각이 맞습니다. **컴파일**을 누르세요. 머리, 몸통, 다리가 하나의 모델로 끼워집니다(그림이 "
        "붙은 모습으로 바뀝니다).",
    },
    "lesson.train.title": {"en": "Train and watch it learn", "ko": "학습시키고 배우는 모습을 봐요"},
    "lesson.train.text": {
        "en": "Press **Train**: 100 epochs, 10 examples at a time. Watch the loss curve fall and the accuracy rise. "
        "You can stop at any time.",
        "ko": "**학습**을 누르세요. 100 에포크, 한 번에 예시 10개씩입니다. 손실 곡선이 내려가고 정확도가 "
        "올라가는 것을 보세요. 언제든 멈출 수 있습니다.",
    },
    "lesson.ask.title": {"en": "Ask the trained figure", "ko": "학습한 피규어에게 물어봐요"},
    "lesson.ask.text": {
        "en": "Move the slider to ask a question. The trained figure now says 3 is close to 0 — “small” — and "
        "8 is close to 1 — “big”.",
        "ko": "슬라이더를 움직여 질문해 보세요. 학습한 피규어는 이제 3은 0에 가깝다(“작다”), 8은 1에 "
        "가깝다(“크다”)고 답합니다.",
    },
    "lesson.ask.done": {"en": "You asked: {value} → {answer}", "ko": "물어봤습니다: {value} → {answer}"},
}
