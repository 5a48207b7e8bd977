"""The sentences of the data sets, the learner's CSV and the eyes, in English and Korean.

Kept apart while the data work is built; merge into `minifig.i18n.STRINGS` (`STRINGS.update(DATA_STRINGS)`).
"""

from __future__ import annotations

DATA_STRINGS: dict[str, dict[str, str]] = {
    # --- data set titles ----------------------------------------------------------------------
    "dataset.circle": {"en": "Circle: inside or outside?", "ko": "원: 안쪽일까 바깥쪽일까?"},
    "dataset.xor": {"en": "XOR: same signs or different?", "ko": "XOR: 부호가 같을까 다를까?"},
    "dataset.gauss": {"en": "Two clouds: which one?", "ko": "구름 두 개: 어느 쪽일까?"},
    "dataset.moons": {"en": "Two moons: which one?", "ko": "반달 두 개: 어느 쪽일까?"},
    "dataset.spiral": {"en": "Spiral: which arm?", "ko": "나선: 어느 팔일까?"},
    "dataset.blobs": {"en": "Three clouds: which one? (3 classes)", "ko": "구름 세 개: 어느 것일까? (3종류)"},
    "dataset.sine": {"en": "Sine curve: guess the number", "ko": "사인 곡선: 숫자 맞히기"},
    "dataset.plane": {"en": "Tilted plane: guess the number", "ko": "기울어진 평면: 숫자 맞히기"},
    "dataset.digits": {
        "en": "Handwritten digits (8×8 images, 10 classes)",
        "ko": "손글씨 숫자 (8×8 이미지, 10종류)",
    },
    "dataset.csv": {"en": "Your own CSV file", "ko": "내 CSV 파일"},
    # --- what the inputs and answers are --------------------------------------------------------
    "feature.point": {"en": "a point (x₁, x₂)", "ko": "점 하나 (x₁, x₂)"},
    "feature.pixels": {"en": "64 pixel brightnesses (an 8×8 image)", "ko": "픽셀 밝기 64개 (8×8 이미지)"},
    "feature.csv": {"en": "the columns of your file", "ko": "내 파일의 열"},
    "label.outside": {"en": "outside", "ko": "바깥쪽"},
    "label.inside": {"en": "inside", "ko": "안쪽"},
    "label.same_sign": {"en": "same signs", "ko": "부호가 같음"},
    "label.different_sign": {"en": "different signs", "ko": "부호가 다름"},
    "label.lower_left_cloud": {"en": "lower-left cloud", "ko": "왼쪽 아래 구름"},
    "label.upper_right_cloud": {"en": "upper-right cloud", "ko": "오른쪽 위 구름"},
    "label.upper_moon": {"en": "upper moon", "ko": "위쪽 반달"},
    "label.lower_moon": {"en": "lower moon", "ko": "아래쪽 반달"},
    "label.first_arm": {"en": "first arm", "ko": "첫째 팔"},
    "label.second_arm": {"en": "second arm", "ko": "둘째 팔"},
    "label.top_cloud": {"en": "top cloud", "ko": "위쪽 구름"},
    "label.left_cloud": {"en": "left cloud", "ko": "왼쪽 구름"},
    "label.right_cloud": {"en": "right cloud", "ko": "오른쪽 구름"},
    "label_kind.binary": {"en": "yes/no (two kinds)", "ko": "예/아니오 (두 종류)"},
    "label_kind.classes": {"en": "classes (one of several)", "ko": "종류 (여럿 중 하나)"},
    "label_kind.number": {"en": "a number", "ko": "숫자"},
    # --- data settings --------------------------------------------------------------------------
    "field.n_samples": {"en": "Number of examples", "ko": "예제 수"},
    "field.noise": {"en": "Noise", "ko": "잡음"},
    "field.data_seed": {"en": "Data seed", "ko": "데이터 시드"},
    # --- the eyes -------------------------------------------------------------------------------
    "eyes.title": {"en": "Eyes: what the head sees", "ko": "눈: 머리가 보는 것"},
    "eyes.help": {
        "en": "Pick the views of each point that go into the head. The right view can make a hard problem easy.",
        "ko": "각 점의 어떤 모습을 머리에 넣을지 고르세요. 알맞은 모습을 주면 어려운 문제도 쉬워집니다.",
    },
    "eyes.none": {"en": "Pick at least one view.", "ko": "모습을 하나 이상 고르세요."},
    "view.across": {"en": "x₁: how far right the point is", "ko": "x₁: 점이 얼마나 오른쪽에 있는지"},
    "view.up": {"en": "x₂: how high the point is", "ko": "x₂: 점이 얼마나 위에 있는지"},
    "view.across_squared": {
        "en": "x₁²: how far from the middle, left or right",
        "ko": "x₁²: 가운데에서 왼쪽이나 오른쪽으로 얼마나 먼지",
    },
    "view.up_squared": {
        "en": "x₂²: how far from the middle, up or down",
        "ko": "x₂²: 가운데에서 위나 아래로 얼마나 먼지",
    },
    "view.product": {
        "en": "x₁·x₂: positive when x₁ and x₂ have the same sign",
        "ko": "x₁·x₂: x₁과 x₂의 부호가 같으면 양수",
    },
    "view.wave_across": {"en": "sin x₁: a wave from left to right", "ko": "sin x₁: 왼쪽에서 오른쪽으로 가는 물결"},
    "view.wave_up": {"en": "sin x₂: a wave from bottom to top", "ko": "sin x₂: 아래에서 위로 가는 물결"},
    # --- the learner's CSV ------------------------------------------------------------------------
    "csv.upload": {"en": "Upload a CSV file", "ko": "CSV 파일 올리기"},
    "csv.upload_help": {
        "en": "A table saved as CSV: one row per example, one column per number, with names in the first row.",
        "ko": "CSV로 저장한 표: 한 줄에 예제 하나, 한 열에 숫자 하나, 첫 줄에는 열 이름을 적으세요.",
    },
    "csv.answer_column": {"en": "Which column is the answer?", "ko": "어느 열이 정답인가요?"},
    "csv.label_kind": {"en": "What kind of answer is it?", "ko": "어떤 종류의 답인가요?"},
    "csv.inferred": {
        "en": "The answers look like {kind}. Change it if that is wrong.",
        "ko": "답이 {kind:으로} 보입니다. 틀렸다면 바꾸세요.",
    },
    "csv.preview": {"en": "The first rows of your file", "ko": "내 파일의 첫 몇 줄"},
    "csv.loaded": {
        "en": "Your file is ready: {rows} examples, {inputs} inputs, answers from “{column}”.",
        "ko": "파일 준비 완료: 예제 {rows}개, 입력 {inputs}개, 정답은 “{column}” 열입니다.",
    },
    "csv.starts_normalized": {
        "en": "The figure starts with a Normalization brick: {why}",
        "ko": "피규어가 Normalization 블록으로 시작합니다: {why}",
    },
    "csv.refused": {
        "en": "This file could not be used; your data is unchanged:",
        "ko": "이 파일은 쓸 수 없습니다. 지금 데이터는 그대로입니다:",
    },
    "csv.drop_missing": {
        "en": "Leave out the rows with empty cells ({rows})",
        "ko": "빈칸이 있는 줄 빼기 ({rows}줄)",
    },
    "csv.dropped": {
        "en": "Rows with empty cells were left out: {rows}.",
        "ko": "빈칸이 있는 줄을 뺐습니다: {rows}줄.",
    },
    "csv.too_big": {
        "en": "This file is too big: a CSV file can be at most {mb} MB.",
        "ko": "파일이 너무 큽니다: CSV 파일은 최대 {mb} MB까지 됩니다.",
    },
    "csv.not_csv": {
        "en": "This is not a CSV file. Save your table as CSV (comma-separated values) and upload that.",
        "ko": "CSV 파일이 아닙니다. 표를 CSV(쉼표로 구분된 값) 형식으로 저장해서 올리세요.",
    },
    "csv.empty": {"en": "This file is empty.", "ko": "빈 파일입니다."},
    "csv.no_rows": {
        "en": "This file has column names but no rows of data.",
        "ko": "이 파일에는 열 이름만 있고 데이터 줄이 없습니다.",
    },
    "csv.too_many_rows": {
        "en": "This file has {rows} rows; at most {max} can be used.",
        "ko": "이 파일은 {rows}줄입니다. 최대 {max}줄까지만 쓸 수 있습니다.",
    },
    "csv.too_many_columns": {
        "en": "This file has {columns} columns; at most {max} can be used.",
        "ko": "이 파일은 열이 {columns}개입니다. 최대 {max}개까지만 쓸 수 있습니다.",
    },
    "csv.ragged": {
        "en": "Row {row} has {cells} cells, but the first row names only {columns} columns. Look for an extra comma.",
        "ko": "{row}번째 줄에는 칸이 {cells}개 있는데, 첫 줄의 열 이름은 {columns}개뿐입니다. 쉼표가 더 있는지 보세요.",
    },
    "csv.no_numbers": {
        "en": "No column of this file holds only numbers, so there is nothing to give the head.",
        "ko": "숫자만 들어 있는 열이 하나도 없어서, 머리에 넣어 줄 것이 없습니다.",
    },
    "csv.unknown_column": {
        "en": "There is no column called “{column}”. The columns are: {columns}.",
        "ko": "“{column:”이라는} 열이 없습니다. 있는 열: {columns}.",
    },
    "csv.no_features": {
        "en": "Besides the answer “{column}” there is no column left to learn from. Add a column of inputs.",
        "ko": "정답 열 “{column}” 말고는 배울 열이 없습니다. 입력 열을 추가하세요.",
    },
    "csv.text_in_feature": {
        "en": "The column “{column}” is an input, so it must hold numbers, but row {row} has “{value}”.",
        "ko": "“{column}” 열은 입력이라 숫자만 있어야 하는데, {row}번째 줄에 “{value:”이} 있습니다.",
    },
    "csv.number_too_big": {
        "en": "Row {row} of “{column}” holds a number too big to compute with: “{value}”. "
        "Numbers can be at most {max}, plus or minus.",
        "ko": "“{column}” 열 {row}번째 줄에 너무 큰 수가 있습니다: “{value}”. "
        "피규어는 크기가 {max}까지인 수만 계산할 수 있습니다.",
    },
    "csv.missing": {
        "en": "Rows with empty cells: {rows} (in {columns}). Fill them in, or leave those rows out.",
        "ko": "빈칸이 있는 줄: {rows}줄 ({columns} 열). 빈칸을 채우거나 그 줄을 빼세요.",
    },
    "csv.nothing_left": {
        "en": "Every row has an empty cell, so no rows are left to learn from.",
        "ko": "모든 줄에 빈칸이 있어서, 배울 줄이 하나도 남지 않습니다.",
    },
    "csv.one_class": {
        "en": "Every answer in “{column}” is “{value}”, so there is nothing to learn. The answers must differ.",
        "ko": "“{column}” 열의 답이 모두 “{value:”이라서} 배울 것이 없습니다. 답이 서로 달라야 합니다.",
    },
    "csv.answer_not_number": {
        "en": "The answers in “{column}” are not all numbers (one is “{value}”), so they cannot be number answers.",
        "ko": "“{column}” 열의 답이 모두 숫자는 아니라서(“{value:”이} 있음) 숫자 답으로 쓸 수 없습니다.",
    },
    "csv.not_two_classes": {
        "en": "Yes/no answers need exactly two different values, but “{column}” has {n}.",
        "ko": "예/아니오 답은 서로 다른 값이 딱 두 개여야 하는데, “{column}” 열에는 {n}개가 있습니다.",
    },
    "csv.too_many_classes": {
        "en": "“{column}” has {n} different answers; classes can be at most {max}. Try number answers instead.",
        "ko": "“{column}” 열에는 서로 다른 답이 {n}개 있습니다. 종류는 최대 {max}개까지입니다. 숫자 답으로 해 보세요.",
    },
}
