"""A fair training gate: at most a few trainings run at once on a server; the others wait in line, first come first
served, and are told how many runs are ahead of them.

A room of learners pressing Train together would otherwise start thirty trainings on two cores: each crawls,
and the pages that are not training wait behind them all. With the gate each run has the cores it needs and
ends quickly, the next one starts, and a waiting learner sees the line move.

One gate serves a whole server (the page keeps it with `st.cache_resource`); it knows nothing of the page.
"""

from __future__ import annotations

import itertools
import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager

POLL_SECONDS = 0.1  # how often a waiting run asks whether its learner still wants it


class TrainingGate:
    """At most `slots` runs at once; the rest queue in the order they came.

    Args:
        slots: how many runs may train at the same time (a positive integer).

    Raises:
        ValueError: if `slots` is not a positive integer.
    """

    def __init__(self, slots: int):
        if not isinstance(slots, int) or slots < 1:
            raise ValueError(f"Received an invalid value for `slots`, expected a positive integer. Received: {slots}")
        self.slots = slots
        self._changed = threading.Condition()
        self._line: deque[int] = deque()  # tickets waiting, first in front
        self._running = 0
        self._tickets = itertools.count()

    @property
    def running(self) -> int:
        return self._running

    @property
    def waiting(self) -> int:
        return len(self._line)

    @contextmanager
    def turn(
        self,
        on_wait: Callable[[int], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> Iterator[bool]:
        """Wait for a free slot, hold it for the `with` block, then give it to the next in line.

        Args:
            on_wait: called while waiting, whenever the number of runs ahead changes (and first of all),
                with that number (those training now and those before this one in the line).
            should_stop: asked every `POLL_SECONDS` while waiting; True gives up the place in line.
                Either function may raise (a page rerun): the place in line is given up and the error passes on.

        Yields:
            True when this run holds a slot, False when it gave up waiting (the block should not train).
        """
        ticket = next(self._tickets)
        told = None
        with self._changed:
            self._line.append(ticket)
        holding = False
        try:
            while True:
                with self._changed:
                    ahead = self._line.index(ticket)
                    if ahead == 0 and self._running < self.slots:
                        self._line.popleft()
                        self._running += 1
                        holding = True
                        self._changed.notify_all()
                        break
                    self._changed.wait(POLL_SECONDS)
                    ahead = self._running + self._line.index(ticket)
                if ahead != told and ahead > 0 and on_wait is not None:
                    on_wait(ahead)
                told = ahead
                if should_stop is not None and should_stop():
                    break
        finally:
            if not holding:
                self._leave(ticket)
        try:
            yield holding
        finally:
            if holding:
                with self._changed:
                    self._running -= 1
                    self._changed.notify_all()

    def _leave(self, ticket: int) -> None:
        with self._changed:
            if ticket in self._line:
                self._line.remove(ticket)
                self._changed.notify_all()
