"""The card catalogue: every brick a learner can put on the figure, as data.

Size: the catalogue is data, one record per card (most of the file); the functions around it are short.

A card is a record — id, kind, the Keras class it stands for, its parameters with defaults and
bounds, and a colour; its one-line explanation is the sentence `explain.line.<id>` in the locale files (with its
"why / when", `explain.why.<id>` and `explain.when.<id>`). Adding a card means adding one record here and its
sentences to every locale file; building, validation, the palette and the drawing all read the same record.
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
    params: tuple[Param, ...] = ()
    label: str = ""
    # Only for layers: False when the layer rescales its input, so the previous activation's range no longer holds.
    keeps_activation: bool = True
    # Only for losses: which answers the loss is made for and which last activation it expects
    # (none listed: any activation whose range covers the answers).
    label_kinds: tuple[str, ...] = ()
    output_activations: tuple[str, ...] = ()
    # Only for losses: the outputs a one-output (yes/no) answer aims at for "no" and for "yes"; halfway between
    # them is where the answer turns from no to yes (`minifig.answers`).
    no_yes: tuple[float, float] = (0.0, 1.0)
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
        (Param("units", "int", 64, 1, 512), _ACTIVATION, *_REGULARIZER),
        label="Dense",
        learns=True,
    ),
    Card(
        "dropout",
        LAYER,
        "Dropout",
        "#f2cd37",
        (Param("rate", "float", 0.2, 0.0, 0.9),),
        label="Dropout",
    ),
    Card(
        "batchnorm",
        LAYER,
        "BatchNormalization",
        "#a0a5a9",
        label="BatchNorm",
        keeps_activation=False,
        learns=True,
    ),
    Card(
        "normalization",
        LAYER,
        "Normalization",
        "#8a5fb0",
        label="Normalization",
        keeps_activation=False,
        adapts=True,
    ),
    Card(
        "activation",
        LAYER,
        "Activation",
        "#4b9f4a",
        (_ACTIVATION,),
        label="Activation",
    ),
    Card(
        "conv2d",
        LAYER,
        "Conv2D",
        "#a83d15",
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
        (Param("pool_size", "int", 2, 2, 4),),
        label="MaxPooling2D",
        image_only=True,
    ),
    Card(
        "flatten",
        LAYER,
        "Flatten",
        "#6d6e5c",
        label="Flatten",
        for_images=True,
    ),
    # --- torso: losses ------------------------------------------------------------------------
    Card(
        "binary_crossentropy",
        LOSS,
        "BinaryCrossentropy",
        "#c91a09",
        label="Binary cross-entropy",
        label_kinds=("binary",),
        output_activations=("sigmoid",),
    ),
    Card(
        "categorical_crossentropy",
        LOSS,
        "CategoricalCrossentropy",
        "#b40000",
        label="Categorical cross-entropy",
        label_kinds=("classes", "binary"),
        output_activations=("softmax",),
    ),
    Card(
        "sparse_categorical_crossentropy",
        LOSS,
        "SparseCategoricalCrossentropy",
        "#d05098",
        label="Sparse categorical cross-entropy",
        label_kinds=("classes", "binary"),
        output_activations=("softmax",),
    ),
    Card(
        "mse",
        LOSS,
        "MeanSquaredError",
        "#fe8a18",
        label="Mean squared error",
        label_kinds=("number",),
    ),
    Card(
        "mae",
        LOSS,
        "MeanAbsoluteError",
        "#e4ad19",
        label="Mean absolute error",
        label_kinds=("number",),
    ),
    Card(
        "huber",
        LOSS,
        "Huber",
        "#a95500",
        label="Huber",
        label_kinds=("number",),
    ),
    Card(
        "hinge",
        LOSS,
        "Hinge",
        "#720e0f",
        label="Hinge",
        label_kinds=("binary",),
        output_activations=("tanh", "linear"),
        no_yes=(-1.0, 1.0),  # Keras turns 0/1 answers into -1/+1
    ),
    # --- legs: optimizers ---------------------------------------------------------------------
    Card(
        "adam",
        OPTIMIZER,
        "Adam",
        "#237841",
        (_learning_rate(0.001),),
        label="Adam",
    ),
    Card(
        "sgd",
        OPTIMIZER,
        "SGD",
        "#1b2a34",
        (_learning_rate(0.01), Param("momentum", "float", 0.0, 0.0, 0.99)),
        label="SGD",
    ),
    Card(
        "rmsprop",
        OPTIMIZER,
        "RMSprop",
        "#008f9b",
        (_learning_rate(0.001),),
        label="RMSprop",
    ),
    Card(
        "adagrad",
        OPTIMIZER,
        "Adagrad",
        "#6c6e68",
        (_learning_rate(0.01),),
        label="Adagrad",
    ),
    Card(
        "adamw",
        OPTIMIZER,
        "AdamW",
        "#9ba19d",
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
