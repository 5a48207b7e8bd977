"""The page leaves Keras alone between runs: Streamlit's after-run clean-up would clear every session's state."""

from __future__ import annotations

import sys
import types

from streamlit.runtime.scriptrunner import script_runner

from components.server import STREAMLIT_CLEAN_UP, keep_sessions_apart


def test_after_keep_sessions_apart_a_script_run_no_longer_clears_keras(monkeypatch):
    cleared = []
    fake_keras = types.SimpleNamespace(backend=types.SimpleNamespace(clear_session=lambda: cleared.append(True)))
    monkeypatch.setitem(sys.modules, "keras", fake_keras)
    monkeypatch.setattr(script_runner, "_clean_problem_modules", STREAMLIT_CLEAN_UP)  # as if no page had run yet
    script_runner._clean_problem_modules()
    assert cleared == [True]  # Streamlit's own clean-up (the hook this replaces still exists under its name)
    keep_sessions_apart()
    script_runner._clean_problem_modules()
    assert cleared == [True]
