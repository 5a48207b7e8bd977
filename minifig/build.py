"""From a figure spec to real Keras objects: the head as a model, the torso as a loss, the legs as an optimizer.

Each brick becomes its card's Keras class with the brick's parameters as keyword arguments — one
lookup, no per-card code (`cards.keras_arguments` adds a card's fixed arguments and the weight penalty).
"""

from __future__ import annotations

import functools
import random
import threading
from collections import OrderedDict
from dataclasses import dataclass

import keras
import numpy as np
import tensorflow as tf
from keras.src.backend.common import global_state
from keras.src.random.seed_generator import GLOBAL_SEED_GENERATOR
from keras.src.utils.rng_utils import GLOBAL_RANDOM_SEED

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
    layer = getattr(keras.layers, CATALOGUE[brick.card].keras_class)(**arguments)
    return _measures_when_called(layer) if CATALOGUE[brick.card].adapts else layer


def _measures_when_called(layer: keras.layers.Normalization) -> keras.layers.Normalization:
    """The layer, reading its mean and variance from its weights on every call.

    Keras's Normalization turns its weights into constant tensors when it is adapted or loaded
    (`finalize_state`), and calls with those. A traced graph shared by every head of one kind of figure
    (`engine.Graphs`, `engine.answering_graph`) would then bake one head's statistics in for all; and
    `set_weights` (time travel) would not reach them. Reading the weights at each call keeps them per head.
    Only this instance's `call` changes: the layer is saved and exported as Keras's own Normalization.
    """
    plain_call = layer.call

    def call(inputs):
        layer.finalize_state()
        return plain_call(inputs)

    layer.call = call
    return layer


def measures(spec: FigureSpec) -> bool:
    """Whether the head has a measuring brick (Normalization), which `adapt` lets measure its data."""
    return any(CATALOGUE[brick.card].adapts for brick in spec.head)


def adapt(model: keras.Sequential, x: np.ndarray) -> None:
    """Let every measuring layer of `model` (Normalization) measure the numbers that reach it when `x` goes in.

    A layer further down measures what the layers above it give (as they are now, untrained).
    """
    measuring = [i for i, layer in enumerate(model.layers) if isinstance(layer, keras.layers.Normalization)]
    numbers = np.asarray(x, dtype="float32")
    for layer in model.layers[: measuring[-1] + 1] if measuring else ():
        if isinstance(layer, keras.layers.Normalization):
            layer.adapt(numbers)
        numbers = keras.ops.convert_to_numpy(layer(numbers, training=False))


def make_loss(brick: Brick) -> keras.losses.Loss:
    return getattr(keras.losses, CATALOGUE[brick.card].keras_class)(**brick.params)


def make_optimizer(brick: Brick) -> keras.optimizers.Optimizer:
    return getattr(keras.optimizers, CATALOGUE[brick.card].keras_class)(**brick.params)


def fresh_optimizer_state(legs: Brick, variables) -> tuple[np.ndarray, ...]:
    """The values of the variables a new optimizer of `legs` makes for the weights `variables` (its step count, its
    learning rate, its moments), in the optimizer's order, read-only.

    They depend only on the legs and the weights' shapes: the first figure of a kind builds a Keras optimizer once,
    the next ones copy its values (`engine.Trainer` keeps its optimizer state in plain variables).
    """
    shapes = tuple((tuple(v.shape), tf.as_dtype(v.dtype).name) for v in variables)
    return _fresh_optimizer_state(legs.card, tuple(sorted(legs.params.items())), shapes)


@functools.lru_cache(maxsize=32)  # bounded: a kind of figure's worth of zeros each
def _fresh_optimizer_state(card: str, params: tuple, shapes: tuple) -> tuple[np.ndarray, ...]:
    optimizer = make_optimizer(Brick(card, dict(params)))
    optimizer.build([keras.Variable(np.zeros(shape, dtype)) for shape, dtype in shapes])
    values = tuple(np.array(variable.numpy()) for variable in optimizer.variables)
    for value in values:
        value.setflags(write=False)
    return values


def seed_keras(seed: int) -> None:
    """What `keras.utils.set_random_seed` does (Python's, NumPy's and Keras's random state), except TensorFlow's
    global seed: setting that clears TensorFlow's kernel cache process-wide, so every learner's next traced epoch
    would be prepared again (0.2–0.7 s each, measured). Keras draws starting weights and dropout seeds from its own
    generator, reseeded here, so the weights are the same as with `set_random_seed` (a test holds it)."""
    global_state.set_global_attribute(GLOBAL_RANDOM_SEED, seed)
    global_state.set_global_attribute(GLOBAL_SEED_GENERATOR, None)  # made again from the seed when next drawn
    random.seed(seed)
    np.random.seed(seed)


