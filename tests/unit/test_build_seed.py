"""Seeded builds: the same starting weights as Keras's own seeding, without touching TensorFlow's global seed
(setting it clears every traced function's prepared kernels, for every learner on the server)."""

import keras
import numpy as np
from tensorflow.python.eager import context

from minifig.build import build_head
from minifig.cards import brick
from minifig.datasets import load
from minifig.spec import preset_figure, seed_figure


def _figures():
    digits = preset_figure("digits")
    conv = digits.with_head((brick("conv2d"), brick("dropout"), brick("flatten"), *digits.head[-1:]))
    return [(seed_figure(), 1), (conv, load("digits").n_features)]


def test_a_seeded_head_starts_from_the_weights_keras_seeding_gives():
    for figure, width in _figures():
        ours = build_head(figure, width, seed=7).get_weights()
        keras.utils.set_random_seed(7)
        theirs = build_head(figure, width).get_weights()  # no seed of its own: Keras's seeding decides
        assert len(ours) == len(theirs) and all(np.array_equal(a, b) for a, b in zip(ours, theirs, strict=True))


def test_a_seeded_build_leaves_tensorflows_global_seed_alone():
    keras.utils.set_random_seed(123)
    before = context.context()._seed
    for figure, width in _figures():
        build_head(figure, width, seed=5)
    assert context.context()._seed == before == 123
