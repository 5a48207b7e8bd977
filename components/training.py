"""Training: epochs and batch size, Train / Stop / Reset, Step and the pace, the live status and the curves."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_run_yield_check

from components.challenge import shows
from components.gate import MAX_TRAIN_SECONDS, gate, learner
from components.loop import pause, render_pace, render_step_buttons, show_step
from components.server import click_waiting, deliver_now, this_part
from components.state import Ask, ask, asked, tr, tr_count
from components.timeline import mark_epoch, render_timeline
from minifig.charts import curves_figure, refresh_curves
from minifig.coach import Situation, remarks
from minifig.history import TrainResult
from minifig.loop import EpochWatch
from minifig.pace import Pacer

REDRAW_SECONDS = 0.19  # live curves redraw ~5 times a second, whatever the epoch speed
MAP_REDRAW_SECONDS = 0.4  # the map of the plane costs more to draw: ~2.5 times a second
ANSWER_REDRAW_SECONDS = 0.75  # the question's answer and its curve: enough to watch it slide, cheap for training


def render_training(
    refusal: str | None, live_map: Callable[[], object] | None = None, yes_no: bool = False
) -> Callable[[], None] | None:
    """Draw the training panel; returns the training run to start at the end of the page, if asked.

    `refusal` says why the figure cannot train now (it does not fit), or is None.
    `live_map`, for 2-D data, draws the figure's answer over the plane; it is redrawn while training.
    `yes_no` offers to show the map's yes/no answers discretised.
    """
    st.subheader(tr("ui.train_section"))
    if shows("training"):  # a challenge may hide them
        sizes = st.container(horizontal=True, gap="small")  # one row element, not a column each (each is a message)
        sizes.number_input(tr("field.epochs"), step=10, key="epochs")
        sizes.number_input(tr("field.batch_size"), step=1, key="batch_size")
    buttons = st.container(horizontal=True, gap="small")  # one row, as wide as the panel (a phone's too)
    train = buttons.button(tr("ui.train"), key="train", type="primary", width="stretch")
    train = asked(Ask.TRAIN) or train  # the lesson's "Show me" trains too
    buttons.button(tr("ui.stop"), key="stop", width="stretch")
    buttons.button(tr("ui.reset"), key="reset", on_click=_reset, width="stretch")
    steps = st.container(horizontal=True, gap="small", vertical_alignment="bottom")  # the pace takes what is left
    step = render_step_buttons(steps) or asked(Ask.STEP)
    with steps:
        render_pace()
    go_on = asked(Ask.GO_ON)  # a run stopped by a new pace goes on
    with st.container(key="train_status"):
        status, progress = st.empty(), st.empty()
    with st.container(key="coach"):
        coach = st.empty()
    travel = render_timeline(
        st.session_state.trainer, train or step or go_on
    )  # after training: the figure at an earlier epoch
    curves_col, map_col = st.columns(2) if live_map else (st.container(), None)
    with curves_col, st.container(key="curves"):
        chart = st.empty()
    map_place = None
    if live_map is not None:
        with map_col:
            st.markdown(f"**{tr('ui.map')}**", help=tr("ui.map_help"))
            show_val, discretise = st.columns(2)
            show_val.toggle(tr("ui.show_val"), key="show_val")
            if yes_no:
                discretise.toggle(tr("ui.discretise"), key="discretise")
            with st.container(key="map"):
                map_place = st.empty()
    _note_interrupted_run()
    trainer = st.session_state.trainer
    panel = Panel(status, progress, coach, chart, map_place, live_map)
    _show(trainer, panel, until=travel)
    if not (train or step or go_on):
        return None
    if refusal:
        st.error(refusal)
        return None
    if trainer is None:
        st.error(tr("ui.train_uncompiled"))
        return None
    return lambda: _run(trainer, panel, *_next_run(trainer, step, go_on), step=step)


def trains_alone() -> bool:
    """In a run of the training panel alone (a click inside it): whether that run can do what was clicked by itself.

    Only a click on Train at full pace can: it redraws nothing outside the panel until the page's run that follows
    the training. Step and slower paces play the figure's loop, Stop, Reset and time travel change the figure and
    the tabs, the settings change the address: the whole page runs for them, and a click on Train or Step is kept
    as a request for that run (a button is pressed for one run only).
    """
    ss = st.session_state
    if ss.get("train") and ss.pace == 0:
        ss.live_figure = None  # the figure's drawing is outside this run: the page's next run draws it
        return True
    if ss.get("train"):
        ask(Ask.TRAIN)
    if ss.get("step"):
        ask(Ask.STEP)
    return False


def _next_run(trainer, step: bool, go_on: bool) -> tuple[dict, int]:
    """The run to train and how many epochs of it: a stopped or stepped run goes on (at a new pace, or by one
    epoch on Step), anything else starts a new run of the epochs asked for."""
    run = st.session_state.run
    left = 0 if run is None else run["target"] - (trainer.epochs_done - run["start"])
    if not ((go_on or step) and run is not None and run["state"] in ("stopped", "stepped") and left > 0):
        run = {"start": trainer.epochs_done, "target": st.session_state.epochs}
        left = run["target"]
    run["state"] = "running"
    return run, 1 if step else left


@dataclass(frozen=True)
class Panel:
    """The places the training redraws while it runs."""

    status: object
    progress: object
    coach: object
    chart: object
    map: object = None
    draw_map: Callable[[], object] | None = None
    reuse: dict = field(default_factory=dict)  # the live curves' figure, refreshed in place during a run
    part: str | None = field(default_factory=this_part)  # the fragment the panel is drawn in: a click there stops a run

    def show_map(self) -> None:
        if self.map is not None:
            self.map.plotly_chart(
                self.draw_map(), key=f"map_{time.perf_counter_ns()}", config={"displayModeBar": False}
            )


def _run(trainer, panel: Panel, run: dict, epochs: int, step: bool = False) -> None:
    batch_size = st.session_state.batch_size
    st.session_state.run = run
    pace = 0 if step else st.session_state.pace
    watched = step or pace > 0  # the figure plays each epoch's loop
    if not watched:
        show_step(trainer, None)  # at full pace the loop is not played: the last one shown would be stale
    last_draw = last_map = last_answer = time.perf_counter()  # a run over within a redraw's interval draws nothing live

    def on_epoch(log) -> None:
        """Redraw the live views: every epoch of a watched run, else a few times a second (the last epoch is
        drawn once the run ends, see below)."""
        nonlocal last_draw, last_map, last_answer
        now = time.perf_counter()
        if now - last_draw >= REDRAW_SECONDS or watched:
            last_draw = now
            _show(trainer, panel, with_map=False)
        if now - last_map >= MAP_REDRAW_SECONDS or watched:
            last_map = now
            panel.show_map()
        if st.session_state.live_answer is not None and (now - last_answer >= ANSWER_REDRAW_SECONDS or watched):
            last_answer = now
            st.session_state.live_answer(trainer)

    yield_check = get_run_yield_check() or (lambda: None)

    def should_stop() -> bool:  # a click, or the tab closing (Streamlit asks a closed tab's script to stop)
        return bool(yield_check()) or click_waiting(panel.part)

    def waiting(ahead: int) -> None:
        panel.status.markdown(f"**{tr('ui.status_waiting', n=ahead)}**")

    def turn_to_train(epochs_now: int):
        """Train at the gate; None when the learner left the line (Stop)."""
        with gate().turn(learner(), on_wait=waiting, should_stop=should_stop) as turn:
            if turn:
                return trainer.train(
                    epochs_now, batch_size, on_epoch=on_epoch, should_stop=should_stop, max_seconds=MAX_TRAIN_SECONDS
                )
        return None

    if watched:
        result = _train_watched(trainer, epochs, batch_size, pace, turn_to_train, should_stop)
    else:
        result = turn_to_train(epochs)
    if result is None or result.interrupted:  # a loss gone NaN or the clock ended it: said below, not "stopped"
        if click_waiting(panel.part):  # Stop, or another click here: still "running", as if the click had interrupted
            return  # this run; the run it asked for sees that, and says it stopped (`_note_interrupted_run`)
        run["state"] = "stopped"  # the gate's line was left for this learner's newer request (another tab of theirs)
        st.rerun()
    state = "diverged" if result.diverged else "timed_out" if result.timed_out else "done"
    run["state"] = "stepped" if step and state == "done" else state
    # "Done" and the last epoch's curves on screen the moment training ends, not once the page's run that follows
    # has reached them (its whole page first): a page run sooner, and the same words and curves that run draws again
    _show(trainer, panel, with_map=False)
    deliver_now()  # else the rerun's start would drop it unsent
    st.rerun()


def _train_watched(trainer, epochs: int, batch_size: int, pace: int, turn_to_train, should_stop):
    """Epoch by epoch, each its own turn at the gate (a slow pace holds no trainer while it waits), the figure
    playing each epoch's loop; at most `pace` epochs a second. None when the learner left the gate's line."""
    pacer, watch = Pacer(pace), EpochWatch(trainer, batch_size)
    result = TrainResult()
    for _ in range(epochs):
        watch.begin()
        epoch = turn_to_train(1)
        if epoch is None or epoch.interrupted:
            return None
        show_step(trainer, watch.end(trainer.history[-1].loss))
        result.logs += epoch.logs
        result.seconds += epoch.seconds
        result.diverged = epoch.diverged
        result.timed_out = result.seconds > MAX_TRAIN_SECONDS
        if result.diverged or result.timed_out:
            break
        if pause(pacer.wait(), should_stop):
            return None
    return result


def _note_interrupted_run() -> None:
    """A run still marked running at the top of a new page run was stopped (Stop or another click)."""
    run = st.session_state.run
    if run is not None and run["state"] == "running":
        run["state"] = "stopped"


def _reset() -> None:
    if st.session_state.trainer is not None:
        st.session_state.trainer.reset()
    st.session_state.run = st.session_state.loop = None


def _show(trainer, panel: Panel, with_map: bool = True, until: int | None = None) -> None:
    run = st.session_state.run
    target = run["target"] if run else st.session_state.epochs
    if with_map:
        panel.show_map()
    if trainer is None or not trainer.history:
        babble = st.session_state.babble
        head = trainer.head if trainer is not None else babble[1] if babble else None
        loaded = getattr(head, "loaded_from_file", False)
        panel.status.markdown(tr("ui.status_loaded" if loaded else "ui.status_idle", target=target))
        panel.progress.progress(0.0)
        panel.coach.empty()
        panel.chart.empty()
        return
    done = trainer.epochs_done - (run["start"] if run else 0)
    state = run["state"] if run else "done"
    last = trainer.history[-1]
    metric = tr(f"metric.{trainer.metric_name}")
    figures = tr("ui.figures", loss=f"{last.loss:.4f}", metric=metric, value=f"{last.metric:.4f}")
    if last.val_loss is not None:
        figures += " " + tr(
            "ui.figures_val", loss=f"{last.val_loss:.4f}", metric=metric, value=f"{last.val_metric:.4f}"
        )
    line = tr(f"ui.status_{state}", epoch=done, target=target, minutes=MAX_TRAIN_SECONDS // 60)
    panel.status.markdown(f"**{line}** {figures}  \n{tr_count('ui.total_epochs', trainer.epochs_done)}")
    panel.progress.progress(min(1.0, done / max(1, target)))
    _coach(trainer, panel.coach)
    figure = panel.reuse.get("curves")
    if until is not None:  # time travel: the curves up to that epoch
        lang = st.session_state.lang
        figure = curves_figure(trainer.history[:until], trainer.metric_name, trainer.has_validation, lang)
        mark_epoch(figure, until, trainer.history)
    elif figure is None:
        lang = st.session_state.lang
        figure = panel.reuse["curves"] = curves_figure(
            trainer.history, trainer.metric_name, trainer.has_validation, lang
        )
    else:
        refresh_curves(figure, trainer.history)
    panel.chart.plotly_chart(
        figure,
        key=f"curves_{trainer.epochs_done}_{time.perf_counter_ns()}",
        config={"displayModeBar": False},
    )


def _coach(trainer, place) -> None:
    lang = st.session_state.lang
    said = remarks(trainer.history, Situation(trainer.metric_name, trainer.majority_share))
    if said:
        place.info("\n".join(f"**{tr('coach.title')}:** {remark.text(lang)}" for remark in said))
    else:
        place.empty()
