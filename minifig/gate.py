"""A fair training gate: at most a few trainings run at once on a server; the others wait in line, and each is
told how many runs are ahead of it.

A room of learners pressing Train together would otherwise start thirty trainings on two cores: each crawls,
and the pages that are not training wait behind them all. With the gate each run has the cores it needs and
ends quickly, the next one starts, and a waiting learner sees the line move.

The line is of *learners*, not of requests (a learner is a browser: all its tabs are one learner), so one learner
with four tabs cannot take four places:
- **One place per learner.** A learner's newer request takes over their older one's place in line (the older one
  gives up, as if Stop had been pressed); it keeps that place, so pressing again never moves anyone back.
- **One run per learner at a time, and it holds up no one.** A request made while its learner is training waits
  for that run to end, and others behind it in line go past it meanwhile. When the run ends, the learner's
  request goes to the back of the line: everyone who was waiting gets a turn first, as in a round.
- **First come, first served** among everyone else. A waiting learner is told how many runs are ahead of it: those
  training now and the learners before it in line that will go first.

One gate serves a whole server (the page keeps it with `st.cache_resource`); it knows nothing of the page.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

POLL_SECONDS = 0.1  # how often a waiting run asks whether its learner still wants it


@dataclass
class _Place:
    learner: str
    ticket: int  # the order in line: smaller goes first
    request: int  # which of the learner's requests holds the place (a newer one takes it over)


class TrainingGate:
    """At most `slots` runs at once, one per learner; the rest queue, one place per learner, in the order they came.

    Args:
        slots: how many runs may train at the same time (a positive integer).

    Raises:
        ValueError: if `slots` is not a positive integer.
    """

    def __init__(self, slots: int):
        if not isinstance(slots, int) or isinstance(slots, bool) or slots < 1:
            raise ValueError(f"Received an invalid value for `slots`, expected a positive integer. Received: {slots}")
        self.slots = slots
        self._changed = threading.Condition()
        self._line: dict[str, _Place] = {}  # learner -> their one place
        self._training: dict[str, int] = {}  # learner -> their runs holding a slot (at most one)
        self._numbers = itertools.count()

    @property
    def running(self) -> int:
        return sum(self._training.values())

    @property
    def waiting(self) -> int:
        return len(self._line)

    @contextmanager
    def turn(
        self,
        learner: str | None = None,
        on_wait: Callable[[int], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> Iterator[bool]:
        """Wait for a free slot, hold it for the `with` block, then give it to the next in line.

        Args:
            learner: who asks (a browser); None counts as a learner of its own.
            on_wait: called while waiting, whenever the number of runs ahead changes (and first of all),
                with that number (those training now and those that will go before this one).
            should_stop: asked every `POLL_SECONDS` while waiting; True gives up the place in line.
                Either function may raise (a page rerun): the place in line is given up and the error passes on.

        Yields:
            True when this run holds a slot, False when it gave up waiting or a newer request of the same
            learner took its place (the block should not train).
        """
        number = next(self._numbers)
        learner = f"\0request {number}" if learner is None else learner
        with self._changed:
            place = self._line.get(learner)
            if place is None:
                self._line[learner] = _Place(learner, number, number)
            else:
                place.request = number  # the older request gives up; this one keeps its place
            self._changed.notify_all()
        holding, told = False, None
        try:
            while True:
                with self._changed:
                    place = self._line.get(learner)
                    if place is None or place.request != number:
                        break  # replaced by the learner's newer request
                    if self._next() is place:
                        del self._line[learner]
                        self._training[learner] = self._training.get(learner, 0) + 1
                        holding = True
                        self._changed.notify_all()
                        break
                    self._changed.wait(POLL_SECONDS)
                    ahead = self._ahead(learner)
                if ahead != told and ahead > 0 and on_wait is not None:
                    on_wait(ahead)
                told = ahead
                if should_stop is not None and should_stop():
                    break
        finally:
            if not holding:
                self._leave(learner, number)
        try:
            yield holding
        finally:
            if holding:
                self._finish(learner)

    def _next(self) -> _Place | None:
        """The place that takes the next free slot: the first in line whose learner is not training."""
        if self.running >= self.slots:
            return None
        ready = [place for place in self._line.values() if place.learner not in self._training]
        return min(ready, key=lambda place: place.ticket, default=None)

    def _ahead(self, learner: str) -> int:
        mine = self._line[learner]
        if learner in self._training:  # behind the learner's own run, then behind everyone waiting now
            return self.running + sum(1 for place in self._line.values() if place is not mine)
        before = sum(
            1 for place in self._line.values() if place.ticket < mine.ticket and place.learner not in self._training
        )
        return self.running + before

    def _finish(self, learner: str) -> None:
        with self._changed:
            self._training[learner] -= 1
            if not self._training[learner]:
                del self._training[learner]
            place = self._line.get(learner)
            if place is not None:  # the learner asked again while training: to the back of the line
                place.ticket = next(self._numbers)
            self._changed.notify_all()

    def _leave(self, learner: str, number: int) -> None:
        with self._changed:
            place = self._line.get(learner)
            if place is not None and place.request == number:
                del self._line[learner]
                self._changed.notify_all()
