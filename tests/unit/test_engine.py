"""The training engine against plain Keras on the seed figure (the trusted reference)."""

import numpy as np
import pytest

from minifig.datasets import load
from minifig.engine import Trainer
from minifig.spec import Training, seed_figure


@pytest.fixture(scope="module")
def trained_seed():
    trainer = Trainer(seed_figure(), load("seed"))
    result = trainer.train(100, 10)
    return trainer, result


def test_seed_figure_learns_small_and_big(trained_seed):
    trainer, result = trained_seed
    assert len(result.logs) == 100 and not result.stopped
    assert result.logs[-1].metric == 1.0
    three, eight = trainer.predict([[3.0], [8.0]]).ravel()
    assert three < 0.2
    assert eight > 0.8


def test_untrained_head_babbles_a_probability():
    trainer = Trainer(seed_figure(), load("seed"))
    answer = trainer.predict([[3.0]])
    assert answer.shape == (1, 1)
    assert 0.0 < answer[0, 0] < 1.0
    assert trainer.epochs_done == 0


def test_same_seed_gives_same_training():
    first, second = (Trainer(seed_figure(), load("seed")) for _ in range(2))
    losses = [[log.loss for log in t.train(5, 3).logs] for t in (first, second)]
    assert losses[0] == losses[1]


def test_callback_sees_every_epoch_in_order():
    seen = []
    Trainer(seed_figure(), load("seed")).train(7, 4, on_epoch=seen.append)
    assert [log.epoch for log in seen] == list(range(1, 8))
    assert all(np.isfinite(log.loss) and 0.0 <= log.metric <= 1.0 for log in seen)


def test_stop_ends_training_after_the_call_in_progress_and_going_on_is_as_if_it_never_stopped():
    """Epochs are trained a few per call (about a redraw's worth); Stop is heard between calls, and the weights,
    the optimizer and the history always agree, so a stopped run that goes on equals one that never stopped."""
    first = Trainer(seed_figure(), load("seed"))
    assert len(first.train(50, 10, should_stop=lambda: True).logs) == 1  # the first call is one epoch
    trainer = Trainer(seed_figure(), load("seed"))
    result = trainer.train(50, 10, should_stop=lambda: trainer.epochs_done >= 3)
    assert result.stopped and result.interrupted and 3 <= len(result.logs) < 50 and trainer.history == result.logs
    assert np.isfinite(trainer.predict([[3.0]])).all()
    trainer.train(50 - trainer.epochs_done, 10)
    straight = Trainer(seed_figure(), load("seed"))
    straight.train(50, 10)
    assert [log.loss for log in trainer.history] == pytest.approx([log.loss for log in straight.history], rel=1e-5)
    assert np.allclose(trainer.predict([[3.0], [8.0]]), straight.predict([[3.0], [8.0]]), rtol=1e-5, atol=1e-6)


def test_callback_raising_ends_training_and_keeps_the_model():
    trainer = Trainer(seed_figure(), load("seed"))

    def rerun(log):
        if log.epoch == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        trainer.train(50, 10, on_epoch=rerun)
    assert 2 <= trainer.epochs_done < 50  # the call epoch 2 came in was trained, and is all in the history
    assert np.isfinite(trainer.predict([[3.0]])).all()


def test_training_again_continues_and_reset_starts_over():
    trainer = Trainer(seed_figure(), load("seed"))
    untrained = trainer.predict([[3.0]])
    trainer.train(5, 10)
    trainer.train(5, 10)
    assert [log.epoch for log in trainer.history] == list(range(1, 11))
    trainer.reset()
    assert trainer.epochs_done == 0
    np.testing.assert_allclose(trainer.predict([[3.0]]), untrained, rtol=1e-6)


def test_validation_split_reports_validation_figures():
    spec = seed_figure()
    spec = type(spec)(spec.head, spec.torso, spec.legs, spec.dataset, Training(validation_split=0.2, seed=3))
    trainer = Trainer(spec, load("seed"))
    assert trainer.n_train == 8
    log = trainer.train(2, 4).logs[-1]
    assert log.val_loss is not None and 0.0 <= log.val_metric <= 1.0


