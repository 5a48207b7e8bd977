"""Time travel: the head's weights as they were after earlier epochs, in bounded memory.

Every epoch is offered; while there is room each is kept. When the store is full, every other
snapshot is dropped and only every second epoch is kept from then on, so however long the run,
at most `capacity` evenly spaced snapshots remain, plus the last epoch of the run (`finish`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np


@dataclass
class Timeline:
    capacity: int = 200
    stride: int = 1
    snapshots: dict[int, list[np.ndarray]] = field(default_factory=dict)
    latest: tuple[int, list[np.ndarray]] | None = None

    def offer(self, epoch: int, weights: Callable[[], list[np.ndarray]]) -> None:
        """Keep the weights after `epoch` if it is due; `weights` is only called when they are kept."""
        if epoch % self.stride:
            return
        self.snapshots[epoch] = weights()
        if len(self.snapshots) > self.capacity:
            self.stride *= 2
            self.snapshots = {e: w for e, w in self.snapshots.items() if e % self.stride == 0}
        if self.latest and self.latest[0] <= epoch:
            self.latest = None

    def finish(self, epoch: int, weights: Callable[[], list[np.ndarray]]) -> None:
        """Make sure the last epoch of a run can be travelled to, even when it was not due."""
        if epoch not in self.snapshots:
            self.latest = (epoch, weights())

    @property
    def epochs(self) -> list[int]:
        """The epochs that can be travelled to, in order."""
        kept = sorted(self.snapshots)
        return kept + [self.latest[0]] if self.latest else kept

    def at(self, epoch: int) -> tuple[int, list[np.ndarray]]:
        """The snapshot nearest before or at `epoch` (the earliest kept one if `epoch` is before all).

        Raises:
            LookupError: nothing has been kept yet.
        """
        if self.latest and epoch >= self.latest[0]:
            return self.latest
        kept = sorted(self.snapshots)
        if not kept:
            raise LookupError("The timeline is empty.")
        chosen = max((e for e in kept if e <= epoch), default=kept[0])
        return chosen, self.snapshots[chosen]

    def numbers_kept(self) -> int:
        stored = list(self.snapshots.values()) + ([self.latest[1]] if self.latest else [])
        return sum(array.size for weights in stored for array in weights)
