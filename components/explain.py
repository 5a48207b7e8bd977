"""A card's "why / when" panel: a small button that opens two sentences and the card's tiny picture."""

import streamlit as st

from components.state import tr
from minifig.cards import Brick
from minifig.explain import picture


def render_why_when(brick: Brick, key: str, lead: str | None = None) -> None:
    """The panel; `lead`, if given, is the card's own one-line explanation, said first."""
    said = [lead] if lead else []
    said += [
        picture(brick, st.session_state.lang),
        f"**{tr('explain.why_title')}** — {tr(f'explain.why.{brick.card}')}",
        f"**{tr('explain.when_title')}** — {tr(f'explain.when.{brick.card}')}",
    ]
    with st.popover(tr("explain.button"), key=key, type="tertiary"):
        st.markdown("\n\n".join(said), unsafe_allow_html=True)  # one element: the page sends each on every run
