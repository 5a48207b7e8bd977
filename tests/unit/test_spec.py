"""The figure spec: JSON round trips, and every bad input becomes a problem the learner can read (never a crash)."""

import json
import re

import pytest

from minifig.cards import CATALOGUE, LOSS, OPTIMIZER, Brick, brick, cards_of
from minifig.i18n import Message
from minifig.spec import (
    MAX_LAYERS,
    TRAINING_PARAMS,
    FigureSpec,
    SpecError,
    Training,
    from_dict,
    from_json,
    problems,
    seed_figure,
)

HANGUL = re.compile("[\uac00-\ud7a3]")
LOSS_CARDS = [c.id for c in cards_of(LOSS)]
OPTIMIZER_CARDS = [c.id for c in cards_of(OPTIMIZER)]


def figure(head=None, torso="binary_crossentropy", legs="adam", **extra) -> dict:
    """A plain-data figure: the seed head unless `head` is given."""
    raw = seed_figure().to_dict()
    if head is not None:
        raw["head"] = head
    raw["torso"] = torso
    raw["legs"] = legs
    raw.update(extra)
    return raw


def dense(**params) -> dict:
    return {"card": "dense", "params": params}


def training(**values) -> dict:
    return figure(training=values)


def problems_of(raw) -> list[Message]:
    with pytest.raises(SpecError) as info:
        from_dict(raw)
    assert info.value.problems, "a SpecError must carry at least one problem"
    return info.value.problems


def only_problem(raw) -> Message:
    found = problems_of(raw)
    assert len(found) == 1, [p.text("en") for p in found]
    return found[0]


def every_card_figure(loss: str, optimizer: str) -> FigureSpec:
    return FigureSpec(
        head=(
            brick("normalization"),
            brick("dense", units=7, activation="tanh"),
            brick("dropout", rate=0.5),
            brick("batchnorm"),
            brick("activation", activation="gelu"),
            brick("conv2d", filters=2, kernel_size=2, activation="elu"),
            brick("maxpool", pool_size=3),
            brick("flatten"),
            brick("dense", units=1, activation="sigmoid", regularizer="l1", reg_rate=0.01),
        ),
        torso=brick(loss),
        legs=brick(optimizer, learning_rate=0.05),
        dataset="seed",
        training=Training(epochs=7, batch_size=3, validation_split=0.2, seed=5),
    )


# --- round trips -------------------------------------------------------------------------------


def test_seed_figure_is_the_lesson_figure():
    spec = seed_figure()
    plain = {"regularizer": "none", "reg_rate": 0.001}
    assert [(b.card, b.params) for b in spec.head] == [("dense", {"units": 64, "activation": "relu", **plain})] * 4 + [
        ("dense", {"units": 1, "activation": "sigmoid", **plain})
    ]
    assert spec.torso == brick("binary_crossentropy")
    assert spec.legs == brick("adam", learning_rate=0.001)
    assert spec.dataset == "seed"
    assert spec.training == Training(epochs=100, batch_size=10, validation_split=0.0, seed=42)
    assert problems(spec) == []


def test_seed_figure_round_trips_through_json():
    spec = seed_figure()
    text = spec.to_json()
    assert json.loads(text) == spec.to_dict()
    assert from_json(text) == spec
    assert from_dict(spec.to_dict()) == spec


@pytest.mark.parametrize("loss", LOSS_CARDS)
def test_figure_with_every_layer_card_and_each_loss_round_trips(loss):
    spec = every_card_figure(loss, "adam")
    assert from_json(spec.to_json()) == spec


@pytest.mark.parametrize("optimizer", OPTIMIZER_CARDS)
def test_figure_with_every_layer_card_and_each_optimizer_round_trips(optimizer):
    spec = every_card_figure("mse", optimizer)
    back = from_json(spec.to_json())
    assert back == spec
    assert back.legs.params["learning_rate"] == 0.05


