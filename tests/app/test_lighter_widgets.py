"""The widgets' one-key view of the session state (components/lighter_widgets.py) answers as Streamlit's own
`filtered_state` would, for every key any widget asks about, on whole walks of generated figures (both languages).
"""

import pytest
from hypothesis import HealthCheck, given, settings

from components import lighter_widgets
from minifig.cards import CATALOGUE
from tests.app.walk import Downloads, Walk, walk_page
from tests.figures import figures, fitting_figures, values


class CheckedView(lighter_widgets.OneKeyView):
    """The one-key view, each answer compared with the whole dict Streamlit would have built."""

    asked: list[str] = []
    differ: list[str] = []

    def __contains__(self, key):
        light, full = super().__contains__(key), key in self._state.filtered_state
        self._note(key, light, full, "in")
        return light

    def __getitem__(self, key):
        light, full = super().__getitem__(key), self._state.filtered_state[key]
        self._note(key, light, full, "value")
        return light

    def _note(self, key, light, full, what: str) -> None:
        CheckedView.asked.append(key)
        if not (light is full or light == full):
            CheckedView.differ.append(f"{key} {what}: {light!r} != {full!r}")


@pytest.fixture
def checked(monkeypatch):
    CheckedView.asked, CheckedView.differ = [], []
    monkeypatch.setattr(lighter_widgets, "VIEW", CheckedView)
    with pytest.MonkeyPatch.context() as patch:
        yield Downloads(patch)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(figure=figures() | fitting_figures(), lr=values(CATALOGUE["adam"].param("learning_rate")))
def test_every_widget_key_gets_the_answer_streamlits_whole_dict_gives(figure, lr, checked):
    walk = walk_page(Walk(figure), checked, lr)
    assert not walk.wrong, walk.wrong
    assert CheckedView.asked, "no widget asked the view: the widgets are not using it"
    assert not CheckedView.differ, CheckedView.differ[:10]
