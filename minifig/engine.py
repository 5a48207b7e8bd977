"""The training engine: trains a figure's head with its Keras loss and optimizer, fast, epoch by epoch.

Plain `model.fit` spends tens of milliseconds of bookkeeping per epoch, which dwarfs the real work
on the tiny data of a lesson. Here one epoch — shuffle, every batch's train step, the metrics and
the validation — is a single traced TensorFlow call, and Python only sees the epoch's numbers.

Tracing costs more than a whole lesson's training, and TensorFlow never frees a traced graph. So
the traced functions belong to the figure's *kind* (its bricks, torso, legs and data shape), not
to one trainer: every trainer and head of the same kind — a room of learners building the lesson's
figure, a Reset, a compare run — passes its own variables to the same graphs (`Graphs`), which
call the model statelessly (`stateless_call`, `stateless_apply`) and write the results back.

Progress is reported through a plain function (`on_epoch`), as `keras.callbacks.LambdaCallback`
does, so the engine knows nothing of the page. An exception raised by `on_epoch` (for instance a
page rerun) ends training after that epoch and leaves the model as it was.
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
import tensorflow as tf

from minifig import build
from minifig.datasets import Dataset, split
from minifig.fit_check import head_output
from minifig.spec import FigureSpec
from minifig.timeline import Timeline, capacity_for, flat_weights, unflatten


@dataclass(frozen=True)
class EpochLog:
    """The numbers of one finished epoch. `metric` is accuracy, or mean absolute error for numbers."""

    epoch: int
    loss: float
    metric: float
    val_loss: float | None = None
    val_metric: float | None = None


@dataclass(frozen=True)
class BatchStep:
    """The numbers of one batch through the loop (`Trainer.train_batch`): which training rows went in, their
    inputs X, the head's answers Y′ (before the update), the true answers Y and the loss the legs moved on."""

    rows: np.ndarray
    x: np.ndarray
    pred: np.ndarray
    y: np.ndarray
    loss: float


@dataclass
class TrainResult:
    """What a call to `Trainer.train` did: the epochs it ran and why it ended."""

    logs: list[EpochLog] = field(default_factory=list)
    stopped: bool = False  # ended early by `should_stop` or by `on_epoch` raising
    diverged: bool = False  # the loss became NaN or infinite
    timed_out: bool = False  # ended by the wall-clock cap
    seconds: float = 0.0


