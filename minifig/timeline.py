"""Time travel: the head's weights as they were after earlier epochs, in bounded memory.

Every epoch is offered; while there is room each is kept. When the store is full, every other
snapshot is dropped and only every second epoch is kept from then on, so however long the run,
at most `capacity` evenly spaced snapshots remain, plus the last epoch of the run (`finish`).

The weights travel as one flat float32 array per epoch (`flat_weights`, `unflatten`): the engine's
traced epoch returns them with its numbers, so keeping an epoch costs no extra TensorFlow call.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

MAX_SNAPSHOTS = 200
NUMBERS_BUDGET = 2_000_000  # at most this many weights kept per timeline (8 MB of float32), whatever the head


def capacity_for(weights: Sequence) -> int:
    """How many snapshots of a head with these weights (anything with a `.shape`) fit in `NUMBERS_BUDGET`."""
    numbers = max(1, sum(math.prod(w.shape) for w in weights))
    return max(2, min(MAX_SNAPSHOTS, NUMBERS_BUDGET // numbers))


def flat_weights(weights: Sequence[np.ndarray]) -> np.ndarray:
    """Every weight in one float32 row, in order."""
    if not weights:
        return np.zeros(0, dtype="float32")
    return np.concatenate([np.asarray(w, dtype="float32").reshape(-1) for w in weights])


def unflatten(flat: np.ndarray, shapes: Sequence[tuple[int, ...]]) -> list[np.ndarray]:
    """The weights of `flat_weights` back in their shapes.

    Raises:
        ValueError: `flat` does not hold exactly the numbers of `shapes`.
    """
    sizes = [math.prod(shape) for shape in shapes]
    if sum(sizes) != len(flat):
        raise ValueError(
            f"Received weights that do not fit the head, expected {sum(sizes)} numbers. Received: {len(flat)}"
        )
    ends = np.cumsum(sizes)
    return [flat[end - size : end].reshape(shape) for end, size, shape in zip(ends, sizes, shapes, strict=True)]


@dataclass
class Timeline:
    capacity: int = MAX_SNAPSHOTS
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
