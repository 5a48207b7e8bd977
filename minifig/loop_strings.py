"""The sentences of the learning loop (pace, Step, the phase step and the loop told on the figure), in English and
Korean.

Merged into `minifig.i18n.STRINGS`.
"""

from __future__ import annotations

LOOP_STRINGS: dict[str, dict[str, str]] = {
    # --- the controls -----------------------------------------------------------------------------
    "loop.pace": {"en": "Pace", "ko": "속도"},
    "loop.pace_help": {
        "en": "How fast training goes. Slow it down to watch the curves, the answer and the map move, and the "
        "figure play each epoch's loop. You can change it while training.",
        "ko": "학습하는 빠르기입니다. 느리게 하면 곡선, 답, 지도가 움직이는 모습과 피규어가 에포크마다 "
        "도는 학습 고리를 볼 수 있습니다. 학습하는 동안에도 바꿀 수 있습니다.",
    },
    "loop.pace_fast": {"en": "As fast as it goes", "ko": "최대한 빠르게"},
    "loop.pace_per_second": {"en": "{n} epochs a second", "ko": "1초에 {n} 에포크"},
    "loop.pace_one": {"en": "1 epoch a second", "ko": "1초에 1 에포크"},
    "loop.step": {"en": "Step: 1 epoch", "ko": "한 에포크"},
    "loop.step_help": {
        "en": "Train exactly one epoch and watch its loop on the figure.",
        "ko": "딱 한 에포크만 학습하고, 그 학습 고리를 피규어에서 봅니다.",
    },
    "loop.step_phase": {"en": "Step by phase", "ko": "단계별로"},
    "loop.step_phase_help": {
        "en": "One batch round the loop, one phase a click.",
        "ko": "배치 하나를 학습 고리를 따라, 한 번 누를 때마다 한 단계씩 보냅니다.",
    },
    "ui.status_stepped": {
        "en": "Stepped to epoch {epoch}/{target}. Step again, or press Train to go on.",
        "ko": "에포크 {epoch}/{target}까지 한 에포크씩 왔습니다. 한 에포크 더 가거나 학습 시작을 눌러 이어 가세요.",
    },
    "loop.hint": {
        "en": "Press Step (or slow the pace) to watch the figure learn, one loop at a time.",
        "ko": "“한 에포크”를 누르거나 속도를 늦추면 피규어가 배우는 모습을 한 바퀴씩 볼 수 있습니다.",
    },
    # --- the phases -------------------------------------------------------------------------------
    "loop.phase_title": {"en": "Phase {n} of 4 — {name}.", "ko": "{n}/4단계 — {name}."},
    "loop.phase.eyes": {"en": "Into the eyes", "ko": "눈으로 들어가기"},
    "loop.phase.mouth": {"en": "Out of the mouth", "ko": "입에서 나오기"},
    "loop.phase.torso": {"en": "The torso weighs", "ko": "몸통이 재기"},
    "loop.phase.legs": {"en": "The legs update", "ko": "다리가 고치기"},
    "loop.phase_next": {
        "en": "Press “Step by phase” again for the next phase.",
        "ko": "다음 단계를 보려면 “단계별로”를 한 번 더 누르세요.",
    },
    "loop.phase_done": {
        "en": "That batch has moved the weights. A batch is part of an epoch, so the epoch count stays.",
        "ko": "그 배치가 가중치를 옮겼습니다. 배치는 에포크의 일부라서 에포크 수는 그대로입니다.",
    },
    # --- the step in words (each phase's part of the sentence) --------------------------------------
    "loop.which_batch": {
        "en": "One batch of {batch}, example {n} shown:",
        "ko": "배치 하나({batch}개) 중 {n}번째 예시:",
    },
    "loop.which_epoch": {
        "en": "Epoch {epoch}, example {n} of its first batch of {batch}:",
        "ko": "에포크 {epoch}, 첫 배치({batch}개)의 {n}번째 예시:",
    },
    "loop.words.eyes": {"en": "{x} went in", "ko": "눈에 들어간 값 {x}"},
    "loop.words.mouth": {"en": "the head said {said}", "ko": "머리가 낸 답 {said}"},
    "loop.words.torso": {
        "en": "the true answer is {truth}; the torso's loss is {loss}",
        "ko": "정답 {truth}, 몸통이 잰 손실 {loss}",
    },
    "loop.words.legs": {
        "en": "{legs} moved w from {w0} to {w1} and b from {b0} to {b1}",
        "ko": "다리({legs})가 옮긴 가중치: w {w0} → {w1}, b {b0} → {b1}",
    },
    "loop.words.legs_no_bias": {
        "en": "{legs} moved w from {w0} to {w1} (this brick has no b)",
        "ko": "다리({legs})가 옮긴 가중치: w {w0} → {w1} (이 블록에는 b가 없습니다)",
    },
    "loop.numbers": {"en": "{shown}, … ({n} numbers)", "ko": "{shown}, … (숫자 {n}개)"},
    # --- the labels on the figure -------------------------------------------------------------------
    "loop.on.example": {"en": "example {n} of {batch}", "ko": "예시 {n}/{batch}"},
    "loop.on.loss": {"en": "loss {loss}", "ko": "손실 {loss}"},
}
