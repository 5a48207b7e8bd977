"""The answer ahead of the server (`ahead.js`): the question's sliders say their new answer in the browser at once,
from a table of the answer at every stop of each slider; the page's run confirms it a moment later."""

from __future__ import annotations

import re
import time
from pathlib import Path

import streamlit as st

# Words that Markdown would draw differently from how they are written (emphasis, code, links, maths, emoji
# short codes, HTML): the browser cannot write those itself, so the page's run answers them.
_MARKDOWN = re.compile(r"[\\`*_\[\]<>#|~&$]|:[\w+-]+:")

_ahead = st.components.v2.component(
    "minifig.answer_ahead", js=(Path(__file__).parent / "ahead.js").read_text(encoding="utf-8"), isolate_styles=False
)


def render_answer_ahead(tables: dict[str, dict[str, str]]) -> None:
    """Mount the component with `tables`: for each of the question's sliders (by its key), the slider's label of each
    of its stops (as the slider writes it) → the headline's words there, the other sliders staying where they are.
    Stops whose words are not plain text are left out."""
    plain = {
        key: {label: words for label, words in table.items() if not _MARKDOWN.search(words)}
        for key, table in tables.items()
    }
    # `sent` changes every run, so the browser takes the new tables even when they read the same as the last ones
    _ahead(data={"tables": plain, "sent": time.time_ns()}, key="answer_ahead")
