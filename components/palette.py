"""The palette: layer cards to drag into the head (or add with + or Enter; components/bricks.py)."""

import streamlit as st

from components.challenge import refuses_brick
from components.explain import render_why_when
from components.state import Ask, add_brick, ask, tr
from minifig.cards import LAYER, brick, cards_of
from minifig.head_edit import PALETTE, PALETTE_ITEM_PREFIX, can_add


def swatch(colour: str, text: str) -> str:
    return f'<span style="color:{colour}; font-size:1.2em">■</span> **{text}**'


def render_palette(images: bool) -> None:
    """The layer cards; image bricks (Conv2D, MaxPooling2D, Flatten) only when the data are images."""
    st.header(tr("ui.palette"))
    st.caption(tr("bricks.palette_help"))
    with st.container(key=PALETTE):
        for card in cards_of(LAYER):
            if card.offered_for == "images" and not images:
                continue
            with st.container(key=f"{PALETTE_ITEM_PREFIX}{card.id}", border=True):
                row = st.container(horizontal=True, vertical_alignment="center", gap="small")  # + never squeezed
                row.markdown(swatch(card.colour, card.label), unsafe_allow_html=True)
                row.button(
                    "＋",
                    key=f"add_{card.id}",
                    help=tr("ui.add", card=card.label),
                    on_click=_add,
                    args=(card.id,),
                    width="content",
                )
                st.caption(tr(f"explain.line.{card.id}"))
                render_why_when(brick(card.id), key=f"why_{card.id}")


def _add(card_id: str) -> None:
    if refuses_brick(len(st.session_state.head)):
        return
    if can_add(st.session_state.head):
        add_brick(card_id)
    else:
        ask(Ask.SAY_HEAD_FULL)
