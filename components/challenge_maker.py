"""The teacher's panel: a challenge on the data chosen now, with a goal, limits and hidden controls, as a link."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from components.card import page_link
from components.copy import render_link
from components.data import current_choice
from components.room import server_secret
from components.state import tr
from minifig import challenge as core
from minifig import signing, url_state
from minifig.datasets import DATASETS
from minifig.drawing import brick_label
from minifig.spec import FigureSpec


def render_challenge_maker(spec: FigureSpec, usable: bool) -> None:
    with st.expander(tr("challenge.make")):
        st.caption(tr("challenge.make_help"))
        if spec.dataset not in DATASETS:
            st.info(tr("challenge.no_csv"))
            return
        with_validation = spec.training.validation_split > 0
        goals = core.goals_for(spec.dataset, with_validation)
        names = {goal: tr(f"challenge_goal.{goal}", target="").strip() for goal in goals}
        row = st.container(horizontal=True, gap="small", vertical_alignment="bottom")
        goal = row.selectbox(tr("challenge.pick_goal"), goals, key="challenge_make_goal", format_func=names.get)
        kind = core.GOALS[goal].kind
        high = core.TARGETS[kind].high
        target = row.number_input(
            tr("challenge.pick_target"),
            0.0,
            high,
            value=min(high, core.TARGETS[kind].default),
            step=0.01,
            format="%.3f",
            key=f"challenge_make_target_{kind}",
        )
        if not with_validation:
            st.caption(tr("challenge.needs_val"))
        row = st.container(horizontal=True, gap="small", vertical_alignment="bottom")
        bricks = row.number_input(
            tr("challenge.pick_bricks"), 0, core.MAX_BRICKS.high, value=len(spec.head), key="challenge_make_bricks"
        )
        units = row.number_input(
            tr("challenge.pick_units"), 0, int(core.MAX_UNITS.high), value=0, key="challenge_make_units"
        )
        fix_torso = spec.torso is not None and st.checkbox(
            tr("challenge.fix_torso", card=brick_label(spec.torso)), key="challenge_make_torso"
        )
        fix_legs = spec.legs is not None and st.checkbox(
            tr("challenge.fix_legs", card=brick_label(spec.legs)), key="challenge_make_legs"
        )
        keep_head = st.checkbox(tr("challenge.keep_head"), key="challenge_make_head")
        controls = {control: tr(f"challenge_control.{control}") for control in core.HIDEABLE}
        hidden = st.multiselect(
            tr("challenge.pick_hidden"),
            list(core.HIDEABLE),
            key="challenge_make_hidden",
            format_func=controls.get,
            placeholder=tr("challenge.hide_none"),
        )
        challenge = core.Challenge(
            spec.dataset,
            goal,
            float(target),
            spec.training.validation_split,
            spec.samples,
            spec.noise,
            int(bricks) or None,
            int(units) or None,
            spec.torso if fix_torso else None,
            spec.legs if fix_legs else None,
            tuple(hidden),
        )
        start = spec if keep_head else replace(spec, head=())
        with st.container(key="challenge_link"):
            if not usable:
                st.info(tr("challenge.needs_figure"))
                return
            try:
                core.parse(core.encode(challenge))  # the learner's page will read it exactly so
            except core.ChallengeError as error:
                st.warning("  \n".join(p.text(st.session_state.lang) for p in error.problems))
                return
            reasons = core.unwinnable(challenge, current_choice().seen, start)
            if reasons:  # a fixed or hidden part that cannot fit, or limits no head can keep: never a link
                lang = st.session_state.lang
                st.error("  \n".join([tr("challenge.unwinnable"), *(f"- {reason.text(lang)}" for reason in reasons)]))
                return
            if st.session_state.room_id is None:  # one room per teacher's session
                st.session_state.room_id = signing.new_room()
            room = st.session_state.room_id
            st.markdown(tr("room.learners_link"))
            render_link(challenge_link(start, challenge, room), key="copy_challenge_link")
        with st.container(key="board_link"):
            st.markdown(tr("room.board_link"))
            render_link(board_link(challenge, room), key="copy_board_link")


def challenge_link(start: FigureSpec, challenge: core.Challenge, room: str) -> str:
    """The learners' link: the page's address with their starting figure and the sealed challenge."""
    return page_link({**url_state.to_query(start), **signing.learners_query(challenge, room, server_secret())})


def board_link(challenge: core.Challenge, room: str) -> str:
    """The teacher's board link: the room's challenge and the teacher's key, nothing of the page's own address."""
    return page_link(signing.board_query(challenge, room, server_secret()), with_extras=False)
