"""Every learner-facing sentence of the core and the page, in English and Korean.

`t(key, lang, **values)` looks a sentence up and fills its `{placeholders}`. A `Message` is a
sentence not yet put into a language: the core returns messages, the page picks the language.
A Korean placeholder may name the particle that follows it, `{what:은}`, `{card:을}`, `{kind:으로}`:
the particle takes the form that fits the filled-in value (`minifig.particles`). Characters before the
particle are written between the value and it: `“{value:”이라는}` gives “relu”라는.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field

from minifig.brick_strings import BRICK_STRINGS
from minifig.challenge_strings import CHALLENGE_STRINGS
from minifig.data_strings import DATA_STRINGS
from minifig.explain_strings import EXPLAIN_STRINGS
from minifig.extra_strings import EXTRA_STRINGS
from minifig.lesson_strings import LESSON_STRINGS
from minifig.loop_strings import LOOP_STRINGS
from minifig.page_strings import PAGE_STRINGS
from minifig.particles import FORMS, attach
from minifig.room_strings import ROOM_STRINGS

LANGUAGES = ("en", "ko")

STRINGS: dict[str, dict[str, str]] = {
    # --- validation ---------------------------------------------------------------------------
    "problem.not_a_number": {
        "en": "{what} must be a number, but it is “{value}”.",
        "ko": "{what}에는 숫자가 들어가야 하는데 “{value:”이} 들어 있습니다.",
    },
    "problem.not_whole": {
        "en": "{what} must be a whole number, but it is {value}.",
        "ko": "{what}에는 정수가 들어가야 하는데 {value}입니다.",
    },
    "problem.too_small": {
        "en": "{what} is {value}, but it must be at least {low}.",
        "ko": "{what:이} {value}인데, {low} 이상이어야 합니다.",
    },
    "problem.too_large": {
        "en": "{what} is {value}, but it can be at most {high}.",
        "ko": "{what:이} {value}인데, 최대 {high}까지만 됩니다.",
    },
    "problem.bad_choice": {
        "en": "{what} cannot be “{value}”; choose one of: {choices}.",
        "ko": "{what:은} “{value:”이} 될 수 없습니다. 다음 중에서 고르세요: {choices}.",
    },
    "problem.unknown_card": {
        "en": "There is no card called “{value}”.",
        "ko": "“{value:”이라는} 카드는 없습니다.",
    },
    "problem.wrong_kind": {
        "en": "“{value}” is a {kind} card and cannot go in the {part}.",
        "ko": "“{value:”은} {kind} 카드라서 {part}에 넣을 수 없습니다.",
    },
    "problem.unknown_param": {
        "en": "The {card} card has no setting called “{value}”.",
        "ko": "{card} 카드에는 “{value:”이라는} 설정이 없습니다.",
    },
    "problem.too_many_layers": {
        "en": "The head has {value} bricks; at most {high} fit on one figure.",
        "ko": "머리에 블록이 {value}개 있습니다. 한 피규어에는 최대 {high}개까지만 들어갑니다.",
    },
    "problem.unknown_dataset": {
        "en": "There is no data set called “{value}”.",
        "ko": "“{value:”이라는} 데이터는 없습니다.",
    },
    "problem.malformed": {
        "en": "{what} is missing or has the wrong shape.",
        "ko": "{what:이} 없거나 형식이 맞지 않습니다.",
    },
    # --- names used inside messages -------------------------------------------------------------
    "part.head": {"en": "head", "ko": "머리"},
    "part.torso": {"en": "torso", "ko": "몸통"},
    "part.legs": {"en": "legs", "ko": "다리"},
    "kind.layer": {"en": "layer", "ko": "층"},
    "kind.loss": {"en": "loss", "ko": "손실"},
    "kind.optimizer": {"en": "optimizer", "ko": "옵티마이저"},
    "field.units": {"en": "Units", "ko": "뉴런 수"},
    "field.activation": {"en": "Activation", "ko": "활성화 함수"},
    "field.rate": {"en": "Dropout rate", "ko": "드롭아웃 비율"},
    "field.regularizer": {"en": "Weight penalty", "ko": "가중치 벌점"},
    "choice.none": {"en": "none", "ko": "없음"},
    "choice.l1": {"en": "L1 (many weights to 0)", "ko": "L1 (많은 가중치를 0으로)"},
    "choice.l2": {"en": "L2 (all weights small)", "ko": "L2 (모든 가중치를 작게)"},
    "field.reg_rate": {"en": "Penalty rate", "ko": "벌점 비율"},
    "field.filters": {"en": "Filters", "ko": "필터 수"},
    "field.kernel_size": {"en": "Filter size", "ko": "필터 크기"},
    "field.pool_size": {"en": "Pool size", "ko": "풀 크기"},
    "shape.needs_image": {
        "en": "{card} (brick {position}) needs an image, but the numbers reaching it are already laid out flat.",
        "ko": "{card}(블록 {position})에는 이미지가 필요한데, 여기 오는 숫자는 이미 한 줄로 펼쳐져 있습니다.",
    },
    "shape.no_images": {
        "en": "{card} (brick {position}) works on images, and this data is not images.",
        "ko": "{card}(블록 {position})는 이미지에 쓰는 블록인데, 이 데이터는 이미지가 아닙니다.",
    },
    "shape.too_small": {
        "en": "{card} (brick {position}) gets an image of only {rows} × {columns}: too small to shrink further.",
        "ko": "{card}(블록 {position})에 오는 이미지가 {rows} × {columns}밖에 안 되어 더 줄일 수 없습니다.",
    },
    "shape.dense_on_image": {
        "en": "{card} (brick {position}) gets an image, but Dense reads one flat line of numbers.",
        "ko": "{card}(블록 {position})에 이미지가 오는데, Dense는 한 줄로 펼친 숫자만 읽습니다.",
    },
    "shape.ends_as_image": {
        "en": "The head ends with an image ({shape}), not with answers.",
        "ko": "머리가 답이 아니라 이미지({shape})로 끝납니다.",
    },
    "fix.shape": {
        "en": "Put image bricks (Conv2D, MaxPooling2D) first, then Flatten, then Dense bricks ending with "
        "Dense({units}, {activation}). On data that is not images, remove Conv2D and MaxPooling2D.",
        "ko": "이미지 블록(Conv2D, MaxPooling2D)을 먼저, 그다음 Flatten, 그다음 Dense 블록을 놓고 "
        "Dense({units}, {activation:)으로} 끝내세요. 이미지가 아닌 데이터에서는 Conv2D와 MaxPooling2D를 빼세요.",
    },
    "field.learning_rate": {"en": "Learning rate", "ko": "학습률"},
    "field.momentum": {"en": "Momentum", "ko": "모멘텀"},
    "field.epochs": {"en": "Epochs", "ko": "에포크"},
    "field.batch_size": {"en": "Batch size", "ko": "배치 크기"},
    "field.validation_split": {"en": "Validation share", "ko": "검증 데이터 비율"},
    "field.seed": {"en": "Seed", "ko": "시드"},
    "field.card": {"en": "Card", "ko": "카드"},
    "field.head": {"en": "The head", "ko": "머리"},
    "field.torso": {"en": "The torso", "ko": "몸통"},
    "field.legs": {"en": "The legs", "ko": "다리"},
    "field.training": {"en": "The training settings", "ko": "학습 설정"},
    "field.dataset": {"en": "The data set", "ko": "데이터"},
    "field.eyes": {"en": "The eyes", "ko": "눈"},
    "field.figure": {"en": "The figure description", "ko": "피규어 설명"},
    "where.brick": {"en": "{what} of brick {n}", "ko": "{n}번 블록의 {what}"},
    # --- fit check ----------------------------------------------------------------------------
    "misfit.empty_head": {
        "en": "The head has no bricks, so it cannot answer anything.",
        "ko": "머리에 블록이 하나도 없어서 아무 답도 할 수 없습니다.",
    },
    "fix.empty_head": {
        "en": "Drag a Dense card into the head.",
        "ko": "Dense 카드를 머리로 끌어다 놓으세요.",
    },
    "misfit.width": {
        "en": "The last layer gives {width} {numbers}, but the answer is {expected}.",
        "ko": "마지막 층은 숫자 {width}개를 내놓는데, 답은 {expected}입니다.",
    },
    "fix.width": {
        "en": "End the head with Dense({units}, {activation}).",
        "ko": "머리의 마지막을 Dense({units}, {activation})로 끝내세요.",
    },
    "answer.binary": {"en": "one yes/no", "ko": "예/아니오 하나"},
    "answer.classes": {"en": "one of {n} classes", "ko": "{n}가지 종류 중 하나"},
    "answer.number": {"en": "one number", "ko": "숫자 하나"},
    "misfit.loss_for_labels": {
        "en": "The torso {loss} is made for {made_for}, but this data's answer is {expected}.",
        "ko": "몸통 {loss:은} {made_for}에 쓰는 것인데, 이 데이터의 답은 {expected}입니다.",
    },
    "fix.loss_for_labels": {
        "en": "Pick a torso made for {expected}: {losses}.",
        "ko": "{expected}에 맞는 몸통을 고르세요: {losses}.",
    },
    "made_for.binary": {"en": "yes/no answers", "ko": "예/아니오 답"},
    "made_for.classes": {"en": "answers that are classes", "ko": "종류를 고르는 답"},
    "made_for.number": {"en": "number answers", "ko": "숫자 답"},
    "misfit.activation": {
        "en": "The head ends with {activation}, but the torso {loss} expects {wanted} at the end. {why}",
        "ko": "머리가 {activation:으로} 끝나는데, 몸통 {loss:은} 마지막에 {wanted:을} 기대합니다. {why}",
    },
    "fix.activation": {
        "en": "Set the last layer's activation to {wanted}.",
        "ko": "마지막 층의 활성화 함수를 {wanted:으로} 바꾸세요.",
    },
    "why.sigmoid": {
        "en": "Only sigmoid squeezes the answer between 0 and 1, as a yes/no probability must be.",
        "ko": "예/아니오 확률은 0과 1 사이여야 하는데, 그렇게 눌러 주는 것은 sigmoid입니다.",
    },
    "why.softmax": {
        "en": "Only softmax turns the numbers into class chances that add up to 1.",
        "ko": "숫자들을 합이 1인 종류별 확률로 바꿔 주는 것은 softmax입니다.",
    },
    "why.number": {
        "en": "{activation} can only say numbers between {low} and {high}, but the answers go from {y_min} to {y_max}.",
        "ko": "{activation:은} {low:과} {high} 사이의 숫자만 말할 수 있는데, 답은 {y_min}부터 {y_max}까지입니다.",
    },
    "why.hinge": {
        "en": "Hinge wants outputs around −1 and +1.",
        "ko": "힌지는 −1과 +1 근처의 출력을 원합니다.",
    },
    "why.softmax_one_unit": {
        "en": "Softmax over a single number always says 1, whatever the input.",
        "ko": "숫자 하나에 softmax를 쓰면 입력이 무엇이든 항상 1이 나옵니다.",
    },
    "misfit.no_torso": {
        "en": "The figure has no torso, so nothing tells the head how wrong its answers are.",
        "ko": "몸통이 없어서, 머리의 답이 얼마나 틀렸는지 알려 줄 것이 없습니다.",
    },
    "fix.no_torso": {"en": "Pick a loss card for the torso.", "ko": "몸통에 손실 카드를 고르세요."},
    "misfit.no_legs": {
        "en": "The figure has no legs, so nothing can change the head's weights.",
        "ko": "다리가 없어서, 머리의 가중치를 바꿔 줄 것이 없습니다.",
    },
    "fix.no_legs": {"en": "Pick an optimizer card for the legs.", "ko": "다리에 옵티마이저 카드를 고르세요."},
    "misfit.not_one_hot": {
        "en": "Categorical cross-entropy wants one-hot answers (0,0,1,…), but this data's answers are class numbers.",
        "ko": "범주형 교차 엔트로피는 원-핫(0,0,1,…) 답을 원하는데, 이 데이터의 답은 종류 번호입니다.",
    },
    "fix.not_one_hot": {
        "en": "Use sparse categorical cross-entropy instead.",
        "ko": "대신 희소 범주형 교차 엔트로피(sparse)를 쓰세요.",
    },
    "misfit.one_hot_sparse": {
        "en": "Sparse categorical cross-entropy wants class numbers, but this data's answers are one-hot (0,0,1,…).",
        "ko": "희소 범주형 교차 엔트로피는 종류 번호를 원하는데, 이 데이터의 답은 원-핫(0,0,1,…)입니다.",
    },
    "fix.one_hot_sparse": {
        "en": "Use categorical cross-entropy instead.",
        "ko": "대신 범주형 교차 엔트로피를 쓰세요.",
    },
    "suggest.spread": {
        "en": "The inputs differ a lot in size: “{narrow}” goes from {narrow_from} to {narrow_to}, “{wide}” from "
        "{wide_from} to {wide_to}. Inputs this uneven pull the first weights unevenly, so the head learns slowly.",
        "ko": "입력들의 크기 차이가 큽니다. “{narrow}” 열은 {narrow_from}부터 {narrow_to}까지, “{wide}” 열은 "
        "{wide_from}부터 {wide_to}까지입니다. 이렇게 고르지 않은 입력은 첫 가중치를 고르지 않게 끌어당겨서 머리가 "
        "느리게 배웁니다.",
    },
    "suggest.reach": {
        "en": "The inputs reach {value} (“{name}”). Numbers this big make the first weights swing, so the head "
        "learns slowly or jumps around.",
        "ko": "입력이 {value}까지 갑니다(“{name}” 열). 숫자가 이렇게 크면 첫 가중치가 크게 흔들려서 머리가 느리게 "
        "배우거나 들쭉날쭉합니다.",
    },
    "fix.normalization": {
        "en": "Put a Normalization brick first: it rescales every input to around 0 with spread 1, measured on "
        "the training part when you compile.",
        "ko": "맨 앞에 Normalization 블록을 놓으세요: 조립할 때 학습 데이터에서 재어, 모든 입력을 0 근처, 퍼짐 1로 "
        "맞춥니다.",
    },
    # --- the page ------------------------------------------------------------------------------
    "ui.title": {"en": "Minifig: build a brain from bricks", "ko": "미니피그: 블록으로 두뇌 만들기"},
    "ui.tagline": {
        "en": "Head = network, torso = loss, legs = optimizer. Build the figure, snap it together, and watch it learn.",
        "ko": "머리 = 신경망, 몸통 = 손실, 다리 = 옵티마이저. 피규어를 만들고, 조립하고, 배우는 모습을 지켜보세요.",
    },
    "ui.language": {"en": "Language", "ko": "언어"},
    "ui.copy_link": {"en": "Copy link", "ko": "링크 복사"},
    "ui.copy_link_help": {
        "en": "Copies this page's address: it opens this same figure.",
        "ko": "이 페이지 주소를 복사합니다. 주소를 열면 같은 피규어가 나옵니다.",
    },
    "ui.link_copied": {"en": "Copied!", "ko": "복사했습니다!"},
    "ui.link_not_copied": {
        "en": "Could not copy: copy the address bar instead.",
        "ko": "복사하지 못했습니다. 주소창을 직접 복사하세요.",
    },
    "layout.build": {"en": "Build the figure", "ko": "피규어 만들기"},
    "layout.train": {"en": "Train it and ask it", "ko": "학습시키고 물어보기"},
    "layout.more": {"en": "More", "ko": "더 보기"},
    "layout.tab_data": {"en": "Data", "ko": "데이터"},
    "layout.tab_results": {"en": "How well it answers", "ko": "얼마나 잘 답하나"},
    "layout.tab_inside": {"en": "Look inside", "ko": "머리 속 보기"},
    "layout.tab_take_home": {"en": "Take it home", "ko": "가져가기"},
    "layout.tab_compare": {"en": "Compare figures", "ko": "피규어 비교"},
    "layout.tab_teacher": {"en": "Make a challenge", "ko": "도전 과제 만들기"},
    "ui.dataset": {"en": "What should the figure learn?", "ko": "피규어가 무엇을 배울까요?"},
    "ui.dataset_help": {
        "en": "{n} examples. Inputs: {inputs}. Answers: {answers}.",
        "ko": "예제 {n}개. 입력: {inputs}. 답: {answers}.",
    },
    "ui.palette": {"en": "Bricks", "ko": "블록"},
    "ui.head": {"en": "Head (network)", "ko": "머리 (신경망)"},
    "ui.head_help": {
        "en": "Information enters at the eyes and flows down through the bricks, top to bottom.",
        "ko": "정보는 눈으로 들어와 블록을 위에서 아래로 지나갑니다.",
    },
    "ui.head_full": {
        "en": "The head is full: at most {n} bricks.",
        "ko": "머리가 꽉 찼습니다: 블록은 최대 {n}개입니다.",
    },
    "ui.add": {"en": "Add {card} to the head", "ko": "{card:을} 머리에 추가"},
    "ui.up": {"en": "Move up", "ko": "위로"},
    "ui.down": {"en": "Move down", "ko": "아래로"},
    "ui.remove": {"en": "Remove", "ko": "빼기"},
    "ui.weights": {"en": "{n} weights", "ko": "가중치 {n}개"},
    "ui.torso": {"en": "Torso (loss)", "ko": "몸통 (손실)"},
    "ui.legs": {"en": "Legs (optimizer)", "ko": "다리 (옵티마이저)"},
    "ui.pick_torso": {"en": "Pick a loss", "ko": "손실을 고르세요"},
    "ui.pick_legs": {"en": "Pick an optimizer", "ko": "옵티마이저를 고르세요"},
    "ui.figure": {"en": "Your figure", "ko": "나의 피규어"},
    "ui.fits": {"en": "All pieces fit.", "ko": "모든 조각이 잘 맞습니다."},
    "ui.fix": {"en": "How to fix it: {fix}", "ko": "고치는 법: {fix}"},
    "ui.suggest": {
        "en": "It fits, and could learn faster. {fix}",
        "ko": "맞게 조립되었지만 더 빨리 배울 수 있습니다. {fix}",
    },
    "ui.put_first": {"en": "Put a {card} brick first", "ko": "맨 앞에 {card} 블록 놓기"},
    "ui.compile": {"en": "Compile (snap together)", "ko": "컴파일 (조립하기)"},
    "ui.compiled": {
        "en": "Compiled: the figure is snapped together and ready to train.",
        "ko": "컴파일 완료: 피규어가 조립되어 학습할 준비가 됐습니다.",
    },
    "ui.not_compiled": {
        "en": "Not compiled yet: press Compile to snap the pieces together.",
        "ko": "아직 컴파일하지 않았습니다: 컴파일을 눌러 조각을 조립하세요.",
    },
    "ui.does_not_fit": {
        "en": "The figure does not fit yet: {reasons}",
        "ko": "피규어가 아직 맞지 않습니다: {reasons}",
    },
    "ui.train_section": {"en": "Train", "ko": "학습"},
    "ui.train": {"en": "Train", "ko": "학습 시작"},
    "ui.stop": {"en": "Stop", "ko": "멈춤"},
    "ui.reset": {"en": "Reset weights", "ko": "가중치 초기화"},
    "ui.train_uncompiled": {
        "en": "Compile the figure before training: press “Compile (snap together)”.",
        "ko": "학습하기 전에 피규어를 컴파일하세요: “컴파일 (조립하기)”를 누르세요.",
    },
    "ui.status_idle": {"en": "Not trained yet: epoch 0/{target}.", "ko": "아직 학습 전: 에포크 0/{target}."},
    "ui.status_loaded": {
        "en": "Weights loaded from a model file: no epochs here yet (epoch 0/{target}); training goes on from them.",
        "ko": "모델 파일에서 가중치를 불러왔습니다: 여기서는 아직 학습 전(에포크 0/{target})이고, "
        "학습하면 그 가중치에서 이어 갑니다.",
    },
    "ui.status_running": {"en": "Training… epoch {epoch}/{target}", "ko": "학습 중… 에포크 {epoch}/{target}"},
    "ui.status_done": {"en": "Done: epoch {epoch}/{target}.", "ko": "완료: 에포크 {epoch}/{target}."},
    "ui.status_stopped": {
        "en": "Stopped at epoch {epoch}/{target}. Press Train to go on from here.",
        "ko": "에포크 {epoch}/{target}에서 멈췄습니다. 학습 시작을 누르면 여기서부터 이어서 합니다.",
    },
    "ui.status_diverged": {
        "en": "The loss became NaN at epoch {epoch}/{target}: try a smaller learning rate, then Reset.",
        "ko": "에포크 {epoch}/{target}에서 손실이 NaN이 되었습니다: 학습률을 줄인 뒤 초기화하세요.",
    },
    "ui.status_timed_out": {
        "en": "Paused at epoch {epoch}/{target}: one run may take at most {minutes} minutes here. "
        "Press Train to go on.",
        "ko": "에포크 {epoch}/{target}에서 멈췄습니다: 여기서는 한 번에 최대 {minutes}분까지 학습합니다. "
        "학습 시작을 눌러 이어 가세요.",
    },
    "ui.status_waiting": {
        "en": "Waiting for a free trainer: {n} ahead of you. Your run starts by itself.",
        "ko": "학습할 차례를 기다리는 중: 앞에 {n}명이 있습니다. 차례가 되면 저절로 시작합니다.",
    },
    "ui.figures": {"en": "loss {loss} · {metric} {value}", "ko": "손실 {loss} · {metric} {value}"},
    "ui.figures_val": {
        "en": "· validation: loss {loss} · {metric} {value}",
        "ko": "· 검증: 손실 {loss} · {metric} {value}",
    },
    "ui.total_epochs": {"en": "{n} epochs trained so far.", "ko": "지금까지 {n} 에포크 학습했습니다."},
    "metric.accuracy": {"en": "accuracy", "ko": "정확도"},
    "metric.mae": {"en": "mean abs. error", "ko": "평균 절대 오차"},
    "chart.epoch": {"en": "epoch", "ko": "에포크"},
    "chart.loss": {"en": "loss (train)", "ko": "손실 (학습)"},
    "chart.val_loss": {"en": "loss (validation)", "ko": "손실 (검증)"},
    "chart.metric": {"en": "{metric} (train)", "ko": "{metric} (학습)"},
    "chart.val_metric": {"en": "{metric} (validation)", "ko": "{metric} (검증)"},
    "ui.ask": {"en": "Ask the figure", "ko": "피규어에게 물어보기"},
    "ui.ask_input": {"en": "Input {feature}", "ko": "입력 {feature}"},
    "ui.answer": {"en": "Answer: {value} → “{label}”", "ko": "답: {value} → “{label}”"},
    "ui.answer_number": {"en": "Answer: {value}", "ko": "답: {value}"},
    "ui.babbling": {
        "en": "A random guess: the head has not learned anything yet (it is babbling).",
        "ko": "아무렇게나 한 추측입니다: 머리가 아직 아무것도 배우지 않았습니다 (옹알이 중).",
    },
    "ui.trained_answer": {"en": "After {n} epochs of training.", "ko": "{n} 에포크 학습한 뒤의 답입니다."},
    "ui.wide_answer": {
        "en": "The head gives {n} numbers; the first is shown. Fix the head's end to get one answer.",
        "ko": "머리가 숫자 {n}개를 내놓습니다. 첫 번째만 보여 줍니다. 답을 하나 받으려면 머리의 끝을 고치세요.",
    },
    "ui.no_answer": {
        "en": "The figure cannot answer until its problems are fixed (see the red marks on the figure).",
        "ko": "문제를 고치기 전에는 피규어가 답할 수 없습니다 (피규어의 빨간 표시를 보세요).",
    },
    "chart.output": {"en": "the figure's answer", "ko": "피규어의 답"},
    "chart.train": {"en": "training", "ko": "학습"},
    "chart.loss_axis": {"en": "loss", "ko": "손실"},
    "compare.title": {"en": "Compare figures", "ko": "피규어 비교하기"},
    "compare.figure_n": {"en": "figure {n}", "ko": "피규어 {n}"},
    "compare.bricks": {"en": "{n} bricks", "ko": "블록 {n}개"},
    "compare.help": {
        "en": "Keep the figure as it is now, change one piece (legs, a brick, the learning rate), keep it again, "
        "then train them all on the same data, split and seed.",
        "ko": "지금 피규어를 보관하고, 조각 하나(다리, 블록, 학습률)를 바꿔 다시 보관한 뒤, "
        "모두 같은 데이터·분할·시드로 함께 학습시켜 보세요.",
    },
    "compare.name": {"en": "Name for this figure", "ko": "이 피규어의 이름"},
    "compare.keep": {"en": "Keep this figure", "ko": "이 피규어 보관하기"},
    "compare.kept": {"en": "Kept figures ({n}/{max})", "ko": "보관한 피규어 ({n}/{max})"},
    "compare.full": {
        "en": "At most {max} figures can be kept: remove one first.",
        "ko": "피규어는 최대 {max}개까지 보관할 수 있습니다. 먼저 하나를 빼세요.",
    },
    "compare.unusable": {
        "en": "This figure cannot be kept yet: fix its pieces first.",
        "ko": "이 피규어는 아직 보관할 수 없습니다. 먼저 조각을 고치세요.",
    },
    "compare.other_data": {
        "en": "Kept figures learn the data that is chosen now; they were cleared because the data changed.",
        "ko": "보관한 피규어는 지금 고른 데이터로 학습합니다. 데이터가 바뀌어 비웠습니다.",
    },
    "compare.train": {"en": "Train them together ({epochs} epochs)", "ko": "함께 학습 ({epochs} 에포크)"},
    "compare.need_two": {
        "en": "Keep at least two figures to compare.",
        "ko": "비교하려면 피규어를 두 개 이상 보관하세요.",
    },
    "compare.running": {
        "en": "Training together… epoch {epoch}/{target}",
        "ko": "함께 학습 중… 에포크 {epoch}/{target}",
    },
    "compare.done": {
        "en": "Trained together: epoch {epoch}/{target}.",
        "ko": "함께 학습 완료: 에포크 {epoch}/{target}.",
    },
    "compare.timed_out": {
        "en": "Paused at epoch {epoch}/{target}: training together may take at most {minutes} minutes here.",
        "ko": "epoch {epoch}/{target}에서 멈췄습니다: 여기서는 함께 학습해도 한 번에 최대 {minutes}분까지입니다.",
    },
    "compare.rank": {"en": "Rank", "ko": "순위"},
    "compare.figure": {"en": "Figure", "ko": "피규어"},
    "compare.final_loss": {"en": "Final loss (validation if any)", "ko": "마지막 손실 (검증이 있으면 검증)"},
    "compare.seconds": {"en": "Seconds", "ko": "초"},
    "compare.remove": {"en": "Remove {name}", "ko": "{name} 빼기"},
    "compare.answers": {"en": "Their answers side by side", "ko": "답을 나란히 보기"},
    "compare.no_answers": {
        "en": "Side-by-side answers are drawn for data with one or two inputs.",
        "ko": "답을 나란히 보는 그림은 입력이 하나나 둘인 데이터에서 그립니다.",
    },
    "chart.val": {"en": "validation", "ko": "검증"},
    "chart.picked": {"en": "the figure's answer", "ko": "피규어의 답"},
    "chart.truth": {"en": "true answer", "ko": "정답"},
    "chart.perfect": {"en": "perfect answers", "ko": "완벽한 답"},
    "chart.probability": {"en": "how sure", "ko": "확신 정도"},
    "ui.preset_applied": {
        "en": "New data: {data}. The figure was set to one that fits it — change any brick you like.",
        "ko": "새 데이터: {data}. 피규어를 이 데이터에 맞는 것으로 바꿨습니다. 블록은 마음대로 바꿔 보세요.",
    },
    "ui.kind_auto": {"en": "guess from the values", "ko": "값을 보고 추측"},
    "ui.map": {"en": "What the figure answers over the plane", "ko": "평면 위 피규어의 답"},
    "ui.map_help": {
        "en": "Background: the figure's answer at each point. Dots: the examples (hollow ones are for validation).",
        "ko": "배경: 각 점에서 피규어의 답. 점: 예제 (속이 빈 점은 검증용).",
    },
    "ui.show_val": {"en": "Show validation points", "ko": "검증 점 보이기"},
    "ui.discretise": {"en": "Only yes or no (discretise)", "ko": "예/아니오로만 (이산화)"},
    "ui.results": {"en": "How well does it answer?", "ko": "얼마나 잘 답하나요?"},
    "ui.results_part": {
        "en": "On the {n} validation examples it never trained on.",
        "ko": "학습에 쓰지 않은 검증 예제 {n}개에서.",
    },
    "ui.results_train": {
        "en": "On the {n} training examples (there is no validation part).",
        "ko": "학습 예제 {n}개에서 (검증 데이터가 없습니다).",
    },
    "ui.results_confusion": {
        "en": "Rows: the true answer; columns: the figure's answer. Numbers off the diagonal are mistakes.",
        "ko": "행: 정답, 열: 피규어의 답. 대각선 밖의 숫자는 틀린 답입니다.",
    },
    "ui.results_truth": {
        "en": "Each dot is one example: the closer to the dashed line, the better the answer.",
        "ko": "점 하나가 예제 하나입니다. 점선에 가까울수록 좋은 답입니다.",
    },
    "ui.results_none": {
        "en": "Train the figure to see how well it answers.",
        "ko": "학습하면 얼마나 잘 답하는지 볼 수 있습니다.",
    },
    "ui.image_draw": {"en": "Draw a digit instead", "ko": "직접 숫자 그리기"},
    "ui.draw_help": {
        "en": "Draw one digit with the mouse (or a finger), big and in the middle.",
        "ko": "마우스(또는 손가락)로 숫자 하나를 크게, 가운데에 그려 보세요.",
    },
    "ui.as_seen": {"en": "What the figure sees", "ko": "피규어가 보는 모습"},
    "ui.pick_image": {"en": "Pick an image the figure never trained on", "ko": "학습에 쓰지 않은 이미지 고르기"},
    "ui.true_class": {"en": "True answer: {label}", "ko": "정답: {label}"},
    "ui.answer_class": {"en": "Answer: “{label}” ({p} sure)", "ko": "답: “{label}” ({p} 확신)"},
    "chart.points": {"en": "examples (true answers)", "ko": "예제 (정답)"},
    "chart.asked": {"en": "your question", "ko": "나의 질문"},
    "ui.problems": {"en": "Some settings cannot be used:", "ko": "쓸 수 없는 설정이 있습니다:"},
    # --- model files ---------------------------------------------------------------------------
    "model.too_big": {
        "en": "This file is too big: a model file can be at most {mb} MB.",
        "ko": "파일이 너무 큽니다: 모델 파일은 최대 {mb} MB까지 됩니다.",
    },
    "model.not_keras": {
        "en": "This is not a Keras model file (.keras) that Minifig can read.",
        "ko": "미니피그가 읽을 수 있는 Keras 모델 파일(.keras)이 아닙니다.",
    },
    "model.not_sequential": {
        "en": "This model is not a simple stack of layers, so it cannot become a figure.",
        "ko": "이 모델은 층을 차례로 쌓은 모양이 아니라서 피규어로 만들 수 없습니다.",
    },
    "model.no_layers": {
        "en": "This model has no layers, so there is no figure to build.",
        "ko": "이 모델에는 층이 하나도 없어서 만들 피규어가 없습니다.",
    },
    "model.bad_input": {
        "en": "This model's input is not a row of numbers that Minifig can give it.",
        "ko": "이 모델의 입력은 미니피그가 줄 수 있는 숫자 한 줄이 아닙니다.",
    },
    "model.unknown_layer": {
        "en": "This model has a part that is not a Minifig card ({name}), so it was refused: it could run code.",
        "ko": "이 모델에는 미니피그 카드가 아닌 부분({name})이 있어서 거절했습니다: 코드를 실행할 수도 있습니다.",
    },
    "model.bad_weights": {
        "en": "The weights in this file do not fit its layers.",
        "ko": "이 파일의 가중치가 층의 모양과 맞지 않습니다.",
    },
    "model.wrong_data": {
        "en": "This model takes {n} numbers, but the chosen data gives {m}. Pick matching data first.",
        "ko": "이 모델은 숫자 {n}개를 받는데, 고른 데이터는 {m}개를 줍니다. 먼저 맞는 데이터를 고르세요.",
    },
    # --- exported code -------------------------------------------------------------------------
    "code.exported": {"en": "exported from Minifig", "ko": "미니피그에서 내보냄"},
    "code.data": {
        "en": "The data: X goes in through the eyes, Y is the true answer.",
        "ko": "데이터: X는 눈으로 들어가고, Y는 정답입니다.",
    },
    "code.head": {
        "en": "The head (network): information flows through the bricks, top to bottom.",
        "ko": "머리(신경망): 정보가 블록을 위에서 아래로 지나갑니다.",
    },
    "code.adapt": {
        "en": "Normalization measures each input's mean and spread on the training part (the page does this when "
        "you compile).",
        "ko": "Normalization이 학습 데이터에서 입력마다 평균과 퍼짐을 잽니다(페이지에서는 조립할 때 합니다).",
    },
    "code.compile": {
        "en": "Torso (loss) and legs (optimizer): snap the figure together.",
        "ko": "몸통(손실)과 다리(옵티마이저): 피규어를 조립합니다.",
    },
    "code.train": {
        "en": "Train: the legs walk the weights downhill on the loss.",
        "ko": "학습: 다리가 손실의 내리막으로 가중치를 옮깁니다.",
    },
    "code.ask": {"en": "Ask the trained figure a question.", "ko": "학습한 피규어에게 질문합니다."},
    "ui.bad_address": {
        "en": "The link could not be used, so the lesson's figure is shown instead:",
        "ko": "링크를 쓸 수 없어서, 대신 수업의 기본 피규어를 보여 줍니다:",
    },
    "ui.take_home": {"en": "Take it home", "ko": "가져가기"},
    "ui.tab_code": {"en": "Python code", "ko": "파이썬 코드"},
    "ui.tab_files": {"en": "Save and load", "ko": "저장과 불러오기"},
    "ui.code_help": {
        "en": "Your figure as real Keras code. Copy it (top right) or download it, and run it with Python.",
        "ko": "나의 피규어를 실제 Keras 코드로 옮겼습니다. 복사(오른쪽 위 버튼)하거나 내려받아 파이썬으로 실행하세요.",
    },
    "ui.code_needs_figure": {
        "en": "The code appears when the figure has a head, a torso and legs with usable settings.",
        "ko": "피규어에 머리, 몸통, 다리가 있고 설정이 올바르면 코드가 나타납니다.",
    },
    "ui.download_code": {"en": "Download the code (.py)", "ko": "코드 내려받기 (.py)"},
    "ui.figure_file": {"en": "The figure (bricks and settings)", "ko": "피규어 (블록과 설정)"},
    "ui.download_figure": {"en": "Download the figure (.json)", "ko": "피규어 내려받기 (.json)"},
    "ui.upload_figure": {"en": "Load a figure (.json)", "ko": "피규어 불러오기 (.json)"},
    "ui.figure_loaded": {"en": "Figure loaded.", "ko": "피규어를 불러왔습니다."},
    "ui.figure_refused": {
        "en": "This figure file could not be used; your figure is unchanged:",
        "ko": "이 피규어 파일은 쓸 수 없습니다. 나의 피규어는 그대로입니다:",
    },
    "ui.model_file": {"en": "The trained model (weights)", "ko": "학습한 모델 (가중치)"},
    "ui.download_model": {"en": "Download the model (.keras)", "ko": "모델 내려받기 (.keras)"},
    "ui.model_needs_compile": {
        "en": "Compile the figure to download its model.",
        "ko": "모델을 내려받으려면 피규어를 컴파일하세요.",
    },
    "ui.upload_model": {"en": "Load a model (.keras)", "ko": "모델 불러오기 (.keras)"},
    "ui.model_loaded": {
        "en": "Model loaded with its weights. Compile to snap it together.",
        "ko": "가중치와 함께 모델을 불러왔습니다. 컴파일해서 조립하세요.",
    },
    "ui.model_refused": {
        "en": "This model file was refused; your figure is unchanged:",
        "ko": "이 모델 파일은 거절되었습니다. 나의 피규어는 그대로입니다:",
    },
    "ui.loaded_answer": {
        "en": "The answer of the loaded model's weights.",
        "ko": "불러온 모델의 가중치로 한 답입니다.",
    },
    "ui.inside": {"en": "Look inside the head", "ko": "머리 속 들여다보기"},
    "ui.layer_line": {
        "en": "{n}. {label}: takes {takes} {numbers}, gives {gives}, keeps {weights} weights",
        "ko": "{n}. {label}: 숫자 {takes}개를 받아 {gives}개를 내놓고, 가중치 {weights}개를 가집니다",
    },
    "ui.number_one": {"en": "number", "ko": "숫자"},
    "ui.number_many": {"en": "numbers", "ko": "숫자"},
    "ui.total_weights": {"en": "In all: {n} weights.", "ko": "모두 합쳐 가중치 {n}개."},
    "ui.equation": {
        "en": "With one brick of one unit on one input, the head is the lesson's equation:",
        "ko": "입력 하나에 뉴런 하나짜리 블록 하나라면, 머리는 수업의 그 식입니다:",
    },
    "ui.pick_layer": {"en": "Whose weights to show", "ko": "어느 블록의 가중치를 볼까요"},
    "ui.weights_help": {
        "en": "Red is negative, blue is positive; each column is one neuron, the last row its bias.",
        "ko": "빨강은 음수, 파랑은 양수입니다. 세로줄 하나가 뉴런 하나이고, 맨 아래 줄은 편향입니다.",
    },
    "ui.input": {"en": "input", "ko": "입력"},
    "ui.bias": {"en": "bias", "ko": "편향"},
    "ui.unit": {"en": "neuron", "ko": "뉴런"},
    # --- the coach -----------------------------------------------------------------------------
    "coach.title": {"en": "Coach", "ko": "코치"},
    "coach.diverged": {
        "en": "The loss exploded: the learning rate is too large. Make it smaller (e.g. ÷10), Reset, and train again.",
        "ko": "손실이 폭발했습니다: 학습률이 너무 큽니다. 학습률을 줄이고(예: ÷10) 초기화한 뒤 다시 학습하세요.",
    },
    "coach.flat": {
        "en": "The loss has hardly moved lately. Try more epochs or a larger learning rate.",
        "ko": "최근에 손실이 거의 줄지 않았습니다. 에포크를 늘리거나 학습률을 키워 보세요.",
    },
    "coach.memorising": {
        "en": "It is memorising: the training loss still falls but the validation loss rises. "
        "Use fewer bricks, add Dropout, or give it more data.",
        "ko": "외우고 있습니다: 학습 손실은 줄지만 검증 손실은 늘고 있습니다. "
        "블록을 줄이거나, Dropout을 넣거나, 데이터를 늘려 보세요.",
    },
    "coach.majority": {
        "en": "Accuracy is stuck at {share}, the share of the largest class: it gives the same answer to everything. "
        "The pieces may not fit — check the head's end, the torso and the learning rate.",
        "ko": "정확도가 가장 많은 종류의 비율인 {share}에 멈춰 있습니다: 모든 질문에 같은 답을 합니다. "
        "조각이 맞지 않을 수 있습니다 — 머리의 끝, 몸통, 학습률을 확인하세요.",
    },
    "coach.well_done": {
        "en": "Every training answer is right. Ask it something with the slider!",
        "ko": "학습 데이터의 답을 모두 맞혔습니다. 슬라이더로 질문해 보세요!",
    },
    # --- the drawing ---------------------------------------------------------------------------
    "figure.title": {"en": "The figure: head, torso and legs", "ko": "피규어: 머리, 몸통, 다리"},
    "figure.snapped": {"en": "Snapped together: compiled", "ko": "딱 맞게 조립됨: 컴파일 완료"},
    "figure.not_snapped": {"en": "Not snapped together yet", "ko": "아직 조립되지 않음"},
    "figure.described": {
        "en": "The figure. Head with {n} bricks, top to bottom: {head}. "
        "Torso (loss): {torso}. Legs (optimizer): {legs}.",
        "ko": "피규어. 머리의 블록 {n}개, 위에서 아래로: {head}. 몸통(손실): {torso}. 다리(옵티마이저): {legs}.",
    },
    "figure.empty_head": {"en": "no bricks yet", "ko": "아직 블록이 없음"},
    "figure.no_torso": {"en": "no torso (loss) yet", "ko": "아직 몸통(손실) 없음"},
    "figure.no_legs": {"en": "no legs (optimizer) yet", "ko": "아직 다리(옵티마이저) 없음"},
    # --- data ---------------------------------------------------------------------------------
    "dataset.seed": {"en": "Small or big? (numbers 1–10)", "ko": "작을까 클까? (숫자 1–10)"},
    "label.small": {"en": "small", "ko": "작다"},
    "label.big": {"en": "big", "ko": "크다"},
    "feature.x": {"en": "number", "ko": "숫자"},
}


def _merge(*parts: dict[str, dict[str, str]]) -> None:
    """Add each part's sentences; a key written twice would silently replace a sentence, so it is refused."""
    for part in parts:
        twice = STRINGS.keys() & part.keys()
        if twice:
            raise ValueError(f"sentence keys written twice: {sorted(twice)}")
        STRINGS.update(part)


