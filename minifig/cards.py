"""The card catalogue: every brick a learner can put on the figure, as data.

A card is a record — id, kind, the Keras class it stands for, its parameters with defaults and
bounds, a colour and a one-line explanation in English and Korean. Adding a card means adding one
record here; building, validation, the palette and the drawing all read the same record.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LAYER, LOSS, OPTIMIZER = "layer", "loss", "optimizer"
KINDS = (LAYER, LOSS, OPTIMIZER)

ACTIVATIONS = ("relu", "sigmoid", "tanh", "softmax", "linear", "elu", "gelu")

# The numbers each activation can give: a number answer outside this range cannot be reached.
ACTIVATION_RANGES: dict[str, tuple[float, float]] = {
    "relu": (0.0, float("inf")),
    "sigmoid": (0.0, 1.0),
    "tanh": (-1.0, 1.0),
    "softmax": (0.0, 1.0),
    "linear": (float("-inf"), float("inf")),
    "elu": (-1.0, float("inf")),
    "gelu": (-0.17, float("inf")),
}


@dataclass(frozen=True)
class Param:
    """One setting of a card: its type, default and allowed values.

    `type` is "int", "float" or "choice". Numbers are bounded by `low`..`high` (inclusive);
    a choice must be one of `choices`.
    """

    name: str
    type: str
    default: object
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    log_scale: bool = False


@dataclass(frozen=True)
class Card:
    """A brick: a layer of the head, a loss (torso) or an optimizer (legs)."""

    id: str
    kind: str
    keras_class: str
    colour: str
    explain: dict[str, str]
    params: tuple[Param, ...] = ()
    label: str = ""
    # Only for layers: False when the layer rescales its input, so the previous activation's range no longer holds.
    keeps_activation: bool = True
    # Only for losses: which answers the loss is made for and which last activation it expects
    # (none listed: any activation whose range covers the answers).
    label_kinds: tuple[str, ...] = ()
    output_activations: tuple[str, ...] = ()
    # Only for layers: Keras arguments every brick of this card gets, and whether it works on images only.
    fixed: dict[str, object] = field(default_factory=dict)
    image_only: bool = False
    for_images: bool = False  # offered in the palette only when the data are images
    # Only for layers: True when the layer measures the numbers reaching it (Keras's `adapt`) on the training part
    # when the figure is compiled; what it measures is kept as weights that training does not change.
    adapts: bool = False
    # Only for layers: True when the layer has weights that training changes (a head without one cannot learn).
    learns: bool = False

    @property
    def offered_for(self) -> str:
        return "images" if self.image_only or self.for_images else "any"

    def defaults(self) -> dict[str, object]:
        return {p.name: p.default for p in self.params}

    def param(self, name: str) -> Param:
        return next(p for p in self.params if p.name == name)


def _learning_rate(default: float) -> Param:
    return Param("learning_rate", "float", default, 1e-6, 1.0, log_scale=True)


_ACTIVATION = Param("activation", "choice", "relu", choices=ACTIVATIONS)
REGULARIZERS = ("none", "l1", "l2")  # a pull of every weight towards zero, as TensorFlow Playground offers
_REGULARIZER = (
    Param("regularizer", "choice", "none", choices=REGULARIZERS),
    Param("reg_rate", "float", 0.001, 0.0, 0.1),
)

CARDS: tuple[Card, ...] = (
    # --- head: layers -------------------------------------------------------------------------
    Card(
        "dense",
        LAYER,
        "Dense",
        "#0055bf",
        {
            "en": "A row of neurons: each one weighs every input number and passes the sum on.",
            "ko": "뉴런 한 줄: 각 뉴런이 모든 입력 숫자에 가중치를 곱해 더한 값을 다음으로 넘깁니다.",
        },
        (Param("units", "int", 64, 1, 512), _ACTIVATION, *_REGULARIZER),
        label="Dense",
        learns=True,
    ),
    Card(
        "dropout",
        LAYER,
        "Dropout",
        "#f2cd37",
        {
            "en": "While training, switches off a random share of numbers so the head cannot just memorise.",
            "ko": "학습하는 동안 숫자 일부를 무작위로 꺼서, 머리가 그냥 외워 버리지 못하게 합니다.",
        },
        (Param("rate", "float", 0.2, 0.0, 0.9),),
        label="Dropout",
    ),
    Card(
        "batchnorm",
        LAYER,
        "BatchNormalization",
        "#a0a5a9",
        {
            "en": "Rescales the numbers passing through to a steady range, which often makes learning smoother.",
            "ko": "지나가는 숫자들을 일정한 범위로 맞춰 주어, 학습이 더 부드럽게 되는 경우가 많습니다.",
        },
        label="BatchNorm",
        keeps_activation=False,
        learns=True,
    ),
    Card(
        "normalization",
        LAYER,
        "Normalization",
        "#8a5fb0",
        {
            "en": "Measures each input's average and spread on the training part, then rescales every input to "
            "around 0 with spread 1.",
            "ko": "학습 데이터에서 입력마다 평균과 퍼짐을 잰 뒤, 모든 입력을 0 근처, 퍼짐 1로 맞춥니다.",
        },
        label="Normalization",
        keeps_activation=False,
        adapts=True,
    ),
    Card(
        "activation",
        LAYER,
        "Activation",
        "#4b9f4a",
        {
            "en": "Bends every number with a curve (relu, sigmoid, …) without adding weights.",
            "ko": "가중치 없이 모든 숫자를 곡선(relu, sigmoid 등)으로 구부립니다.",
        },
        (_ACTIVATION,),
        label="Activation",
    ),
    Card(
        "conv2d",
        LAYER,
        "Conv2D",
        "#a83d15",
        {
            "en": "Slides small filters over an image; each lights up where it finds its pattern (an edge, a curve).",
            "ko": "작은 필터를 이미지 위로 밀며 살펴봅니다. 필터마다 자기 무늬(모서리, 곡선)를 찾은 곳에서 밝아집니다.",
        },
        (Param("filters", "int", 8, 1, 64), Param("kernel_size", "int", 3, 1, 5), _ACTIVATION),
        label="Conv2D",
        fixed={"padding": "same"},
        learns=True,
        image_only=True,
    ),
    Card(
        "maxpool",
        LAYER,
        "MaxPooling2D",
        "#f57d20",
        {
            "en": "Shrinks an image by keeping only the strongest value in each small square.",
            "ko": "작은 칸마다 가장 큰 값만 남겨 이미지를 줄입니다.",
        },
        (Param("pool_size", "int", 2, 2, 4),),
        label="MaxPooling2D",
        image_only=True,
    ),
    Card(
        "flatten",
        LAYER,
        "Flatten",
        "#6d6e5c",
        {
            "en": "Lays an image's rows out in one long line of numbers, so Dense bricks can read it.",
            "ko": "이미지의 줄들을 숫자 한 줄로 길게 펼쳐, Dense 블록이 읽을 수 있게 합니다.",
        },
        label="Flatten",
        for_images=True,
    ),
    # --- torso: losses ------------------------------------------------------------------------
    Card(
        "binary_crossentropy",
        LOSS,
        "BinaryCrossentropy",
        "#c91a09",
        {
            "en": "For yes/no answers: punishes a confident wrong yes or no most.",
            "ko": "예/아니오 답에 씁니다: 자신 있게 틀린 답에 가장 큰 벌점을 줍니다.",
        },
        label="Binary cross-entropy",
        label_kinds=("binary",),
        output_activations=("sigmoid",),
    ),
    Card(
        "categorical_crossentropy",
        LOSS,
        "CategoricalCrossentropy",
        "#b40000",
        {
            "en": "For one of several classes, with answers written one-hot (0,0,1,0…).",
            "ko": "여러 종류 중 하나를 고르는 답에 씁니다. 답이 원-핫(0,0,1,0…)으로 적혀 있어야 합니다.",
        },
        label="Categorical cross-entropy",
        label_kinds=("classes", "binary"),
        output_activations=("softmax",),
    ),
    Card(
        "sparse_categorical_crossentropy",
        LOSS,
        "SparseCategoricalCrossentropy",
        "#d05098",
        {
            "en": "For one of several classes, with answers written as class numbers (0, 1, 2…).",
            "ko": "여러 종류 중 하나를 고르는 답에 씁니다. 답이 종류 번호(0, 1, 2…)로 적혀 있습니다.",
        },
        label="Sparse categorical cross-entropy",
        label_kinds=("classes", "binary"),
        output_activations=("softmax",),
    ),
    Card(
        "mse",
        LOSS,
        "MeanSquaredError",
        "#fe8a18",
        {
            "en": "For number answers: the average of the squared misses, so big misses count a lot.",
            "ko": "숫자 답에 씁니다: 틀린 만큼을 제곱해 평균 내므로, 크게 틀리면 크게 벌점을 받습니다.",
        },
        label="Mean squared error",
        label_kinds=("number",),
    ),
    Card(
        "mae",
        LOSS,
        "MeanAbsoluteError",
        "#e4ad19",
        {
            "en": "For number answers: the average size of the misses.",
            "ko": "숫자 답에 씁니다: 틀린 크기의 평균입니다.",
        },
        label="Mean absolute error",
        label_kinds=("number",),
    ),
    Card(
        "huber",
        LOSS,
        "Huber",
        "#a95500",
        {
            "en": "For number answers: like squared error for small misses, gentler on big ones.",
            "ko": "숫자 답에 씁니다: 작게 틀리면 제곱 오차처럼, 크게 틀리면 더 너그럽게 셉니다.",
        },
        label="Huber",
        label_kinds=("number",),
    ),
    Card(
        "hinge",
        LOSS,
        "Hinge",
        "#720e0f",
        {
            "en": "For yes/no answers, margin style: wants the output clearly above +1 or below −1.",
            "ko": "예/아니오 답에 씁니다: 출력이 +1보다 확실히 크거나 −1보다 확실히 작기를 바랍니다.",
        },
        label="Hinge",
        label_kinds=("binary",),
        output_activations=("tanh", "linear"),
    ),
    # --- legs: optimizers ---------------------------------------------------------------------
    Card(
        "adam",
        OPTIMIZER,
        "Adam",
        "#237841",
        {
            "en": "Walks downhill on the loss, adjusting each weight's step size by itself. A safe first choice.",
            "ko": "손실의 내리막을 따라 걸으며, 가중치마다 보폭을 스스로 조절합니다. 처음엔 이것이 무난합니다.",
        },
        (_learning_rate(0.001),),
        label="Adam",
    ),
    Card(
        "sgd",
        OPTIMIZER,
        "SGD",
        "#1b2a34",
        {
            "en": "Plain steps downhill on the loss; momentum lets it roll on like a ball.",
            "ko": "손실의 내리막으로 한 걸음씩 걷습니다. 모멘텀을 주면 공처럼 굴러갑니다.",
        },
        (_learning_rate(0.01), Param("momentum", "float", 0.0, 0.0, 0.99)),
        label="SGD",
    ),
    Card(
        "rmsprop",
        OPTIMIZER,
        "RMSprop",
        "#008f9b",
        {
            "en": "Shrinks the steps of weights that keep jumping around.",
            "ko": "자꾸 크게 흔들리는 가중치의 보폭을 줄여 줍니다.",
        },
        (_learning_rate(0.001),),
        label="RMSprop",
    ),
    Card(
        "adagrad",
        OPTIMIZER,
        "Adagrad",
        "#6c6e68",
        {
            "en": "Takes smaller and smaller steps for weights that have already moved a lot.",
            "ko": "이미 많이 움직인 가중치는 점점 더 작은 보폭으로 걷습니다.",
        },
        (_learning_rate(0.01),),
        label="Adagrad",
    ),
    Card(
        "adamw",
        OPTIMIZER,
        "AdamW",
        "#9ba19d",
        {
            "en": "Adam that also gently pulls every weight towards zero, to keep the head simple.",
            "ko": "Adam과 같지만 모든 가중치를 0 쪽으로 살짝 당겨, 머리를 단순하게 유지합니다.",
        },
        (_learning_rate(0.001),),
        label="AdamW",
    ),
)

CATALOGUE: dict[str, Card] = {card.id: card for card in CARDS}


def cards_of(kind: str) -> list[Card]:
    """All cards of one kind (`LAYER`, `LOSS` or `OPTIMIZER`), in catalogue order."""
    return [card for card in CARDS if card.kind == kind]


@dataclass(frozen=True)
class Brick:
    """A card placed on the figure, with its parameter values."""

    card: str
    params: dict[str, object] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"card": self.card, "params": dict(self.params)}


def brick(card_id: str, **params: object) -> Brick:
    """A brick of `card_id` with the card's defaults, overridden by `params`."""
    return Brick(card_id, {**CATALOGUE[card_id].defaults(), **params})


@dataclass(frozen=True)
class Regularizer:
    """A weight penalty as Keras names it (`L1`, `L2`) and its rate."""

    keras_class: str
    rate: float


def keras_arguments(brick: Brick) -> dict[str, object]:
    """The brick's Keras keyword arguments: its settings, the card's fixed ones, a `Regularizer` if chosen."""
    card = CATALOGUE[brick.card]
    arguments = {**brick.params, **card.fixed}
    kind = arguments.pop("regularizer", "none")
    rate = arguments.pop("reg_rate", 0.0)
    if kind != "none":
        arguments["kernel_regularizer"] = Regularizer(kind.upper(), rate)
    return arguments
