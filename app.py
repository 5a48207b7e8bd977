"""Minifig: build a real Keras model as a toy-brick figure and watch it learn.

The page is one screen of workbench — the bricks, the head, torso and legs, the figure with Compile, and training
with the question — above tabs that hold the rest: data, results, look inside, take home, compare, the challenge
maker. The data are read first (their tab is drawn below the workbench); training itself starts last, when the
whole page is already on screen.
"""

import streamlit as st

from components import board, challenge, lesson, room, state, style
from components.challenge_maker import render_challenge_maker
from components.compare import render_compare
from components.data import current_choice, render_data
from components.figure import (
    compile_if_asked,
    not_ready,
    render_compile,
    render_figure,
    render_fit_check,
    render_part_messages,
    render_suggestions,
)
from components.guard import shielded
from components.head import handle_drags, render_head
from components.header import render_header
from components.inside import render_inside
from components.layout import more_tabs, render_style, workbench
from components.lighter_widgets import lighten_widgets
from components.message_batches import hand_messages_in_batches
from components.meter import figure_meter, render_meter
from components.no_delay import send_without_delay
from components.palette import render_palette
from components.parts import render_legs, render_torso
from components.plane import map_of
from components.predict import answering_head, render_prediction
from components.preload import preload_first_paint_scripts
from components.primer import primed_widget_scripts
from components.problems import render_problems
from components.results import render_results
from components.server import keep_sessions_apart, part_alone, warm_up_the_lesson
from components.take_home import render_take_home
from components.training import render_training, trains_alone
from components.unlocked_options import read_options_unlocked
from minifig import fit_check, spec
from minifig.shapes import head_builds

st.set_page_config(page_title="Minifig", page_icon="🧱", layout="wide")
keep_sessions_apart()
send_without_delay()  # file requests answered at once (Streamlit's own socket leaves Nagle's algorithm on)
lighten_widgets()
hand_messages_in_batches()  # a run's messages wake the server's loop once per batch, not once per element
read_options_unlocked()  # two options Streamlit reads for every element, read without its server-wide lock
preload_first_paint_scripts()  # the page's head names the scripts its first paint draws with: fetched with it


@shielded
def page() -> None:
    style.render_page_style()
    state.init()
    render_style()
    if board.requested():  # the teacher's board link: the room, not a figure
        render_header()
        board.render_board()
        st.stop()
    challenge.init()
    lesson_start = render_header()  # beside the title: the lesson's start
    state.show_notices("page")
    challenge.render_banner()
    room.render_join()
    lesson_bar = st.container(key="lesson_bar")  # the running lesson's panel, on top of the workbench
    bench = workbench()
    tabs = more_tabs()
    with tabs["data"], st.container(key="section_data"):
        choice = render_data() if challenge.shows("data") else current_choice()
        state.show_notices("data")
    data = choice.seen

    figure = state.figure()
    problems = [*spec.problems(figure), *choice.problems]
    misfits = [] if problems else fit_check.misfits(figure, data)
    marks = [*fit_check.problem_spots(figure), *misfits]  # what is wrong with the head, torso or legs, at that part
    answers = not problems and head_builds(figure, data.n_features)  # the head can be built, so it can be asked
    suggestions = [] if problems or misfits else fit_check.suggestions(figure, data)
    limits = challenge.broken_limits(figure)  # a challenge's, if the page is in one
    refusal = not_ready([*problems, *limits], marks)  # why it cannot compile or train yet, or None
    compile_if_asked(figure, refusal, data)
    state.forget_stale_model(figure)
    counts = figure_meter(figure, data, usable=not problems)  # the brick meter
    if challenge.active() is None:  # a challenge is its own walk: the lesson would replace its figure
        with lesson_bar if lesson.running() else lesson_start:
            lesson.render_lesson(figure, misfits, lesson.progress(figure, fits=not problems and not misfits))

    with bench.palette:
        render_palette(images=data.image_shape is not None)
    with bench.build:
        render_head(counts.per_brick if counts else None)
        render_part_messages("head", marks)
        render_suggestions(suggestions)  # what would help the head (e.g. a Normalization brick first)
        if challenge.shows("torso"):
            render_torso(marks)
        if challenge.shows("legs"):
            render_legs(marks)
    with bench.figure, st.container(key="section_build"):
        render_figure(figure, marks)
        render_meter(counts)
        render_problems(problems, marks)
        render_fit_check(misfits)
        challenge.render_limits(figure, limits)
        render_compile(refusal)
    handle_drags()

    live_map = (lambda: map_of(answering_head(figure, data), choice)) if choice.is_plane and answers else None
    with bench.train:
        start_training = render_training_bench(figure, choice, refusal, live_map, answers)
    start_compare = None
    if start_training is None:  # a run that trains draws the tabs once trained, in the run that follows it
        start_compare = render_tabs(
            tabs, figure, choice, answers, fits=not problems, compares=not problems and not misfits
        )
    state.sync_address(figure, usable=not problems)

    room.note(figure)  # a learner in a challenge's room: the board hears of every step (at most once a second)
    if start_training:
        with room.posting_while_training(figure):
            start_training()
        st.rerun()  # trained, stopped or refused by the gate: the whole page again, tabs included (the tabs' widgets
        # were not drawn in this run: a run that ends early keeps their values, one that ends normally would not)
    elif start_compare:
        start_compare()


@st.fragment
@shielded
def render_training_bench(figure, choice, refusal, live_map, answers: bool):
    """Training and the question, a fragment of the page: a click on Train reruns this part alone and trains in
    that run, instead of running the whole page first (the page's run after the training draws the rest). Other
    clicks in it need the whole page (`trains_alone`). In the whole page's run, returns the training to start at
    the end of the page, if asked."""
    alone = part_alone()
    if alone and not trains_alone():
        st.rerun(scope="app")
    with st.container(key="section_train"):
        start_training = render_training(refusal, live_map, yes_no=choice.seen.label_kind == "binary")
        challenge.render_result(figure)
    with st.container(key="section_ask"):
        render_prediction(figure, choice, usable=answers)
    if alone and start_training is not None:
        with room.posting_while_training(figure):
            start_training()  # trained, stopped or refused by the gate: the whole page runs next
        return None
    return start_training


def render_tabs(tabs, figure, choice, answers: bool, fits: bool, compares: bool):
    """The tabs below the workbench: results, look inside, take home, the teacher's, compare. Returns the
    comparison's run to start at the end of the page, if asked.

    `answers`: the head can be asked; `fits`: the figure has no problem; `compares`: nor a misfit.
    """
    data = choice.seen
    with tabs["results"], st.container(key="section_results"):
        render_results(choice)
    with tabs["inside"]:
        if challenge.shows("inside"):
            render_inside(figure, data, usable=answers)
    with tabs["take_home"], st.container(key="section_home"):
        if challenge.shows("take_home"):
            render_take_home(figure, data, usable=fits)
    with tabs["teacher"]:
        if challenge.shows("take_home"):
            render_challenge_maker(figure, usable=fits)
    with tabs["compare"]:
        if challenge.shows("compare"):
            with st.container(key="section_compare"):
                return render_compare(figure, choice, usable=compares)
    return None


with primed_widget_scripts():  # a first run sends one hidden widget of each kind first: the page's widgets then
    page()  # draw as they arrive, not as placeholders revealed together
warm_up_the_lesson()  # once per server, in the background, when a first page is on screen