def test_every_card_appears_in_some_round_tripped_figure():
    used = set()
    for loss, optimizer in zip(LOSS_CARDS, OPTIMIZER_CARDS + OPTIMIZER_CARDS, strict=False):
        spec = from_json(every_card_figure(loss, optimizer).to_json())
        used |= {b.card for b in spec.head} | {spec.torso.card, spec.legs.card}
    assert used == set(CATALOGUE)


def test_round_trip_keeps_whole_numbers_whole():
    spec = from_json(seed_figure().to_json())
    assert all(type(b.params["units"]) is int for b in spec.head)
    assert type(spec.training.epochs) is int and type(spec.training.batch_size) is int


def test_figure_without_torso_and_legs_round_trips():
    spec = FigureSpec(head=(brick("dense"),))
    assert from_json(spec.to_json()) == spec
    assert spec.to_dict()["torso"] is None and spec.to_dict()["legs"] is None


def test_empty_dict_is_an_empty_figure_with_default_training():
    assert from_dict({}) == FigureSpec()


def test_missing_params_take_the_card_defaults():
    spec = from_dict(figure(head=[{"card": "dense"}, "dropout"], legs={"card": "sgd"}))
    assert spec.head == (brick("dense"), brick("dropout"))
    assert spec.legs == brick("sgd")


def test_missing_training_settings_take_the_defaults():
    spec = from_dict(training(epochs=3))
    assert spec.training == Training(epochs=3)


def test_twelve_layers_fit():
    spec = from_dict(figure(head=[dense(units=1, activation="sigmoid")] * MAX_LAYERS))
    assert len(spec.head) == MAX_LAYERS == 12


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"units": "64"}, 64),
        ({"units": " 64 "}, 64),
        ({"units": "64.0"}, 64),
        ({"units": 64.0}, 64),
    ],
)
def test_numeric_strings_are_accepted_and_whole_numbers_become_int(params, expected):
    units = from_dict(figure(head=[dense(**params)])).head[0].params["units"]
    assert units == expected and type(units) is int


def test_numeric_strings_are_accepted_for_floats_and_training():
    spec = from_dict(
        figure(
            head=[{"card": "dropout", "params": {"rate": "0.5"}}],
            legs={"card": "sgd", "params": {"learning_rate": "0.01", "momentum": "0.9"}},
            training={"epochs": "200", "batch_size": "5", "validation_split": "0.25", "seed": "7"},
        )
    )
    assert spec.head[0].params["rate"] == 0.5
    assert spec.legs.params == {"learning_rate": 0.01, "momentum": 0.9}
    assert spec.training == Training(epochs=200, batch_size=5, validation_split=0.25, seed=7)
    assert type(spec.training.epochs) is int


@pytest.mark.parametrize(
    "raw",
    [
        figure(head=[dense(units=1, activation="relu"), dense(units=512, activation="sigmoid")]),
        training(epochs=1, batch_size=1, validation_split=0.0, seed=0),
        training(epochs=5000, batch_size=1024, validation_split=0.5, seed=2**31 - 1),
        figure(head=[{"card": "dropout", "params": {"rate": 0.9}}, {"card": "dropout", "params": {"rate": 0}}]),
        figure(legs={"card": "adam", "params": {"learning_rate": 1e-6}}),
        figure(legs={"card": "adam", "params": {"learning_rate": 1}}),
        figure(legs={"card": "sgd", "params": {"momentum": 0.99}}),
    ],
)
def test_bounds_are_inclusive(raw):
    kept = from_dict(raw).to_dict()
    given = dict(settings_given(raw))
    assert given, "each case sets at least one value at a bound"
    changed = {
        path: (value, setting_at(kept, path)) for path, value in given.items() if setting_at(kept, path) != value
    }
    assert not changed, f"values at a bound not kept as given (given, kept): {changed}"


def settings_given(raw: dict):
    """Every value the raw figure sets explicitly, as (path, value): head bricks' and legs' settings, training."""
    for n, item in enumerate(raw["head"]):
        for name, value in item.get("params", {}).items():
            yield ("head", n, "params", name), value
    if isinstance(raw["legs"], dict):
        for name, value in raw["legs"].get("params", {}).items():
            yield ("legs", "params", name), value
    for name, value in raw.get("training", {}).items():
        yield ("training", name), value


