"""Minifig: build a real Keras model as a toy-brick figure and watch it learn.

Top to bottom: header and data → palette, head, torso, legs and the figure drawing → training →
asking the figure. Training itself starts last, when the whole page is already on screen.
"""

import streamlit as st

from components import board, challenge, lesson, room, state
from components.challenge_maker import render_challenge_maker
from components.compare import render_compare
from components.data import current_choice, render_data
from components.figure import render_compile, render_figure, render_fit_check, render_suggestions
from components.guard import shielded
from components.head import handle_drags, render_head
from components.header import render_header
from components.inside import render_inside
from components.meter import figure_meter, render_meter
from components.palette import render_palette
from components.parts import render_legs, render_torso
from components.plane import map_of
from components.predict import answering_head, render_prediction
from components.problems import render_problems
from components.results import render_results
from components.server import keep_sessions_apart
from components.take_home import render_take_home
from components.training import render_training
from minifig import fit_check, spec
from minifig.shapes import head_builds

st.set_page_config(page_title="Minifig", page_icon="🧱", layout="wide")
keep_sessions_apart()


@shielded
def page() -> None:
    state.init()
    if board.requested():  # the teacher's board link: the room, not a figure
        render_header()
        board.render_board()
        st.stop()
    lesson.init()
    challenge.init()
    render_header()
    state.show_notices("page")
    challenge.render_banner()
    room.render_join()
    lesson_place = st.container(key="lesson_bar")  # the lesson sits here, above the data
    with st.container(key="section_data"):
        choice = render_data() if challenge.shows("data") else current_choice()
        state.show_notices("data")
    data = choice.seen

    figure = state.figure()
    problems = [*spec.problems(figure), *choice.problems]
    misfits = [] if problems else fit_check.misfits(figure, data)
    answers = not problems and head_builds(figure, data.n_features)  # the head can be built, so it can be asked
    suggestions = [] if problems or misfits else fit_check.suggestions(figure, data)
    limits = challenge.broken_limits(figure)  # a challenge's, if the page is in one
    state.forget_stale_model(figure)
    counts = figure_meter(figure, data, usable=not problems)  # the brick meter
    if challenge.active() is None:  # a challenge is its own walk: the lesson would replace its figure
        with lesson_place:
            lesson.render_lesson(figure, misfits, lesson.progress(figure, fits=not problems and not misfits))

    build = st.container(key="section_build")
    palette_col, head_col, figure_col = build.columns([1, 1.3, 1.6], gap="medium")
    with palette_col:
        render_palette(images=data.image_shape is not None)
    with head_col:
        render_head(counts.per_brick if counts else None)
        if challenge.shows("torso"):
            render_torso()
        if challenge.shows("legs"):
            render_legs()
    with figure_col:
        render_figure(figure, misfits)
        render_meter(counts)
        render_problems(problems)
        render_fit_check(misfits)
        render_suggestions(suggestions)
        challenge.render_limits(figure, limits)
        render_compile(figure, [*problems, *limits], misfits, data)
    handle_drags()

    live_map = (lambda: map_of(answering_head(figure, data), choice)) if choice.is_plane and answers else None
    with st.container(key="section_train"):
        st.divider()
        ready = not problems and not misfits and not limits
        start_training = render_training(ready, live_map, yes_no=data.label_kind == "binary")
        challenge.render_result(figure)
    with st.container(key="section_ask"):
        st.divider()
        ask_col, results_col = st.columns([3, 2], gap="large")
        with ask_col:
            render_prediction(figure, choice, usable=answers)
    with results_col, st.container(key="section_results"):
        render_results(choice)
    with st.container(key="section_home"):
        st.divider()
        inside_col, home_col = st.columns(2, gap="large")
        with inside_col:
            if challenge.shows("inside"):
                render_inside(figure, data, usable=answers)
        with home_col:
            if challenge.shows("take_home"):
                render_take_home(figure, data, usable=not problems)
                render_challenge_maker(figure, usable=not problems)
    start_compare = None
    if challenge.shows("compare"):
        with st.container(key="section_compare"):
            st.divider()
            start_compare = render_compare(figure, choice, usable=not problems and not misfits)
    state.sync_address(figure, usable=not problems)

    room.note(figure)  # a learner in a challenge's room: the board hears of every step (at most once a second)
    if start_training:
        with room.posting_while_training(figure):
            start_training()
    elif start_compare:
        start_compare()


page()
