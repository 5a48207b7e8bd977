"""Challenge links: a good one round-trips, every kind of broken or hostile one is refused with its reason,
and the checks say which limits a figure breaks and when the goal is reached."""

import base64
import json

import pytest

from minifig import challenge as ch
from minifig.cards import brick
from minifig.history import EpochLog
from minifig.spec import FigureSpec, Training

CIRCLE = ch.Challenge(
    "circle",
    "val_accuracy",
    0.95,
    validation_split=0.2,
    samples=300,
    noise=0.1,
    max_bricks=2,
    max_units=8,
    torso=brick("binary_crossentropy"),
    legs=brick("adam", learning_rate=0.03),
    hidden=("data", "legs"),
)


def link(raw: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(raw).encode()).decode().rstrip("=")


def reasons(value: object) -> str:
    with pytest.raises(ch.ChallengeError) as error:
        ch.parse(value)
    return "\n".join(p.text("en") for p in error.value.problems) + "\n" + str(error.value.problems[0].text("ko"))


def fitting_figure(**changes) -> FigureSpec:
    values = {
        "head": (brick("dense", units=8, activation="tanh"), brick("dense", units=1, activation="sigmoid")),
        "torso": brick("binary_crossentropy"),
        "legs": brick("adam", learning_rate=0.03),
        "dataset": "circle",
        "training": Training(60, 16, 0.2, 42),
        "samples": 300,
        "noise": 0.1,
    }
    return FigureSpec(**{**values, **changes})


def test_a_challenge_round_trips_through_its_link():
    value = ch.encode(CIRCLE)
    assert len(value) < 400 and "=" not in value
    assert ch.parse(value) == CIRCLE


def test_a_hand_written_link_with_only_the_goal_is_read_with_defaults():
    parsed = ch.parse(link({"data": "sine", "goal": "val_loss", "target": 0.05}))
    assert parsed.validation_split == 0.2 and parsed.max_bricks is None and parsed.hidden == ()


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("not base64 at all!!", "damaged"),
        ("", "damaged"),
        ("A" * 5000, "far too long"),
        (link([1, 2, 3]), "damaged"),
        (link("text"), "damaged"),
        (base64.urlsafe_b64encode(b"\xff\xfe\xfd").decode(), "damaged"),
        (link({"data": "circle", "goal": "val_accuracy", "target": 0.9, "script": "<b>x</b>"}), "“script”"),
        (link({"data": "moon", "goal": "val_accuracy", "target": 0.9}), "no data set called “moon”"),
        (link({"data": "circle", "goal": "win", "target": 0.9}), "cannot be “win”"),
        (link({"data": "circle", "goal": "val_accuracy", "target": 1.5}), "at most 1"),
        (link({"data": "circle", "goal": "val_accuracy", "target": "lots"}), "must be a number"),
        (link({"data": "circle", "goal": "val_accuracy", "target": True}), "must be a number"),
        (link({"data": "circle", "goal": "val_accuracy"}), "must be a number"),
        (link({"data": "circle", "goal": "val_accuracy", "target": 0.9, "bricks": 1e9}), "at most 12"),
        (link({"data": "circle", "goal": "val_accuracy", "target": 0.9, "bricks": 2.5}), "whole number"),
        (link({"data": "circle", "goal": "val_accuracy", "target": 0.9, "units": -3}), "at least 1"),
        (link({"data": "circle", "goal": "val_accuracy", "target": 0.9, "samples": 10**12}), "at most 2000"),
        (link({"data": "seed", "goal": "loss", "target": 0.1, "noise": 0.2}), "no setting"),
        (link({"data": "circle", "goal": "val_accuracy", "target": 0.9, "val": 0}), "validation share above 0"),
        (link({"data": "sine", "goal": "val_accuracy", "target": 0.9}), "does not fit"),
        (link({"data": "circle", "goal": "mae", "target": 0.1}), "does not fit"),
        (link({"data": "circle", "goal": "loss", "target": 0.1, "hide": ["data", "everything"]}), "“everything”"),
        (link({"data": "circle", "goal": "loss", "target": 0.1, "hide": "data"}), "wrong shape"),
        (link({"data": "circle", "goal": "loss", "target": 0.1, "legs": "mse"}), "cannot go in the legs"),
        (link({"data": "circle", "goal": "loss", "target": 0.1, "torso": "nope"}), "no card called “nope”"),
        (
            link(
                {
                    "data": "circle",
                    "goal": "loss",
                    "target": 0.1,
                    "legs": {"card": "adam", "params": {"learning_rate": 9}},
                }
            ),
            "at most 1",
        ),
        (link({"v": 7, "data": "circle", "goal": "loss", "target": 0.1}), "another version"),
        (link({"data": "circle", "goal": "loss", "target": 0.1, "hide": [{"a": 1}]}), "[dict]"),
    ],
)
def test_a_broken_or_hostile_link_is_refused_with_its_reason(value, reason):
    assert reason in reasons(value)


def test_every_problem_of_a_link_is_said_at_once():
    text = reasons(link({"data": "circle", "goal": "val_accuracy", "target": 2, "bricks": 0, "extra": 1}))
    assert "“extra”" in text and "at most 1" in text and "at least 1" in text


def test_refusals_are_worded_in_korean_too():
    assert "손상" in reasons("%%%")


def test_a_figure_within_the_limits_breaks_none():
    assert ch.broken_limits(CIRCLE, fitting_figure()) == []


