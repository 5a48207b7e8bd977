"""The engine against Keras's own `model.fit` as the oracle: from the same starting weights, fed the same batches
in the same order, several epochs of SGD and Adam on a Dense and a small Conv2D head end with the same losses
and the same weights."""

from dataclasses import replace

import keras
import numpy as np
import pytest

from minifig import build
from minifig.cards import brick
from minifig.datasets import load
from minifig.engine import Trainer, epoch_order
from minifig.spec import FigureSpec, Training

EPOCHS = 4
DIGITS = load("digits")
SMALL_DIGITS = replace(DIGITS, x=DIGITS.x[:96], y=DIGITS.y[:96])  # 96 images of 8×8: a fast Conv2D case

FIGURES = {
    "dense_sgd_momentum_yes_no": (
        (brick("dense", units=8, activation="tanh"), brick("dense", units=1, activation="sigmoid")),
        brick("binary_crossentropy"),
        brick("sgd", learning_rate=0.1, momentum=0.9),
        load("circle"),
        20,
    ),
    "dense_adam_classes": (
        (brick("dense", units=16, activation="relu"), brick("dense", units=3, activation="softmax")),
        brick("sparse_categorical_crossentropy"),
        brick("adam", learning_rate=0.01),
        load("blobs"),
        30,
    ),
    "dense_sgd_number_with_l2": (
        (brick("dense", units=8, activation="tanh", regularizer="l2", reg_rate=0.01), brick("dense", units=1)),
        brick("mse"),
        brick("sgd", learning_rate=0.05),
        load("sine"),
        25,
    ),
    "conv2d_adam_digits": (
        (
            brick("conv2d", filters=4, kernel_size=3, activation="relu"),
            brick("maxpool"),
            brick("flatten"),
            brick("dense", units=10, activation="softmax"),
        ),
        brick("sparse_categorical_crossentropy"),
        brick("adam", learning_rate=0.01),
        SMALL_DIGITS,
        16,
    ),
}


@pytest.mark.parametrize("name", list(FIGURES))
def test_the_engine_trains_as_model_fit_does(name):
    head, torso, legs, data, batch = FIGURES[name]
    spec = FigureSpec(head, torso, legs, data.id, Training(epochs=EPOCHS, batch_size=batch, seed=5))
    trainer = Trainer(spec, data)
    x, y = (part.numpy() for part in trainer.training_data)
    assert len(x) % batch == 0, "equal batches: Keras's epoch loss and the engine's weigh them alike"

    oracle = keras.models.clone_model(trainer.model)
    oracle.set_weights(trainer.model.get_weights())
    oracle.compile(loss=build.make_loss(torso), optimizer=build.make_optimizer(legs), jit_compile=False)
    expected = []
    for epoch in range(1, EPOCHS + 1):  # the engine's shuffle of each epoch, handed to fit unshuffled
        order = epoch_order(len(x), spec.training.seed, epoch).numpy()
        fitted = oracle.fit(x[order], y[order], batch_size=batch, epochs=1, shuffle=False, verbose=0)
        expected.append(fitted.history["loss"][0])

    got = [log.loss for log in trainer.train(EPOCHS, batch).logs]

    assert got == pytest.approx(expected, rel=1e-4, abs=1e-6)
    assert expected[-1] < expected[0], "the case learns, so equal losses are not two figures standing still"
    for mine, theirs in zip(trainer.model.get_weights(), oracle.get_weights(), strict=True):
        np.testing.assert_allclose(mine, theirs, rtol=1e-4, atol=1e-5)
    assert int(trainer.optimizer.iterations) == int(oracle.optimizer.iterations) == EPOCHS * len(x) // batch
