"""From a figure spec to real Keras objects: the head as a model, the torso as a loss, the legs as an optimizer.

Each brick becomes its card's Keras class with the brick's parameters as keyword arguments — one
lookup, no per-card code (`cards.keras_arguments` adds a card's fixed arguments and the weight penalty).
"""

from __future__ import annotations

import threading

import keras
import tensorflow as tf

from minifig.cards import CATALOGUE, Brick, Regularizer, keras_arguments
from minifig.shapes import input_shape, sees_images
from minifig.spec import FigureSpec

# Every figure gets its own traced functions; TensorFlow's "retracing" advice does not apply here.
tf.get_logger().setLevel("ERROR")

# Seeding Keras is process-wide (Python's, NumPy's and TensorFlow's random state): two learners building at once
# would draw each other's starting weights. Seeding and drawing happen together, one build at a time.
_SEEDED_BUILD = threading.Lock()


def make_layer(brick: Brick) -> keras.layers.Layer:
    arguments = keras_arguments(brick)
    penalty = arguments.get("kernel_regularizer")
    if isinstance(penalty, Regularizer):
        arguments["kernel_regularizer"] = getattr(keras.regularizers, penalty.keras_class)(penalty.rate)
    return getattr(keras.layers, CATALOGUE[brick.card].keras_class)(**arguments)


def make_loss(brick: Brick) -> keras.losses.Loss:
    return getattr(keras.losses, CATALOGUE[brick.card].keras_class)(**brick.params)


def make_optimizer(brick: Brick) -> keras.optimizers.Optimizer:
    return getattr(keras.optimizers, CATALOGUE[brick.card].keras_class)(**brick.params)


def build_head(spec: FigureSpec, n_features: int, seed: int | None = None) -> keras.Sequential:
    """The head as a built `keras.Sequential` taking `n_features` numbers.

    With `seed`, Keras's random state is seeded first so the starting weights are reproducible.
    """
    with _SEEDED_BUILD:
        if seed is not None:
            keras.utils.set_random_seed(seed)
        start = [keras.Input(shape=(n_features,))]
        if sees_images(spec):
            start.append(keras.layers.Reshape(input_shape(spec, n_features)))  # each row as an image of one channel
        return keras.Sequential([*start, *(make_layer(b) for b in spec.head)])
