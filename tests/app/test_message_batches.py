"""A run's messages in batches: the event loop still sees every message and event in the order the script made them."""

from __future__ import annotations

from collections import deque

from hypothesis import given, settings
from hypothesis import strategies as st
from streamlit.runtime.scriptrunner import ScriptRunnerEvent

from components import message_batches

MESSAGE = ScriptRunnerEvent.ENQUEUE_FORWARD_MSG
OTHER_EVENTS = (
    ScriptRunnerEvent.SCRIPT_STARTED,
    ScriptRunnerEvent.SCRIPT_STOPPED_WITH_SUCCESS,
    ScriptRunnerEvent.SCRIPT_STOPPED_FOR_RERUN,
    ScriptRunnerEvent.FRAGMENT_STOPPED_WITH_SUCCESS,
)


class LoopedSession:
    """An AppSession as far as the hand-over sees it: callbacks wait in a first-in, first-out loop until run; what
    reaches the queue for the browser and Streamlit's handler of other events lands in `handled`, in order."""

    def __init__(self) -> None:
        self.loop: deque = deque()
        self.handled: list = []
        self.wake_ups = 0  # of the session's event loop
        self.sends = 0  # wake-ups of the server's sending loop
        self._scriptrunner = "runner"
        self._browser_queue = self
        self._message_enqueued_callback = self._wake_sender

    def _call_soon_on_event_loop(self, callback) -> None:
        self.wake_ups += 1
        self.loop.append(callback)

    def _handle_scriptrunner_event_on_event_loop(self, sender, event, forward_msg=None, *rest) -> None:
        self.handled.append((event, forward_msg))

    def enqueue(self, message) -> None:
        self.handled.append((MESSAGE, message))

    def _wake_sender(self) -> None:
        self.sends += 1

    def run_loop(self, callbacks: int) -> None:
        for _ in range(min(callbacks, len(self.loop))):
            self.loop.popleft()()


def emit(session: LoopedSession, step) -> tuple:
    """The script thread's side of one step: a message (a number) or another event."""
    if isinstance(step, int):
        message_batches._on_scriptrunner_event(session, "runner", MESSAGE, forward_msg=step)
        return (MESSAGE, step)
    message_batches._on_scriptrunner_event(session, "runner", step)
    return (step, None)


steps = st.lists(
    st.one_of(st.integers(0, 10**6), st.sampled_from(OTHER_EVENTS)) | st.tuples(st.just("loop"), st.integers(0, 3)),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(steps)
def test_the_loop_handles_every_message_and_event_once_in_the_order_they_were_made(script):
    session = LoopedSession()
    made = []
    for step in script:
        if isinstance(step, tuple):  # the loop gets a turn between the script's steps
            session.run_loop(step[1])
        else:
            made.append(emit(session, step))
    session.run_loop(len(session.loop) + 1)
    assert session.handled == made


def test_a_reruns_first_messages_come_after_its_start_even_when_the_loop_has_not_caught_up():
    """The case a first try got wrong: messages, the run's end and the next run's start, then that run's messages, all
    made before the loop runs anything. The start empties the queue, so its run's messages must follow it."""
    session = LoopedSession()
    script = [1, 2, ScriptRunnerEvent.SCRIPT_STOPPED_FOR_RERUN, ScriptRunnerEvent.SCRIPT_STARTED, 3, 4]
    made = [emit(session, step) for step in script]
    session.run_loop(10)
    assert session.handled == made


def test_a_run_of_many_messages_wakes_the_loop_and_the_sender_once():
    session = LoopedSession()
    for number in range(300):
        emit(session, number)
    assert session.wake_ups == 1
    session.run_loop(1)
    assert session.sends == 1
    emit(session, 300)  # after the loop has taken the batch, a new one
    assert session.wake_ups == 2
    session.run_loop(1)
    assert [message for _, message in session.handled] == list(range(301))


def test_a_message_from_a_runner_no_longer_the_sessions_is_dropped_as_streamlit_drops_it():
    session = LoopedSession()
    emit(session, 1)
    message_batches._on_scriptrunner_event(session, "a runner shutting down", MESSAGE, forward_msg=2)
    emit(session, 3)
    session.run_loop(1)
    assert [message for _, message in session.handled] == [1, 3]
