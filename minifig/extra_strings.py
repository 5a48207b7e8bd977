"""The sentences of time travel, the typed table and the brick meter, in English and Korean.

Merged into `minifig.i18n.STRINGS` (`STRINGS.update(EXTRA_STRINGS)`).
"""

from __future__ import annotations

EXTRA_STRINGS: dict[str, dict[str, str]] = {
    # --- time travel ------------------------------------------------------------------------------
    "timeline.slider": {
        "en": "Time travel: show the figure after epoch",
        "ko": "시간 여행: 이 에포크 뒤의 피규어 보기",
    },
    "timeline.help": {
        "en": "Drag back to see the figure as it was after an earlier epoch: the curves up to then, its answer "
        "and its map. Nothing is undone; the end of the slider is now.",
        "ko": "뒤로 끌면 앞선 에포크 뒤의 피규어를 볼 수 있습니다: 그때까지의 곡선, 그때의 답과 지도. "
        "학습은 되돌려지지 않습니다. 슬라이더의 끝이 지금입니다.",
    },
    "timeline.now": {
        "en": "Showing **now**: the figure after all {n} epochs. Drag the slider back to travel in time.",
        "ko": "**지금** 모습: {n} 에포크를 모두 학습한 피규어입니다. 슬라이더를 뒤로 끌면 시간 여행을 합니다.",
    },
    "timeline.past": {
        "en": "**Time travel: epoch {epoch} of {n}.** The curves, the answer and the map are as they were then "
        "(loss {loss} · {metric} {value}). The trained figure is kept.",
        "ko": "**시간 여행: {n} 에포크 중 {epoch} 에포크.** 곡선, 답, 지도가 그때 모습입니다 "
        "(손실 {loss} · {metric} {value}). 학습한 피규어는 그대로 있습니다.",
    },
    "timeline.before": {
        "en": "**Time travel: before training (epoch 0 of {n}).** The head still babbles. The trained figure is kept.",
        "ko": "**시간 여행: 학습 전 ({n} 에포크 중 0 에포크).** 머리가 아직 옹알이를 합니다. 학습한 피규어는 "
        "그대로 있습니다.",
    },
    "timeline.back": {"en": "Back to now", "ko": "지금으로 돌아가기"},
    "timeline.stride": {
        "en": "A long run: one epoch in every {stride} was kept, so the slider moves in steps of {stride}.",
        "ko": "긴 학습이라 {stride} 에포크마다 하나씩 남겨서, 슬라이더가 {stride}씩 움직입니다.",
    },
    "timeline.answer": {
        "en": "The answer as it was after epoch {epoch} of {n} (time travel).",
        "ko": "{n} 에포크 중 {epoch} 에포크 뒤의 답입니다 (시간 여행).",
    },
    # --- the typed table --------------------------------------------------------------------------
    "dataset.table": {"en": "Type your own table", "ko": "직접 표 입력하기"},
    "dataset.table_in_use": {"en": "Your typed table", "ko": "직접 입력한 표"},
    "feature.table": {"en": "the x columns of your table", "ko": "내 표의 x 열"},
    "table.title": {"en": "Type your own table", "ko": "직접 표 입력하기"},
    "table.help": {
        "en": "One row per example: the inputs x, then the true answer y. Add rows at the bottom, change an "
        "answer, or type your own little problem; every good change is used at once, no file needed.",
        "ko": "한 줄에 예제 하나: 입력 x, 그다음 정답 y. 맨 아래에 줄을 더하거나, 답을 바꾸거나, 나만의 작은 "
        "문제를 입력하세요. 올바른 변경은 바로 쓰이고, 파일은 필요 없습니다.",
    },
    "table.inputs": {"en": "Input columns", "ko": "입력 열 수"},
    "table.in_use": {
        "en": "Your table is in use: {rows} examples, input columns: {inputs}, answers like {kind}.",
        "ko": "내 표를 쓰는 중: 예제 {rows}개, 입력 {inputs}개, 답은 {kind} 같습니다.",
    },
    "table.not_in_use": {
        "en": "Edit the table, or pick “Type your own table” above, to learn it.",
        "ko": "표를 고치거나 위에서 “직접 표 입력하기”를 고르면 이 표를 배웁니다.",
    },
    "table.refused": {
        "en": "This table cannot be used yet; the last good table stays in use:",
        "ko": "이 표는 아직 쓸 수 없습니다. 마지막으로 올바른 표를 계속 씁니다:",
    },
    "table.refused_none": {
        "en": "This table cannot be used yet; your data is unchanged:",
        "ko": "이 표는 아직 쓸 수 없습니다. 지금 데이터는 그대로입니다:",
    },
    "table.kept_figure": {
        "en": "Your table is in use and the figure still fits it: compile and train.",
        "ko": "내 표를 쓰고 있고 피규어도 그대로 맞습니다: 조립하고 학습하세요.",
    },
    "table.new_figure": {
        "en": "Your table is in use; it needs a different ending, so a figure that fits it was put in.",
        "ko": "내 표를 쓰고 있습니다. 다른 끝부분이 필요해서 표에 맞는 피규어로 바꿨습니다.",
    },
    "table.empty": {
        "en": "The table has no examples. Type at least two rows.",
        "ko": "표에 예제가 없습니다. 적어도 두 줄을 입력하세요.",
    },
    "table.too_many_rows": {
        "en": "The table has {rows} rows; at most {max} can be typed. Upload a CSV file for more.",
        "ko": "표가 {rows}줄입니다. 최대 {max}줄까지 입력할 수 있습니다. 더 많으면 CSV 파일을 올리세요.",
    },
    "table.no_numbers": {
        "en": "No column of the table holds only numbers, so there is nothing to give the head.",
        "ko": "숫자만 들어 있는 열이 하나도 없어서, 머리에 넣어 줄 것이 없습니다.",
    },
    "table.missing": {
        "en": "Rows with empty cells: {rows} (in {columns}). Fill them in, or delete those rows.",
        "ko": "빈칸이 있는 줄: {rows}줄 ({columns} 열). 빈칸을 채우거나 그 줄을 지우세요.",
    },
    # --- the brick meter --------------------------------------------------------------------------
    "meter.brick": {"en": "{n} weights", "ko": "가중치 {n}개"},
    "meter.brick_measured": {
        "en": "no weights to train · {n} numbers measured from the data",
        "ko": "학습할 가중치 없음 · 데이터에서 잰 숫자 {n}개",
    },
    "meter.help_measured": {
        "en": "When you compile, this brick measures each input's average and spread on the training part and "
        "keeps them (a mean and a variance per input, and a count). Training never changes them.",
        "ko": "조립할 때 이 블록이 학습 데이터에서 입력마다 평균과 퍼짐을 재어 간직합니다(입력마다 평균과 분산, "
        "그리고 개수 하나). 학습은 이 숫자를 바꾸지 않습니다.",
    },
    "meter.total": {"en": "**{n} weights** in the head", "ko": "머리에 **가중치 {n}개**"},
    "meter.speed": {"en": "last training: {time} per epoch", "ko": "지난 학습: 에포크당 {time}"},
    "meter.help": {
        "en": "Every number a brick keeps and training changes: a weight per input per unit, and a bias per unit.",
        "ko": "블록이 간직하고 학습이 바꾸는 모든 숫자: 뉴런마다 입력 하나당 가중치 하나, 그리고 편향 하나.",
    },
}
