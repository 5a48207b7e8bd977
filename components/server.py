"""One server, a room of learners: what Streamlit does per script run that must not reach into other sessions.

After every script and fragment run, Streamlit calls `keras.backend.clear_session()` (its "problem modules" clean-up).
That is process-wide: it throws away TensorFlow's cache of instantiated functions for *every* session — each
learner's traced epoch is instantiated and optimised again on its next call — and runs a full garbage collection
(~0.25 s with TensorFlow loaded, holding the GIL). With thirty learners, every run of anyone's page slowed everyone
else's training. Minifig keeps no Keras state that needs clearing: each figure owns its model and variables (kept in
its session), the traced functions are shared by every figure of the same kind and take its variables as arguments
(`minifig.graphs.Graphs`), and Keras's own bookkeeping is per thread and every script run has a new thread.
So the Keras part of that clean-up is switched off; the rest of it (matplotlib's figures) is kept.

Streamlit also drops what a run has drawn but not yet sent when the next run starts: `deliver_now` waits for it to
leave before a run asks for the next one (`st.rerun`).

A server's first learner of the lesson would wait for TensorFlow to trace the lesson's figure (~0.4 s of their first
Train, more than the 100 epochs themselves): `warm_up_the_lesson` traces it once per server, in the background, after
the first page has been drawn; then what the server holds for good is left out of Python's full garbage collections
(`out_of_the_collectors_way`).
"""

from __future__ import annotations

import gc
import sys
import threading
import time

from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx, script_runner
from streamlit.runtime.scriptrunner_utils.script_requests import ScriptRequestType
from streamlit.runtime.scriptrunner_utils.script_run_context import ThreadState

STREAMLIT_CLEAN_UP = script_runner._clean_problem_modules  # Streamlit's own, as it was before any replacement


_warming = threading.Lock()
_warmed = False


def warm_up_the_lesson() -> None:
    """Once per server, in a thread of its own: trace the lesson's figure on its data, as its first learner's Compile
    and Train would (`minifig.engine.warm_up`). A later call, or a failure, does nothing: that learner traces it."""
    global _warmed
    with _warming:
        if _warmed:
            return
        _warmed = True
    threading.Thread(target=_warm_up, name="minifig-warm-up", daemon=True).start()


def _warm_up() -> None:
    from minifig import datasets
    from minifig.engine import warm_up
    from minifig.spec import seed_figure

    lesson = seed_figure()
    try:
        warm_up(lesson, datasets.load(lesson.dataset, seed=lesson.training.seed))
    except Exception:  # noqa: BLE001 - a warm-up is only ahead of time: the first learner does it otherwise
        pass
    out_of_the_collectors_way()


def out_of_the_collectors_way() -> None:
    """What the server holds for good by now (Python, TensorFlow, Keras, Streamlit and Plotly, ~400,000 objects, and
    the lesson's traced graphs) is left out of Python's full garbage collections from now on (`gc.freeze`).

    A full collection walked them all: ~0.25 s holding the GIL, 4 times in a room of 30 learners (1.0 s in all, every
    learner's page and training waiting meanwhile); with them frozen, 0.02-0.1 s each. Objects made later (the
    learners' figures) are collected as before; the frozen ones are still freed when nothing refers to them."""
    gc.collect()  # garbage now is not kept for good
    gc.freeze()


def keep_sessions_apart() -> None:
    """Replace Streamlit's after-run clean-up by one that leaves Keras and TensorFlow alone (idempotent)."""
    script_runner._clean_problem_modules = _close_matplotlib_figures


def _close_matplotlib_figures() -> None:
    plt = sys.modules.get("matplotlib.pyplot")
    if plt is not None:
        plt.close("all")


def part_alone() -> bool:
    """Whether this run is a fragment's alone (a click inside it), not the whole page's."""
    ctx = get_script_run_ctx()
    return bool(ctx is not None and ctx.fragment_ids_this_run)


def this_part() -> str | None:
    """The fragment that what is drawn now belongs to (its id, as the browser names it in a click), or None."""
    return ThreadState.get().fragment_id


def click_waiting(part: str | None) -> bool:
    """Whether the browser has asked, while this run goes on, for a run of `part` (a fragment's id, `this_part()`).

    A click inside a fragment does not interrupt the run in progress (Streamlit 1.67,
    `script_requests._fragment_run_should_not_preempt_script`): it waits for that run to end. Training asks here, so
    that Stop, drawn in the training's fragment, stops it; a click in another fragment (the question's slider) does
    not. A run of the whole page is asked through `get_run_yield_check` instead. False outside a server's run.
    """
    requests = getattr(get_script_run_ctx(), "script_requests", None)
    if part is None or getattr(requests, "_state", None) is not ScriptRequestType.RERUN:
        return False
    return part in (getattr(requests, "_rerun_data", None) and requests._rerun_data.fragment_id_queue or ())


def deliver_now(timeout: float = 0.3) -> None:
    """Wait, at most `timeout` seconds, until what this run has drawn so far has left for the browser.

    When a run starts, Streamlit clears its session's queue of messages not yet sent (Streamlit 1.67,
    `AppSession._clear_queue`): a view drawn just before `st.rerun()` would never reach the screen. The script's
    messages go to the server's event loop first, then into the session's queue, which the loop empties every few
    milliseconds. Without a server (AppTest) there is nothing to wait for; if Streamlit's inside has changed, the
    view is simply drawn again by the next run, as before (`tests/browser/test_training_end.py` would say so).
    """
    ctx = get_script_run_ctx()
    if ctx is None or not Runtime.exists():
        return
    try:
        info = Runtime.instance()._session_mgr.get_active_session_info(ctx.session_id)
        session = info.session
        queue, loop = session._browser_queue, session._event_loop
    except AttributeError:
        return
    handed = threading.Event()
    loop.call_soon_threadsafe(handed.set)  # runs after the messages the script has already handed to the loop
    deadline = time.monotonic() + timeout
    if not handed.wait(timeout):
        return
    while not queue.is_empty() and time.monotonic() < deadline:
        time.sleep(0.005)