class Head:
    """The head alone: a Keras model built from the spec's layer cards, seeded, that can answer.

    Untrained, its answers are random guesses ("babbling"); a `Trainer` teaches it.
    """

    def __init__(self, spec: FigureSpec, n_features: int):
        self.model = build.build_head(spec, n_features, seed=spec.training.seed)
        self.n_features = n_features
        self.loaded_from_file = False  # weights put in from a learner's file, not from training here
        self.before_reading: Callable[[], None] | None = None  # set by a trainer whose graph may hold newer weights
        self._answer = answering_graph(spec, n_features)

    def predict(self, x) -> np.ndarray:
        """The head's answers for inputs `x` (samples × features)."""
        x = tf.constant(np.asarray(x, dtype="float32").reshape(-1, self.n_features))
        if self.before_reading is not None:
            self.before_reading()
        model = self.model
        return self._answer(_handles(model.trainable_variables), _handles(model.non_trainable_variables), x).numpy()


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
        self.model = self.head.model
        if not self.head.loaded_from_file:
            build.adapt(self.model, self._x.numpy())
        self.loss = build.make_loss(self.spec.torso)
        self.optimizer = build.make_optimizer(self.spec.legs)
        self.optimizer.build(self.model.trainable_variables)
        self.history: list[EpochLog] = []
        self.last_run: TrainResult | None = None  # the last call to `train`, for its seconds per epoch
        self.timeline = Timeline(capacity=capacity_for(self.model.weights))
        self.timeline.offer(0, lambda: [flat_weights(self.model.get_weights())])
        self._past: tuple[int, Head] | None = None  # the head last travelled to (`head_at`)
        self._graphs = training_graphs(self.spec, self.data, self._width, self.has_validation)
        self._epochs_seen = tf.Variable(0, dtype="int32", trainable=False)  # seeds each epoch's shuffle
        self._state = _handles([*self.model.variables, *self.optimizer.variables, self._epochs_seen])
        self._lent: Graphs | None = None  # the graphs training this trainer right now
        self.head.before_reading = self._read_back  # answers while training are current

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
            head.model.set_weights(unflatten(flat, [w.shape for w in self.model.weights]))
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
        with self._graphs.lend() as graphs:
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
        loss, pred = train_step(self.current_model, self.loss, self.optimizer, x, y)
        return BatchStep(rows=rows, x=x.numpy(), pred=np.asarray(pred), y=y.numpy(), loss=float(loss))

    def next_batch(self, batch_size: int) -> tuple[np.ndarray, tf.Tensor, tf.Tensor]:
        """The first batch the next epoch takes: its training rows, their inputs and their answers."""
        batch = max(1, min(batch_size, self.n_train))
        seed = tf.constant(self.spec.training.seed, "int32")
        rows = epoch_order(self.n_train, seed, tf.constant(self.epochs_done + 1, "int32"))[:batch]
        return rows.numpy(), tf.gather(self._x, rows), tf.gather(self._y, rows)

    @property
    def current_model(self):
        """The head's Keras model holding its newest weights (read back from the graph while it trains)."""
        self._read_back()
        return self.model

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
        weights = None  # the last epoch's weights, flat: the epoch's graph returns them after its numbers
        try:
            for _ in range(epochs):
                out = graphs.run(run_epoch, state, data, seed, batch).numpy()
                numbers, weights = out[:n_numbers].tolist(), out[n_numbers:]
                log = EpochLog(
                    self.epochs_done + 1, *numbers[:2], *(numbers[2:] if self.has_validation else (None, None))
                )
                self.history.append(log)
                result.logs.append(log)
                self.timeline.offer(log.epoch, lambda weights=weights: [weights])
                if not math.isfinite(log.loss):
                    result.diverged = result.stopped = True
                    break
                if on_epoch is not None:
                    on_epoch(log)
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


_GRAPHS: dict[str, GraphPool] = {}
GRAPHS_PER_KIND = os.cpu_count() or 1  # as many learners of one kind of figure as the machine trains at once
_ANSWERS: dict[str, object] = {}
_GRAPHS_LOCK = threading.Lock()  # one trace per kind of figure, even when learners compile at the same moment


def _handles(variables) -> list[tf.Variable]:
    """Keras variables as the TensorFlow variables behind them (what a traced function takes)."""
    return [v if isinstance(v, tf.Variable) else v.value for v in variables]


def _head_kind(spec: FigureSpec, n_features: int) -> str:
    return repr((spec.to_dict()["head"], n_features))


def answering_graph(spec: FigureSpec, n_features: int):
    """The traced answer of every head of this kind: (trainable, non-trainable variables, x) → outputs."""
    key = _head_kind(spec, n_features)
    with _GRAPHS_LOCK:
        if key not in _ANSWERS:
            template = build.build_head(spec, n_features, seed=0)  # its structure only: weights come as arguments

            def answer(trainable, non_trainable, x):
                values = [v.read_value() for v in trainable], [v.read_value() for v in non_trainable]
                return template.stateless_call(*values, x, training=False)[0]

            _ANSWERS[key] = tf.function(answer, autograph=False, reduce_retracing=True)
        return _ANSWERS[key]


def training_graphs(spec: FigureSpec, data: Dataset, width: int, has_validation: bool) -> GraphPool:
    """The traced epochs shared by every trainer of this kind of figure on data of this shape."""
    legs = {name: value for name, value in spec.legs.params.items() if name != "learning_rate"}  # a variable
    key = repr(
        (
            _head_kind(spec, data.n_features),
            spec.torso.card,
            spec.legs.card,
            legs,
            data.label_kind,
            data.one_hot,
            width,
            has_validation,
        )
    )
    with _GRAPHS_LOCK:
        if key not in _GRAPHS:
            _GRAPHS[key] = GraphPool(lambda: Graphs(spec, data, width, has_validation), GRAPHS_PER_KIND)
        return _GRAPHS[key]


