"""A figure's answer, one rule per test: where yes/no turns comes from the torso card (hinge at 0, others at 0.5),
and the answer, its label, the map, the results and the trainer's accuracy all turn there."""

import numpy as np
import pytest

from minifig import answers
from minifig.answers import answer, decide, map_cells, says_yes, yes_scale, yes_threshold
from minifig.cards import LOSS, brick, cards_of
from minifig.datasets import load, split
from minifig.engine import Trainer
from minifig.spec import FigureSpec, Training

LOSSES = [card.id for card in cards_of(LOSS)]
# Hinge wants -1 / +1 for no / yes (Keras turns 0/1 answers into -1/+1); every other torso a probability.
WANTED = {loss: 0.0 if loss == "hinge" else 0.5 for loss in LOSSES}
YES_NO = load("circle")  # yes/no answers named by sentences: inside / outside


def test_every_torso_card_says_where_yes_begins():
    wrong = {loss: yes_threshold(loss) for loss in LOSSES if yes_threshold(loss) != WANTED[loss]}
    assert not wrong, f"torso cards whose yes/no threshold is not the wanted one: {wrong}"
    assert yes_threshold(None) == 0.5  # no torso yet: outputs are read as a probability


def test_yes_is_strictly_above_the_threshold():
    assert says_yes(np.array([0.49, 0.5, 0.51]), 0.5).tolist() == [False, False, True]
    assert says_yes(np.array([-0.01, 0.0, 0.01]), 0.0).tolist() == [False, False, True]


def test_decide_picks_yes_no_by_the_threshold_the_largest_class_and_keeps_numbers():
    assert decide(np.array([[0.3], [0.7]]), "binary", 0.5).tolist() == [0, 1]
    assert decide(np.array([[0.3], [-0.2]]), "binary", 0.0).tolist() == [1, 0]
    assert decide(np.array([[0.1, 0.7, 0.2], [0.5, 0.2, 0.3]]), "classes").tolist() == [1, 0]
    assert decide(np.array([[2.5], [-1.0]]), "number").tolist() == [2.5, -1.0]


@pytest.mark.parametrize("loss", LOSSES)
def test_the_answer_and_its_label_turn_at_the_torso_threshold(loss):
    below, above = WANTED[loss] - 0.1, WANTED[loss] + 0.1
    said_below, said_above = answer(np.array([below]), YES_NO, loss), answer(np.array([above]), YES_NO, loss)
    assert (said_below.picked, said_above.picked) == (0, 1)
    names = [answers.class_label(YES_NO, index).text("en") for index in (0, 1)]
    assert said_below.message.text("en") == f"Answer: {below:.4f} → “{names[0]}”"
    assert said_above.message.text("en") == f"Answer: {above:.4f} → “{names[1]}”"
    assert names[1] in said_above.message.text("en") and said_above.message.text("ko") != said_above.message.text("en")


def test_a_class_answer_names_the_largest_output_and_how_sure():
    digits = load("digits")
    output = np.full(10, 0.05)
    output[7] = 0.55
    said = answer(output, digits, "sparse_categorical_crossentropy")
    assert (said.picked, said.value) == (7, pytest.approx(0.55))
    assert said.message.text("en") == "Answer: “7” (55% sure)"


def test_a_number_answer_is_the_number():
    said = answer(np.array([1.23456]), load("sine"), "mse")
    assert (said.picked, said.message.text("en")) == (None, "Answer: 1.2346")


@pytest.mark.parametrize("loss", LOSSES)
def test_the_map_turns_where_the_answer_turns(loss):
    outputs = np.linspace(WANTED[loss] - 2, WANTED[loss] + 2, 81, dtype="float32").reshape(-1, 1)
    said = [answer(row, YES_NO, loss).picked for row in outputs]
    assert map_cells(outputs, "binary", loss, discretise=True).tolist() == said
    shades = map_cells(outputs, "binary", loss, discretise=False)
    assert ((shades > 0.5).astype(int).tolist()) == said  # white (0.5) of the map's scale is the threshold
    assert shades.min() >= 0.0 and shades.max() <= 1.0


def test_hinge_outputs_are_put_on_the_probability_scale():
    assert yes_scale(np.array([-3.0, -1.0, 0.0, 1.0, 3.0]), "hinge").tolist() == [0.0, 0.0, 0.5, 1.0, 1.0]
    assert yes_scale(np.array([0.0, 0.25, 1.0]), "binary_crossentropy").tolist() == [0.0, 0.25, 1.0]


@pytest.mark.parametrize(("loss", "last"), [("hinge", "tanh"), ("binary_crossentropy", "sigmoid")])
def test_the_trainers_accuracy_turns_where_the_answer_turns(loss, last):
    # Validation accuracy is measured on the head as it is after the epoch: it must equal the share of
    # validation answers the page would call right.
    spec = FigureSpec(
        head=(brick("dense", units=8, activation="tanh"), brick("dense", units=1, activation=last)),
        torso=brick(loss),
        legs=brick("sgd", learning_rate=0.01),
        dataset="circle",
        training=Training(epochs=1, batch_size=50, validation_split=0.5, seed=3),
    )
    trainer = Trainer(spec, YES_NO)
    log = trainer.train(1, 50).logs[-1]
    parts = split(YES_NO, 0.5, 3)
    outputs = trainer.predict(parts.x_val)
    picked = [answer(row, YES_NO, loss).picked for row in outputs]
    assert log.val_metric == pytest.approx(np.mean(np.array(picked) == parts.y_val.reshape(-1)), abs=1e-6)
    if loss == "hinge":  # the case discriminates: a threshold of 0.5 would call other answers right
        assert np.mean(decide(outputs, "binary", 0.5).reshape(-1) == parts.y_val.reshape(-1)) != log.val_metric
