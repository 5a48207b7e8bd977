"""Traced TensorFlow graphs, shared by every trainer and head of one *kind* of figure, within a memory budget.

Size: the cache, the pool and the traced epochs are one mechanism (who may evict what while whose variables are in
the template); split, each part would need the others' locks.

Tracing costs more than a whole lesson's training, so the traced functions belong to the figure's kind (its bricks,
torso, legs and data shape), not to one trainer: every trainer and head of the same kind — a room of learners
building the lesson's figure, a Reset, a compare run — borrows the same graphs and passes its own variables
(`Graphs` calls a template model statelessly and copies variables in and out).

A server's learners invent many kinds, and a traced kind costs real memory: measured on this machine
(`bench/graph_memory.py`), about 6 MB for a one-brick head, 23 MB for twelve bricks of 64 and 89 MB for twelve
bricks of 512 (its template's weights and Adam's slots, kept as variables, and the graph itself). So the kinds are
kept in a `GraphCache`: least recently used first out, within `MINIFIG_GRAPH_MEMORY_MB` (default
`DEFAULT_BUDGET_MB`), never evicting a kind while a trainer or a head is using it. Trainers and heads do not keep
graphs: they borrow them for one training run or one answer (`lend_training`, `lend_answer`), so an idle
learner's kind can go, and is traced again (a second or two) when it is next used.

Eviction gives memory back only because of `_single_replica`: Keras's TensorFlow optimizer sums gradients across
replicas with a custom-gradient `all_reduce`, and tracing it registers a gradient function in TensorFlow's
process-wide gradient registry that is never removed — it holds the whole traced epoch, and with it the template's
variables, for the life of the process. With it, dropping a kind returned ~0 MB and 10 more kinds grew the server
by 250 MB even with every kind dropped; without it, memory freed by evicted kinds is reused and the server stays
flat. The process's resident size does not shrink after an eviction (the C heap keeps the pages), it stops growing.
"""

from __future__ import annotations

import math
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import tensorflow as tf

from minifig import build
from minifig.answers import torso_of, yes_threshold
from minifig.datasets import Dataset
from minifig.spec import FigureSpec

BUDGET_ENV = "MINIFIG_GRAPH_MEMORY_MB"
DEFAULT_BUDGET_MB = 1024  # a quarter of a 4 GB room: TensorFlow itself takes ~0.7 GB, the learners' figures the rest
GRAPHS_PER_KIND = os.cpu_count() or 1  # as many learners of one kind of figure as the machine trains at once

# What a traced kind costs, fitted to `bench/graph_memory.py` on Dense heads of 1–12 bricks of 8–512 units:
# a fixed part, a part per brick (the graph's operations) and a part per weight (the template's variables, the
# optimizer's slots and the graph's buffers). Rounded up: the budget should not be passed by underestimating.
EPOCH_BYTES = 6 * 2**20
EPOCH_BYTES_PER_BRICK = int(1.6 * 2**20)
EPOCH_BYTES_PER_WEIGHT = 24
CALL_NUMBERS_BUDGET = 2_000_000  # the epochs of one call return at most this many numbers (8 MB of float32)
ANSWER_BYTES = 1 * 2**20
ANSWER_BYTES_PER_BRICK = int(0.2 * 2**20)
ANSWER_BYTES_PER_WEIGHT = 4


def budget_bytes() -> int:
    """The graph cache's budget: `MINIFIG_GRAPH_MEMORY_MB` megabytes, or `DEFAULT_BUDGET_MB`."""
    raw = os.environ.get(BUDGET_ENV, "").strip()
    try:
        megabytes = float(raw) if raw else DEFAULT_BUDGET_MB
    except ValueError:
        megabytes = DEFAULT_BUDGET_MB
    if not math.isfinite(megabytes) or megabytes < 0:
        megabytes = DEFAULT_BUDGET_MB
    return int(megabytes * 2**20)


@dataclass
class _Entry:
    value: object
    cost: Callable[[], int]
    lent: int = 0


class GraphCache:
    """Kinds of figure and their graphs, least recently used out first when their cost passes `budget` bytes.

    A kind being used (between `lend`'s enter and exit) is never evicted; while every kept kind is in use the
    cache may pass its budget, and comes back within it as they are returned.
    """

    def __init__(self, budget: int):
        self.budget = budget
        self._entries: OrderedDict[str, _Entry] = OrderedDict()
        self._lock = threading.Lock()
        self.evicted = 0  # kinds dropped so far, for the bench and the tests

    @contextmanager
    def lend(self, key: str, make: Callable[[], object], cost: Callable[[object], int]) -> Iterator[object]:
        """The kind's value (made by `make` the first time), kept from eviction until the block ends.

        `cost(value)` is asked whenever the cache weighs its kinds, so a value that grows (a pool tracing one
        more graph) is weighed as it is now.
        """
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                value = make()
                entry = self._entries[key] = _Entry(value, lambda: cost(value))
            self._entries.move_to_end(key)
            entry.lent += 1
        try:
            yield entry.value
        finally:
            with self._lock:
                entry.lent -= 1
                self._evict()

    def _evict(self) -> None:
        total = sum(entry.cost() for entry in self._entries.values())
        for key in list(self._entries):
            if total <= self.budget:
                break
            entry = self._entries[key]
            if entry.lent == 0:
                total -= entry.cost()
                del self._entries[key]
                self.evicted += 1

    @property
    def kinds(self) -> int:
        return len(self._entries)

    @property
    def cost(self) -> int:
        """The estimated bytes of every kind kept now."""
        with self._lock:
            return sum(entry.cost() for entry in self._entries.values())

    def clear(self) -> None:
        """Forget every kind not in use (for benches and tests)."""
        with self._lock:
            for key in [key for key, entry in self._entries.items() if entry.lent == 0]:
                del self._entries[key]


