"""Page title, the guided lesson's start, the copy-link button and the language switch, on one line."""

import streamlit as st

from components.copy import render_copy_button
from components.state import refresh_translated_choices, tr
from minifig.i18n import LANGUAGE_NAMES


def render_header() -> object:
    """The page's top line; returns the place beside the title where the lesson offers to start."""
    with st.container(key="page_top"):
        title, lesson, tools = st.columns([3, 2.4, 1.6], vertical_alignment="center")
        title.title(tr("ui.title"))
        title.caption(tr("ui.tagline"))
        with tools:
            row = st.container(horizontal=True, gap="small", vertical_alignment="center")
            row.radio(
                tr("ui.language"),
                list(LANGUAGE_NAMES),
                key="lang",
                format_func=LANGUAGE_NAMES.get,
                horizontal=True,
                on_change=refresh_translated_choices,
                label_visibility="collapsed",
            )
            with row:
                render_copy_link()
    return lesson


def render_copy_link() -> None:
    """A button that copies the page's address, which opens this same figure (a browser-side button: no rerun)."""
    render_copy_button("copy_link", tr("ui.copy_link"), tr("ui.copy_link_help"))