def setting_at(spec: dict, path: tuple):
    for step in path:
        spec = spec[step]
    return spec


# --- every bound has a bad-input test ----------------------------------------------------------


def test_units_zero_is_too_small():
    problem = only_problem(figure(head=[dense(units=0)]))
    assert problem.key == "problem.too_small"
    assert problem.text("en") == "Units of brick 1 is 0, but it must be at least 1."


def test_units_ten_million_is_too_large():
    problem = only_problem(figure(head=[dense(units=1), dense(units=10**7)]))
    assert problem.key == "problem.too_large"
    text = problem.text("en")
    assert "brick 2" in text and "10000000" in text and "at most 512" in text


def test_units_513_is_too_large():
    assert only_problem(figure(head=[dense(units=513)])).key == "problem.too_large"


def test_units_with_a_fraction_are_not_whole():
    problem = only_problem(figure(head=[dense(units=64.5)]))
    assert problem.key == "problem.not_whole"
    assert "64.5" in problem.text("en") and "whole number" in problem.text("en")


def test_units_string_fraction_is_not_whole():
    problem = only_problem(figure(head=[dense(units="64.5")]))
    assert problem.key == "problem.not_whole"
    assert "64.5" in problem.text("en")


def test_units_text_is_not_a_number():
    problem = only_problem(figure(head=[dense(units="abc")]))
    assert problem.key == "problem.not_a_number"
    assert problem.text("en") == "Units of brick 1 must be a number, but it is “abc”."


@pytest.mark.parametrize("value", [True, False, None, [64], {"n": 64}, ""])
def test_units_that_are_not_numbers_are_not_a_number(value):
    assert only_problem(figure(head=[dense(units=value)])).key == "problem.not_a_number"


def test_epochs_a_billion_is_too_large():
    problem = only_problem(training(epochs=10**9))
    assert problem.key == "problem.too_large"
    assert problem.text("en") == "Epochs is 1000000000, but it can be at most 5000."


def test_epochs_zero_is_too_small():
    problem = only_problem(training(epochs=0))
    assert problem.key == "problem.too_small"
    assert problem.text("en") == "Epochs is 0, but it must be at least 1."


def test_batch_size_zero_is_too_small():
    problem = only_problem(training(batch_size=0))
    assert problem.key == "problem.too_small"
    assert problem.text("en") == "Batch size is 0, but it must be at least 1."


def test_validation_split_nine_tenths_is_too_large():
    problem = only_problem(training(validation_split=0.9))
    assert problem.key == "problem.too_large"
    assert problem.text("en") == "Validation share is 0.9, but it can be at most 0.5."


def test_negative_seed_is_too_small():
    assert only_problem(training(seed=-1)).key == "problem.too_small"


def test_dropout_rate_above_one_is_too_large():
    problem = only_problem(figure(head=[dense(units=1), {"card": "dropout", "params": {"rate": 1.5}}]))
    assert problem.key == "problem.too_large"
    assert problem.text("en") == "Dropout rate of brick 2 is 1.5, but it can be at most 0.9."


def test_learning_rate_zero_is_too_small():
    problem = only_problem(figure(legs={"card": "adam", "params": {"learning_rate": 0}}))
    assert problem.key == "problem.too_small"
    text = problem.text("en")
    assert text.startswith("Learning rate is 0,") and "1e-06" in text


def test_negative_learning_rate_is_too_small():
    problem = only_problem(figure(legs={"card": "sgd", "params": {"learning_rate": -1}}))
    assert problem.key == "problem.too_small"
    assert "Learning rate is -1," in problem.text("en")


def test_learning_rate_above_one_is_too_large():
    assert only_problem(figure(legs={"card": "adam", "params": {"learning_rate": 2}})).key == "problem.too_large"


