import functools

import pytest
from streamlit.components.v2 import manifest_scanner
from streamlit.testing.v1 import AppTest

APP = "../../app.py"

# Every new AppTest scans all installed packages for Streamlit component manifests (~0.1 s each: an eighth of the
# generated sweep's time). The installed packages do not change while the tests run: scan once.
manifest_scanner.scan_component_manifests = functools.cache(manifest_scanner.scan_component_manifests)


@pytest.fixture
def app() -> AppTest:
    """The page after its first run (TensorFlow's import and the first model need a generous timeout)."""
    return AppTest.from_file(APP, default_timeout=120).run()
