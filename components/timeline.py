"""Time travel: after training, a slider over the kept epochs shows the figure as it was then.

The slider's end is now. Anywhere before it, the curves stop at that epoch and the answer and the
map come from a separate head holding that epoch's weights (`Trainer.head_at`); the trained head
is never touched. `time_travel` in the session state is the epoch shown, or None for now.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go
import streamlit as st

from components.state import tr


def render_timeline(trainer, training_starts: bool) -> int | None:
    """Draw the time-travel slider (once there is a history); returns the epoch shown, or None for now."""
    ss = st.session_state
    ss.time_travel = None
    if trainer is None or not trainer.history or training_starts:
        return None
    options = trainer.timeline.epochs
    now = options[-1]
    if ss.get("timeline_end") != (id(trainer), now) or ss.get("timeline") not in options:
        ss.timeline = now  # a new run (or a new model) starts at now
    ss.timeline_end = (id(trainer), now)
    with st.container(key="time_travel"):
        slider, back = st.columns([4, 1], vertical_alignment="bottom")
        epoch = slider.select_slider(tr("timeline.slider"), options, key="timeline", help=tr("timeline.help"))
        back.button(tr("timeline.back"), key="timeline_now", on_click=_back_to_now, disabled=epoch == now)
        if trainer.timeline.stride > 1:
            st.caption(tr("timeline.stride", stride=trainer.timeline.stride))
        if epoch == now:
            st.caption(tr("timeline.now", n=now))
            return None
        if epoch == 0:
            st.info(tr("timeline.before", n=now))
        else:
            log = trainer.history[epoch - 1]
            metric = tr(f"metric.{trainer.metric_name}")
            st.info(
                tr(
                    "timeline.past",
                    epoch=epoch,
                    n=now,
                    loss=f"{log.loss:.4f}",
                    metric=metric,
                    value=f"{log.metric:.4f}",
                )
            )
    ss.time_travel = epoch
    return epoch


def shown_epoch() -> int | None:
    """The epoch the page shows the figure at, or None for now."""
    ss = st.session_state
    return ss.get("time_travel") if ss.trainer is not None else None


def travelled_head(trainer):
    """The head that answers on the page: the trained one, or a copy holding the weights of the epoch shown."""
    epoch = shown_epoch()
    return trainer.head if epoch is None else trainer.head_at(epoch)[1]


def mark_epoch(figure: go.Figure, epoch: int, history: list) -> go.Figure:
    """The curves replayed up to `epoch` on the whole run's axes (they keep still while scrubbing): a dot marks
    the epoch shown on each curve, a dotted line crosses both charts there."""
    for trace in figure.data:
        count = len(trace.x)
        trace.mode = "lines+markers"
        trace.marker = {"size": [0] * max(0, count - 1) + [9] * min(1, count), "color": trace.line.color}
    for axis in ("x", "x2"):
        figure.add_shape(
            type="line",
            x0=epoch,
            x1=epoch,
            xref=axis,
            y0=0,
            y1=1,
            yref="paper",
            line={"dash": "dot", "color": "#6c6e68"},
        )
    tops = [_top(history, ("loss", "val_loss")), _top(history, ("metric", "val_metric"))]
    figure.update_layout(
        xaxis_range=[0, len(history)],
        xaxis2_range=[0, len(history)],
        yaxis_range=[0, tops[0]],
        yaxis2_range=[0, tops[1]],
    )
    return figure


def _top(history: list, names: tuple[str, ...]) -> float:
    values = [getattr(log, name) for log in history for name in names]
    finite = [v for v in values if v is not None and math.isfinite(v)]
    return 1.05 * max(finite, default=1.0) or 1.0


def _back_to_now() -> None:
    ss = st.session_state
    ss.timeline = ss.timeline_end[1]
