import pytest
from streamlit.testing.v1 import AppTest

APP = "../../app.py"


@pytest.fixture
def app() -> AppTest:
    """The page after its first run (TensorFlow's import and the first model need a generous timeout)."""
    return AppTest.from_file(APP, default_timeout=120).run()
