"""Bricks in the hand: the component that lets the page's own palette cards and head bricks be dragged and moved
by key (components/bricks_frontend). It draws nothing of its own; each drop or key press sends one small edit
(see `minifig.head_edit.parse_event`), which `on_edit` applies before the page reruns.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st
import streamlit.components.v1 as components

EVENT_KEY = "bricks_hand"
_hand = components.declare_component("bricks_hand", path=str(Path(__file__).parent / "bricks_frontend"))


def render_hand(head: list[dict], names: dict[str, str], words: dict[str, str], on_edit: Callable[[], None]) -> None:
    """Mount the component once per page.

    Args:
        head: the head's bricks, top to bottom, as `{"uid": id, "card": card id}`.
        names: each layer card's name by id.
        words: the sentences the browser fills in (`{card}`, `{n}`, `{count}` left as placeholders).
        on_edit: called before the rerun a drop or key press starts; `last_edit()` holds what was sent.
    """
    _hand(head=head, cards=names, words=words, key=EVENT_KEY, default=None, on_change=on_edit, tab_index=-1)


def last_edit() -> object:
    return st.session_state.get(EVENT_KEY)
