"""The brick meter: how many weights each brick of the head keeps, their total, and how fast the last training ran.

The counts come from `minifig.summary` (shape-aware, without building the model), so the meter
moves as soon as a brick changes, before anything is compiled.
"""

from __future__ import annotations

from dataclasses import dataclass

from minifig.spec import FigureSpec
from minifig.summary import layer_infos


@dataclass(frozen=True)
class Meter:
    per_brick: tuple[int, ...]  # the weights of each brick of the head, top to bottom
    seconds_per_epoch: float | None = None  # of the last training, or None before any

    @property
    def total(self) -> int:
        return sum(self.per_brick)


def meter(spec: FigureSpec, n_features: int, last_run=None) -> Meter:
    """The meter of a valid figure (see `spec.problems`) on data with `n_features` inputs.

    Args:
        spec: the figure.
        n_features: the numbers each example gives the head.
        last_run: the last `history.TrainResult` (its seconds and epochs), or None.
    """
    per_brick = tuple(info.weights for info in layer_infos(spec, n_features))
    seconds = last_run.seconds / len(last_run.logs) if last_run is not None and last_run.logs else None
    return Meter(per_brick, seconds)


def duration_text(seconds: float) -> str:
    """A short duration as people read it: "0.62 ms", "48 ms", "1.3 s"."""
    if seconds < 0.01:
        return f"{seconds * 1000:.2f} ms"
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.1f} s"