_merge(
    DATA_STRINGS,
    CHALLENGE_STRINGS,
    LESSON_STRINGS,
    EXPLAIN_STRINGS,
    EXTRA_STRINGS,
    ROOM_STRINGS,
    LOOP_STRINGS,
    PAGE_STRINGS,
    BRICK_STRINGS,
)


def t(key: str, lang: str, **values: object) -> str:
    """The sentence `key` in `lang` ("en" or "ko"), with `{placeholders}` filled from `values`.

    Values that are `Message`s are translated too, so messages can nest.

    Raises:
        KeyError: `key` is not in the table (a programmer error).
    """
    entry = STRINGS[key]
    text = entry.get(lang) or entry["en"]
    filled = {name: v.text(lang) if isinstance(v, Message) else v for name, v in values.items()}
    return _FORMATTER.format(text, **filled)


class _SentenceFormatter(string.Formatter):
    """`str.format`, plus a Korean particle as a placeholder's format: `{what:은}` (see the module's docstring)."""

    def format_field(self, value: object, format_spec: str) -> str:
        between = format_spec.rstrip("".join({char for form in FORMS for char in form}))
        particle = format_spec[len(between) :]
        if particle in FORMS:
            return attach(f"{value}{between}", particle)
        return super().format_field(value, format_spec)


_FORMATTER = _SentenceFormatter()


@dataclass(frozen=True)
class Message:
    """A sentence for the learner, kept language-free until it is shown."""

    key: str
    values: dict[str, object] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return t(self.key, lang, **self.values)
