"""The teacher's room board (opened with the board link): who joined, who trains, who reached the goal, refreshed
by itself; a spotlight draws one learner's figure and curves large for the projector; "clear the room"."""

from __future__ import annotations

import time

import streamlit as st

from components.room import room_store, server_secret
from components.state import tr
from minifig import room as core
from minifig import signing
from minifig.challenge import ChallengeError, goal_message
from minifig.charts import curves_figure
from minifig.datasets import DATASETS
from minifig.drawing import figure_svg
from minifig.room_store import RoomUnavailable

REFRESH_SECONDS = 3
NOBODY = None  # the spotlight's first choice; also what Streamlit falls back to when the chosen learner left
SAY_SECONDS = 15  # how long the board says what "Clear the room" did


def requested() -> bool:
    """Whether the address asks for a board (then the page is the board, whatever else it holds)."""
    return signing.wants_board({key: st.query_params.get_all(key) for key in st.query_params.keys()})


def render_board() -> None:
    query = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
    lang = st.session_state.lang
    try:
        sealed = signing.read_board_link(query, server_secret())
    except ChallengeError as error:
        st.error("  \n".join(problem.text(lang) for problem in error.problems))
        return
    if room_store() is None:
        st.error(tr("board.bad_store"))
        return
    challenge = sealed.challenge
    st.subheader(tr("board.title"), anchor=False)
    goal = goal_message(challenge).text(lang)
    st.markdown(tr("board.goal", data=tr(DATASETS[challenge.dataset].title_key), goal=goal))
    st.caption(tr("board.refreshes", n=REFRESH_SECONDS, hours=core.ENTRY_HOURS))
    _live(sealed)


@st.fragment(run_every=REFRESH_SECONDS)
def _live(sealed: signing.SealedChallenge) -> None:
    now = time.time()
    try:
        entries = core.standings(room_store().entries(sealed.store_key, now), sealed.challenge)
    except RoomUnavailable:
        st.warning(tr("board.unavailable"))
        return
    counts = core.counts(entries, now)
    joined, training, reached = st.columns(3)
    joined.metric(tr("board.joined"), counts.joined)
    training.metric(tr("board.training"), counts.training)
    reached.metric(tr("board.reached"), counts.reached)
    with st.container(key="board"):
        if entries:
            st.table(_table(entries, now), hide_index=True)
        else:
            st.info(tr("board.empty"))
    picked = st.selectbox(
        tr("board.spotlight"),
        [NOBODY, *(entry["id"] for entry in entries)],
        key="board_spotlight",
        placeholder=tr("board.spotlight_none"),  # shown when the learner chosen has left (cleared, expired)
        format_func=lambda learner: _name(entries, learner),
    )
    if picked is not NOBODY:
        _spotlight(next((entry for entry in entries if entry["id"] == picked), None))
    st.button(
        tr("board.clear"),
        key="board_clear",
        help=tr("board.clear_help"),
        icon=":material/delete_sweep:",
        on_click=_clear,
        args=(sealed,),
    )
    said = st.session_state.get("board_said")  # what clearing the room did, said for a few refreshes
    if said and time.monotonic() < said[2]:
        getattr(st, said[0])(tr(said[1]))


def _table(entries: list[dict], now: float) -> list[dict]:
    rows = []
    for rank, entry in enumerate(entries, start=1):
        reached = entry.get("reached")
        score = entry.get("score")
        rows.append(
            {
                tr("board.col_rank"): str(rank),
                tr("board.col_name"): f"**{core.shown_name(entry)}**" if reached else core.shown_name(entry),
                tr("board.col_goal"): ":material/emoji_events: " + tr("board.reached_row", ago=_ago(now - reached))
                if reached
                else tr("board.not_reached"),
                tr("board.col_score"): f"{score:.4f}" if isinstance(score, int | float) else "–",
                tr("board.col_epochs"): str(entry.get("epochs", 0)),
                tr("board.col_figure"): core.figure_words(core.entry_figure(entry)),
                tr("board.col_last"): tr("board.now_training")
                if core.is_training(entry, now)
                else _ago(now - entry.get("last", now)),
            }
        )
    return rows


def _spotlight(entry: dict | None) -> None:
    if entry is None:
        st.info(tr("board.spot_gone"))
        return
    lang = st.session_state.lang
    score = entry.get("score")
    with st.container(key="board_spot", border=True):
        title = tr(
            "board.spot_title",
            name=core.shown_name(entry),
            epochs=entry.get("epochs", 0),
            score=f"{score:.4f}" if isinstance(score, int | float) else "–",
        )
        st.subheader(title, anchor=False)
        figure_col, curves_col = st.columns([2, 3], gap="large")
        spec = core.entry_figure(entry)
        if spec is None:
            figure_col.info(tr("board.no_figure"))
        else:
            svg = figure_svg(spec, [], compiled=True, lang=lang)
            figure_col.markdown(" ".join(line.strip() for line in svg.splitlines()), unsafe_allow_html=True)
        history = core.entry_history(entry)
        if not history:
            curves_col.info(tr("board.untrained"))
            return
        chart = curves_figure(history, entry["metric"], entry["validation"], lang)
        chart.update_layout(height=460, font={"size": 16})
        curves_col.plotly_chart(chart, config={"displayModeBar": False}, key=f"spot_{entry['id']}")


def _clear(sealed: signing.SealedChallenge) -> None:
    try:
        room_store().clear(sealed.store_key)
        st.session_state.board_said = ("success", "board.cleared", time.monotonic() + SAY_SECONDS)
    except RoomUnavailable:
        st.session_state.board_said = ("warning", "board.unavailable", time.monotonic() + SAY_SECONDS)


def _name(entries: list[dict], learner: str | None) -> str:
    if learner is NOBODY:
        return tr("board.spotlight_none")
    entry = next((entry for entry in entries if entry["id"] == learner), {})
    name, problem = core.check_nickname(entry.get("nickname"))  # a selectbox shows plain text: no Markdown escapes
    return name if problem is None else "?"


def _ago(seconds: float) -> str:
    seconds = max(0, int(seconds))
    if seconds < 60:
        return tr("board.seconds_ago", n=seconds)
    if seconds < 3600:
        return tr("board.minutes_ago", n=seconds // 60)
    return tr("board.hours_ago", n=seconds // 3600)
