"""A Normalization brick's statistics belong to each learner's head, not to the graph its kind of figure shares.

Learners of the same figure train through one traced graph (`engine.Graphs`) and answer through one traced
answer (`engine.answering_graph`). A head's mean and variance must travel with its own weights: two learners
with different data, taking turns in the same graph, each keep what their own training part measured.
"""

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from minifig.cards import brick
from minifig.datasets import Dataset, split
from minifig.engine import Head, Trainer
from minifig.spec import FigureSpec, Training

RNG = np.random.default_rng(3)
X = np.c_[RNG.uniform(0, 1, 120), RNG.uniform(-1, 1, 120)].astype("float32")
SMALL = Dataset("csv", "dataset.csv", X, (X[:, 0] + X[:, 1] > 0.5).astype("float32"), "binary", n_classes=2)
BIG = replace(SMALL, x=X * np.array([1000.0, 3.0], "float32") + np.array([500.0, -40.0], "float32"))
SPEC = FigureSpec(
    head=(
        brick("normalization"),
        brick("dense", units=8, activation="tanh"),
        brick("dense", units=1, activation="sigmoid"),
    ),
    torso=brick("binary_crossentropy"),
    legs=brick("adam", learning_rate=0.02),
    dataset="csv",
    training=Training(epochs=6, batch_size=16, validation_split=0.25, seed=5),
)


def statistics(trainer: Trainer) -> tuple[np.ndarray, np.ndarray]:
    mean, variance, _count = trainer.model.layers[0].get_weights()
    return mean, variance


def measured(data: Dataset) -> tuple[np.ndarray, np.ndarray]:
    part = split(data, SPEC.training.validation_split, SPEC.training.seed).x_train
    return part.mean(axis=0), part.var(axis=0)


def test_compiling_measures_the_training_part_only():
    trainer = Trainer(SPEC, BIG)
    for got, expected in zip(statistics(trainer), measured(BIG), strict=True):
        np.testing.assert_allclose(got, expected, rtol=1e-5)
    everything = BIG.x.mean(axis=0)
    assert not np.allclose(statistics(trainer)[0], everything, rtol=1e-6)  # the validation part is not measured


def test_two_learners_of_one_kind_keep_their_own_statistics_in_the_shared_graph():
    alone = Trainer(SPEC, BIG)
    alone.train(6, 16)
    small, big = Trainer(SPEC, SMALL), Trainer(SPEC, BIG)
    assert small.graph_kind == big.graph_kind == alone.graph_kind  # one kind of figure: one pool of traced graphs
    for _ in range(6):  # taking turns in the same graph, an epoch at a time
        small.train(1, 16)
        big.train(1, 16)
    assert [log.loss for log in big.history] == [log.loss for log in alone.history]
    assert [log.val_metric for log in big.history] == [log.val_metric for log in alone.history]
    for trainer, data in ((small, SMALL), (big, BIG)):
        for got, expected in zip(statistics(trainer), measured(data), strict=True):
            np.testing.assert_allclose(got, expected, rtol=1e-5)
        # the traced answer (shared by the kind) equals the head's own Keras call on its own variables
        np.testing.assert_allclose(trainer.predict(data.x[:5]), trainer.model(data.x[:5]).numpy(), rtol=1e-5)
    np.testing.assert_array_equal(big.predict(BIG.x[:5]), alone.predict(BIG.x[:5]))


def test_untrained_heads_of_one_kind_answer_with_their_own_statistics():
    first, second = Head(SPEC, 2), Head(SPEC, 2)
    first.model.layers[0].adapt(SMALL.x)
    second.model.layers[0].adapt(BIG.x)
    assert first.graph_kind == second.graph_kind
    for head, data in ((first, SMALL), (second, BIG)):
        np.testing.assert_allclose(head.predict(data.x[:4]), head.model(data.x[:4]).numpy(), rtol=1e-5)
    assert not np.allclose(first.predict(BIG.x[:4]), second.predict(BIG.x[:4]))


