"""A trainer keeps its optimizer state in plain variables and makes a Keras optimizer only when asked: the state it
starts from is a new Keras optimizer's, for every legs card, and the optimizer it hands out holds its state."""

import dataclasses

import numpy as np
import pytest

from minifig import build
from minifig.cards import OPTIMIZER, brick, cards_of
from minifig.datasets import load
from minifig.engine import Trainer
from minifig.spec import seed_figure


def trainer_with(legs) -> Trainer:
    spec = seed_figure()
    spec = dataclasses.replace(spec, legs=legs)
    return Trainer(spec, load(spec.dataset))


@pytest.mark.parametrize("card", [card.id for card in cards_of(OPTIMIZER)])
def test_a_new_trainer_starts_from_the_state_a_new_keras_optimizer_makes(card):
    legs = brick(card, learning_rate=0.02)
    trainer = trainer_with(legs)
    keras_made = build.make_optimizer(legs)
    keras_made.build(trainer.model.trainable_variables)
    mine = [np.asarray(v) for v in trainer._slots]
    assert [v.shape for v in mine] == [tuple(v.shape) for v in keras_made.variables]
    for ours, theirs in zip(mine, keras_made.variables, strict=True):
        assert ours.dtype == np.asarray(theirs).dtype
        np.testing.assert_array_equal(ours, np.asarray(theirs))


def test_trainers_of_one_kind_share_no_optimizer_state():
    first, second = trainer_with(brick("adam")), trainer_with(brick("adam"))
    first.train(3, 5)
    assert int(first.optimizer.iterations) == 6
    assert int(second.optimizer.iterations) == 0
    assert all(not np.asarray(v).any() for v in second._slots[2:])  # its moments are still zeros


def test_the_keras_optimizer_handed_out_holds_the_state_training_left_and_a_step_by_phase_moves_it():
    trainer = trainer_with(brick("adam"))
    trainer.train(2, 10)
    optimizer = trainer.optimizer
    assert int(optimizer.iterations) == 2
    for theirs, mine in zip(optimizer.variables, trainer._slots, strict=True):
        np.testing.assert_array_equal(np.asarray(theirs), np.asarray(mine))
    trainer.train_batch(10)
    assert int(trainer._slots[0].numpy()) == 3  # the step went into the trainer's own state
    trainer.train(1, 10)
    assert int(trainer.optimizer.iterations) == 4  # and training went on from there
