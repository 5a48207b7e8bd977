"""The fit check: each rule fires on a figure that does not fit, and stays quiet on one that does."""

import re
from dataclasses import replace

import numpy as np
import pytest

from minifig.cards import CATALOGUE, brick
from minifig.datasets import DATASETS, Dataset, load
from minifig.fit_check import Misfit, head_output, misfits, suggestions
from minifig.i18n import Message
from minifig.spec import FigureSpec, preset_figure, seed_figure

HANGUL = re.compile("[\uac00-\ud7a3]")


# --- data sets of every answer kind --------------------------------------------------------------


@pytest.fixture(scope="module")
def seed():
    return load("seed")


def number_data(y_min: float = 0.0, y_max: float = 90.0) -> Dataset:
    x = np.arange(10, dtype="float32").reshape(-1, 1)
    y = np.linspace(y_min, y_max, 10, dtype="float32")
    return Dataset("numbers", "dataset.seed", x, y, "number")


def classes_data(one_hot: bool = False, n_classes: int = 3) -> Dataset:
    x = np.arange(12, dtype="float32").reshape(-1, 2)
    labels = np.arange(6) % n_classes
    y = np.eye(n_classes, dtype="float32")[labels] if one_hot else labels.astype("float32")
    return Dataset("classes", "dataset.seed", x, y, "classes", n_classes=n_classes, one_hot=one_hot)


def figure(*head, torso="binary_crossentropy", legs="adam") -> FigureSpec:
    """A figure: Dense(8, relu) then `head` (the ending), with the given torso and legs."""
    return FigureSpec(
        head=(brick("dense", units=8, activation="relu"), *head),
        torso=brick(torso) if torso else None,
        legs=brick(legs) if legs else None,
    )


def ending(units: int, activation: str):
    return brick("dense", units=units, activation=activation)


def keys(found: list[Misfit]) -> list[str]:
    return [m.reason.key for m in found]


def only(found: list[Misfit]) -> Misfit:
    assert len(found) == 1, [m.reason.text("en") for m in found]
    return found[0]


# --- figures that fit --------------------------------------------------------------------------


def test_seed_figure_fits_the_seed_data(seed):
    assert misfits(seed_figure(), seed) == []