def head_kind(spec: FigureSpec, n_features: int) -> str:
    """What a head's structure depends on: its bricks and how many inputs it takes (heads of one kind share the
    traced graphs, `minifig.graphs`, and their starting values differ only by the seed, `head_layout`)."""
    return repr((spec.to_dict()["head"], n_features))


def build_head(spec: FigureSpec, n_features: int, seed: int | None = None) -> keras.Sequential:
    """The head as a built `keras.Sequential` taking `n_features` numbers.

    With `seed`, Keras's random state is seeded first so the starting weights are reproducible.
    """
    with _SEEDED_BUILD:
        if seed is not None:
            seed_keras(seed)
        start = [keras.Input(shape=(n_features,))]
        if sees_images(spec):
            start.append(keras.layers.Reshape(input_shape(spec, n_features)))  # each row as an image of one channel
        return keras.Sequential([*start, *(make_layer(b) for b in spec.head)])


@dataclass(frozen=True)
class HeadLayout:
    """A head's variables as `build_head` makes them, without the Keras model: what an `engine.Head` holds instead.

    `values` are the starting values of the model's `variables`, in their order (read-only); the other fields name
    those variables by their place in it: which are trainable, the model's `weights` in its order, and each of the
    model's layers' weights as (place, path, trainable).
    """

    values: tuple[np.ndarray, ...]
    trainable: tuple[bool, ...]
    weights: tuple[int, ...]
    layers: tuple[tuple[tuple[int, str, bool], ...], ...]


LAYOUTS_KEPT = 16  # kinds of head whose starting values the server keeps (the room's few figures)
LAYOUT_MOST_NUMBERS = 1_000_000  # a larger head (4 MB of numbers and up) is laid out afresh each time
_layouts: OrderedDict[tuple, HeadLayout] = OrderedDict()
_layouts_lock = threading.Lock()


def head_layout(spec: FigureSpec, n_features: int, seed: int) -> HeadLayout:
    """The starting variables of `build_head(spec, n_features, seed)`, the same numbers.

    Making a Keras model costs ~1 ms a variable (its bookkeeping, not the numbers): ~20 ms for the lesson's head,
    at every learner's first page. The values depend only on the head's bricks, its inputs and the seed, so the
    server keeps the last `LAYOUTS_KEPT` kinds' and a learner's head copies them into plain variables.
    """
    key = (head_kind(spec, n_features), input_shape(spec, n_features), seed)
    with _layouts_lock:
        layout = _layouts.get(key)
        if layout is not None:
            _layouts.move_to_end(key)
            return layout
    layout = _lay_out(build_head(spec, n_features, seed=seed))
    if sum(value.size for value in layout.values) <= LAYOUT_MOST_NUMBERS:
        with _layouts_lock:
            _layouts[key] = layout
            while len(_layouts) > LAYOUTS_KEPT:
                _layouts.popitem(last=False)
    return layout


def _lay_out(model: keras.Sequential) -> HeadLayout:
    place = {id(variable): i for i, variable in enumerate(model.variables)}
    values = tuple(np.array(variable.numpy()) for variable in model.variables)
    for value in values:
        value.setflags(write=False)
    return HeadLayout(
        values=values,
        trainable=tuple(bool(variable.trainable) for variable in model.variables),
        weights=tuple(place[id(weight)] for weight in model.weights),
        layers=tuple(tuple((place[id(w)], w.path, bool(w.trainable)) for w in layer.weights) for layer in model.layers),
    )


def model_on(spec: FigureSpec, n_features: int, variables: list[tf.Variable]) -> keras.Sequential:
    """The head as a Keras model whose variables are `variables` themselves (a `HeadLayout`'s, in its order): what
    the model does (save, load, adapt, a step by phase) happens to them, and what is done to them shows in it."""
    model = build_head(spec, n_features)
    if len(model.variables) != len(variables):
        raise ValueError("these variables are not this head's")
    for mine, given in zip(model.variables, variables, strict=True):
        if tuple(mine.shape) != tuple(given.shape) or mine.dtype != given.dtype.name:
            raise ValueError(f"variable {mine.path} is {mine.shape} {mine.dtype}, given {given.shape} {given.dtype}")
        mine._value = given  # Keras's own variable wraps a TensorFlow one (`backend.tensorflow.core.Variable`)
    return model
