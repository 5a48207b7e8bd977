"""One server, a room of learners: what Streamlit does per script run that must not reach into other sessions.

After every script and fragment run, Streamlit calls `keras.backend.clear_session()` (its "problem modules" clean-up).
That is process-wide: it throws away TensorFlow's cache of instantiated functions for *every* session — each
learner's traced epoch is instantiated and optimised again on its next call — and runs a full garbage collection
(~0.25 s with TensorFlow loaded, holding the GIL). With thirty learners, every run of anyone's page slowed everyone
else's training. Minifig keeps no Keras state that needs clearing: each figure owns its model and variables (kept in
its session), the traced functions are shared by every figure of the same kind and take its variables as arguments
(`minifig.graphs.Graphs`), and Keras's own bookkeeping is per thread and every script run has a new thread.
So the Keras part of that clean-up is switched off; the rest of it (matplotlib's figures) is kept.
"""

from __future__ import annotations

import sys

from streamlit.runtime.scriptrunner import script_runner

STREAMLIT_CLEAN_UP = script_runner._clean_problem_modules  # Streamlit's own, as it was before any replacement


def keep_sessions_apart() -> None:
    """Replace Streamlit's after-run clean-up by one that leaves Keras and TensorFlow alone (idempotent)."""
    script_runner._clean_problem_modules = _close_matplotlib_figures


def _close_matplotlib_figures() -> None:
    plt = sys.modules.get("matplotlib.pyplot")
    if plt is not None:
        plt.close("all")
