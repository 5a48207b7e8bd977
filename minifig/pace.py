"""The training pace: as fast as it goes, or slow enough to watch, down to one epoch a second.

A `Pacer` only says how long to wait after an epoch so that epochs come at most `pace` a second; the page waits
(and keeps listening for Stop while it does).
"""

from __future__ import annotations

import time
from collections.abc import Callable

PACES = (0, 10, 3, 1)  # epochs a second; 0 = as fast as it goes (the default)


class Pacer:
    """Epochs at most `pace` a second (0: no waiting at all). Call `wait` after each epoch."""

    def __init__(self, pace: float, clock: Callable[[], float] = time.perf_counter):
        if pace < 0:
            raise ValueError(
                f"Received an invalid value for `pace`, expected 0 or more epochs a second. Received: {pace}"
            )
        self.pace, self._clock = pace, clock
        self._next = clock() + self.interval

    @property
    def interval(self) -> float:
        return 1.0 / self.pace if self.pace else 0.0

    def wait(self) -> float:
        """The seconds left before the next epoch may start (0 at full pace); the next one is due an interval on."""
        if not self.pace:
            return 0.0
        now = self._clock()
        left = max(0.0, self._next - now)
        self._next = max(self._next, now) + self.interval
        return left