class GraphPool:
    """A few `Graphs` of one kind, lent to one trainer at a time, so learners of the same figure train side by side.

    At most `size` are ever made (each is traced once); a trainer that finds them all lent waits for one.
    """

    def __init__(self, make: Callable[[], Graphs], size: int):
        self._make, self._size = make, max(1, size)
        self._free: list[Graphs] = []
        self._made = 0
        self._changed = threading.Condition()

    @contextmanager
    def lend(self) -> Iterator[Graphs]:
        with self._changed:
            while not self._free and self._made >= self._size:
                self._changed.wait()
            if self._free:
                graphs = self._free.pop()
            else:
                self._made += 1
                graphs = None
        if graphs is None:
            try:
                graphs = self._make()
            except BaseException:
                with self._changed:
                    self._made -= 1
                    self._changed.notify()
                raise
        try:
            yield graphs
        finally:
            with self._changed:
                self._free.append(graphs)
                self._changed.notify()


class Graphs:
    """One epoch as one graph, for every trainer of one kind of figure.

    The graph trains a template model with a template loss and optimizer. A trainer's own variables (the
    head's and the optimizer's) are copied into the template when it starts training and copied back when it
    stops, when its head is read, or when another trainer of the same kind needs the template in between.
    Trainers of the same kind take turns, an epoch at a time (the template's lock).
    """

    def __init__(self, spec: FigureSpec, data: Dataset, width: int, has_validation: bool):
        self.model = build.build_head(spec, data.n_features, seed=0)
        self.loss = build.make_loss(spec.torso)
        self.optimizer = build.make_optimizer(spec.legs)
        self.optimizer.build(self.model.trainable_variables)
        self.metric_name = "mae" if data.label_kind == "number" else "accuracy"
        self.width, self.has_validation, self.one_hot = width, has_validation, data.one_hot
        self.hinge = spec.torso.card == "hinge"
        self._epochs_seen = tf.Variable(0, dtype="int32", trainable=False)
        self._template = _handles([*self.model.variables, *self.optimizer.variables, self._epochs_seen])
        self._epochs = {one_batch: self._traced_epoch(one_batch) for one_batch in (True, False)}
        self._copy = tf.function(_copy, autograph=False)
        self._holder: list[tf.Variable] | None = None  # the trainer's variables the template holds (newer there)
        self._lock = threading.Lock()

    def _traced_epoch(self, one_batch: bool):
        def epoch(data, seed, batch_size):
            return self._epoch(data, seed, batch_size, one_batch)

        return tf.function(epoch, autograph=False, reduce_retracing=True)

    def state_of(self, state: list[tf.Variable]) -> list[tf.Variable]:
        """A trainer's variables (head, optimizer, epoch counter), checked against the template's order."""
        if [v.shape for v in state] != [v.shape for v in self._template]:
            raise ValueError("this trainer's variables do not match its kind of figure")
        return state

    def epoch_for(self, one_batch: bool, data, batch_size):
        """The traced epoch for data of this shape (a concrete function: calling it skips the dispatch)."""
        with self._lock:
            return self._epochs[one_batch].get_concrete_function(data, tf.constant(0, "int32"), batch_size)

    def run(self, run_epoch, state, data, seed, batch_size) -> tf.Tensor:
        """One epoch of the trainer whose variables are `state`: the numbers, then the weights (flat)."""
        with self._lock:
            if self._holder is not state:
                if self._holder is not None:
                    self._copy(self._template, self._holder)
                self._copy(state, self._template)
                self._holder = state
            return run_epoch(data, seed, batch_size)

    def release(self, state: list[tf.Variable]) -> None:
        """Give the trainer with variables `state` its newest values back, if the template holds them."""
        with self._lock:
            if self._holder is state:
                self._copy(self._template, state)
                self._holder = None

    def _epoch(self, data, seed, batch_size, one_batch: bool):
        """Shuffle, train every batch, measure on the validation part.

        The shuffle is seeded by the spec's seed and the epoch's number, so a run is reproducible.
        """
        x, y, x_val, y_val = data
        n = tf.shape(x)[0]
        order = epoch_order(n, seed, self._epochs_seen.assign_add(1))
        if one_batch:
            loss, metric = self._train_step(tf.gather(x, order), tf.gather(y, order))
        else:
            steps = (n + batch_size - 1) // batch_size

            def body(i, loss_sum, metric_sum):
                rows = order[i * batch_size : tf.minimum((i + 1) * batch_size, n)]
                loss, metric = self._train_step(tf.gather(x, rows), tf.gather(y, rows))
                count = tf.cast(tf.shape(rows)[0], "float32")
                return i + 1, loss_sum + loss * count, metric_sum + metric * count

            zero = tf.constant(0.0)
            _, loss_sum, metric_sum = tf.while_loop(lambda i, *_: i < steps, body, (tf.constant(0), zero, zero))
            loss, metric = loss_sum / tf.cast(n, "float32"), metric_sum / tf.cast(n, "float32")
        numbers = [loss, metric]
        if self.has_validation:
            val_pred = self.model(x_val, training=False)
            numbers += [self.loss(y_val, val_pred), self._metric(y_val, val_pred)]
        weights = [tf.reshape(tf.cast(w, "float32"), [-1]) for w in self.model.weights]  # for the timeline
        return tf.concat([tf.stack(numbers), *weights], 0)

    def _train_step(self, x, y):
        loss, pred = train_step(self.model, self.loss, self.optimizer, x, y)
        return loss, self._metric(y, pred)

    def _metric(self, y, pred):
        """Accuracy for yes/no and classes, mean absolute error for numbers."""
        if self.metric_name == "mae":
            return tf.reduce_mean(tf.abs(pred - y))
        if self.width == 1:
            hits = tf.equal(tf.cast(pred > (0.0 if self.hinge else 0.5), "float32"), y)
        else:
            truth = tf.argmax(y, axis=-1) if self.one_hot else tf.cast(tf.reshape(y, [-1]), "int64")
            hits = tf.equal(tf.argmax(pred, axis=-1), truth)
        return tf.reduce_mean(tf.cast(hits, "float32"))


