"""The training engine: trains a figure's head with its Keras loss and optimizer, fast, epoch by epoch.

Size: the trainer and the untrained head share one life cycle (reset, time travel, reading weights back while a
graph holds them); the traced graphs themselves live apart, in `minifig.graphs`.

Plain `model.fit` spends tens of milliseconds of bookkeeping per epoch, which dwarfs the real work
on the tiny data of a lesson. Here an epoch — shuffle, every batch's train step, the metrics and
the validation — is traced once, and one TensorFlow call trains as many epochs as take about a
redraw's interval (`_Chunks`); Python only sees each epoch's numbers and weights.
The traced graphs belong to the figure's kind and live in `minifig.graphs`; a trainer or a head
borrows them for one run or one answer and brings its own variables.

Progress is reported through a plain function (`on_epoch`), as `keras.callbacks.LambdaCallback`
does, so the engine knows nothing of the page. Stop (`should_stop`) is heard between calls; an exception
raised by `on_epoch` (for instance a page rerun) ends training there. Either way the weights, the
optimizer and the history agree: the call in progress is all kept.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import tensorflow as tf
from tensorflow.python.ops import gen_resource_variable_ops, resource_variable_ops

from minifig import build
from minifig.datasets import Dataset, split
from minifig.fit_check import head_output
from minifig.graphs import (
    GRAPHS_PER_KIND,
    Graphs,
    answer_kind,
    epoch_order,
    lend_answer,
    lend_training,
    train_step,
    training_kind,
)
from minifig.history import EpochLog, TrainResult
from minifig.spec import FigureSpec
from minifig.timeline import Timeline, capacity_for, flat_weights, unflatten

__all__ = ["BatchStep", "EpochLog", "Head", "TrainResult", "Trainer", "epoch_order", "train_step", "warm_up"]


@dataclass(frozen=True)
class BatchStep:
    """The numbers of one batch through the loop (`Trainer.train_batch`): which training rows went in, their
    inputs X, the head's answers Y′ (before the update), the true answers Y and the loss the legs moved on."""

    rows: np.ndarray
    x: np.ndarray
    pred: np.ndarray
    y: np.ndarray
    loss: float


def plain_variable(value: np.ndarray, trainable: bool = True) -> tf.Variable:
    """A variable holding `value`: made without a starting value, then given it by one operation.

    `tf.Variable(value)` converts, names, checks and assigns its value through several Python layers: ~0.12 ms a
    variable on a quiet server, and each learner's head and trainer make ~33 (the lesson's); this way ~0.055 ms.
    It is TensorFlow's own resource variable either way (`tests/unit/test_engine.py`)."""
    value = np.asarray(value)
    variable = resource_variable_ops.UninitializedVariable(
        shape=value.shape, dtype=tf.as_dtype(value.dtype), trainable=trainable
    )
    gen_resource_variable_ops.assign_variable_op(variable.handle, value)
    return variable


class Head:
    """The head alone: the variables of the Keras model built from the spec's layer cards, seeded, that can answer.

    Untrained, its answers are random guesses ("babbling"); a `Trainer` teaches it. It holds plain variables laid
    out as the model's (`build.head_layout`): answering and training need only them, through the kind's traced
    graphs. The Keras model itself (`model`) is made on these very variables when something asks for it (a saved or
    loaded file, a Normalization brick measuring, a step by phase): making one costs ~20 ms of a learner's page.
    """

    def __init__(self, spec: FigureSpec, n_features: int):
        self.layout = build.head_layout(spec, n_features, seed=spec.training.seed)
        self.variables = [
            plain_variable(value, trainable)
            for value, trainable in zip(self.layout.values, self.layout.trainable, strict=True)
        ]
        self.n_features = n_features
        self.loaded_from_file = False  # weights put in from a learner's file, not from training here
        self.before_reading: Callable[[], None] | None = None  # set by a trainer whose graph may hold newer weights
        self._spec = spec
        self._model = None
        trainable = self.layout.trainable
        self.trainable_variables = [v for v, yes in zip(self.variables, trainable, strict=True) if yes]
        self._non_trainable = [v for v, yes in zip(self.variables, trainable, strict=True) if not yes]

    @property
    def model(self):
        """The head as a Keras model on this head's own variables (made when first asked for)."""
        if self._model is None:
            self._model = build.model_on(self._spec, self.n_features, self.variables)
        return self._model

    @property
    def weights(self) -> list[tf.Variable]:
        """The model's weights (no random seeds' state), in the model's order."""
        return [self.variables[i] for i in self.layout.weights]

    def get_weights(self) -> list[np.ndarray]:
        return [w.numpy() for w in self.weights]

    def set_weights(self, values) -> None:
        for weight, value in zip(self.weights, values, strict=True):
            weight.assign(value)

    def layer_weights(self, place: int, trainable_only: bool = False) -> list[tuple[str, tf.Variable]]:
        """The weights of the model's layer at `place` (an image head's first layer is its Reshape), with their
        paths ("…/kernel", "…/bias")."""
        layer = self.layout.layers[place]
        return [(path, self.variables[i]) for i, path, trainable in layer if trainable or not trainable_only]

    @property
    def n_layers(self) -> int:
        return len(self.layout.layers)

    @property
    def graph_kind(self) -> str:
        """The kind of figure whose traced answer this head borrows (heads of one kind share it)."""
        return answer_kind(self._spec, self.n_features)

    def predict(self, x) -> np.ndarray:
        """The head's answers for inputs `x` (samples × features)."""
        x = tf.constant(np.asarray(x, dtype="float32").reshape(-1, self.n_features))
        if self.before_reading is not None:
            self.before_reading()
        with lend_answer(self._spec, self.n_features) as answer:
            return answer(self.trainable_variables, self._non_trainable, x).numpy()