@pytest.mark.parametrize("value", ["nan", float("nan"), float("inf"), float("-inf"), "inf", "-inf", "1e400"])
def test_learning_rate_that_is_not_finite_is_not_a_number(value):
    problem = only_problem(figure(legs={"card": "adam", "params": {"learning_rate": value}}))
    assert problem.key == "problem.not_a_number"
    assert problem.text("en").startswith("Learning rate must be a number")


def test_not_finite_values_in_json_text_are_not_a_number():
    text = json.dumps(figure(legs={"card": "adam", "params": {"learning_rate": float("nan")}}))
    assert "NaN" in text
    with pytest.raises(SpecError) as info:
        from_json(text)
    assert [p.key for p in info.value.problems] == ["problem.not_a_number"]


def test_momentum_of_one_is_too_large():
    assert only_problem(figure(legs={"card": "sgd", "params": {"momentum": 1}})).key == "problem.too_large"


def test_unknown_card_id_is_a_problem():
    problem = only_problem(figure(head=[{"card": "transformer"}]))
    assert problem.key == "problem.unknown_card"
    assert problem.text("en") == "There is no card called “transformer”."


def test_unknown_torso_and_legs_cards_are_problems():
    found = problems_of(figure(torso="telepathy", legs="rocket"))
    assert [p.key for p in found] == ["problem.unknown_card"] * 2
    assert "telepathy" in found[0].text("en") and "rocket" in found[1].text("en")


def test_loss_card_in_the_head_is_the_wrong_kind():
    problem = only_problem(figure(head=[{"card": "binary_crossentropy"}]))
    assert problem.key == "problem.wrong_kind"
    assert problem.text("en") == "“Binary cross-entropy” is a loss card and cannot go in the head."
    ko = problem.text("ko")
    assert "손실" in ko and "머리" in ko


def test_layer_card_as_torso_is_the_wrong_kind():
    problem = only_problem(figure(torso="dense"))
    assert problem.key == "problem.wrong_kind"
    assert problem.text("en") == "“Dense” is a layer card and cannot go in the torso."


@pytest.mark.parametrize(
    ("part", "card", "kind"),
    [("torso", "adam", "optimizer"), ("legs", "mse", "loss"), ("legs", "dropout", "layer")],
)
def test_cards_in_the_wrong_part_are_the_wrong_kind(part, card, kind):
    problem = only_problem(figure(**{part: card}))
    assert problem.key == "problem.wrong_kind"
    text = problem.text("en")
    assert f"a {kind} card" in text and f"the {part}." in text


def test_optimizer_card_in_the_head_is_the_wrong_kind():
    assert only_problem(figure(head=[dense(units=1), "sgd"])).key == "problem.wrong_kind"


def test_unknown_param_name_is_a_problem():
    problem = only_problem(figure(head=[dense(units=1, size=3)]))
    assert problem.key == "problem.unknown_param"
    assert problem.text("en") == "The Dense card has no setting called “size”."


def test_param_of_a_card_without_params_is_unknown():
    problem = only_problem(figure(head=[{"card": "batchnorm", "params": {"momentum": 0.9}}]))
    assert problem.key == "problem.unknown_param"
    assert "BatchNorm" in problem.text("en") and "momentum" in problem.text("en")


def test_unknown_activation_is_a_bad_choice():
    problem = only_problem(figure(head=[dense(units=1, activation="swish")]))
    assert problem.key == "problem.bad_choice"
    text = problem.text("en")
    assert "“swish”" in text
    assert "relu, sigmoid, tanh, softmax, linear, elu, gelu" in text


def test_activation_name_is_case_sensitive():
    assert only_problem(figure(head=[{"card": "activation", "params": {"activation": "ReLU"}}])).key == (
        "problem.bad_choice"
    )


def test_thirteen_layers_are_too_many():
    problem = only_problem(figure(head=[dense(units=1, activation="sigmoid")] * (MAX_LAYERS + 1)))
    assert problem.key == "problem.too_many_layers"
    assert problem.text("en") == "The head has 13 bricks; at most 12 fit on one figure."


