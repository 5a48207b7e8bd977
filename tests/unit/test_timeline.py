import numpy as np
import pytest

from minifig.timeline import MAX_SNAPSHOTS, NUMBERS_BUDGET, Timeline, capacity_for, flat_weights, unflatten


def weights(epoch):
    return lambda: [np.full((3, 4), float(epoch)), np.full(4, float(epoch))]


def test_short_run_keeps_every_epoch():
    timeline = Timeline(capacity=50)
    for epoch in range(1, 31):
        timeline.offer(epoch, weights(epoch))
    assert timeline.epochs == list(range(1, 31))
    assert timeline.at(7)[1][0][0, 0] == 7.0


def test_5000_epochs_stay_within_capacity_evenly_spaced_and_keep_the_last():
    timeline, calls = Timeline(capacity=200), []

    def counted(epoch):
        calls.append(epoch)
        return weights(epoch)()

    for epoch in range(1, 5001):
        timeline.offer(epoch, lambda epoch=epoch: counted(epoch))
    timeline.finish(5000, weights(5000))
    kept = timeline.epochs
    assert len(kept) <= 201 and kept[-1] == 5000
    gaps = set(np.diff(kept[:-1]))
    assert gaps == {timeline.stride}
    assert timeline.numbers_kept() <= 201 * 16
    assert len(calls) < 1000  # weights are only read when kept (661 here), not every epoch


def test_travelling_between_snapshots_gives_the_one_before():
    timeline = Timeline(capacity=4)
    for epoch in range(1, 20):
        timeline.offer(epoch, weights(epoch))
    timeline.finish(19, weights(19))
    epoch, snapshot = timeline.at(13)
    assert epoch <= 13 and epoch in timeline.epochs and snapshot[1][0] == float(epoch)
    assert timeline.at(1)[0] == timeline.epochs[0]
    assert timeline.at(10_000)[0] == 19


def test_empty_timeline_has_nothing_to_travel_to():
    with pytest.raises(LookupError):
        Timeline().at(3)


def test_capacity_shrinks_for_big_heads_so_memory_stays_bounded():
    small, big = [np.zeros((64, 64)), np.zeros(64)], [np.zeros((1000, 1000))]
    assert capacity_for(small) == MAX_SNAPSHOTS
    assert capacity_for(big) == NUMBERS_BUDGET // 1_000_000
    assert capacity_for([np.zeros((4000, 4000))]) == 2


def test_flat_weights_round_trip_in_their_shapes():
    weights = [np.arange(6, dtype="float32").reshape(2, 3), np.array([7.0, 8.0, 9.0], dtype="float32")]
    back = unflatten(flat_weights(weights), [w.shape for w in weights])
    assert all(np.array_equal(a, b) and a.shape == b.shape for a, b in zip(weights, back, strict=True))
    with pytest.raises(ValueError, match="expected 9 numbers"):
        unflatten(np.zeros(8, dtype="float32"), [w.shape for w in weights])


# --- the engine keeps a timeline of its head ---------------------------------------------------


@pytest.fixture(scope="module")
def seed_run():
    from minifig.datasets import load
    from minifig.engine import Trainer
    from minifig.spec import seed_figure

    trainer = Trainer(seed_figure(), load("seed"))
    untrained = trainer.predict([[3.0]])[0, 0]
    trainer.train(100, 10)
    return trainer, untrained


def test_trainer_keeps_every_epoch_of_the_seed_run_from_before_training(seed_run):
    trainer, _ = seed_run
    assert trainer.timeline.epochs == list(range(0, 101))


def test_travelling_back_answers_as_then_and_leaves_the_trained_head_alone(seed_run):
    trainer, untrained = seed_run
    now = trainer.predict([[3.0]])[0, 0]
    kept, before = trainer.head_at(0)
    assert kept == 0 and before.predict([[3.0]])[0, 0] == pytest.approx(untrained, abs=1e-6)
    kept, early = trainer.head_at(1)
    assert kept == 1 and abs(early.predict([[3.0]])[0, 0] - untrained) < 0.05  # one step from the babble
    assert early is not trainer.head
    assert trainer.predict([[3.0]])[0, 0] == now  # the trained weights are untouched
    kept, last = trainer.head_at(100)
    assert kept == 100 and last.predict([[3.0]])[0, 0] == pytest.approx(now, abs=1e-6)


def test_training_again_continues_the_timeline_and_reset_clears_it():
    from minifig.datasets import load
    from minifig.engine import Trainer
    from minifig.spec import seed_figure

    trainer = Trainer(seed_figure(), load("seed"))
    trainer.train(3, 10)
    trainer.train(2, 10)
    assert trainer.timeline.epochs == [0, 1, 2, 3, 4, 5]
    trainer.reset()
    assert trainer.timeline.epochs == [0]


def test_a_long_run_keeps_a_bounded_evenly_spaced_timeline_and_its_last_epoch():
    from minifig.datasets import load
    from minifig.engine import Trainer
    from minifig.spec import seed_figure

    trainer = Trainer(seed_figure(), load("seed"))
    trainer.timeline.capacity = 20
    trainer.train(301, 10)
    kept = trainer.timeline.epochs
    assert len(kept) <= 21 and kept[0] == 0 and kept[-1] == 301
    assert set(np.diff(kept[:-1])) == {trainer.timeline.stride}
    assert trainer.head_at(301)[1].predict([[8.0]])[0, 0] == pytest.approx(trainer.predict([[8.0]])[0, 0], abs=1e-6)
