"""Compare figures: keep the current figure under a name, change a piece, keep it again, train them together
on the same data and see their losses overlaid and ranked."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_run_yield_check

from components.data import DataChoice
from components.gate import MAX_TRAIN_SECONDS, gate, learner
from components.state import notify, show_notices, tr
from minifig.charts import compare_answers_figure, compare_figure
from minifig.compare import MAX_FIGURES, Contender, on_shared_training, ranking, short_names, train_together
from minifig.datasets import Dataset
from minifig.spec import FigureSpec

REDRAW_SECONDS = 0.3
ANSWERS_REDRAW_SECONDS = 1.0  # the answers (curves or maps) cost more to draw than the losses


@dataclass(frozen=True)
class Places:
    """Where the comparison redraws while the figures train."""

    status: object
    chart: object
    table: object
    answers: object


def render_compare(spec: FigureSpec, choice: DataChoice, usable: bool) -> Callable[[], None] | None:
    """Draw the comparison; returns the joint training run to start at the end of the page, if asked."""
    ss = st.session_state
    data = choice.seen
    st.subheader(tr("compare.title"))
    with st.container(key="compare"):
        st.caption(tr("compare.help"))
        _forget_on_new_data(data)
        if ss.compare_run is not None and ss.compare_run["state"] == "running":
            ss.compare_run["state"] = "stopped"  # a click ended the joint run; every figure keeps its epochs
        kept = ss.compare_kept
        _rename(kept)
        row = st.container(horizontal=True, gap="small", vertical_alignment="bottom")  # the name takes what is left
        placeholder = short_names([*(c.spec for c in kept), spec], ss.lang)[-1]  # the name it gets if none is typed
        row.text_input(tr("compare.name"), key="compare_name", placeholder=placeholder)
        row.button(tr("compare.keep"), key="compare_keep", on_click=_keep, args=(spec, usable))
        show_notices("compare")
        st.markdown(f"**{tr('compare.kept', n=len(kept), max=MAX_FIGURES)}**")
        for i, contender in enumerate(kept):
            row = st.container(horizontal=True, gap="small", vertical_alignment="center")
            row.markdown(f"{i + 1}. **{contender.name}** — {_describe(contender.spec)}", width="stretch")
            row.button(
                "✕",
                key=f"compare_remove_{i}",
                help=tr("compare.remove", name=contender.name),
                on_click=_remove,
                args=(i,),
            )
        train = st.button(tr("compare.train", epochs=ss.epochs), key="compare_train", type="primary")
        places = Places(st.empty(), st.empty(), st.empty(), st.empty())
        _show(places, choice)
        if not train:
            return None
        if len(kept) < 2:
            places.status.warning(tr("compare.need_two"))
            return None
        return lambda: _run(kept, choice, places)


def _keep(spec: FigureSpec, usable: bool) -> None:
    ss = st.session_state
    if not usable:
        notify("compare", "error", [tr("compare.unusable")])
    elif len(ss.compare_kept) >= MAX_FIGURES:
        notify("compare", "error", [tr("compare.full", max=MAX_FIGURES)])
    else:
        name = ss.compare_name.strip()[:40]
        shared = ss.compare_kept[0].spec.training if ss.compare_kept else spec.training
        ss.compare_kept.append(Contender(name, on_shared_training(spec, shared), auto_name=not name))
        _rename(ss.compare_kept)
        ss.compare_run = None
        ss.compare_name = ""  # ready for the next figure's name


def _rename(kept: list[Contender]) -> None:
    """Figures kept without a typed name are named by what sets them apart from the others kept."""
    for contender, name in zip(kept, short_names([c.spec for c in kept], st.session_state.lang), strict=True):
        if contender.auto_name:
            contender.name = name


def _describe(spec: FigureSpec) -> str:
    from minifig.drawing import brick_label

    parts = [" → ".join(brick_label(b) for b in spec.head)]
    parts += [brick_label(b) for b in (spec.torso, spec.legs) if b is not None]
    return " · ".join(parts)


def _remove(i: int) -> None:
    del st.session_state.compare_kept[i]
    st.session_state.compare_run = None


def _forget_on_new_data(data: Dataset) -> None:
    ss = st.session_state
    key = (ss.dataset, ss.get("samples"), ss.get("noise"), ss.seed, ss.csv_version, data.n_features)
    if ss.compare_data != key:
        if ss.compare_kept:
            st.info(tr("compare.other_data"))
        ss.compare_kept, ss.compare_run, ss.compare_data = [], None, key


def _run(kept: list[Contender], choice: DataChoice, places: Places) -> None:
    ss = st.session_state
    for contender in kept:  # a new run starts every figure afresh, on the same split and seed
        contender.trainer, contender.history, contender.seconds = None, [], 0.0
    run = ss.compare_run = {"epoch": 0, "target": int(ss.epochs), "state": "running"}
    last = last_answers = 0.0

    def on_epoch(epoch: int) -> None:
        nonlocal last, last_answers
        run["epoch"] = epoch
        now = time.perf_counter()
        if now - last >= REDRAW_SECONDS or epoch == run["target"]:
            last = now
            answers = now - last_answers >= ANSWERS_REDRAW_SECONDS
            last_answers = now if answers else last_answers
            _show(places, choice, suffix=f"_{time.perf_counter_ns()}", with_answers=answers)

    yield_check = get_run_yield_check() or (lambda: None)

    def should_stop() -> bool:  # a click, or the tab closing: asked after every figure's epoch
        return bool(yield_check())

    def waiting(ahead: int) -> None:
        places.status.markdown(f"**{tr('ui.status_waiting', n=ahead)}**")

    with gate().turn(learner(), on_wait=waiting, should_stop=should_stop) as turn:  # the same line as Train
        if turn:
            together = train_together(
                kept, choice.seen, run["target"], int(ss.batch_size), on_epoch, should_stop, MAX_TRAIN_SECONDS
            )
    if not turn:
        run["state"] = "stopped"
        return
    run["state"] = "timed_out" if together.timed_out else "done"
    st.rerun()


def _show(places: Places, choice: DataChoice, suffix: str = "", with_answers: bool = True) -> None:
    ss = st.session_state
    run = ss.compare_run
    kept = ss.compare_kept
    if run is None or not any(c.history for c in kept):
        for place in (places.status, places.chart, places.table, places.answers):
            place.empty()
        return
    state = run["state"] if run["state"] in ("running", "timed_out") else "done"
    places.status.markdown(
        tr(f"compare.{state}", epoch=run["epoch"], target=run["target"], minutes=MAX_TRAIN_SECONDS // 60)
    )
    metric = next(c.trainer.metric_name for c in kept if c.trainer is not None)
    named = [(c.name, c.history) for c in kept]
    places.chart.plotly_chart(
        compare_figure(named, metric, ss.lang), key=f"compare_chart{suffix}", config={"displayModeBar": False}
    )
    rows = [
        {
            tr("compare.rank"): place,
            tr("compare.figure"): contender.name,
            tr("compare.final_loss"): round(contender.final_loss, 4),
            tr("compare.seconds"): round(contender.seconds, 2),
        }
        for place, contender in enumerate(ranking(kept), start=1)
    ]
    places.table.dataframe(rows, hide_index=True)
    if with_answers:
        _show_answers(places.answers, [c for c in kept if c.trainer is not None and c.history], choice, suffix)


def _show_answers(place, trained: list[Contender], choice: DataChoice, suffix: str) -> None:
    """Each trained figure's answer: curves over one input in one chart, or maps of the plane side by side."""
    data, lang = choice.seen, st.session_state.lang
    with place.container():
        st.markdown(f"**{tr('compare.answers')}**")
        if choice.raw.image_shape is None and choice.raw.n_features == 1:
            low, high = data.input_range
            grid = np.linspace(low, high, 121)
            named = [(c.name, c.trainer.predict(grid.reshape(-1, 1).astype("float32"))[:, 0]) for c in trained]
            st.plotly_chart(
                compare_answers_figure(grid, named, data, lang),
                key=f"compare_answers{suffix}",
                config={"displayModeBar": False},
            )
        elif choice.is_plane:
            from components.plane import map_of

            for first in range(0, len(trained), 3):
                for i, (column, contender) in enumerate(zip(st.columns(3), trained[first : first + 3], strict=False)):
                    column.caption(contender.name)
                    figure = map_of(contender.trainer.head, choice).update_layout(height=260, showlegend=False)
                    column.plotly_chart(
                        figure, key=f"compare_map_{first + i}{suffix}", config={"displayModeBar": False}
                    )
        else:
            st.caption(tr("compare.no_answers"))