def test_a_huge_head_reports_too_many_without_checking_every_brick():
    found = problems_of(figure(head=[{"card": "nope"}] * 10_000))
    assert found[0].key == "problem.too_many_layers"
    assert "10000" in found[0].text("en")
    assert len(found) <= MAX_LAYERS + 2


def test_unknown_dataset_is_a_problem():
    problem = only_problem(figure(dataset="mnist"))
    assert problem.key == "problem.unknown_dataset"
    assert problem.text("en") == "There is no data set called “mnist”."


@pytest.mark.parametrize("raw", [None, [], ["head"], "seed", 42, 3.5, True])
def test_input_that_is_not_a_dict_is_malformed(raw):
    problem = only_problem(raw)
    assert problem.key == "problem.malformed"
    assert problem.values["what"] == Message("field.figure")
    assert problem.text("en") == "The figure description is missing or has the wrong shape."


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        (figure(head="dense"), "field.head"),
        (figure(head={"card": "dense"}), "field.head"),
        (figure(head=[42]), "field.head"),
        (figure(head=[{"params": {}}]), "field.head"),
        (figure(head=[{"card": ["dense"]}]), "field.head"),
        (figure(head=[{"card": "dense", "params": [64]}]), "field.head"),
        (figure(torso=42), "field.torso"),
        (figure(torso={"card": 1}), "field.torso"),
        (figure(legs=["adam"]), "field.legs"),
        (figure(training=[100]), "field.training"),
        (figure(training=None), "field.training"),
    ],
)
def test_parts_with_the_wrong_shape_are_malformed(raw, field):
    problem = only_problem(raw)
    assert problem.key == "problem.malformed"
    assert problem.values["what"] == Message(field)


@pytest.mark.parametrize("text", ["", "not json", "{", '{"head": [}', "{'head': []}", "\x00", "[" * 10])
def test_text_that_is_not_json_is_malformed(text):
    with pytest.raises(SpecError) as info:
        from_json(text)
    assert [p.key for p in info.value.problems] == ["problem.malformed"]
    assert info.value.problems[0].values["what"] == Message("field.figure")


@pytest.mark.parametrize("text", ["[" * 100_000, '{"head":' * 100_000, "[" * 50_000 + "]" * 50_000])
def test_deeply_nested_junk_json_is_malformed(text):
    with pytest.raises(SpecError) as info:
        from_json(text)
    assert [p.key for p in info.value.problems] == ["problem.malformed"]


@pytest.mark.parametrize("text", ["[[[[]]]]", '"seed"', "null", "12"])
def test_json_that_is_not_an_object_is_malformed(text):
    with pytest.raises(SpecError) as info:
        from_json(text)
    assert [p.key for p in info.value.problems] == ["problem.malformed"]


def test_a_long_bad_value_is_shortened_in_the_message():
    problem = only_problem(figure(head=[{"card": "x" * 1000}]))
    text = problem.text("en")
    assert "…" in text and len(text) < 100


@pytest.mark.parametrize("dataset", [[], {"id": "seed"}])
def test_unhashable_dataset_is_a_problem_not_a_crash(dataset):
    assert only_problem(figure(dataset=dataset)).key == "problem.unknown_dataset"


def test_a_long_bad_activation_is_shortened_in_the_message():
    problem = only_problem(figure(head=[dense(units=1, activation="x" * 1000)]))
    assert len(problem.text("en")) < 200


def test_deeply_nested_activation_value_is_a_problem_not_a_crash():
    # Sweep the depths around the recursion limit: json either refuses the text or parses it.
    for depth in range(800, 1100):
        text = json.dumps(figure(head=[{"card": "dense", "params": {"activation": "@"}}])).replace(
            '"@"', "[" * depth + "]" * depth
        )
        with pytest.raises(SpecError):
            from_json(text)


# --- several problems at once, in both languages -----------------------------------------------


