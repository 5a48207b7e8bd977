"""A run's messages reach the server's event loop in batches, not one wake-up each.

Streamlit 1.67 hands every element a script run draws to the session's event loop on its own
(`AppSession._on_scriptrunner_event` → `loop.call_soon_threadsafe`): a callback and a write to the loop's wake-up
socket per element, ~300 of each for a run of the page. `hand_messages_in_batches` makes the first message of a batch
schedule one callback; the messages after it join that batch until the callback takes them all and puts each, in
order, into the session's queue for the browser, as Streamlit's own handler does, waking the sending loop once.

Order is what matters. The loop runs its callbacks first in, first out, and Streamlit's handler of a run's start
empties the session's queue of messages not yet sent. So any other event (a run started, finished, stopped) closes
the open batch before it is scheduled, and a message after it opens a new batch, scheduled after that event: the loop
sees every message and event in the order the script made them. (A first try left the batch open across events: a
rerun's first messages could join the previous run's batch, reach the queue before their run's start, and be thrown
away with it; `tests/browser/test_loop.py` then waited forever on a page still "running".) `server.deliver_now`
relies on that order too.
"""

from __future__ import annotations

import threading

from streamlit.runtime.app_session import AppSession
from streamlit.runtime.scriptrunner import ScriptRunnerEvent

STREAMLIT_HANDLER = AppSession._on_scriptrunner_event  # Streamlit's own, as it was before any replacement
_OPEN = "_minifig_open_batch"  # on a session: the batch that messages join now, or None
_LOCK = "_minifig_batch_lock"  # on a session: its script thread and the event loop take turns at its open batch


def hand_messages_in_batches() -> None:
    """Replace Streamlit's hand-over of one message at a time by batches (idempotent)."""
    AppSession._on_scriptrunner_event = _on_scriptrunner_event


def _on_scriptrunner_event(self: AppSession, sender, event, forward_msg=None, **others) -> None:
    with _lock_of(self):  # scheduled while holding it: no other event can come between a batch and its place
        if event is ScriptRunnerEvent.ENQUEUE_FORWARD_MSG and forward_msg is not None and not others:
            batch = getattr(self, _OPEN, None)
            if batch is None:
                batch = []
                setattr(self, _OPEN, batch)
                self._call_soon_on_event_loop(lambda: _hand_over(self, batch))
            batch.append((sender, forward_msg))
            return
        setattr(self, _OPEN, None)  # what comes after this event is a batch of its own, handled after it
        STREAMLIT_HANDLER(self, sender, event, forward_msg, **others)


def _lock_of(session: AppSession) -> threading.Lock:
    """The session's own lock (one for the whole server made thirty learners' script threads queue for each other
    at every element: 4 % of a room's server time, py-spy)."""
    lock = session.__dict__.get(_LOCK)
    if lock is None:
        lock = session.__dict__.setdefault(_LOCK, threading.Lock())  # one lock even if two threads ask at once
    return lock


def _hand_over(session: AppSession, batch: list) -> None:
    """On the event loop: every message of `batch` into the session's queue for the browser, in order, as Streamlit's
    own handler puts them (`_handle_scriptrunner_event_on_event_loop`: a message from a runner that is no longer the
    session's is dropped), then one wake-up of the server's sending loop for the batch. Streamlit's handler wakes it
    for every message (`Runtime._enqueued_some_message` → `call_soon_threadsafe`, a write to the loop's wake-up socket
    from the loop itself): ~11 ms of server time per learner in a room of 30 (py-spy)."""
    with _lock_of(session):
        if getattr(session, _OPEN, None) is batch:
            setattr(session, _OPEN, None)  # closed: a later message starts a new batch
    try:
        runner, queue, wake = session._scriptrunner, session._browser_queue, session._message_enqueued_callback
    except AttributeError:  # Streamlit's inside has changed: its own handler, one message at a time
        for sender, message in batch:
            session._handle_scriptrunner_event_on_event_loop(sender, ScriptRunnerEvent.ENQUEUE_FORWARD_MSG, message)
        return
    handed = False
    for sender, message in batch:
        if sender is runner:
            queue.enqueue(message)
            handed = True
    if handed and wake is not None:
        wake()
