"""The card catalogue: every card is complete, its defaults are allowed, and it builds a real Keras object."""

import math
import re

import keras
import numpy as np
import pytest

from minifig.build import make_layer, make_loss, make_optimizer
from minifig.cards import (
    ACTIVATION_RANGES,
    ACTIVATIONS,
    CARDS,
    CATALOGUE,
    KINDS,
    LAYER,
    LOSS,
    OPTIMIZER,
    Brick,
    brick,
    cards_of,
)
from minifig.i18n import LANGUAGES, STRINGS

KERAS_MODULE = {LAYER: keras.layers, LOSS: keras.losses, OPTIMIZER: keras.optimizers}
KERAS_BASE = {LAYER: keras.layers.Layer, LOSS: keras.losses.Loss, OPTIMIZER: keras.optimizers.Optimizer}
LABEL_KINDS = {"binary", "classes", "number"}

LAYER_CARDS = [c.id for c in cards_of(LAYER)]
LOSS_CARDS = [c.id for c in cards_of(LOSS)]
OPTIMIZER_CARDS = [c.id for c in cards_of(OPTIMIZER)]
ALL_CARDS = [c.id for c in CARDS]


# --- every card is a complete record -------------------------------------------------------------


def test_card_ids_are_unique_and_index_the_catalogue():
    assert len({c.id for c in CARDS}) == len(CARDS)
    assert list(CATALOGUE) == ALL_CARDS
    assert all(CATALOGUE[c.id] is c for c in CARDS)


@pytest.mark.parametrize("card_id", ALL_CARDS)
def test_every_card_has_an_id_a_known_kind_and_a_label(card_id):
    card = CATALOGUE[card_id]
    assert re.fullmatch(r"[a-z][a-z0-9_]*", card.id)
    assert card.kind in KINDS
    assert card.label.strip()


@pytest.mark.parametrize("card_id", ALL_CARDS)
def test_every_card_names_a_keras_class_of_its_kind(card_id):
    card = CATALOGUE[card_id]
    cls = getattr(KERAS_MODULE[card.kind], card.keras_class, None)
    assert cls is not None, f"keras has no {card.kind} class {card.keras_class}"
    assert isinstance(cls, type) and issubclass(cls, KERAS_BASE[card.kind])


@pytest.mark.parametrize("card_id", ALL_CARDS)
def test_every_card_colour_is_a_hex_rgb(card_id):
    assert re.fullmatch(r"#[0-9a-f]{6}", CATALOGUE[card_id].colour)


def test_every_card_explains_itself_in_every_language():
    lines = {card.id: STRINGS.get(f"explain.line.{card.id}", {}) for card in CARDS}
    missing = [
        (card_id, lang) for card_id, line in lines.items() for lang in LANGUAGES if not line.get(lang, "").strip()
    ]
    assert not missing, f"cards without a one-line explanation: {missing}"


# --- parameters ----------------------------------------------------------------------------------


@pytest.mark.parametrize("card_id", ALL_CARDS)
def test_every_param_default_lies_within_its_bounds_or_choices(card_id):
    for param in CATALOGUE[card_id].params:
        assert param.type in ("int", "float", "choice"), param
        if param.type == "choice":
            assert param.choices, param
            assert param.default in param.choices, param
            continue
        assert param.low is not None and param.high is not None, param
        assert param.low < param.high, param
        assert not isinstance(param.default, bool)
        assert isinstance(param.default, int if param.type == "int" else (int, float)), param
        assert math.isfinite(param.default)
        assert param.low <= param.default <= param.high, param
        if param.log_scale:
            assert param.low > 0, "a log-scale setting needs a positive lower bound"


@pytest.mark.parametrize("card_id", ALL_CARDS)
def test_every_param_has_a_translated_field_name(card_id):
    # spec.py names a bad setting with Message(f"field.{name}"); a missing key would crash the problem report.
    for param in CATALOGUE[card_id].params:
        assert f"field.{param.name}" in STRINGS


