"""The sentences of challenge cards and the figure card, in English and Korean.

Merged into `minifig.i18n.STRINGS` as `DATA_STRINGS` is (`STRINGS.update(CHALLENGE_STRINGS)`).
"""

from __future__ import annotations

CHALLENGE_STRINGS: dict[str, dict[str, str]] = {
    # --- a challenge no figure can win (the teacher's panel refuses it) -------------------------
    "challenge.unwinnable": {
        "en": "No figure can win this challenge, so no link is made:",
        "ko": "어떤 피규어로도 이 도전을 이길 수 없어서 링크를 만들지 않았습니다:",
    },
    "challenge.unwinnable_torso": {
        "en": "learners cannot change the torso {card}, and it does not work on this data: {why}",
        "ko": "학습자는 몸통 {card} 카드를 바꿀 수 없는데, 이 카드는 이 데이터에 맞지 않습니다: {why}",
    },
    "challenge.unwinnable_misfit": {
        "en": "no head fits it here.",
        "ko": "여기서는 어떤 머리도 맞지 않습니다.",
    },
    "challenge.unwinnable_units": {
        "en": "each brick may have at most {units} units, but on this data the head must end in {needed} numbers",
        "ko": "블록마다 유닛은 최대 {units}개인데, 이 데이터에서는 머리가 숫자 {needed}개를 내야 합니다",
    },
    "challenge.unwinnable_hidden": {
        "en": "the choice of {part} is hidden and the starting figure has none, so learners can never pick one",
        "ko": "{part} 선택을 숨겼고 시작 피규어에도 없어서, 학습자가 끝내 고를 수 없습니다",
    },
    # --- a challenge link that cannot be used ---------------------------------------------------
    "challenge.refused": {
        "en": "This challenge link could not be used, so the page is in its normal mode.",
        "ko": "이 도전 과제 링크는 쓸 수 없어서, 페이지가 보통 모드로 열렸습니다.",
    },
    "challenge.bad_link": {
        "en": "The link's challenge is damaged, cut short or far too long.",
        "ko": "링크의 도전 과제가 손상되었거나, 잘렸거나, 너무 깁니다.",
    },
    "challenge.unknown_key": {
        "en": "A challenge has no setting called “{value}”.",
        "ko": "도전 과제에는 “{value:”이라는} 설정이 없습니다.",
    },
    "challenge.no_setting": {
        "en": "This data set has no setting “{what}”.",
        "ko": "이 데이터에는 “{what}” 설정이 없습니다.",
    },
    "challenge.bad_version": {
        "en": "This challenge was written by another version of Minifig ({value}).",
        "ko": "이 도전 과제는 다른 버전의 Minifig로 만들어졌습니다 ({value}).",
    },
    "challenge.unknown_control": {
        "en": "There is no control called “{value}” to hide; controls are: {choices}.",
        "ko": "숨길 수 있는 “{value:”이라는} 조작 요소는 없습니다. 조작 요소: {choices}.",
    },
    "challenge.goal_misfit": {
        "en": "The goal “{goal}” does not fit this data set's answers.",
        "ko": "목표 “{goal:”은} 이 데이터의 답에 맞지 않습니다.",
    },
    "challenge.needs_validation": {
        "en": "A goal on the validation data needs a validation share above 0.",
        "ko": "검증 데이터에 대한 목표에는 0보다 큰 검증 데이터 비율이 필요합니다.",
    },
    "challenge.goal": {"en": "The goal", "ko": "목표"},
    "challenge.target": {"en": "The goal's number", "ko": "목표 숫자"},
    "challenge.max_bricks": {"en": "The most head bricks", "ko": "머리 블록 최대 개수"},
    "challenge.max_units": {"en": "The most units in a brick", "ko": "블록 하나의 최대 유닛 수"},
    "challenge.hide": {"en": "The hidden controls", "ko": "숨긴 조작 요소"},
    # --- goals ----------------------------------------------------------------------------------
    "challenge_goal.val_accuracy": {"en": "validation accuracy ≥ {target}", "ko": "검증 정확도 ≥ {target}"},
    "challenge_goal.accuracy": {"en": "training accuracy ≥ {target}", "ko": "학습 정확도 ≥ {target}"},
    "challenge_goal.val_loss": {"en": "validation loss ≤ {target}", "ko": "검증 손실 ≤ {target}"},
    "challenge_goal.loss": {"en": "training loss ≤ {target}", "ko": "학습 손실 ≤ {target}"},
    "challenge_goal.val_mae": {"en": "validation mean abs. error ≤ {target}", "ko": "검증 평균 절대 오차 ≤ {target}"},
    "challenge_goal.mae": {"en": "training mean abs. error ≤ {target}", "ko": "학습 평균 절대 오차 ≤ {target}"},
    # --- the learner's banner -------------------------------------------------------------------
    "challenge.banner": {
        "en": "**Challenge** on “{data}”: reach **{goal}**.",
        "ko": "**도전 과제** “{data}”: **{goal}**에 도달하세요.",
    },
    "challenge.rule_bricks": {"en": "head bricks: at most {n}", "ko": "머리 블록 최대 {n}개"},
    "challenge.rule_units": {"en": "units in a brick: at most {n}", "ko": "블록 하나에 유닛 최대 {n}개"},
    "challenge.rule_torso": {"en": "the torso is {card}", "ko": "몸통은 {card}"},
    "challenge.rule_legs": {"en": "the legs are {card}", "ko": "다리는 {card}"},
    "challenge.rules": {"en": "Limits: {rules}.", "ko": "제한: {rules}."},
    "challenge.now": {"en": "Now: {value} after {n} epochs.", "ko": "지금: {n} 에포크 후 {value}."},
    "challenge.done": {
        "en": "Goal reached: {goal} — now {value}. Well done!",
        "ko": "목표 달성: {goal} — 지금 {value}. 잘했어요!",
    },
    "challenge.leave": {"en": "Leave the challenge", "ko": "도전 과제 그만두기"},
    # --- limits a figure breaks -----------------------------------------------------------------
    "challenge.limit_data": {
        "en": "The challenge is on its own data and settings: choose them as the link gave them.",
        "ko": "이 도전 과제는 정해진 데이터와 설정으로 합니다. 링크가 준 대로 고르세요.",
    },
    "challenge.limit_bricks": {
        "en": "The head has {n} bricks; the challenge allows at most {high}.",
        "ko": "머리에 블록이 {n}개 있습니다. 이 도전 과제는 최대 {high}개까지 허용합니다.",
    },
    "challenge.limit_units": {
        "en": "Brick {i} has {n} units; the challenge allows at most {high}.",
        "ko": "{i}번 블록의 유닛이 {n}개입니다. 이 도전 과제는 최대 {high}개까지 허용합니다.",
    },
    "challenge.limit_torso": {
        "en": "The challenge fixes the torso: {card}.",
        "ko": "이 도전 과제는 몸통이 {card:으로} 정해져 있습니다.",
    },
    "challenge.limit_legs": {
        "en": "The challenge fixes the legs: {card}.",
        "ko": "이 도전 과제는 다리가 {card:으로} 정해져 있습니다.",
    },
    "challenge.brick_refused": {
        "en": "Head bricks are limited to {n} in this challenge: remove one before adding another.",
        "ko": "이 도전 과제에서 머리 블록은 {n}개까지입니다. 하나를 빼고 더하세요.",
    },
    "challenge.fixed_help": {"en": "Fixed by the challenge", "ko": "도전 과제로 정해짐"},
    # --- the teacher's panel --------------------------------------------------------------------
    "challenge.make": {"en": "Make a challenge (for teachers)", "ko": "도전 과제 만들기 (선생님용)"},
    "challenge.make_help": {
        "en": "The challenge uses the data set and settings chosen above. Share the link: a learner who opens "
        "it sees the goal, keeps to the limits and is told when the goal is reached.",
        "ko": "도전 과제는 위에서 고른 데이터와 설정을 씁니다. 링크를 공유하세요. 링크를 연 학습자는 목표를 보고, "
        "제한을 지키며, 목표에 도달하면 알림을 받습니다.",
    },
    "challenge.pick_goal": {"en": "Goal", "ko": "목표"},
    "challenge.pick_target": {"en": "Goal's number", "ko": "목표 숫자"},
    "challenge.pick_bricks": {"en": "Most head bricks (0: no limit)", "ko": "머리 블록 최대 개수 (0: 제한 없음)"},
    "challenge.pick_units": {"en": "Most units in a brick (0: no limit)", "ko": "블록 하나의 최대 유닛 (0: 제한 없음)"},
    "challenge.fix_torso": {"en": "Fix the torso: {card}", "ko": "몸통 고정: {card}"},
    "challenge.fix_legs": {"en": "Fix the legs: {card}", "ko": "다리 고정: {card}"},
    "challenge.keep_head": {"en": "Give learners my head as a start", "ko": "내 머리를 시작점으로 주기"},
    "challenge.pick_hidden": {"en": "Hide these controls", "ko": "이 조작 요소 숨기기"},
    "challenge.needs_val": {
        "en": "Set a validation share above 0 (data panel) for goals on the validation data.",
        "ko": "검증 데이터 목표를 쓰려면 데이터 패널에서 검증 데이터 비율을 0보다 크게 하세요.",
    },
    "challenge.no_csv": {
        "en": "Challenges work on the built-in data sets, not on your own CSV file.",
        "ko": "도전 과제는 내장 데이터에서만 됩니다. 내 CSV 파일로는 만들 수 없습니다.",
    },
    "challenge.needs_figure": {
        "en": "The link appears when every setting of the figure is usable.",
        "ko": "피규어의 모든 설정이 올바르면 링크가 나타납니다.",
    },
    "challenge.hide_none": {"en": "Nothing hidden", "ko": "숨긴 것 없음"},
    "challenge.link": {"en": "The challenge's link:", "ko": "도전 과제 링크:"},
    "challenge_control.data": {"en": "data panel", "ko": "데이터 패널"},
    "challenge_control.torso": {"en": "torso choice", "ko": "몸통 선택"},
    "challenge_control.legs": {"en": "legs choice", "ko": "다리 선택"},
    "challenge_control.lr": {"en": "learning rate", "ko": "학습률"},
    "challenge_control.training": {"en": "epochs and batch size", "ko": "에포크와 배치 크기"},
    "challenge_control.take_home": {"en": "take it home", "ko": "가져가기"},
    "challenge_control.inside": {"en": "look inside", "ko": "안을 들여다보기"},
    "challenge_control.compare": {"en": "compare figures", "ko": "피규어 비교"},
    # --- the figure card --------------------------------------------------------------------------
    "card.download": {"en": "Download the figure card (PNG)", "ko": "피규어 카드 내려받기 (PNG)"},
    "card.help": {
        "en": "A picture of the figure, its bricks, its curves, an answer and a QR code of this page's link.",
        "ko": "피규어, 블록, 곡선, 답 하나, 그리고 이 페이지 링크의 QR 코드가 담긴 그림입니다.",
    },
    "card.title": {"en": "My Minifig", "ko": "나의 Minifig"},
    "card.bricks": {"en": "Bricks", "ko": "블록"},
    "card.curve": {"en": "Loss per epoch", "ko": "에포크별 손실"},
    "card.untrained": {"en": "Not trained yet", "ko": "아직 학습하지 않음"},
    "card.after": {
        "en": "after {n} epochs: loss {loss}, {metric} {value}",
        "ko": "{n} 에포크 후: 손실 {loss}, {metric} {value}",
    },
    "card.question": {"en": "Question: {question}", "ko": "질문: {question}"},
    "card.scan": {"en": "Scan to open this figure", "ko": "스캔하면 이 피규어가 열립니다"},
    "card.no_question": {"en": "Ask it on the page", "ko": "페이지에서 물어보세요"},
}