def test_batches_smaller_than_the_data_update_once_per_batch():
    trainer = Trainer(seed_figure(), load("seed"))
    trainer.train(1, 3)
    assert int(trainer.optimizer.iterations) == 4  # 10 samples in batches of 3, 3, 3, 1


def test_engine_matches_plain_keras_loss_on_one_full_batch():
    """One full-batch step is deterministic: the engine's loss equals Keras's evaluate before it."""
    import keras

    trainer = Trainer(seed_figure(), load("seed"))
    data = load("seed")
    reference = keras.models.clone_model(trainer.model)
    reference.set_weights(trainer.model.get_weights())
    reference.compile(loss="binary_crossentropy", optimizer="adam")
    expected = reference.evaluate(data.x, data.y.reshape(-1, 1), verbose=0)
    assert trainer.train(1, 10).logs[0].loss == pytest.approx(expected, rel=1e-5)


def test_wall_clock_cap_ends_a_long_run_with_a_usable_model():
    trainer = Trainer(seed_figure(), load("seed"))
    result = trainer.train(5000, 1, max_seconds=0.3)
    assert result.timed_out and result.stopped and not result.interrupted  # the page says it paused, not stopped
    assert 0 < len(result.logs) < 5000
    assert np.isfinite(trainer.predict([[3.0]])).all()


def test_nan_loss_ends_training_and_says_it_diverged():
    from minifig.cards import brick

    spec = seed_figure()
    spec = type(spec)(spec.head, spec.torso, brick("sgd", learning_rate=1.0, momentum=0.99), spec.dataset)
    data = load("seed")
    data = type(data)(data.id, data.title_key, data.x * 1e6, data.y, data.label_kind, data.n_classes)
    result = Trainer(spec, data).train(200, 10)
    assert result.diverged and result.stopped and not result.interrupted  # the page says why, not "stopped"
    assert not np.isfinite(result.logs[-1].loss)


def test_trainers_of_one_kind_share_a_graph_and_keep_their_own_weights():
    """Two learners' figures of the same kind train in turns through one traced graph: each ends as if alone."""
    from dataclasses import replace

    spec = seed_figure()
    other = replace(spec, training=replace(spec.training, seed=7))
    data = load("seed")
    alone = Trainer(spec, data)
    alone.train(6, 3)
    first, second = Trainer(spec, data), Trainer(other, data)
    assert first.graph_kind == second.graph_kind == alone.graph_kind  # one kind: they borrow the same graphs
    for _ in range(6):
        first.train(1, 3)
        second.train(1, 3)
        assert second.predict([[3.0]]).shape == (1, 1)  # reading one head between the other's epochs
    assert [log.loss for log in first.history] == [log.loss for log in alone.history]
    np.testing.assert_array_equal(first.predict([[1.0], [9.0]]), alone.predict([[1.0], [9.0]]))
    assert [log.loss for log in second.history] != [log.loss for log in first.history]  # its own seed, its own run


def _lesson_of_its_own_kind(units: int):
    """The lesson's figure with `units` in its hidden bricks: a kind of head no other test traces."""
    from dataclasses import replace

    lesson = seed_figure()
    hidden = tuple(replace(b, params={**b.params, "units": units}) for b in lesson.head[:-1])
    return replace(lesson, head=(*hidden, lesson.head[-1]))


def _traces(spec, data) -> int:
    """How many times the kind's answer, epochs and copies have been traced so far."""
    from minifig import graphs

    answer = graphs.CACHE._entries.get(graphs.answer_kind(spec, data.n_features))
    pool = graphs.CACHE._entries.get(Trainer(spec, data).graph_kind)
    epochs = [f for g in (pool.value._all if pool else []) for f in [*g._epochs.values(), g._copy._function]]
    functions = [answer.value.function] if answer else []
    return sum(f.experimental_get_tracing_count() for f in [*functions, *epochs])