@pytest.mark.parametrize("card_id", ALL_CARDS)
def test_param_names_are_unique_within_a_card(card_id):
    names = [p.name for p in CATALOGUE[card_id].params]
    assert len(names) == len(set(names))


def test_defaults_and_param_lookup_agree():
    dense = CATALOGUE["dense"]
    assert dense.defaults() == {"units": 64, "activation": "relu", "regularizer": "none", "reg_rate": 0.001}
    assert dense.param("units").high == 512
    assert CATALOGUE["batchnorm"].defaults() == {}


def test_brick_takes_the_card_defaults_and_overrides():
    plain = {"regularizer": "none", "reg_rate": 0.001}
    assert brick("dense") == Brick("dense", {"units": 64, "activation": "relu", **plain})
    assert brick("dense", units=3) == Brick("dense", {"units": 3, "activation": "relu", **plain})
    assert brick("sgd", momentum=0.5).params == {"learning_rate": 0.01, "momentum": 0.5}
    assert brick("dense").to_dict() == {"card": "dense", "params": {"units": 64, "activation": "relu", **plain}}


def test_brick_to_dict_copies_its_params():
    b = brick("dense")
    b.to_dict()["params"]["units"] = 1
    assert b.params["units"] == 64


# --- the catalogue holds exactly the lesson's cards ----------------------------------------------


def test_layer_cards_are_the_lessons_and_the_image_bricks():
    assert sorted(c.keras_class for c in cards_of(LAYER)) == sorted(
        ["Dense", "Dropout", "BatchNormalization", "Normalization", "Activation", "Conv2D", "MaxPooling2D", "Flatten"]
    )
    assert {c.id for c in cards_of(LAYER) if c.image_only} == {"conv2d", "maxpool"}


def test_activation_choices_are_the_seven_of_the_lesson():
    assert set(ACTIVATIONS) == {"relu", "sigmoid", "tanh", "softmax", "linear", "elu", "gelu"}
    assert len(ACTIVATIONS) == 7
    assert CATALOGUE["dense"].param("activation").choices == ACTIVATIONS
    assert CATALOGUE["activation"].param("activation").choices == ACTIVATIONS


def test_every_activation_has_a_range():
    assert set(ACTIVATION_RANGES) == set(ACTIVATIONS)
    for low, high in ACTIVATION_RANGES.values():
        assert low < high


def test_loss_cards_are_the_seven_losses():
    assert sorted(c.keras_class for c in cards_of(LOSS)) == sorted(
        [
            "BinaryCrossentropy",
            "CategoricalCrossentropy",
            "SparseCategoricalCrossentropy",
            "MeanSquaredError",
            "MeanAbsoluteError",
            "Huber",
            "Hinge",
        ]
    )


def test_optimizer_cards_are_the_five_optimizers():
    assert sorted(c.keras_class for c in cards_of(OPTIMIZER)) == sorted(["Adam", "SGD", "RMSprop", "Adagrad", "AdamW"])


@pytest.mark.parametrize("card_id", OPTIMIZER_CARDS)
def test_every_optimizer_has_a_positive_learning_rate(card_id):
    param = CATALOGUE[card_id].param("learning_rate")
    assert param.type == "float"
    assert 0 < param.low <= param.default <= param.high


def test_sgd_has_momentum():
    momentum = CATALOGUE["sgd"].param("momentum")
    assert momentum.type == "float"
    assert momentum.low == 0.0 and momentum.high < 1.0


def test_cards_of_keeps_catalogue_order_and_covers_every_card():
    assert cards_of(LAYER) + cards_of(LOSS) + cards_of(OPTIMIZER) == list(CARDS)
    assert cards_of("nonsense") == []


@pytest.mark.parametrize("card_id", LOSS_CARDS)
def test_every_loss_says_which_answers_and_endings_it_is_made_for(card_id):
    card = CATALOGUE[card_id]
    assert card.label_kinds and set(card.label_kinds) <= LABEL_KINDS
    assert set(card.output_activations) <= set(ACTIVATIONS)
    for kind in card.label_kinds:
        assert f"made_for.{kind}" in STRINGS and f"answer.{kind}" in STRINGS


