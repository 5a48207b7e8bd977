"""Settings that cannot be used (0 units, 10⁹ epochs, …), listed in plain words."""

import streamlit as st

from components.state import tr


def render_problems(problems: list) -> None:
    with st.container(key="problems"):
        if problems:
            lang = st.session_state.lang
            st.error(tr("ui.problems") + "\n" + "\n".join(f"- {p.text(lang)}" for p in problems))
