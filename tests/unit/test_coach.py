"""Each coach rule on crafted histories: one that triggers it and one that does not."""

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from minifig.coach import Situation, remarks
from minifig.history import EpochLog

ACCURACY = Situation("accuracy", majority_share=0.7)


def history(losses, metrics=None, val_losses=None):
    metrics = metrics or [0.5] * len(losses)
    val_losses = val_losses or [None] * len(losses)
    return [
        EpochLog(i + 1, loss, metric, val, None if val is None else 0.5)
        for i, (loss, metric, val) in enumerate(zip(losses, metrics, val_losses, strict=True))
    ]


def keys(found):
    return [m.key for m in found]


def test_nan_loss_says_the_learning_rate_is_too_large():
    found = remarks(history([0.7, 0.6, math.nan]), ACCURACY)
    assert keys(found) == ["coach.diverged"]
    assert "learning rate is too large" in found[0].text("en") and "학습률" in found[0].text("ko")


def test_exploding_loss_says_the_learning_rate_is_too_large():
    assert keys(remarks(history([0.7, 0.5, 3.0, 40.0, 900.0]), ACCURACY)) == ["coach.diverged"]


def test_falling_loss_is_not_diverging():
    assert "coach.diverged" not in keys(remarks(history([0.7, 0.5, 0.3, 0.2]), ACCURACY))


def test_flat_loss_suggests_more_epochs_or_a_larger_learning_rate():
    found = remarks(history([0.6931] * 40, [0.5] * 40), Situation("accuracy"))
    assert keys(found) == ["coach.flat"]
    assert "more epochs" in found[0].text("en")


def test_steadily_falling_loss_is_not_flat():
    losses = [1.0 - 0.02 * i for i in range(40)]
    assert "coach.flat" not in keys(remarks(history(losses), Situation("accuracy")))


def test_rising_validation_loss_while_training_loss_falls_is_memorising():
    losses = [1.0 - 0.02 * i for i in range(40)]
    val = [1.0 - 0.03 * i for i in range(15)] + [0.58 + 0.03 * i for i in range(25)]
    found = remarks(history(losses, val_losses=val), Situation("accuracy"))
    assert "coach.memorising" in keys(found)
    assert "Dropout" in next(m for m in found if m.key == "coach.memorising").text("en")


def test_validation_loss_falling_with_training_is_not_memorising():
    losses = [1.0 - 0.02 * i for i in range(40)]
    assert "coach.memorising" not in keys(remarks(history(losses, val_losses=losses), Situation("accuracy")))


def test_accuracy_stuck_at_the_majority_class_says_the_pieces_may_not_fit():
    found = remarks(history([0.61 - 0.001 * i for i in range(30)], [0.7] * 30), ACCURACY)
    assert "coach.majority" in keys(found)
    assert "70%" in next(m for m in found if m.key == "coach.majority").text("en")


def test_accuracy_above_the_majority_is_not_stuck():
    metrics = [0.7 + 0.01 * i for i in range(30)]
    assert "coach.majority" not in keys(remarks(history([0.5] * 30, metrics), ACCURACY))


def test_all_right_answers_are_praised_and_numbers_are_not_judged_by_accuracy():
    assert keys(remarks(history([0.3, 0.2, 0.1], [1.0, 1.0, 1.0]), ACCURACY)) == ["coach.well_done"]
    assert remarks(history([0.3, 0.2, 0.1], [1.0, 1.0, 1.0]), Situation("mae")) == []


def test_no_history_no_remarks():
    assert remarks([], ACCURACY) == []


def test_ninety_nine_percent_is_not_every_answer_right():
    assert "coach.well_done" not in keys(remarks(history([0.3, 0.2, 0.1], [0.99, 0.995, 0.999]), ACCURACY))


def test_memorising_is_never_praised_as_every_answer_right():
    # training accuracy 1 while the validation loss climbs after its best: a warning, and no praise beside it
    # (the held-back answers are all right too: only the loss says it is memorising)
    val = [0.5 - 0.02 * i for i in range(10)] + [0.32 + 0.05 * i for i in range(20)]
    logs = [EpochLog(i + 1, 0.5 * 0.9**i, 1.0, v, 1.0) for i, v in enumerate(val)]
    assert keys(remarks(logs, ACCURACY)) == ["coach.memorising"]


@settings(max_examples=300, deadline=None)
@given(
    losses=st.lists(st.floats(0.0, 5.0), min_size=1, max_size=40),
    metric=st.sampled_from([0.0, 0.5, 0.7, 0.98, 0.99, 0.999, 1.0]),
    with_val=st.booleans(),
    val_rise=st.floats(-0.05, 0.2),
    name=st.sampled_from(["accuracy", "mae"]),
)
def test_the_coach_never_contradicts_itself_nor_praises_below_accuracy_one(losses, metric, with_val, val_rise, name):
    val = [0.5 + val_rise * i for i in range(len(losses))] if with_val else None
    logs = history(losses, [metric] * len(losses), val)
    said = keys(remarks(logs, Situation(name, majority_share=0.7 if name == "accuracy" else None)))
    if "coach.well_done" in said:
        assert said == ["coach.well_done"], said  # praise only alone
        assert name == "accuracy" and logs[-1].metric == 1.0
    assert len(said) == len(set(said))
