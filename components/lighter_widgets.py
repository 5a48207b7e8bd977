"""Widgets that look up their own key, not the whole session state.

Streamlit 1.67 builds `filtered_state` — a dict of *every* session-state entry, each read through its presenter —
each time a number input, select box, radio, slider or text input is drawn, only to ask whether the widget's own key
holds None (`number_input.py`: `key in session_state and session_state[key] is None`). The page draws ~35 such
widgets per run over ~200 entries: 9 % of a room's server time went there (py-spy, `bench/load.py`).

`lighten_widgets` hands those widget modules a session state whose `filtered_state` answers the one key asked, with
the same lookup (`SessionState[key]`), and builds the whole dict only if something iterates it.
`tests/app/test_lighter_widgets.py` runs the page with every answer checked against Streamlit's own dict.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from streamlit.elements.widgets import number_input, radio, selectbox, slider, text_widgets
from streamlit.runtime.state import get_session_state

WIDGET_MODULES = (number_input, radio, selectbox, slider, text_widgets)  # each reads `get_session_state()` itself


class OneKeyView(Mapping):
    """`filtered_state` as the widgets use it: one key at a time. Iterating builds Streamlit's whole dict."""

    __slots__ = ("_state",)

    def __init__(self, state) -> None:
        self._state = state  # Streamlit's SafeSessionState

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._state

    def __getitem__(self, key: str) -> Any:
        return self._state[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._state.filtered_state)

    def __len__(self) -> int:
        return len(self._state.filtered_state)


class _LightSessionState:
    """Streamlit's session state, but `filtered_state` is a `OneKeyView` (everything else is passed through)."""

    __slots__ = ("_state",)

    def __init__(self, state) -> None:
        self._state = state

    @property
    def filtered_state(self) -> Mapping:
        return VIEW(self._state)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._state, name)


VIEW = OneKeyView  # replaced by a checking view in the tests


def _light_session_state() -> _LightSessionState:
    return _LightSessionState(get_session_state())


def lighten_widgets() -> None:
    """Give the widget modules the light session state (idempotent)."""
    for module in WIDGET_MODULES:
        module.get_session_state = _light_session_state