CACHE = GraphCache(budget_bytes())


def cache_report() -> dict:
    """What the cache holds now: kinds, estimated MB, budget MB and how many kinds it has evicted."""
    return {
        "kinds": CACHE.kinds,
        "estimated_mb": round(CACHE.cost / 2**20),
        "budget_mb": round(CACHE.budget / 2**20),
        "evicted": CACHE.evicted,
    }


def forget_all() -> None:
    CACHE.clear()


def handles(variables) -> list[tf.Variable]:
    """Keras variables as the TensorFlow variables behind them (what a traced function takes)."""
    return [v if isinstance(v, tf.Variable) else v.value for v in variables]


def answer_kind(spec: FigureSpec, n_features: int) -> str:
    return "answer " + build.head_kind(spec, n_features)


def training_kind(spec: FigureSpec, data: Dataset, width: int, has_validation: bool) -> str:
    legs = {name: value for name, value in spec.legs.params.items() if name != "learning_rate"}  # a variable
    parts = (
        build.head_kind(spec, data.n_features),
        spec.torso.card,
        spec.legs.card,
        legs,
        data.label_kind,
        data.one_hot,
    )
    return repr(("epoch", *parts, width, has_validation))


@contextmanager
def lend_answer(spec: FigureSpec, n_features: int) -> Iterator[Callable]:
    """The traced answer of every head of this kind, for one use: (trainable, non-trainable variables, x) → outputs."""
    with CACHE.lend(answer_kind(spec, n_features), lambda: _Answer(spec, n_features), _Answer.cost) as it:
        yield it


@contextmanager
def lend_training(spec: FigureSpec, data: Dataset, width: int, has_validation: bool) -> Iterator[Graphs]:
    """One `Graphs` of this kind of figure on data of this shape, for one training run."""
    key = training_kind(spec, data, width, has_validation)
    pool_of = lambda: GraphPool(lambda: Graphs(spec, data, width, has_validation), GRAPHS_PER_KIND)  # noqa: E731
    with CACHE.lend(key, pool_of, GraphPool.cost) as pool, pool.lend() as graphs:
        yield graphs


class _Answer:
    """A head's answer traced once for its kind, over a template head whose weights come as arguments."""

    def __init__(self, spec: FigureSpec, n_features: int):
        template = build.build_head(spec, n_features, seed=0)  # its structure only: weights come as arguments

        def answer(trainable, non_trainable, x):
            values = [v.read_value() for v in trainable], [v.read_value() for v in non_trainable]
            return template.stateless_call(*values, x, training=False)[0]

        self.function = tf.function(answer, autograph=False, reduce_retracing=True)
        self._questions = tf.TensorSpec([None, n_features], tf.float32)  # any number of questions
        self._concrete = None
        weights = sum(math.prod(v.shape) for v in template.weights)
        self._cost = ANSWER_BYTES + ANSWER_BYTES_PER_BRICK * len(spec.head) + ANSWER_BYTES_PER_WEIGHT * weights

    def __call__(self, trainable: list, non_trainable: list, x: tf.Tensor) -> tf.Tensor:
        """The answers of the head whose variables these are, to `x` (questions × features).

        Through the one concrete function traced for any number of questions: calling the `tf.function` itself
        works out the arguments' types on every call to pick a trace (~5 ms for the lesson's ten variables, a
        sixteenth of a page run; py-spy)."""
        concrete = self._concrete
        if concrete is None:
            concrete = self._concrete = self.function.get_concrete_function(trainable, non_trainable, self._questions)
        return concrete(trainable, non_trainable, x)

    def cost(self) -> int:
        return self._cost


class GraphPool:
    """A few `Graphs` of one kind, lent to one trainer at a time, so learners of the same figure train side by side.

    At most `size` are ever made (each is traced once); a trainer that finds them all lent waits for one.
    """

    def __init__(self, make: Callable[[], Graphs], size: int):
        self._make, self._size = make, max(1, size)
        self._free: list[Graphs] = []
        self._all: list[Graphs] = []
        self._made = 0
        self._changed = threading.Condition()

    def cost(self) -> int:
        return sum(graphs.cost for graphs in list(self._all))

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
            with self._changed:
                self._all.append(graphs)
        try:
            yield graphs
        finally:
            with self._changed:
                self._free.append(graphs)
                self._changed.notify()


