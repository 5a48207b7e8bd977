"""Page title and language switch."""

import streamlit as st

from components.state import refresh_translated_choices, tr

LANGUAGE_NAMES = {"en": "English", "ko": "한국어"}


def render_header() -> None:
    title, language = st.columns([4, 1], vertical_alignment="center")
    title.title(tr("ui.title"))
    language.radio(
        tr("ui.language"),
        list(LANGUAGE_NAMES),
        key="lang",
        format_func=LANGUAGE_NAMES.get,
        horizontal=True,
        on_change=refresh_translated_choices,
    )
    st.caption(tr("ui.tagline"))