def test_several_problems_are_returned_at_once():
    raw = figure(head=[dense(units=0), {"card": "transformer"}], training={"epochs": 10**9})
    found = problems_of(raw)
    assert [p.key for p in found] == ["problem.too_small", "problem.unknown_card", "problem.too_large"]


def test_spec_error_message_joins_every_problem_in_english():
    with pytest.raises(SpecError) as info:
        from_dict(figure(head=[dense(units=0)], training={"epochs": 0, "batch_size": 0}))
    assert len(info.value.problems) == 3
    assert str(info.value) == "; ".join(p.text("en") for p in info.value.problems)
    assert isinstance(info.value, ValueError)


def test_every_problem_of_one_figure_is_reported():
    raw = figure(
        head=[dense(units="abc", activation="swish", size=1), {"card": "dropout", "params": {"rate": 1.5}}, "mse"],
        torso="dense",
        legs={"card": "sgd", "params": {"learning_rate": 0, "momentum": 5}},
        dataset="mnist",
        training={"epochs": 0, "batch_size": 10**6, "validation_split": 0.9, "seed": "x"},
    )
    keys = [p.key for p in problems_of(raw)]
    assert sorted(keys) == sorted(
        [
            "problem.unknown_param",
            "problem.not_a_number",
            "problem.bad_choice",
            "problem.too_large",
            "problem.wrong_kind",
            "problem.wrong_kind",
            "problem.too_small",
            "problem.too_large",
            "problem.unknown_dataset",
            "problem.too_small",
            "problem.too_large",
            "problem.too_large",
            "problem.not_a_number",
        ]
    )


def test_problems_render_in_english_and_korean():
    raw = figure(
        head=[dense(units=0), dense(units="abc"), dense(units=2.5, activation="swish", size=1), "mse"],
        torso="dense",
        legs={"card": "nope"},
        dataset="mnist",
        training={"epochs": 10**9},
    )
    found = problems_of(raw)
    assert len(found) == 10
    for problem in found:
        en, ko = problem.text("en"), problem.text("ko")
        assert en and ko and en != ko
        assert HANGUL.search(ko), ko
        assert not HANGUL.search(en), en
        assert "{" not in en + ko and "Message(" not in en + ko


def test_brick_problems_name_the_brick_in_korean():
    problem = only_problem(figure(head=[dense(units=1), dense(units=0)]))
    assert problem.text("ko") == "2번 블록의 뉴런 수가 0인데, 1 이상이어야 합니다."


@pytest.mark.parametrize("param", TRAINING_PARAMS, ids=lambda p: p.name)
def test_every_training_setting_rejects_text(param):
    problem = only_problem(training(**{param.name: "lots"}))
    assert problem.key == "problem.not_a_number"
    assert problem.values["what"] == Message(f"field.{param.name}")


# --- problems() on specs built in code ---------------------------------------------------------


def test_problems_of_a_valid_spec_is_empty():
    assert problems(seed_figure()) == []
    assert problems(FigureSpec()) == []


def test_problems_finds_bad_values_in_a_spec_built_in_code():
    spec = seed_figure().with_head([Brick("dense", {"units": 0, "activation": "relu"})])
    assert [p.key for p in problems(spec)] == ["problem.too_small"]


def test_problems_finds_a_bad_training_setting_in_code():
    spec = FigureSpec(head=(brick("dense"),), training=Training(epochs=10**9))
    assert [p.key for p in problems(spec)] == ["problem.too_large"]


def test_problems_finds_wrong_kinds_in_code():
    spec = FigureSpec(head=(brick("dense"),), torso=brick("adam"), legs=brick("mse"))
    assert [p.key for p in problems(spec)] == ["problem.wrong_kind", "problem.wrong_kind"]


def test_with_head_replaces_only_the_head():
    spec = seed_figure().with_head([brick("dense", units=1, activation="sigmoid")])
    assert len(spec.head) == 1 and isinstance(spec.head, tuple)
    assert spec.torso == seed_figure().torso and spec.training == seed_figure().training
