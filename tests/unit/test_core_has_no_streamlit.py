"""The core package never imports Streamlit: every module of `minifig` imports cleanly in a fresh interpreter."""

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import minifig

ROOT = Path(__file__).resolve().parents[2]
MODULES = sorted(f"minifig.{m.name}" for m in pkgutil.iter_modules(minifig.__path__))

PROBE = """
import importlib, json, sys
modules = json.loads(sys.argv[1])
for name in modules:
    importlib.import_module(name)
print(json.dumps({
    "imported": sorted(m for m in modules if m in sys.modules),
    "streamlit": sorted(m for m in sys.modules if m == "streamlit" or m.startswith("streamlit.")),
}))
"""


def test_every_core_module_is_found():
    expected = {"cards", "i18n", "spec", "datasets", "fit_check", "build", "engine"}
    assert {f"minifig.{name}" for name in expected} <= set(MODULES)


def test_importing_every_core_module_does_not_import_streamlit():
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(MODULES)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["imported"] == MODULES
    assert report["streamlit"] == [], f"the core pulled in {report['streamlit'][:5]}"


def test_the_probe_would_notice_streamlit():
    # The check itself must be able to fail: importing streamlit in the same probe is seen.
    result = subprocess.run(
        [sys.executable, "-c", "import streamlit\n" + PROBE, json.dumps(["minifig.i18n"])],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "streamlit" in json.loads(result.stdout.strip().splitlines()[-1])["streamlit"]
