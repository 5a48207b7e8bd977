import pytest

from minifig.pace import PACES, Pacer


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize("pace", [p for p in PACES if p])
def test_epochs_come_at_most_pace_a_second_whatever_an_epoch_takes(pace):
    clock = Clock()
    pacer = Pacer(pace, clock)
    starts = []
    for took in [0.01, 0.3, 0.0, 2.0, 0.05, 0.01]:  # some epochs are quick, one is slower than the pace
        starts.append(clock.now)
        clock.now += took
        clock.now += pacer.wait()
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert all(gap >= 1 / pace - 1e-9 for gap in gaps), gaps
    assert gaps[0] == pytest.approx(max(1 / pace, 0.01))  # no waiting beyond the pace


def test_full_pace_never_waits():
    clock = Clock()
    pacer = Pacer(0, clock)
    assert [pacer.wait() for _ in range(3)] == [0.0, 0.0, 0.0]


def test_a_negative_pace_is_a_programmer_error():
    with pytest.raises(ValueError, match="pace"):
        Pacer(-1)
