"""The loop's numbers against an oracle: a plain Keras model with the same weights and optimizer state, the same
batch, and Keras's own forward pass, loss and `optimizer.apply`."""

import numpy as np
import pytest
import tensorflow as tf

from minifig import build, loop
from minifig.datasets import load
from minifig.engine import Trainer, epoch_order
from minifig.spec import preset_figure, seed_figure

CASES = {
    "seed": (seed_figure(), "seed", 10),  # one input, yes/no, the whole data set in one batch
    "digits": (preset_figure("digits"), "digits", 32),  # 64 inputs, ten classes, many batches an epoch
}


def oracle_of(trainer: Trainer):
    """A separate Keras head and optimizer holding the trainer's weights and optimizer state."""
    spec = trainer.spec
    model = build.build_head(spec, trainer.data.n_features, seed=0)
    model.set_weights(trainer.current_model.get_weights())
    optimizer = build.make_optimizer(spec.legs)
    optimizer.build(model.trainable_variables)
    for mine, theirs in zip(optimizer.variables, trainer.optimizer.variables, strict=True):
        mine.assign(theirs)
    return model, build.make_loss(spec.torso), optimizer


def oracle_step(model, loss_fn, optimizer, x, y) -> tuple[np.ndarray, float]:
    with tf.GradientTape() as tape:
        pred = model(x, training=True)
        loss = loss_fn(y, pred)
    optimizer.apply(tape.gradient(loss, model.trainable_variables), model.trainable_variables)
    return np.asarray(pred), float(loss)


def first_brick(model, row: int = 0) -> tuple[float, float]:
    """The first brick's weight from input `row` to its first unit, and its first bias."""
    kernel, bias = model.layers[0].get_weights()[:2]
    return float(kernel[row, 0]), float(bias[0])


@pytest.mark.parametrize("case", CASES)
def test_a_batch_round_the_loop_shows_the_numbers_plain_keras_computes_and_training_goes_on_from_there(case):
    spec, data_id, batch = CASES[case]
    trainer = Trainer(spec, load(data_id))
    trainer.train(2, batch)  # the legs have a history (Adam's moments) by now
    model, loss_fn, optimizer = oracle_of(trainer)
    row = loop.watched_row(trainer)  # digits: not the blank corner pixel, whose weight never moves
    assert row == (0 if case == "seed" else int(np.flatnonzero(np.asarray(trainer.training_data[0]).std(0))[0]))
    w_before, b_before = first_brick(model, row)
    _, x, y = trainer.next_batch(batch)

    step = loop.batch_step(trainer, batch)
    pred, loss = oracle_step(model, loss_fn, optimizer, x, y)

    assert step.kind == "batch" and step.batch == len(x) and step.brick == 0
    np.testing.assert_allclose(step.x, np.asarray(x[0]).reshape(-1))
    np.testing.assert_allclose(step.truth, np.asarray(y[0]).reshape(-1))
    np.testing.assert_allclose(step.said, pred[0].reshape(-1), rtol=1e-5, atol=1e-6)
    assert step.loss == pytest.approx(loss, rel=1e-5)
    assert step.w == pytest.approx((w_before, first_brick(model, row)[0]), abs=1e-6)
    assert step.b == pytest.approx((b_before, first_brick(model, row)[1]), abs=1e-6)
    assert step.w[0] != step.w[1]
    assert trainer.epochs_done == 2  # a batch is no epoch

    # The next epoch goes on from the oracle's weights and optimizer state.
    trainer.train(1, batch)
    epoch_loss = _oracle_epoch(trainer, model, loss_fn, optimizer, batch)
    assert trainer.history[-1].loss == pytest.approx(epoch_loss, rel=1e-4)
    for mine, theirs in zip(trainer.current_model.get_weights(), model.get_weights(), strict=True):
        np.testing.assert_allclose(mine, theirs, rtol=1e-4, atol=1e-5)


def _oracle_epoch(trainer, model, loss_fn, optimizer, batch) -> float:
    """The epoch the trainer just trained, batch by batch in its order, on the oracle: its mean loss."""
    seed = tf.constant(trainer.spec.training.seed)
    order = np.asarray(epoch_order(trainer.n_train, seed, tf.constant(trainer.epochs_done)))
    x, y = (np.asarray(part) for part in trainer.training_data)
    total = 0.0
    for start in range(0, len(order), batch):
        rows = order[start : start + batch]
        _, loss = oracle_step(model, loss_fn, optimizer, x[rows], y[rows])
        total += loss * len(rows)
    return total / len(order)


def test_an_epoch_round_the_loop_shows_what_the_head_said_before_it_and_the_weights_it_left():
    trainer = Trainer(seed_figure(), load("seed"))
    trainer.train(1, 10)
    model, _, _ = oracle_of(trainer)
    _, x, y = trainer.next_batch(10)
    watch = loop.EpochWatch(trainer, 10)

    watch.begin()
    trainer.train(1, 10)
    step = watch.end(trainer.history[-1].loss)

    assert step.kind == "epoch" and step.epoch == 2
    np.testing.assert_allclose(step.said, np.asarray(model(x[:1], training=False)).reshape(-1), rtol=1e-5)
    np.testing.assert_allclose(step.truth, np.asarray(y[0]).reshape(-1))
    assert step.loss == trainer.history[-1].loss
    assert (step.w[0], step.b[0]) == pytest.approx(first_brick(model), abs=1e-7)
    assert (step.w[1], step.b[1]) == pytest.approx(first_brick(trainer.current_model), abs=1e-7)
    assert watch.end(1.0) is None  # nothing begun, nothing to show


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_line_under_the_figure_holds_the_six_numbers_phase_by_phase(lang):
    data = load("seed")
    step = loop.LoopStep("batch", 3, 10, (3.0,), (0.6213,), (0.0,), 0.97123, 0, (0.11304, 0.10799), (0.0, -0.00099))
    lines = [loop.picture(step, data, "adam", lang, shown=n).line for n in range(1, 5)]
    numbers = ["3", "0.6213", "0 (", "0.9712", "0.1130", "0.1080", "0.0000", "-0.0010"]
    first_at = [1, 2, 3, 3, 4, 4, 4, 4]  # the phase each number appears in
    for n, line in enumerate(lines, start=1):
        for number, phase in zip(numbers, first_at, strict=True):
            assert (number in line) == (phase <= n), (n, number, line)
    assert "Adam" in lines[-1]
    assert ("small" if lang == "en" else "작") in lines[-1]


def test_many_inputs_and_classes_show_one_named_example_and_its_first_numbers():
    data = load("digits")
    x = tuple(float(v) for v in data.x[0])
    said = tuple(np.linspace(0.01, 0.1, 10))
    truth = tuple(float(v == 2) for v in range(10)) if data.one_hot else (2.0,)
    step = loop.LoopStep("epoch", 4, 32, x, said, truth, 1.5, 0, (0.1, 0.2), (0.0, 0.1))
    shown = loop.picture(step, data, "sgd", "en")
    assert "Epoch 4, example 1 of its first batch of 32" in shown.line
    assert f"({data.n_features} numbers)" in shown.line and "(10 numbers)" in shown.line
    assert "the true answer is 2" in shown.line
    assert shown.x.endswith("…") and shown.x.count(",") == 2  # the figure has room for two
