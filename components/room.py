"""A learner in a challenge's room: a nickname to join the teacher's board, and progress handed to the server's
poster (which writes it to the room store at most once a second). Also the server's secret, store and poster."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from components.state import tr
from minifig import signing
from minifig.room import NICKNAME_CHARS, Member, check_nickname, shown_name
from minifig.room_store import Poster, RoomStore, store_from_env
from minifig.spec import FigureSpec

log = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False)
def server_secret() -> bytes:
    return signing.server_secret()


@st.cache_resource(show_spinner=False)
def room_store() -> RoomStore | None:
    """The server's room store (None when MINIFIG_ROOM_STORE cannot be used: the board says so)."""
    try:
        return store_from_env()
    except ValueError as error:
        log.error("%s", error)
        return None


@st.cache_resource(show_spinner=False)
def poster() -> Poster | None:
    store = room_store()
    return Poster(store) if store is not None else None


def sealed() -> signing.SealedChallenge | None:
    """The sealed challenge this page is in, if any (set by `components.challenge`)."""
    return st.session_state.get("challenge_room")


def render_join() -> None:
    """The nickname input under the challenge's banner; a valid nickname puts the learner on the board."""
    room = sealed()
    if room is None or st.session_state.get("challenge_card") is None:
        return
    ss = st.session_state
    with st.container(key="room_join"):
        box, note_col = st.columns([1, 2], vertical_alignment="bottom")
        box.text_input(
            tr("room.nickname"),
            key="nickname",
            max_chars=NICKNAME_CHARS,
            help=tr("room.nickname_help", n=NICKNAME_CHARS),
        )
        name, problem = check_nickname(ss.nickname)
        member = ss.get("room_member")
        if problem is None and (member is None or member.nickname != name):
            ss.room_member = member = Member(name) if member is None else _renamed(member, name)
        if ss.nickname and problem is not None:
            note_col.warning(problem.text(ss.lang))
        elif member is None:
            note_col.caption(tr("room.not_joined"))
        elif poster() is None:
            note_col.caption(tr("room.unavailable"))
        else:
            note_col.caption(tr("room.joined", name=shown_name({"nickname": member.nickname})))


def note(figure: FigureSpec, training: bool = False) -> None:
    """Hand the learner's progress now to the poster (cheap: the entry is made when it is written)."""
    ss = st.session_state
    room, member, challenge, the_poster = sealed(), ss.get("room_member"), ss.get("challenge_card"), poster()
    if room is None or member is None or challenge is None or the_poster is None:
        return
    trainer = ss.trainer

    def entry(now: float) -> dict:
        history = list(trainer.history) if trainer is not None else []
        metric = trainer.metric_name if trainer is not None else "accuracy"
        validation = trainer.has_validation if trainer is not None else figure.training.validation_split > 0
        return member.entry(challenge, figure, history, metric, validation, training, now)

    the_poster.note(room.store_key, member.id, entry, live=training)


@contextmanager
def posting_while_training(figure: FigureSpec) -> Iterator[None]:
    """Around a training run: the learner is live (re-read every second) until the run ends, however it ends."""
    note(figure, training=True)
    try:
        yield
    finally:
        note(figure, training=False)


def _renamed(member: Member, name: str) -> Member:
    member.nickname = name
    return member
