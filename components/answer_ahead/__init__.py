"""The answer ahead of the server (`ahead.js`): the question's slider says its new answer in the browser at once,
from a table of the answer at every stop of the slider; the page's run confirms it a moment later."""

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


def render_answer_ahead(table: dict[str, str]) -> None:
    """Mount the component with `table`: the slider's label of each stop (as the slider writes it) → the headline's
    words there. Stops whose words are not plain text are left out."""
    plain = {label: words for label, words in table.items() if not _MARKDOWN.search(words)}
    # `sent` changes every run, so the browser takes the new table even when it reads the same as the last one
    _ahead(data={"table": plain, "sent": time.time_ns()}, key="answer_ahead")
