"""Settings that cannot be used (10⁹ epochs, no eyes, …) and belong to no part of the figure, in plain words.
Those of the head, torso or legs are shown on their part (`components.figure.render_part_messages`)."""

import streamlit as st

from components.state import tr
from minifig.fit_check import Misfit


def render_problems(problems: list, marks: list[Misfit]) -> None:
    placed = [mark.reason for mark in marks]
    others = [problem for problem in problems if problem not in placed]
    with st.container(key="problems"):
        if others:
            lang = st.session_state.lang
            st.error(tr("ui.problems") + "\n" + "\n".join(f"- {p.text(lang)}" for p in others))
