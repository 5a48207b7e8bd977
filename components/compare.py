"""Compare figures: keep the current figure under a name, change a piece, keep it again, train them together
on the same data and see their losses overlaid and ranked."""

from __future__ import annotations

import time
from collections.abc import Callable

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_run_yield_check

from components.state import notify, show_notices, tr
from minifig.charts import compare_figure
from minifig.compare import MAX_FIGURES, Contender, on_shared_training, ranking, train_together
from minifig.datasets import Dataset
from minifig.spec import FigureSpec

REDRAW_SECONDS = 0.3


def render_compare(spec: FigureSpec, data: Dataset, usable: bool) -> Callable[[], None] | None:
    """Draw the comparison; returns the joint training run to start at the end of the page, if asked."""
    ss = st.session_state
    st.subheader(tr("compare.title"))
    with st.container(key="compare"):
        st.caption(tr("compare.help"))
        _forget_on_new_data(data)
        if ss.compare_run is not None and ss.compare_run["state"] == "running":
            ss.compare_run["state"] = "stopped"  # a click ended the joint run; every figure keeps its epochs
        kept = ss.compare_kept
        name_col, keep_col = st.columns([3, 1], vertical_alignment="bottom")
        name_col.text_input(tr("compare.name"), key="compare_name", placeholder=f"{ss.legs or '?'} · {len(spec.head)}")
        keep_col.button(tr("compare.keep"), key="compare_keep", width="stretch", on_click=_keep, args=(spec, usable))
        show_notices("compare")
        st.markdown(f"**{tr('compare.kept', n=len(kept), max=MAX_FIGURES)}**")
        for i, contender in enumerate(kept):
            label, remove = st.columns([5, 1], vertical_alignment="center")
            label.markdown(f"{i + 1}. **{contender.name}** — {_describe(contender.spec)}")
            remove.button(
                "✕",
                key=f"compare_remove_{i}",
                help=tr("compare.remove", name=contender.name),
                on_click=_remove,
                args=(i,),
            )
        train = st.button(tr("compare.train", epochs=ss.epochs), key="compare_train", type="primary")
        status, chart, table = st.empty(), st.empty(), st.empty()
        _show(status, chart, table)
        if not train:
            return None
        if len(kept) < 2:
            status.warning(tr("compare.need_two"))
            return None
        return lambda: _run(kept, data, status, chart, table)


def _keep(spec: FigureSpec, usable: bool) -> None:
    ss = st.session_state
    if not usable:
        notify("compare", "error", [tr("compare.unusable")])
    elif len(ss.compare_kept) >= MAX_FIGURES:
        notify("compare", "error", [tr("compare.full", max=MAX_FIGURES)])
    else:
        name = ss.compare_name.strip()[:40] or f"{len(ss.compare_kept) + 1}. {_describe(spec)}"
        shared = ss.compare_kept[0].spec.training if ss.compare_kept else spec.training
        ss.compare_kept.append(Contender(name, on_shared_training(spec, shared)))
        ss.compare_run = None
        ss.compare_name = ""  # ready for the next figure's name


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


def _run(kept: list[Contender], data: Dataset, status, chart, table) -> None:
    ss = st.session_state
    for contender in kept:  # a new run starts every figure afresh, on the same split and seed
        contender.trainer, contender.history, contender.seconds = None, [], 0.0
    run = ss.compare_run = {"epoch": 0, "target": int(ss.epochs), "state": "running"}
    last = 0.0

    def on_epoch(epoch: int) -> None:
        nonlocal last
        run["epoch"] = epoch
        now = time.perf_counter()
        if now - last >= REDRAW_SECONDS or epoch == run["target"]:
            last = now
            _show(status, chart, table, key=f"compare_chart_{time.perf_counter_ns()}")

    yield_check = get_run_yield_check() or (lambda: None)
    train_together(kept, data, run["target"], int(ss.batch_size), on_epoch, lambda: yield_check() or False)
    run["state"] = "done"
    st.rerun()


def _show(status, chart, table, key: str = "compare_chart") -> None:
    ss = st.session_state
    run = ss.compare_run
    kept = ss.compare_kept
    if run is None or not any(c.history for c in kept):
        status.empty()
        chart.empty()
        table.empty()
        return
    state = "running" if run["state"] == "running" else "done"
    status.markdown(tr(f"compare.{state}", epoch=run["epoch"], target=run["target"]))
    chart.plotly_chart(
        compare_figure([(c.name, c.history) for c in kept], ss.lang), key=key, config={"displayModeBar": False}
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
    table.dataframe(rows, hide_index=True)
