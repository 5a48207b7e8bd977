"""The figure drawing, what does not fit beside it, and the Compile button that snaps it together."""

import streamlit as st

from components.challenge import refuses_brick
from components.loop import current_picture, render_loop_line
from components.state import Ask, ask, asked, head_key, make_item, model_key, tr
from minifig import head_edit
from minifig.cards import CATALOGUE
from minifig.datasets import Dataset
from minifig.drawing import figure_svg
from minifig.fit_check import Misfit, Suggestion
from minifig.spec import FigureSpec


def render_figure(spec: FigureSpec, marks: list[Misfit]) -> None:
    """The figure, playing the last step of its learning loop (if any), and that step in words under it.

    Training redraws both while it runs (`live_figure`), at a slow pace or on Step.
    """
    st.subheader(tr("ui.figure"))
    compiled = st.session_state.trainer is not None
    with st.container(key="figure"):
        drawing = st.empty()
    with st.container(key="loop"):
        words = st.empty()

    def draw() -> None:
        shown = current_picture()
        svg = figure_svg(spec, marks, compiled, st.session_state.lang, loop=shown, notes=False)  # reasons: on the cards
        # Inline (not an <img>) so its words are real text; one line so Markdown leaves it alone.
        drawing.markdown(" ".join(line.strip() for line in svg.splitlines()), unsafe_allow_html=True)
        render_loop_line(words, shown)

    draw()
    st.session_state.live_figure = draw


def render_part_messages(part: str, marks: list[Misfit]) -> None:
    """The misfits and problems of one part, on that part's card: what is wrong and how to fix it."""
    for mark in marks:
        if mark.part == part:
            fix = f"  \n{tr('ui.fix', fix=mark.fix)}" if mark.fix is not None else ""
            st.error(mark.reason.text(st.session_state.lang) + fix, icon=":material/error:")


def render_fit_check(misfits: list[Misfit]) -> None:
    """Under the drawing: which parts do not fit, in one line each (the fix is on the part's card)."""
    with st.container(key="fit_check"):
        for misfit in misfits:
            st.error(f"**{tr(f'part.{misfit.part}').capitalize()}** — {misfit.reason.text(st.session_state.lang)}")


def render_suggestions(suggestions: list[Suggestion]) -> None:
    """What would help a figure that fits, with a button doing the fix (e.g. a Normalization brick first)."""
    with st.container(key="suggestions"):
        for suggestion in suggestions:
            lang = st.session_state.lang
            st.info(
                f"**{tr('part.head').capitalize()}** — {suggestion.reason.text(lang)}  \n"
                + tr("ui.suggest", fix=suggestion.fix.text(lang))
            )
            label = CATALOGUE[suggestion.card].label
            st.button(
                tr("ui.put_first", card=label),
                key=f"fix_{suggestion.card}_first",
                on_click=_put_first,
                args=(suggestion.card,),
            )


def _put_first(card_id: str) -> None:
    head = st.session_state.head
    adding = not any(item["card"] == card_id for item in head)  # else the brick there moves to the top
    if adding and refuses_brick(len(head)):
        return  # a challenge's limit: refuses_brick says why
    if adding and not head_edit.can_add(head):
        ask(Ask.SAY_HEAD_FULL)
        return
    st.session_state.head = head_edit.put_first(head, lambda item: item["card"] == card_id, lambda: make_item(card_id))


def not_ready(problems: list, marks: list[Misfit]) -> str | None:
    """Why the figure cannot be compiled or trained now, in one sentence; None when nothing stands in the way.

    `problems` are the page's whole list (settings out of bounds, a challenge's limits, …), `marks` the misfits
    and problems of each part; a problem at a part is named with its part.
    """
    lang = st.session_state.lang
    at_parts = [f"{tr(f'part.{m.part}')}: {m.reason.text(lang)}" for m in marks]
    placed = [m.reason for m in marks]
    others = [p.text(lang) for p in problems if p not in placed]
    reasons = [*at_parts, *others]
    return tr("ui.does_not_fit", reasons=" · ".join(reasons)) if reasons else None


def compile_if_asked(spec: FigureSpec, refusal: str | None, data: Dataset) -> None:
    """Compile when Compile was clicked (or the lesson's "Show me" asked), before anything is drawn, so this run
    already draws the compiled figure: no second run. Refused, with the reason, while anything is wrong."""
    if st.session_state.get("compile") or asked(Ask.COMPILE):  # a button's click is in the state before it is drawn
        if refusal:
            ask(Ask.SAY_COMPILE_REFUSED)
        else:
            _compile(spec, data)


def render_compile(refusal: str | None) -> None:
    """The Compile button, and whether the figure is compiled or why it cannot be."""
    st.button(tr("ui.compile"), key="compile", type="primary", width="stretch")
    if refusal and asked(Ask.SAY_COMPILE_REFUSED):
        st.error(refusal)
    elif st.session_state.trainer is not None:
        st.success(tr("ui.compiled"))
    elif not refusal:
        st.info(tr("ui.not_compiled"))


def _compile(spec: FigureSpec, data: Dataset) -> None:
    from minifig.engine import Trainer

    babble = st.session_state.babble
    head = babble[1] if babble and babble[0] == head_key(spec) else None
    st.session_state.babble = None  # the trainer owns that head now: it will learn
    st.session_state.trainer = Trainer(spec, data, head=head)
    st.session_state.compiled_key = model_key(spec)
    st.session_state.run = None