@pytest.mark.parametrize("card_id", LAYER_CARDS + OPTIMIZER_CARDS)
def test_only_losses_carry_label_kinds(card_id):
    card = CATALOGUE[card_id]
    assert card.label_kinds == () and card.output_activations == ()


def test_every_kind_and_part_has_a_translated_name():
    for kind in KINDS:
        assert f"kind.{kind}" in STRINGS
    for part in ("head", "torso", "legs"):
        assert f"part.{part}" in STRINGS and f"field.{part}" in STRINGS


# --- each card builds its Keras object with its defaults ----------------------------------------


@pytest.mark.parametrize("card_id", LAYER_CARDS)
def test_every_layer_card_builds_and_runs_with_its_defaults(card_id):
    layer = make_layer(brick(card_id))
    assert isinstance(layer, getattr(keras.layers, CATALOGUE[card_id].keras_class))
    shape = (2, 4, 4, 3) if CATALOGUE[card_id].image_only else (2, 3)  # image bricks take images
    out = np.asarray(layer(np.ones(shape, dtype="float32")))
    assert out.shape[0] == 2
    assert np.all(np.isfinite(out))


def test_dense_layer_gets_the_bricks_units_and_activation():
    layer = make_layer(brick("dense", units=5, activation="tanh"))
    assert layer.units == 5
    assert np.asarray(layer(np.ones((1, 2), dtype="float32"))).shape == (1, 5)
    assert layer.get_config()["activation"] == "tanh"


def test_dropout_layer_gets_the_bricks_rate():
    assert make_layer(brick("dropout", rate=0.5)).rate == 0.5


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_every_activation_builds_in_dense_and_activation_cards(activation):
    x = np.linspace(-2, 2, 8, dtype="float32").reshape(2, 4)
    for card_id in ("dense", "activation"):
        params = {"units": 3, "activation": activation} if card_id == "dense" else {"activation": activation}
        out = np.asarray(make_layer(Brick(card_id, params))(x))
        assert np.all(np.isfinite(out))


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_activation_outputs_stay_within_the_declared_range(activation):
    low, high = ACTIVATION_RANGES[activation]
    out = np.asarray(make_layer(brick("activation", activation=activation))(np.linspace(-50, 50, 201)[None, :]))
    assert out.min() >= low - 1e-3 and out.max() <= high + 1e-3


LOSS_INPUTS = {
    "sparse_categorical_crossentropy": (np.array([0, 2]), np.array([[0.8, 0.1, 0.1], [0.2, 0.2, 0.6]])),
    "categorical_crossentropy": (np.array([[1, 0, 0], [0, 0, 1]]), np.array([[0.8, 0.1, 0.1], [0.2, 0.2, 0.6]])),
}


@pytest.mark.parametrize("card_id", LOSS_CARDS)
def test_every_loss_card_builds_and_computes_with_its_defaults(card_id):
    loss = make_loss(brick(card_id))
    assert isinstance(loss, getattr(keras.losses, CATALOGUE[card_id].keras_class))
    y_true, y_pred = LOSS_INPUTS.get(card_id, (np.array([[0.0], [1.0]]), np.array([[0.2], [0.7]])))
    value = float(loss(y_true.astype("float32"), y_pred.astype("float32")))
    assert math.isfinite(value) and value >= 0


@pytest.mark.parametrize("card_id", OPTIMIZER_CARDS)
def test_every_optimizer_card_builds_with_its_default_learning_rate(card_id):
    optimizer = make_optimizer(brick(card_id))
    assert isinstance(optimizer, getattr(keras.optimizers, CATALOGUE[card_id].keras_class))
    assert float(optimizer.learning_rate) == pytest.approx(CATALOGUE[card_id].param("learning_rate").default)


def test_sgd_card_builds_with_the_bricks_momentum():
    optimizer = make_optimizer(brick("sgd", learning_rate=0.1, momentum=0.9))
    assert float(optimizer.learning_rate) == pytest.approx(0.1)
    assert optimizer.momentum == pytest.approx(0.9)