def epoch_order(n, seed, epoch) -> tf.Tensor:
    """The order the examples are visited in during epoch `epoch` (counted from 1): shuffled, seeded by the
    spec's seed and the epoch, so a run is reproducible and a single batch can be picked as the epoch would."""
    return tf.argsort(tf.random.stateless_uniform([n], seed=tf.stack([seed, epoch])))


def train_step(model, loss_fn, optimizer, x, y) -> tuple[tf.Tensor, tf.Tensor]:
    """One batch through the loop: the head answers (`pred`), the torso weighs (`loss`), the legs update.

    Traced inside an epoch's graph, or run eagerly on a trainer's own variables (`Trainer.train_batch`).
    """
    variables = model.trainable_variables
    with tf.GradientTape() as tape:
        pred = model(x, training=True)
        loss = loss_fn(y, pred)
        if model.losses:  # weight penalties (L1/L2), counted in the loss as Keras's fit counts them
            loss = loss + tf.add_n(model.losses)
    optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables, strict=True))
    return loss, pred


def _copy(sources: list[tf.Variable], targets: list[tf.Variable]) -> None:
    for source, target in zip(sources, targets, strict=True):
        target.assign(source)


def _answers(y: np.ndarray, width: int, data: Dataset) -> np.ndarray:
    """The answers shaped as the torso expects: a column for one output, class numbers or one-hot rows."""
    if data.one_hot or width > 1:
        return y.astype("float32")
    return y.astype("float32").reshape(-1, 1)
