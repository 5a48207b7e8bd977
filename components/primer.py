"""On a page's first run, one hidden widget of each kind comes first, and the page waits a moment before it draws
itself: by then the browser runs those widgets' scripts, and the page's own widgets draw as they arrive.

Streamlit 1.67 draws each kind of widget with a script of its own, which React loads when the first widget of that
kind is drawn (`React.lazy`): until the script has run, that widget and every widget of any kind still waiting for
its script show as grey placeholders (skeletons), and React reveals them together. A fresh page's ~100 widgets
arrived within ~0.4 s, all waited, and were revealed in one go ~0.5 s after the last one, Compile with them. React
waits on a kind's script once; after that a widget of that kind is drawn the moment it arrives.

`primed_widget_scripts` (around the page) draws, on a session's first run in a browser, one element of each kind in
`KINDS` into a container (`primer`) in Streamlit's event container, which the browser never shows (Streamlit draws it
`display: none`; it holds the page's style sheets), and waits `WAIT_SECONDS` before the page goes on: the browser
draws them and runs their scripts meanwhile (already fetched: components/preload.py names them in the page's head).
At the end of the run the container's slot is emptied, and every later run draws the empty slot in its place, so no
other element moves. Where Streamlit's event container cannot be had (its inside changed), nothing is primed.

Measured in Chromium at 1400×900, fresh pages, the servers side by side and the pages interleaved (10 each), open →
Compile on screen, median: 2.04 s before, 2.02 s with the preloads alone, 1.80 s with the primers too; the run over
(Streamlit's `notRunning`) 2.09 → 1.87 s despite the wait. Waits tried (8 pages each): 0.001 s changed nothing, 0.08 s
was too short for some pages, 0.15 s and 0.3 s did as well as each other.

`tests/app/test_first_paint.py` checks that every kind of element a first page draws (each data set's) is primed
here or needs no script of its own, and that no primer is for a kind no first page draws; AppTest has no browser,
so nothing is primed there. `tests/browser/test_first_paint.py` checks that the primers reach the browser before the
page, are never on screen, and are gone after the first run.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy as np
import streamlit as st
from streamlit import config
from streamlit.delta_generator import DeltaGenerator

KEY = "primer"  # the primers' container
PRIMED = "primed"  # its key in the session state (components.state declares it)
WAIT_SECONDS = 0.15  # for the browser to draw the primers and run their scripts before the page's own arrive

# One element of each kind a first page draws with a script Streamlit loads when first needed (a select slider is
# drawn by the slider's script, a toggle by the checkbox's). An HTML Markdown loads the Markdown's HTML reader:
# without it, each such Markdown shows a skeleton until the reader has come.
KINDS: dict[str, Callable[[str], object]] = {
    "button": lambda key: st.button("·", key=key),
    "checkbox": lambda key: st.checkbox("·", key=key),
    "download_button": lambda key: st.download_button("·", b"", key=key),
    "file_uploader": lambda key: st.file_uploader("·", key=key),
    "html": lambda key: st.html("<span>·</span>"),
    "image": lambda key: st.image(np.zeros((1, 1, 3), dtype=np.uint8)),
    "markdown": lambda key: st.markdown("<span>·</span>", unsafe_allow_html=True),
    "multiselect": lambda key: st.multiselect("·", ["·"], key=key),
    "number_input": lambda key: st.number_input("·", key=key),
    "progress": lambda key: st.progress(0),
    "radio": lambda key: st.radio("·", ["·"], key=key),
    "selectbox": lambda key: st.selectbox("·", ["·"], key=key),
    "slider": lambda key: st.slider("·", key=key),
    "text_input": lambda key: st.text_input("·", key=key),
}


@contextmanager
def primed_widget_scripts() -> Iterator[None]:
    """Around the page: the primers first on a session's first run in a browser; then the page; then the primers'
    slot emptied. A run that ends early (a rerun, a stop) leaves them hidden until the next run empties the slot."""
    hidden = _event_container()
    slot = hidden.empty() if hidden is not None else None
    if slot is None or st.session_state.get(PRIMED) or config.get_option("global.appTest"):
        yield
        return
    st.session_state[PRIMED] = True
    with slot.container(key=KEY):
        draw_primers()
    time.sleep(WAIT_SECONDS)
    yield
    slot.empty()


def _event_container() -> DeltaGenerator | None:
    """Streamlit's event container (where `st.html` puts a page's style sheets): drawn, never shown."""
    try:
        from streamlit.delta_generator_singletons import get_dg_singleton_instance

        return get_dg_singleton_instance().event_dg
    except (ImportError, AttributeError, RuntimeError):
        return None


def draw_primers() -> None:
    for kind, draw in KINDS.items():
        draw(f"{KEY}_{kind}")