def test_each_broken_limit_is_named():
    figure = fitting_figure(
        head=(*(brick("dense", units=64, activation="relu") for _ in range(2)), brick("dense", units=1)),
        legs=brick("sgd"),
        torso=brick("mse"),
        noise=0.3,
    )
    text = [m.text("en") for m in ch.broken_limits(CIRCLE, figure)]
    assert any("own data" in line for line in text)
    assert "The head has 3 bricks; the challenge allows at most 2." in text
    assert "Brick 1 has 64 units; the challenge allows at most 8." in text
    assert "The challenge fixes the torso: Binary cross-entropy." in text
    assert "The challenge fixes the legs: Adam 0.03." in text


def test_a_normalization_brick_counts_as_a_brick_and_has_no_units_to_limit():
    two = fitting_figure(head=(brick("normalization"), brick("dense", units=1, activation="sigmoid")))
    assert ch.broken_limits(CIRCLE, two) == []
    three = fitting_figure(head=(brick("normalization"), *fitting_figure().head))
    assert [m.text("en") for m in ch.broken_limits(CIRCLE, three)] == [
        f"The head has {len(three.head)} bricks; the challenge allows at most 2."
    ]


def test_changing_the_learning_rate_of_fixed_legs_breaks_the_limit():
    assert ch.broken_limits(CIRCLE, fitting_figure(legs=brick("adam", learning_rate=0.1)))


def test_a_brick_may_be_added_only_below_the_limit():
    assert ch.allows_another_brick(CIRCLE, 1) and not ch.allows_another_brick(CIRCLE, 2)
    assert ch.allows_another_brick(None, 11)


def history(**last) -> list[EpochLog]:
    return [EpochLog(1, 0.7, 0.5, 0.7, 0.5), EpochLog(2, **{"loss": 0.2, "metric": 0.9, **last})]


def test_the_goal_is_read_from_the_last_epoch():
    assert ch.goal_reached(CIRCLE, history(val_loss=0.2, val_metric=0.96), "accuracy")
    assert ch.goal_reached(CIRCLE, history(val_loss=0.2, val_metric=0.95), "accuracy")
    assert not ch.goal_reached(CIRCLE, history(val_loss=0.2, val_metric=0.94), "accuracy")
    assert not ch.goal_reached(CIRCLE, [], "accuracy")
    assert not ch.goal_reached(CIRCLE, history(), "accuracy")  # no validation numbers


def test_loss_and_error_goals_are_reached_from_below():
    loss_goal = ch.Challenge("sine", "val_loss", 0.05)
    assert ch.goal_reached(loss_goal, history(val_loss=0.04, val_metric=0.1), "mae")
    assert not ch.goal_reached(loss_goal, history(val_loss=0.06, val_metric=0.1), "mae")
    error_goal = ch.Challenge("sine", "mae", 0.3)
    assert ch.goal_reached(error_goal, history(metric=0.25), "mae")
    assert not ch.goal_reached(error_goal, history(metric=0.25), "accuracy")  # an accuracy is not an error


def test_goals_offered_fit_the_data():
    assert ch.goals_for("circle", True) == ["val_accuracy", "accuracy", "val_loss", "loss"]
    assert ch.goals_for("sine", False) == ["loss", "mae"]
    assert ch.goal_message(CIRCLE).text("en") == "validation accuracy ≥ 0.95"


def test_a_challenge_no_figure_can_win_is_refused_with_its_reason():
    """Parts the learner cannot change that misfit the data, or limits no ending can keep, make it unwinnable."""
    from minifig.datasets import load
    from minifig.spec import FigureSpec

    circle, digits, sine = load("circle"), load("digits"), load("sine")
    unwinnable = {
        "fixed MSE torso on yes/no, hidden": (
            ch.Challenge("circle", "val_accuracy", 0.9, torso=brick("mse"), hidden=("torso",)),
            circle,
            None,
            "Mean squared error",
        ),
        "fixed one-hot torso on class numbers": (
            ch.Challenge("digits", "val_accuracy", 0.9, torso=brick("categorical_crossentropy")),
            digits,
            None,
            "one-hot",
        ),
        "4 units for 10 classes": (ch.Challenge("digits", "accuracy", 0.9, max_units=4), digits, None, "10"),
        "hidden torso, none to start with": (
            ch.Challenge("circle", "val_loss", 0.3, hidden=("torso",)),
            circle,
            FigureSpec(),
            "Torso",
        ),
        "hidden MSE torso of the starting figure": (
            ch.Challenge("circle", "val_loss", 0.3, hidden=("torso",)),
            circle,
            FigureSpec(torso=brick("mse")),
            "Mean squared error",
        ),
    }
    winnable = {
        "fixed cross-entropy on yes/no, hidden": (
            ch.Challenge("circle", "val_accuracy", 0.9, torso=brick("binary_crossentropy"), hidden=("torso",)),
            circle,
            None,
        ),
        "16 units for 10 classes": (ch.Challenge("digits", "val_accuracy", 0.9, max_units=16), digits, None),
        "fixed MSE on numbers": (ch.Challenge("sine", "val_mae", 0.1, torso=brick("mse")), sine, None),
        "one unit on yes/no": (ch.Challenge("circle", "val_accuracy", 0.9, max_units=1), circle, None),
    }
    wrong = []
    for name, (card, data, start, says) in unwinnable.items():
        reasons = ch.unwinnable(card, data, start)
        texts = [reason.text(lang) for reason in reasons for lang in ("en", "ko")]
        if not reasons or not any(says in text for text in texts) or not all(texts):
            wrong.append(f"{name}: {texts}")
    for name, (card, data, start) in winnable.items():
        if ch.unwinnable(card, data, start):
            wrong.append(f"{name} was refused: {[r.text('en') for r in ch.unwinnable(card, data, start)]}")
    assert not wrong, wrong