class Graphs:
    """Epochs as one graph (a loop of `count` epochs), for every trainer of one kind of figure.

    The graph trains a template model with a template loss and optimizer. A trainer's own variables (the
    head's and the optimizer's) are copied into the template when it starts training and copied back when it
    stops, when its head is read, or when another trainer of the same kind needs the template in between.
    Trainers of the same kind take turns, a call at a time (the template's lock).
    """

    def __init__(self, spec: FigureSpec, data: Dataset, width: int, has_validation: bool):
        self.model = build.build_head(spec, data.n_features, seed=0)
        self.loss = build.make_loss(spec.torso)
        self.optimizer = _single_replica(build.make_optimizer(spec.legs))
        self.optimizer.build(self.model.trainable_variables)
        self.metric_name = "mae" if data.label_kind == "number" else "accuracy"
        self.width, self.has_validation, self.one_hot = width, has_validation, data.one_hot
        self.yes_threshold = yes_threshold(torso_of(spec))
        self._epochs_seen = tf.Variable(0, dtype="int32", trainable=False)
        self._template = handles([*self.model.variables, *self.optimizer.variables, self._epochs_seen])
        self._epochs = {one_batch: self._traced_epoch(one_batch) for one_batch in (True, False)}
        self._holder: list[tf.Variable] | None = None  # the trainer's variables the template holds (newer there)
        self._copy = _Copy()
        self._lock = threading.Lock()
        weights = sum(math.prod(v.shape) for v in self.model.weights)
        self.cost = EPOCH_BYTES + EPOCH_BYTES_PER_BRICK * len(spec.head) + EPOCH_BYTES_PER_WEIGHT * weights
        self.row_width = (4 if has_validation else 2) + weights  # an epoch's numbers, then its weights
        self.most_epochs_a_call = max(1, CALL_NUMBERS_BUDGET // self.row_width)

    def _traced_epoch(self, one_batch: bool):
        def epochs(data, seed, batch_size, count):
            """`count` epochs in one call: a row per epoch, its numbers then its weights (flat)."""

            def body(i, rows):
                return i + 1, rows.write(i, self._epoch(data, seed, batch_size, one_batch))

            rows = tf.TensorArray("float32", size=count, element_shape=[self.row_width])
            _, rows = tf.while_loop(lambda i, _: i < count, body, (tf.constant(0), rows))
            return rows.stack()

        return tf.function(epochs, autograph=False, reduce_retracing=True)

    def state_of(self, state: list[tf.Variable]) -> list[tf.Variable]:
        """A trainer's variables (head, optimizer, epoch counter), checked against the template's order."""
        if [v.shape for v in state] != [v.shape for v in self._template]:
            raise ValueError("this trainer's variables do not match its kind of figure")
        return state

    def epoch_for(self, one_batch: bool, data, batch_size):
        """The traced epochs for data of this shape (a concrete function: calling it skips the dispatch)."""
        with self._lock:
            zero = tf.constant(0, "int32")
            return self._epochs[one_batch].get_concrete_function(data, zero, batch_size, zero)

    def run(self, run_epoch, state, data, seed, batch_size, count) -> tf.Tensor:
        """`count` epochs of the trainer whose variables are `state`: a row per epoch, its numbers then its
        weights (flat)."""
        with self._lock:
            if self._holder is not state:
                if self._holder is not None:
                    self._copy(self._template, self._holder)
                self._copy(state, self._template)
                self._holder = state
            return run_epoch(data, seed, batch_size, tf.constant(count, "int32"))

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
            hits = tf.equal(tf.cast(pred > self.yes_threshold, "float32"), y)
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


def _single_replica(optimizer):
    """The optimizer without its cross-replica sum of gradients (one replica sums to itself).

    Keras's TensorFlow optimizer wraps that sum in a custom gradient; traced, it registers a gradient function in
    TensorFlow's process-wide registry (`ops._gradient_registry`) that is never removed and keeps the whole traced
    epoch alive, so no kind could ever be evicted. Minifig trains on one replica, where the sum is the identity.
    """
    optimizer._all_reduce_sum_gradients = list
    return optimizer


class _Copy:
    """Copies one list of variables into another of the same shapes, in one call of a function traced once for its
    kind: eagerly, each of the lesson's 33 variables (head, optimizer, epoch counter) is an operation dispatched on
    its own (~4 ms for a trainer's copy in and out, against ~1 ms). Variables are its arguments, not captured, so
    every trainer of the kind uses the same trace."""

    def __init__(self):
        self._function = tf.function(_assign_all, autograph=False)
        self._concrete = None

    def __call__(self, sources: list[tf.Variable], targets: list[tf.Variable]) -> None:
        concrete = self._concrete
        if concrete is None:
            concrete = self._concrete = self._function.get_concrete_function(sources, targets)
        concrete(sources, targets)


def _assign_all(sources, targets) -> None:
    for source, target in zip(sources, targets, strict=True):
        target.assign(source.read_value())
