"""Watch it learn: the pace, the phase step (one batch round the loop, a phase a click) and the loop as the figure
and the line under it show it. Step and slow-pace runs are trained by components/training.py."""

from __future__ import annotations

import time

import streamlit as st

from components.state import Ask, ask, asked, tr
from minifig.loop import PHASES, LoopPicture, LoopStep, batch_step, picture
from minifig.pace import PACES

PACE_OPTIONS = sorted(PACES, key=lambda pace: pace or float("inf"))  # slow on the left, as fast as it goes right


def render_pace() -> None:
    names = {pace: _pace_name(pace) for pace in PACE_OPTIONS}  # in today's language (a plain lookup for the widget)
    st.select_slider(
        tr("loop.pace"), PACE_OPTIONS, format_func=names.get, key="pace", help=tr("loop.pace_help"), on_change=_go_on
    )


def render_step_buttons(place) -> bool:
    """The Step and the phase-step buttons, in `place` (a row); returns whether Step (one epoch) was pressed."""
    step = place.button(tr("loop.step"), key="step", help=tr("loop.step_help"))
    place.button(tr("loop.step_phase"), key="step_phase", help=tr("loop.step_phase_help"), on_click=_phase)
    return step


def _pace_name(pace: int) -> str:
    if pace == 0:
        return tr("loop.pace_fast")
    return tr("loop.pace_one") if pace == 1 else tr("loop.pace_per_second", n=pace)


def _go_on() -> None:
    """A new pace ends the running run (as every click does); it goes on at the new pace."""
    run = st.session_state.run
    if run is not None and run["state"] == "running":
        ask(Ask.GO_ON)


def _phase() -> None:
    """The next phase of the batch being walked, or a new batch round the loop (trained now, shown a phase a time)."""
    ss = st.session_state
    if ss.trainer is None:
        ask(Ask.SAY_PHASE_REFUSED)
        return
    walk = ss.loop if ss.loop is not None and ss.loop["trainer"] is ss.trainer else None
    if walk is not None and walk["walk"] and walk["shown"] < len(PHASES):
        walk["shown"] += 1
    else:
        ss.loop = {"trainer": ss.trainer, "step": batch_step(ss.trainer, ss.batch_size), "shown": 1, "walk": True}


def show_step(trainer, step: LoopStep | None) -> None:
    """Put an epoch's step on the figure (all its phases at once) and redraw it now."""
    st.session_state.loop = None if step is None else {"trainer": trainer, "step": step, "shown": 4, "walk": False}
    redraw = st.session_state.live_figure
    if redraw is not None:
        redraw()


def current_picture() -> LoopPicture | None:
    """The last step of the compiled figure, in words, as far as it is shown."""
    ss = st.session_state
    loop = ss.loop
    if loop is None or loop["trainer"] is not ss.trainer:
        return None
    trainer = loop["trainer"]
    return picture(loop["step"], trainer.data, trainer.spec.legs.card, ss.lang, loop["shown"])


def render_loop_line(place, shown: LoopPicture | None) -> None:
    """The step in plain words under the figure (the phase walk says which phase it is at)."""
    ss = st.session_state
    if asked(Ask.SAY_PHASE_REFUSED):
        place.error(tr("ui.train_uncompiled"))
    elif shown is None:
        place.caption(tr("loop.hint") if ss.trainer is not None else "")
    elif ss.loop["walk"]:
        title = tr("loop.phase_title", n=shown.shown, name=tr(f"loop.phase.{PHASES[shown.shown - 1]}"))
        after = tr("loop.phase_next" if shown.shown < len(PHASES) else "loop.phase_done")
        place.markdown(f"**{title}** {shown.line}  \n*{after}*")
    else:
        place.markdown(shown.line)


def pause(seconds: float, should_stop) -> bool:
    """Wait between paced epochs, listening for a click (Stop, a new pace); True if one came (the run ends)."""
    end = time.perf_counter() + seconds
    while (left := end - time.perf_counter()) > 0:
        if should_stop():
            return True
        time.sleep(min(0.05, left))
    return False
