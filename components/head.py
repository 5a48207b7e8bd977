"""The head: the figure's layer bricks, top to bottom, each with its settings and move/remove buttons."""

import streamlit as st

from components.bricks import last_edit, render_hand
from components.challenge import refuses_brick, show_brick_refusal
from components.palette import swatch
from components.state import Ask, ask, asked, make_item, param_key, tr
from minifig import head_edit
from minifig.cards import CATALOGUE, LAYER, Param, cards_of
from minifig.i18n import STRINGS
from minifig.spec import MAX_LAYERS

HAND_WORDS = ("card", "brick", "added", "moved", "removed")  # the sentences the browser side fills in


def render_head(weights: tuple[int, ...] | None = None) -> None:
    """The head's bricks; `weights` (the brick meter's count per brick, top to bottom) is shown on each card."""
    st.header(tr("ui.head"))
    st.caption(tr("ui.head_help"))
    if asked(Ask.SAY_HEAD_FULL):
        st.warning(tr("ui.head_full", n=MAX_LAYERS))
    show_brick_refusal()
    head = st.session_state.head
    with st.container(key=head_edit.HEAD):
        if not head:
            with st.container(key="head_drop", border=True, vertical_alignment="center"):
                st.markdown(tr("bricks.drop_here"))
        for i, item in enumerate(head):
            with st.container(key=f"{head_edit.BRICK_PREFIX}{item['uid']}", border=True):
                _brick(i, item, len(head))
                if weights is not None and i < len(weights):
                    measured = CATALOGUE[item["card"]].adapts  # keeps numbers that training does not change
                    line = tr("meter.brick_measured" if measured else "meter.brick", n=f"{weights[i]:,}")
                    st.caption(line, help=tr("meter.help_measured" if measured else "meter.help"))
    st.caption(tr("bricks.head_keys"))


def handle_drags() -> None:
    """Bricks in the hand: dragging and keys for the palette's cards and the head's bricks (draws nothing)."""
    render_hand(
        head=[{"uid": item["uid"], "card": item["card"]} for item in st.session_state.head],
        names={card.id: card.label for card in cards_of(LAYER)},
        words={name: tr(f"bricks.{name}", card="{card}", n="{n}", count="{count}") for name in HAND_WORDS},
        on_edit=_apply_hand_edit,
    )


def _apply_hand_edit() -> None:
    edit = head_edit.parse_event(last_edit(), cards=[card.id for card in cards_of(LAYER)])
    if edit is None:
        return
    before = st.session_state.head
    if edit.kind == "add" and refuses_brick(len(before)):
        return  # a challenge's limit: the head stays as it was, and says why
    if edit.kind == "add" and not head_edit.can_add(before):
        ask(Ask.SAY_HEAD_FULL)
        return
    st.session_state.head = head_edit.apply_edit(before, edit, make_item, lambda item: item["uid"])


def _brick(i: int, item: dict, count: int) -> None:
    """One brick: its title and move/remove buttons in one row, its settings two side by side below.

    Few containers on purpose: every element is a message the server sends on every run of the page."""
    card = CATALOGUE[item["card"]]
    row = st.container(horizontal=True, vertical_alignment="center", gap="small")
    row.markdown(swatch(card.colour, f"{i + 1}. {card.label}"), unsafe_allow_html=True)
    row.button("↑", key=f"up_{i}", help=tr("ui.up"), disabled=i == 0, on_click=_edit, args=(head_edit.move, i, i - 1))
    row.button(
        "↓",
        key=f"down_{i}",
        help=tr("ui.down"),
        disabled=i == count - 1,
        on_click=_edit,
        args=(head_edit.move, i, i + 1),
    )
    row.button("✕", key=f"remove_{i}", help=tr("ui.remove"), on_click=_edit, args=(head_edit.remove, i))
    if not card.params:
        return
    no_penalty = st.session_state.get(param_key(item["uid"], "regularizer")) == "none"
    for first in range(0, len(card.params), 2):  # two settings side by side (the head column is narrow), in the
        # card's order; one row element per pair, not columns (three elements: the page sends each on every run)
        with st.container(horizontal=True, gap="small"):
            for param in card.params[first : first + 2]:
                disabled = param.name == "reg_rate" and no_penalty
                _param_input(param, param_key(item["uid"], param.name), disabled)


def _param_input(param: Param, key: str, disabled: bool = False) -> None:
    label = tr(f"field.{param.name}")
    if param.type == "choice":
        names = {choice: _choice_name(choice) for choice in param.choices}  # words fixed now, in this language
        st.selectbox(label, param.choices, key=key, format_func=names.get)
    elif param.type == "int":
        st.number_input(label, step=1, key=key)
    elif param.high is not None and param.high <= 0.1:  # small rates such as a weight penalty
        st.number_input(label, step=0.001, format="%.4f", key=key, disabled=disabled)
    else:
        st.number_input(label, step=0.05, format="%.2f", key=key)


def _choice_name(choice: str) -> str:
    """A choice in words where it has some (no penalty, L1, L2); activation names stay as Keras spells them."""
    return tr(f"choice.{choice}") if f"choice.{choice}" in STRINGS else choice


def _edit(change, *args) -> None:
    st.session_state.head = change(st.session_state.head, *args)