@pytest.mark.parametrize(
    ("spec", "data"),
    [
        (figure(ending(1, "tanh"), torso="hinge"), "seed"),
        (figure(ending(1, "linear"), torso="hinge"), "seed"),
        (figure(ending(2, "softmax"), torso="sparse_categorical_crossentropy"), "seed"),
        (figure(ending(1, "linear"), torso="mse"), "number"),
        (figure(ending(1, "linear"), torso="mae"), "number"),
        (figure(ending(1, "linear"), torso="huber"), "number"),
        (figure(ending(1, "relu"), torso="mse"), "number"),
        (figure(ending(3, "softmax"), torso="sparse_categorical_crossentropy"), "classes"),
        (figure(ending(3, "softmax"), torso="categorical_crossentropy"), "one_hot"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_figures_whose_pieces_agree_fit(spec, data, seed):
    datasets = {"seed": seed, "number": number_data(), "classes": classes_data(), "one_hot": classes_data(True)}
    assert misfits(spec, datasets[data]) == []


def test_sigmoid_fits_number_answers_between_zero_and_one():
    assert misfits(figure(ending(1, "sigmoid"), torso="mse"), number_data(0.0, 1.0)) == []


def test_tanh_fits_number_answers_between_minus_one_and_one():
    assert misfits(figure(ending(1, "tanh"), torso="mae"), number_data(-1.0, 1.0)) == []


# --- empty head, no torso, no legs -------------------------------------------------------------


def test_empty_head_is_a_misfit(seed):
    spec = FigureSpec(torso=brick("binary_crossentropy"), legs=brick("adam"))
    misfit = only(misfits(spec, seed))
    assert misfit == Misfit("head", Message("misfit.empty_head"), Message("fix.empty_head"))
    assert "no bricks" in misfit.reason.text("en")
    assert "Dense" in misfit.fix.text("en")


def test_figure_without_torso_is_a_misfit(seed):
    misfit = only(misfits(FigureSpec(head=seed_figure().head, legs=brick("adam")), seed))
    assert misfit.part == "torso"
    assert misfit.reason.key == "misfit.no_torso" and misfit.fix.key == "fix.no_torso"
    assert "no torso" in misfit.reason.text("en")
    assert "loss card" in misfit.fix.text("en")


def test_figure_without_legs_is_a_misfit(seed):
    misfit = only(misfits(FigureSpec(head=seed_figure().head, torso=brick("binary_crossentropy")), seed))
    assert misfit.part == "legs"
    assert misfit.reason.key == "misfit.no_legs" and misfit.fix.key == "fix.no_legs"
    assert "no legs" in misfit.reason.text("en")
    assert "optimizer card" in misfit.fix.text("en")


def test_figure_without_legs_still_gets_its_other_misfits_checked(seed):
    found = misfits(figure(ending(64, "sigmoid"), legs=None), seed)
    assert [(m.part, m.reason.key) for m in found] == [("legs", "misfit.no_legs"), ("head", "misfit.width")]


def test_bare_figure_misses_head_torso_and_legs_in_that_order(seed):
    found = misfits(FigureSpec(), seed)
    assert [m.part for m in found] == ["head", "torso", "legs"]
    assert keys(found) == ["misfit.empty_head", "misfit.no_torso", "misfit.no_legs"]


# --- the torso must be made for the data's answers -----------------------------------------------


def test_mse_on_yes_no_answers_is_a_misfit(seed):
    misfit = only(misfits(replace(seed_figure(), torso=brick("mse")), seed))
    assert misfit.part == "torso"
    assert misfit.reason == Message(
        "misfit.loss_for_labels",
        {"loss": "Mean squared error", "made_for": Message("made_for.number"), "expected": Message("answer.binary")},
    )
    assert misfit.reason.text("en") == (
        "The torso Mean squared error is made for number answers, but this data's answer is one yes/no."
    )
    assert misfit.fix.key == "fix.loss_for_labels"
    assert misfit.fix.values["expected"] == Message("made_for.binary")
    suggested = misfit.fix.values["losses"].split(", ")
    assert "Binary cross-entropy" in suggested and "Hinge" in suggested
    assert "Mean squared error" not in suggested
    assert "yes/no answers" in misfit.fix.text("en")


def test_binary_crossentropy_on_number_answers_is_a_misfit():
    misfit = only(misfits(figure(ending(1, "linear")), number_data()))
    assert misfit.part == "torso"
    assert misfit.reason.key == "misfit.loss_for_labels"
    assert misfit.reason.values["made_for"] == Message("made_for.binary")
    assert misfit.reason.values["expected"] == Message("answer.number")
    assert misfit.fix.values == {
        "expected": Message("made_for.number"),
        "losses": "Mean squared error, Mean absolute error, Huber",
    }
    assert "Binary cross-entropy is made for yes/no answers" in misfit.reason.text("en")
    assert (
        misfit.fix.text("en") == "Pick a torso made for number answers: Mean squared error, Mean absolute error, Huber."
    )


def test_number_loss_on_class_answers_is_a_misfit_and_wants_one_number_per_class():
    found = misfits(figure(ending(1, "linear"), torso="mae"), classes_data())
    assert keys(found) == ["misfit.loss_for_labels", "misfit.width"]
    assert found[0].reason.values["expected"] == Message("answer.classes", {"n": 3})
    assert "one of 3 classes" in found[0].reason.text("en")
    assert found[1].fix.values == {"units": 3, "activation": "softmax"}


def test_hinge_on_class_answers_is_a_misfit():
    found = misfits(figure(ending(3, "softmax"), torso="hinge"), classes_data())
    assert keys(found) == ["misfit.loss_for_labels"]
    assert "Hinge" in found[0].reason.text("en")


def test_loss_made_for_the_answers_is_no_torso_misfit(seed):
    assert not [m for m in misfits(seed_figure(), seed) if m.part == "torso"]


# --- the head's width must match the answer ----------------------------------------------------


def test_last_dense_of_64_units_on_yes_no_is_a_width_misfit(seed):
    misfit = only(misfits(figure(ending(64, "sigmoid")), seed))
    assert misfit.part == "head"
    assert misfit.reason.key == "misfit.width"
    assert misfit.reason.values["width"] == 64 and misfit.reason.values["expected"] == Message("answer.binary")
    assert misfit.reason.text("en") == "The last layer gives 64 numbers, but the answer is one yes/no."
    assert misfit.fix == Message("fix.width", {"units": 1, "activation": "sigmoid"})
    assert misfit.fix.text("en") == "End the head with Dense(1, sigmoid)."


def test_seed_head_without_its_last_brick_misfits_width_and_activation(seed):
    spec = seed_figure().with_head(seed_figure().head[:-1])
    found = misfits(spec, seed)
    assert keys(found) == ["misfit.width", "misfit.activation"]
    assert "64" in found[0].reason.text("en")
    assert "Dense(1, sigmoid)" in found[0].fix.text("en")


def test_head_without_dense_gives_as_many_numbers_as_inputs():
    found = misfits(FigureSpec(head=(brick("dropout"),), torso=brick("mse"), legs=brick("adam")), classes_data())
    width = next(m for m in found if m.reason.key == "misfit.width")
    assert width.reason.values["width"] == 2


def test_dropout_and_batchnorm_after_the_last_dense_keep_its_width(seed):
    spec = figure(ending(1, "sigmoid"), brick("dropout"))
    assert misfits(spec, seed) == []
    assert misfits(figure(ending(64, "sigmoid"), brick("dropout")), seed)[0].reason.values["width"] == 64


def test_class_answers_need_one_softmax_number_per_class():
    found = misfits(figure(ending(1, "sigmoid"), torso="sparse_categorical_crossentropy"), classes_data())
    assert keys(found) == ["misfit.width", "misfit.activation"]
    width, activation = found
    assert width.part == "head"
    assert width.reason.values == {
        "width": 1,
        "numbers": Message("ui.number_one"),
        "expected": Message("answer.classes", {"n": 3}),
    }
    assert "gives 1 number," in width.reason.text("en")
    assert "gives 1" in width.reason.text("en") and "the answer is one of 3 classes" in width.reason.text("en")
    assert width.fix == Message("fix.width", {"units": 3, "activation": "softmax"})
    assert width.fix.text("en") == "End the head with Dense(3, softmax)."
    assert activation.reason.values["why"] == Message("why.softmax")


def test_class_losses_on_yes_no_answers_want_two_numbers(seed):
    found = misfits(figure(ending(1, "sigmoid"), torso="sparse_categorical_crossentropy"), seed)
    assert keys(found) == ["misfit.width", "misfit.activation"]
    assert found[0].fix.values == {"units": 2, "activation": "softmax"}


# --- the head's last activation must suit the torso ----------------------------------------------


def test_softmax_with_binary_loss_is_a_misfit(seed):
    misfit = only(misfits(figure(ending(1, "softmax")), seed))
    assert misfit.part == "head"
    assert misfit.reason.key == "misfit.activation"
    assert misfit.reason.values["activation"] == "softmax"
    assert misfit.reason.values["wanted"] == "sigmoid"
    assert misfit.reason.values["why"] == Message("why.softmax_one_unit")
    assert misfit.fix == Message("fix.activation", {"wanted": "sigmoid"})
    text = misfit.reason.text("en")
    assert text.startswith("The head ends with softmax, but the torso Binary cross-entropy expects sigmoid at the end.")
    assert "always says 1" in text


def test_two_unit_softmax_with_binary_loss_misfits_width_and_activation(seed):
    found = misfits(figure(ending(2, "softmax")), seed)
    assert keys(found) == ["misfit.width", "misfit.activation"]
    assert found[1].reason.values["why"] == Message("why.sigmoid")
    assert "between 0 and 1" in found[1].reason.text("en")


def test_relu_output_with_yes_no_loss_is_a_misfit(seed):
    misfit = only(misfits(figure(ending(1, "relu")), seed))
    assert misfit.reason.key == "misfit.activation"
    assert misfit.reason.values["why"] == Message("why.sigmoid")
    assert "ends with relu" in misfit.reason.text("en")
    assert misfit.fix.text("en") == "Set the last layer's activation to sigmoid."


def test_activation_card_after_the_last_dense_sets_the_ending(seed):
    assert misfits(figure(ending(1, "relu"), brick("activation", activation="sigmoid")), seed) == []
    found = misfits(figure(ending(1, "sigmoid"), brick("activation", activation="tanh")), seed)
    assert only(found).reason.values["activation"] == "tanh"


def test_sigmoid_on_number_answers_outside_zero_to_one_is_a_misfit():
    misfit = only(misfits(figure(ending(1, "sigmoid"), torso="mse"), number_data(0.0, 90.0)))
    assert misfit.part == "head"
    assert misfit.reason.key == "misfit.activation"
    assert misfit.reason.values["wanted"] == "linear"
    assert misfit.reason.values["why"] == Message(
        "why.number", {"activation": "sigmoid", "low": "0", "high": "1", "y_min": "0", "y_max": "90"}
    )
    assert "sigmoid can only say numbers between 0 and 1, but the answers go from 0 to 90." in misfit.reason.text("en")
    assert misfit.fix == Message("fix.activation", {"wanted": "linear"})


def test_relu_on_negative_number_answers_is_a_misfit_with_an_infinite_top():
    misfit = only(misfits(figure(ending(1, "relu"), torso="huber"), number_data(-5.0, 5.0)))
    why = misfit.reason.values["why"]
    assert why.key == "why.number"
    assert why.values["high"] == "∞" and why.values["y_min"] == "-5"
    assert "between 0 and ∞" in why.text("en")


def test_softmax_on_number_answers_is_a_misfit():
    misfit = only(misfits(figure(ending(1, "softmax"), torso="mse"), number_data(0.0, 2.0)))
    assert misfit.reason.values["why"].key == "why.number"


def test_hinge_with_sigmoid_is_a_misfit(seed):
    misfit = only(misfits(figure(ending(1, "sigmoid"), torso="hinge"), seed))
    assert misfit.reason.key == "misfit.activation"
    assert misfit.reason.values["why"] == Message("why.hinge")
    assert misfit.reason.values["wanted"] == "tanh"
    assert "−1 and +1" in misfit.reason.text("en")
    assert misfit.fix.text("en") == "Set the last layer's activation to tanh."


def test_no_activation_check_when_the_loss_is_for_other_answers(seed):
    # The loss itself is wrong; a relu ending is not blamed on top of it.
    assert keys(misfits(figure(ending(1, "relu"), torso="mse"), seed)) == ["misfit.loss_for_labels"]


# --- class answers must be written the way the loss reads them ----------------------------------


def test_categorical_crossentropy_on_class_numbers_says_use_sparse():
    misfit = only(misfits(figure(ending(3, "softmax"), torso="categorical_crossentropy"), classes_data()))
    assert misfit == Misfit("torso", Message("misfit.not_one_hot"), Message("fix.not_one_hot"))
    assert "one-hot" in misfit.reason.text("en")
    assert "sparse" in misfit.fix.text("en")
    assert "sparse" in misfit.fix.text("ko")


def test_categorical_crossentropy_on_yes_no_class_numbers_says_use_sparse(seed):
    found = misfits(figure(ending(2, "softmax"), torso="categorical_crossentropy"), seed)
    assert keys(found) == ["misfit.not_one_hot"]


def test_sparse_crossentropy_on_one_hot_answers_is_a_misfit():
    misfit = only(misfits(figure(ending(3, "softmax"), torso="sparse_categorical_crossentropy"), classes_data(True)))
    assert misfit == Misfit("torso", Message("misfit.one_hot_sparse"), Message("fix.one_hot_sparse"))
    assert "class numbers" in misfit.reason.text("en")
    assert misfit.fix.text("en") == "Use categorical cross-entropy instead."


# --- head_output -------------------------------------------------------------------------------


def test_head_output_follows_the_last_dense_and_activation_cards():
    assert head_output(seed_figure(), 1) == (1, "sigmoid")
    assert head_output(FigureSpec(), 4) == (4, "linear")
    assert head_output(FigureSpec(head=(brick("batchnorm"), brick("dropout"))), 5) == (5, "linear")
    spec = FigureSpec(head=(ending(8, "relu"), brick("activation", activation="tanh"), brick("dropout")))
    assert head_output(spec, 2) == (8, "tanh")
    spec = FigureSpec(head=(ending(8, "sigmoid"), brick("activation", activation="linear")))
    assert head_output(spec, 2) == (8, "sigmoid")


# --- every misfit reads well in both languages -------------------------------------------------


def test_every_misfit_renders_in_english_and_korean(seed):
    cases = [
        (FigureSpec(), seed),
        (figure(ending(64, "relu"), torso="mse"), seed),
        (figure(ending(2, "softmax")), seed),
        (figure(ending(1, "softmax")), seed),
        (figure(ending(1, "sigmoid"), torso="hinge"), seed),
        (figure(ending(1, "sigmoid"), torso="mse"), number_data()),
        (figure(ending(1, "linear")), number_data()),
        (figure(ending(3, "softmax"), torso="categorical_crossentropy"), classes_data()),
        (figure(ending(3, "softmax"), torso="sparse_categorical_crossentropy"), classes_data(True)),
    ]
    seen = set()
    for spec, data in cases:
        for misfit in misfits(spec, data):
            seen.add(misfit.reason.key)
            assert misfit.part in ("head", "torso", "legs")
            for message in (misfit.reason, misfit.fix):
                en, ko = message.text("en"), message.text("ko")
                assert en and ko and en != ko
                assert HANGUL.search(ko) and not HANGUL.search(en)
                assert "{" not in en + ko and "Message(" not in en + ko
    assert seen == {
        "misfit.empty_head",
        "misfit.no_torso",
        "misfit.no_legs",
        "misfit.loss_for_labels",
        "misfit.width",
        "misfit.activation",
        "misfit.not_one_hot",
        "misfit.one_hot_sparse",
    }


# --- once bugs, now fixed ------------------------------------------------------------------------------


def test_batchnorm_after_the_sigmoid_ending_is_an_activation_misfit(seed):
    found = misfits(figure(ending(1, "sigmoid"), brick("batchnorm")), seed)
    assert "misfit.activation" in keys(found)


def test_every_suggested_loss_fits_the_data(seed):
    misfit = only(misfits(replace(seed_figure(), torso=brick("mse")), seed))
    labels = {card.label: card.id for card in CATALOGUE.values()}
    for label in misfit.fix.values["losses"].split(", "):
        spec = figure(ending(2, "softmax"), torso=labels[label])
        torso = [m.reason.key for m in misfits(spec, seed) if m.part == "torso"]
        assert torso == [], f"suggested {label} but it does not fit: {torso}"


# --- suggestions: inputs of very different sizes want a Normalization brick first --------------------


def table(*columns, names=()) -> Dataset:
    x = np.column_stack([np.asarray(c, dtype="float32") for c in columns])
    y = (np.arange(len(x)) % 2).astype("float32")
    return Dataset("csv", "dataset.csv", x, y, "binary", n_classes=2, feature_names=tuple(names))


SPAN_1 = np.linspace(0, 1, 8)


@pytest.mark.parametrize(
    ("columns", "suggested"),
    [
        ((SPAN_1, SPAN_1 * 10.5), True),  # spans 10.5 times apart
        ((SPAN_1, SPAN_1 * 9.5), False),  # within tenfold, and within ±10
        ((SPAN_1 * 0.5 + 10.25, SPAN_1), True),  # reaches 10.75: beyond ±10
        ((SPAN_1 * 0.5 - 10.25, SPAN_1), True),  # reaches −10.75: beyond ±10 below
        ((SPAN_1 * 10, SPAN_1), False),  # exactly tenfold and exactly 10: not beyond
        ((SPAN_1, np.full(8, 3.0)), False),  # a constant column has no span to compare
    ],
)
def test_normalization_is_suggested_when_spans_differ_over_tenfold_or_numbers_pass_ten(columns, suggested):
    found = suggestions(figure(ending(1, "sigmoid")), table(*columns))
    assert bool(found) == suggested
    if found:
        assert found[0].card == "normalization" and found[0].fix == Message("fix.normalization")


def test_the_suggestion_names_the_narrowest_and_widest_inputs_in_both_languages():
    data = table(np.linspace(11, 15, 8), np.linspace(280, 1680, 8), names=("alcohol", "proline"))
    (found,) = suggestions(figure(ending(1, "sigmoid")), data)
    english, korean = found.reason.text("en"), found.reason.text("ko")
    assert "“alcohol” goes from 11 to 15" in english and "“proline” from 280 to 1,680" in english
    assert "alcohol" in korean and HANGUL.search(korean)
    assert "Normalization" in found.fix.text("en") and HANGUL.search(found.fix.text("ko"))


def test_a_head_starting_with_normalization_gets_no_suggestion_and_one_further_down_still_does():
    data = table(SPAN_1, SPAN_1 * 100)
    assert (
        suggestions(replace(figure(ending(1, "sigmoid")), head=(brick("normalization"), ending(1, "sigmoid"))), data)
        == []
    )
    lower = (ending(8, "relu"), brick("normalization"), ending(1, "sigmoid"))
    assert len(suggestions(replace(figure(), head=lower), data)) == 1


@pytest.mark.parametrize("dataset_id", sorted(DATASETS))
def test_no_preset_at_its_own_settings_is_told_to_normalise(dataset_id):
    """The lesson's data (1–10), the points and the digits (pixels share one scale) need no Normalization brick."""
    spec = preset_figure(dataset_id)
    assert suggestions(spec, load(dataset_id)) == []


@pytest.mark.parametrize("name", ["load_wine", "load_breast_cancer"])
def test_real_tables_of_very_different_sizes_are_told_to_normalise(name):
    import sklearn.datasets

    x, y = getattr(sklearn.datasets, name)(return_X_y=True)
    data = Dataset("csv", "dataset.csv", x.astype("float32"), y.astype("float32"), "classes", n_classes=3)
    assert [s.card for s in suggestions(figure(ending(3, "softmax")), data)] == ["normalization"]
