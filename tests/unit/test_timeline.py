import numpy as np
import pytest

from minifig.timeline import Timeline


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