class Trainer:
    """A figure's head with its torso and legs, ready to answer and to learn.

    Args:
        spec: a valid figure whose pieces fit (see `spec.problems` and `fit_check.misfits`).
        data: the data set to learn from; it is split by the spec's validation share and seed.
        head: an untrained `Head` of this spec to start from (built afresh when not given).
    """

    def __init__(self, spec: FigureSpec, data: Dataset, head: Head | None = None):
        self.spec = spec
        self.data = data
        self.metric_name = "mae" if data.label_kind == "number" else "accuracy"
        parts = split(data, spec.training.validation_split, spec.training.seed)
        width, _ = head_output(spec, data.n_features)
        self._x = tf.constant(parts.x_train, "float32")
        self._y = tf.constant(_answers(parts.y_train, width, data))
        self._x_val = tf.constant(parts.x_val, "float32")
        self._y_val = tf.constant(_answers(parts.y_val, width, data))
        self._width = width
        self.reset(head)

    @property
    def graph_kind(self) -> str:
        """The kind of figure whose traced epochs this trainer borrows (trainers of one kind share them)."""
        return training_kind(self.spec, self.data, self._width, self.has_validation)

    @property
    def n_train(self) -> int:
        return int(self._x.shape[0])

    @property
    def majority_share(self) -> float | None:
        """The share of the most common answer among the training answers (for yes/no and classes)."""
        if self.metric_name != "accuracy":
            return None
        y = self._y.numpy()
        labels = y.argmax(axis=-1) if y.ndim > 1 and y.shape[-1] > 1 else y.reshape(-1)
        return float(np.unique(labels, return_counts=True)[1].max() / len(labels))

    @property
    def training_data(self) -> tuple[tf.Tensor, tf.Tensor]:
        """The training part's inputs and answers, as the torso gets them."""
        return self._x, self._y

    @property
    def has_validation(self) -> bool:
        return int(self._x_val.shape[0]) > 0

    def reset(self, head: Head | None = None) -> None:
        """Fresh starting weights (from the seed), a fresh optimizer and an empty history.

        Measuring bricks (Normalization) measure the training part now, unless the head's weights came from a
        learner's file: those keep the statistics they were trained with.
        """
        self.head = head or Head(self.spec, self.data.n_features)
        if not self.head.loaded_from_file and build.measures(self.spec):
            build.adapt(self.model, self._x.numpy())
        self.loss = build.make_loss(self.spec.torso)
        self._optimizer = None  # the legs as a Keras optimizer, made when first asked for (`optimizer`)
        self._slots = [
            plain_variable(value)
            for value in build.fresh_optimizer_state(self.spec.legs, self.head.trainable_variables)
        ]
        self.history: list[EpochLog] = []
        self.last_run: TrainResult | None = None  # the last call to `train`, for its seconds per epoch
        self.timeline = Timeline(capacity=capacity_for(self.head.weights))
        self.timeline.offer(0, lambda: [flat_weights(self.head.get_weights())])
        self._past: tuple[int, Head] | None = None  # the head last travelled to (`head_at`)
        self._epochs_seen = plain_variable(np.int32(0), trainable=False)  # seeds each epoch's shuffle
        self._state = [*self.head.variables, *self._slots, self._epochs_seen]
        self._lent: Graphs | None = None  # the graphs training this trainer right now
        self.head.before_reading = self._read_back  # answers while training are current

    @property
    def optimizer(self):
        """The legs as a Keras optimizer holding this trainer's optimizer state (its step count, its moments).

        The state itself lives in plain variables (`_slots`) that the traced epochs read and write: a Keras
        optimizer costs ~0.5 ms a variable to make (Adam: two per weight, 16 of a compile's 24 ms), and only a
        step by phase and a saved model need one. It is made on first use and given the state at every use.
        """
        self._read_back()
        if self._optimizer is None:
            self._optimizer = build.make_optimizer(self.spec.legs)
            self._optimizer.build(self.model.trainable_variables)
        for theirs, mine in zip(self._optimizer.variables, self._slots, strict=True):
            theirs.assign(mine)
        return self._optimizer

    @property
    def epochs_done(self) -> int:
        return len(self.history)

    def predict(self, x) -> np.ndarray:
        """The head's answers for inputs `x` (samples × features), trained or not."""
        return self.head.predict(x)

    def head_at(self, epoch: int) -> tuple[int, Head]:
        """A separate head holding the weights kept nearest before or at `epoch` (see `Timeline.at`), and that
        epoch; the trainer's own weights are untouched."""
        kept, (flat,) = self.timeline.at(epoch)
        if self._past is None:
            self._past = (-1, Head(self.spec, self.data.n_features))
        if self._past[0] != kept:
            head = self._past[1]
            head.set_weights(unflatten(flat, [w.shape for w in self.head.weights]))
            self._past = (kept, head)
        return self._past

    def train(
        self,
        epochs: int,
        batch_size: int,
        on_epoch: Callable[[EpochLog], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
        max_seconds: float | None = None,
    ) -> TrainResult:
        """Train for `epochs` more epochs, continuing from the current weights.

        Args:
            epochs: how many epochs to run.
            batch_size: samples per weight update.
            on_epoch: called after every epoch with its `EpochLog`.
            should_stop: asked after every epoch; True ends training there.
            max_seconds: a wall-clock cap; training ends after the epoch that passes it.

        Returns:
            The run's `TrainResult`; its logs are also appended to `history`.
        """
        result = self.last_run = TrainResult()
        with lend_training(self.spec, self.data, self._width, self.has_validation) as graphs:
            self._lent = graphs
            try:
                return self._train(graphs, result, epochs, batch_size, on_epoch, should_stop, max_seconds)
            finally:
                self._lent = None

    def train_batch(self, batch_size: int) -> BatchStep:
        """One batch through the loop, eagerly, on this trainer's own head and legs: the first batch of the
        next epoch, as that epoch would take it. The weights and the optimizer move (a later epoch goes on from
        here); the history does not, since no epoch was completed.

        No graph is traced for it (one batch is quick enough as plain TensorFlow operations).
        """
        rows, x, y = self.next_batch(batch_size)
        optimizer = self.optimizer
        loss, pred = train_step(self.current_model, self.loss, optimizer, x, y)
        for theirs, mine in zip(optimizer.variables, self._slots, strict=True):
            mine.assign(theirs)
        return BatchStep(rows=rows, x=x.numpy(), pred=np.asarray(pred), y=y.numpy(), loss=float(loss))

    def next_batch(self, batch_size: int) -> tuple[np.ndarray, tf.Tensor, tf.Tensor]:
        """The first batch the next epoch takes: its training rows, their inputs and their answers."""
        batch = max(1, min(batch_size, self.n_train))
        seed = tf.constant(self.spec.training.seed, "int32")
        rows = epoch_order(self.n_train, seed, tf.constant(self.epochs_done + 1, "int32"))[:batch]
        return rows.numpy(), tf.gather(self._x, rows), tf.gather(self._y, rows)

    @property
    def model(self):
        """The head as a Keras model (made when first asked for, on the head's own variables)."""
        return self.head.model

    @property
    def current_head(self) -> Head:
        """The head holding its newest weights (read back from the graph while it trains)."""
        self._read_back()
        return self.head

    @property
    def current_model(self):
        """The head's Keras model holding its newest weights (read back from the graph while it trains)."""
        return self.current_head.model

    def _read_back(self) -> None:
        if self._lent is not None:
            self._lent.release(self._state)

    def _train(self, graphs: Graphs, result: TrainResult, epochs, batch_size, on_epoch, should_stop, max_seconds):
        started = time.perf_counter()
        batch = max(1, min(batch_size, self.n_train))
        state = graphs.state_of(self._state)
        data = (self._x, self._y, self._x_val, self._y_val)
        seed = tf.constant(self.spec.training.seed, "int32")
        one_batch, batch = batch >= self.n_train, tf.constant(batch)
        self._epochs_seen.assign(self.epochs_done)
        run_epoch = graphs.epoch_for(one_batch, data, batch)
        n_numbers = 4 if self.has_validation else 2
        weights = None  # the last epoch's weights, flat: each epoch's row gives them after its numbers
        chunk = _Chunks(graphs.most_epochs_a_call)
        try:
            left = epochs
            while left > 0:
                count = chunk.next(left)
                called = time.perf_counter()
                rows = graphs.run(run_epoch, state, data, seed, batch, count).numpy()
                chunk.took(count, time.perf_counter() - called)
                left -= count
                weights = rows[-1, n_numbers:].copy()
                for log in self._record(result, rows[:, :n_numbers].tolist(), rows[:, n_numbers:]):
                    if on_epoch is not None:
                        on_epoch(log)
                if result.diverged:
                    break
                if should_stop is not None and should_stop():
                    result.stopped = True
                    break
                if max_seconds is not None and time.perf_counter() - started > max_seconds:
                    result.stopped = result.timed_out = True
                    break
        except BaseException:
            result.stopped = True
            raise
        finally:
            result.seconds = time.perf_counter() - started
            graphs.release(state)  # the head's own variables hold the trained weights again
            if weights is not None:
                self.timeline.finish(self.epochs_done, lambda: [weights])
        return result

    def _record(self, result: TrainResult, numbers: list[list[float]], weights: np.ndarray) -> list[EpochLog]:
        """Log a call's epochs (its numbers and weights, a row per epoch) and keep the weights the timeline
        wants; returns the logs to show. An epoch whose loss is not a number ends the run there (diverged)."""
        shown = []
        for row, flat in zip(numbers, weights, strict=True):
            log = EpochLog(self.epochs_done + 1, *row[:2], *(row[2:] if self.has_validation else (None, None)))
            self.history.append(log)
            result.logs.append(log)
            self.timeline.offer(log.epoch, lambda flat=flat: [flat.copy()])  # not a view of the whole call
            if not math.isfinite(log.loss):
                result.diverged = result.stopped = True
                break
            shown.append(log)
        return shown


WARM_UP_GRAPHS_MOST = 4  # each graph traced ahead holds the GIL ~0.5-0.8 s: a big server's first pages would wait


def warm_up(spec: FigureSpec, data: Dataset, side_by_side: int | None = None) -> None:
    """Trace what a figure's first answer and first training need, and keep nothing but the traced graphs (they
    belong to the figure's kind, see `minifig.graphs`): the next head or trainer of that kind finds them ready.

    One epoch traces what any number of epochs uses (the count is an argument of the traced loop); one question
    traces the answer for any number of questions (`graphs._Answer`). `side_by_side` trainers train that epoch at
    once, each holding its own graphs until all have theirs, so the kind's pool holds that many traced graphs: the
    first learners who press Train together (a room does) trace nothing. By default as many as train side by side
    (`GRAPHS_PER_KIND`, one per core), at most `WARM_UP_GRAPHS_MOST`.
    """
    if side_by_side is None:
        side_by_side = WARM_UP_GRAPHS_MOST
    side_by_side = max(1, min(side_by_side, GRAPHS_PER_KIND))  # more would wait for a graph the pool never makes
    head = Head(spec, data.n_features)
    head.predict(data.x[:1])
    all_hold_graphs = threading.Barrier(side_by_side)

    def train_one_epoch(trainer: Trainer) -> None:
        try:
            trainer.train(1, spec.training.batch_size, on_epoch=lambda _log: all_hold_graphs.wait(timeout=120))
        except BaseException:
            all_hold_graphs.abort()  # the others stop waiting for this one
            raise

    trainers = [Trainer(spec, data, head=head if n == 0 else None) for n in range(side_by_side)]
    with ThreadPoolExecutor(side_by_side, thread_name_prefix="minifig-warm-up") as pool:
        for trained in [pool.submit(train_one_epoch, trainer) for trainer in trainers]:
            trained.result()


class _Chunks:
    """How many epochs to train in one call: one at first, then as many as take about `SECONDS` (a page redraw's
    interval, so live views and Stop keep their pace), at most `most` (the call's memory budget) and `MOST`."""

    SECONDS = 0.06
    MOST = 64

    def __init__(self, most: int):
        self.most = min(most, self.MOST)
        self.per_epoch: float | None = None

    def next(self, left: int) -> int:
        if self.per_epoch is None:
            return 1
        return max(1, min(left, self.most, int(self.SECONDS / max(self.per_epoch, 1e-6))))

    def took(self, count: int, seconds: float) -> None:
        self.per_epoch = seconds / count


def _answers(y: np.ndarray, width: int, data: Dataset) -> np.ndarray:
    """The answers shaped as the torso expects: a column for one output, class numbers or one-hot rows."""
    if data.one_hot or width > 1:
        return y.astype("float32")
    return y.astype("float32").reshape(-1, 1)
