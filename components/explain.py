"""A card's "why / when" panel: a small button that opens two sentences and the card's tiny picture."""

import streamlit as st

from components.state import tr
from minifig.cards import Brick
from minifig.explain import picture


def render_why_when(brick: Brick, key: str, lead: str | None = None) -> None:
    """The panel; `lead`, if given, is the card's own one-line explanation, said first."""
    with st.popover(tr("explain.button"), key=key, type="tertiary"):
        if lead:
            st.markdown(lead)
        st.markdown(picture(brick, st.session_state.lang), unsafe_allow_html=True)
        st.markdown(f"**{tr('explain.why_title')}** — {tr(f'explain.why.{brick.card}')}")
        st.markdown(f"**{tr('explain.when_title')}** — {tr(f'explain.when.{brick.card}')}")
