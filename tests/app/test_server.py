"""The page leaves Keras alone between runs: Streamlit's after-run clean-up would clear every session's state."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path

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


WARM_UP_THEN_COUNT = """
import gc, json
from components.server import _warm_up
_warm_up()
frozen, left = gc.get_freeze_count(), len(gc.get_objects())

class Knot:
    pass

knot = Knot()
knot.me = knot  # a cycle made after the freeze: garbage once dropped
del knot
print(json.dumps({"frozen": frozen, "left": left, "collected": gc.collect()}))
"""


def test_after_the_warm_up_what_the_server_holds_is_out_of_the_full_collections():
    """A server process after its warm-up: Python's, TensorFlow's, Keras's objects and the lesson's graphs frozen;
    the collector walks few; a cycle made later is still collected."""
    run = subprocess.run(
        [sys.executable, "-c", WARM_UP_THEN_COUNT],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"},
    )
    assert run.returncode == 0, run.stderr[-2000:]
    counts = json.loads(run.stdout.strip().splitlines()[-1])
    assert counts["frozen"] > 100_000  # TensorFlow and Keras alone are ~400,000 objects
    assert counts["left"] < counts["frozen"] / 20
    assert counts["collected"] >= 1  # the knot
