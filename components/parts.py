"""Torso (loss) and legs (optimizer with its learning rate), chosen as cards."""

import streamlit as st

from components.challenge import fixes, shows
from components.explain import render_why_when
from components.figure import render_part_messages
from components.state import tr
from minifig.cards import CATALOGUE, LOSS, OPTIMIZER, brick, cards_of
from minifig.fit_check import Misfit


def render_torso(marks: list[Misfit]) -> None:
    """The torso's card, with what does not fit about the torso."""
    with st.container(key="torso_card", border=True):
        _torso()
        if st.session_state.torso is not None:  # a missing torso: the empty choice itself asks for one
            render_part_messages("torso", marks)


def render_legs(marks: list[Misfit]) -> None:
    """The legs' card, with what does not fit about the legs (e.g. a learning rate out of bounds)."""
    with st.container(key="legs_card", border=True):
        _legs(marks)


def _torso() -> None:
    row = _card_row()
    choice = row.selectbox(
        tr("ui.torso"),
        [c.id for c in cards_of(LOSS)],
        key="torso",
        disabled=fixes("torso"),
        format_func=_label,
        placeholder=tr("ui.pick_torso"),
    )
    with row:
        _explain(choice)


def _legs(marks: list[Misfit]) -> None:
    row = _card_row()
    choice = row.selectbox(
        tr("ui.legs"),
        [c.id for c in cards_of(OPTIMIZER)],
        key="legs",
        disabled=fixes("legs"),
        format_func=_label,
        placeholder=tr("ui.pick_legs"),
        on_change=_legs_changed,
    )
    with row:
        _explain(choice)
    if choice is not None:  # right under the choice, above the learning rate it may be about
        render_part_messages("legs", marks)
    if choice is None or not shows("lr"):
        return
    names = [p.name for p in CATALOGUE[choice].params]
    settings = st.container(horizontal=True, gap="small")
    settings.number_input(tr("field.learning_rate"), step=0.0005, format="%.4f", key="lr", disabled=fixes("legs"))
    if "momentum" in names:
        settings.number_input(tr("field.momentum"), step=0.05, format="%.2f", key="momentum", disabled=fixes("legs"))


def _card_row():
    """The row for the part's choice and, beside it, the why / when panel (which also holds the card's explanation):
    one row element, the choice taking what the panel's button leaves."""
    return st.container(horizontal=True, gap="small", vertical_alignment="bottom")


def swatch_mark(colour: str) -> str:
    return f'<span style="color:{colour}" aria-hidden="true">■</span> '


def _label(card_id: str) -> str:
    return CATALOGUE[card_id].label


def _explain(card_id: str | None) -> None:
    if card_id is not None:
        card = CATALOGUE[card_id]
        settings = {"momentum": st.session_state.momentum} if card.id == "sgd" else {}
        lead = swatch_mark(card.colour) + tr(f"explain.line.{card.id}")
        render_why_when(brick(card_id, **settings), key=f"why_{card.kind}", lead=lead)


def _legs_changed() -> None:
    """A new pair of legs starts from its own usual learning rate."""
    legs = st.session_state.legs
    if legs is not None:
        st.session_state.lr = CATALOGUE[legs].defaults()["learning_rate"]