def test_time_travel_brings_back_the_statistics_with_the_weights():
    trainer = Trainer(SPEC, BIG)
    trainer.train(4, 16)
    epoch, past = trainer.head_at(2)
    assert epoch == 2
    np.testing.assert_allclose(past.model.layers[0].get_weights()[0], measured(BIG)[0], rtol=1e-5)
    np.testing.assert_allclose(past.predict(BIG.x[:4]), past.model(BIG.x[:4]).numpy(), rtol=1e-5)
    _, now = trainer.head_at(4)  # the last epoch: the same head as the trainer's own
    np.testing.assert_allclose(now.predict(BIG.x[:4]), trainer.model(BIG.x[:4]).numpy(), rtol=1e-5)


def test_reset_measures_again_and_a_head_from_a_file_keeps_its_own():
    trainer = Trainer(SPEC, BIG)
    trainer.model.layers[0].set_weights([np.zeros(2, "float32"), np.ones(2, "float32"), np.int64(0)])
    trainer.reset()
    np.testing.assert_allclose(statistics(trainer)[0], measured(BIG)[0], rtol=1e-5)
    loaded = Head(SPEC, 2)
    kept = [np.array([7.0, 8.0], "float32"), np.array([4.0, 9.0], "float32"), np.int64(0)]
    loaded.model.layers[0].set_weights(kept)
    loaded.loaded_from_file = True
    from_file = Trainer(SPEC, BIG, head=loaded)
    np.testing.assert_array_equal(statistics(from_file)[0], kept[0])
    np.testing.assert_array_equal(statistics(from_file)[1], kept[1])


@pytest.mark.parametrize("position", [1, 2])
def test_a_brick_further_down_measures_what_reaches_it(position):
    head = list(SPEC.head)
    head.insert(position, brick("normalization"))
    spec = replace(SPEC, head=tuple(head[1:]))  # only the lower brick measures
    trainer = Trainer(spec, BIG)
    layer = trainer.model.layers[position - 1]
    above = trainer.model.layers[: position - 1]
    numbers = split(BIG, 0.25, 5).x_train
    for brick_above in above:
        numbers = brick_above(numbers).numpy()
    np.testing.assert_allclose(layer.get_weights()[0], numbers.mean(axis=0), rtol=1e-4, atol=1e-6)


@st.composite
def tables(draw) -> tuple[bytes, str]:
    """A small CSV file of yes/no answers whose input columns hold numbers of any size a file may hold."""
    n_rows, n_inputs = draw(st.integers(4, 30)), draw(st.integers(1, 4))
    size = st.sampled_from([1e-3, 1.0, 10.0, 1e3, 1e6, 1e15])
    number = st.floats(-1.0, 1.0, allow_nan=False)
    columns = []
    for _ in range(n_inputs):
        scale, shift = draw(size), draw(size) * draw(st.sampled_from([-1, 0, 1]))
        columns.append([shift + scale * draw(number) for _ in range(n_rows)])
    answers = draw(st.lists(st.sampled_from([0, 1]), min_size=n_rows, max_size=n_rows))
    lines = [",".join([*(f"x{i + 1}" for i in range(n_inputs)), "y"])]
    lines += [",".join(repr(value) for value in row) for row in zip(*columns, answers, strict=True)]
    return "\n".join(lines).encode(), "binary"


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=tables())
def test_any_table_a_learner_uploads_starts_with_the_brick_when_told_to_and_answers_finite_numbers(table):
    """The page's CSV path (read, starting figure, compile, two epochs, answer) over drawn tables of any sizes."""
    from minifig.csv_data import read_csv, starting_figure
    from minifig.fit_check import suggestions, uneven_inputs

    raw, kind = table
    data = read_csv(raw, "drawn.csv", label_kind=kind).dataset
    assume(data is not None)
    spec = starting_figure(data)
    assert (spec.head[0].card == "normalization") == (uneven_inputs(data) is not None)
    assert suggestions(spec, data) == []  # the starting figure already does what the fit check would suggest
    trainer = Trainer(spec, data)
    trainer.train(2, 16)
    if spec.head[0].card == "normalization":
        for got, expected in zip(statistics(trainer), measured_with(data, spec.training), strict=True):
            np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-30)
        assert np.isfinite(trainer.predict(data.x)).all()


def measured_with(data: Dataset, training: Training) -> tuple[np.ndarray, np.ndarray]:
    part = split(data, training.validation_split, training.seed).x_train
    return part.mean(axis=0), part.var(axis=0)