def test_a_warmed_up_kind_is_asked_and_trained_without_tracing_again():
    """`warm_up` (run by the server for the lesson before its first learner trains) traces the kind's answer and
    its epochs; the next head and trainer of that kind, trained for many epochs, trace nothing."""
    from minifig.engine import Head, warm_up

    spec, data = _lesson_of_its_own_kind(17), load("seed")
    assert _traces(spec, data) == 0
    warm_up(spec, data)
    warmed = _traces(spec, data)
    assert warmed >= 3  # the answer, the epochs and the copy of a trainer's variables
    head = Head(spec, data.n_features)
    for rows in (1, 7, 274):  # the page asks about many questions at once, and about one
        head.predict(np.linspace(1, 10, rows).reshape(-1, 1))
    Trainer(spec, data, head=head).train(spec.training.epochs, spec.training.batch_size)
    assert _traces(spec, data) == warmed


def test_after_the_warm_up_as_many_learners_as_the_pool_holds_train_side_by_side_without_tracing():
    """A room presses Train at once: the warm-up traced a graph for each learner the kind's pool trains side by
    side (`GRAPHS_PER_KIND`), so those first learners, each holding a graph at the same time, trace nothing."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from minifig import graphs
    from minifig.engine import warm_up

    spec, data = _lesson_of_its_own_kind(19), load("seed")
    side_by_side = min(graphs.GRAPHS_PER_KIND, 2)  # the room below: on a machine of one core, one at a time
    warm_up(spec, data, side_by_side)
    pool = graphs.CACHE._entries[Trainer(spec, data).graph_kind].value
    assert len(pool._all) == side_by_side

    warmed = _traces(spec, data)
    all_hold_graphs = threading.Barrier(side_by_side)  # each waits, holding its graph, until all hold one
    trainers = [Trainer(spec, data) for _ in range(side_by_side)]
    with ThreadPoolExecutor(len(trainers)) as room:
        runs = [
            room.submit(t.train, 3, spec.training.batch_size, on_epoch=lambda _log: all_hold_graphs.wait(timeout=60))
            for t in trainers
        ]
        assert all(len(run.result().logs) == 3 for run in runs)
    assert len(pool._all) == side_by_side
    assert _traces(spec, data) == warmed


@pytest.mark.parametrize(
    "value",
    [np.arange(12, dtype="float32").reshape(3, 4), np.float32(0.001), np.int64(0), np.int32(7), np.zeros((0, 2))],
)
@pytest.mark.parametrize("trainable", [True, False])
def test_a_plain_variable_is_what_tf_variable_makes_of_the_same_value(value, trainable):
    import tensorflow as tf

    from minifig.engine import plain_variable

    made, theirs = plain_variable(value, trainable), tf.Variable(value, trainable=trainable)
    assert isinstance(made, tf.Variable)
    assert (made.shape, made.dtype, made.trainable) == (theirs.shape, theirs.dtype, theirs.trainable)
    np.testing.assert_array_equal(made.numpy(), theirs.numpy())
    made.assign(made + 1)  # a variable like any other: assigned eagerly, read in a traced function
    np.testing.assert_array_equal(tf.function(lambda v: v.read_value())(made).numpy(), np.asarray(value) + 1)
    np.testing.assert_array_equal(theirs.numpy(), value)  # each its own


def test_the_warm_up_traces_ahead_no_more_graphs_than_its_most(monkeypatch):
    """A server of many cores would trace a graph a core ahead, each holding the GIL while its first pages wait."""
    from minifig import engine, graphs

    monkeypatch.setattr(engine, "GRAPHS_PER_KIND", 3)  # the pool would lend three at once
    monkeypatch.setattr(engine, "WARM_UP_GRAPHS_MOST", 1)
    spec, data = _lesson_of_its_own_kind(23), load("seed")
    engine.warm_up(spec, data)
    assert len(graphs.CACHE._entries[Trainer(spec, data).graph_kind].value._all) == 1
