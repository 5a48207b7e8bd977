"""The brick meter under the figure drawing: the head's weights in all and the last training's time per epoch."""

from __future__ import annotations

import streamlit as st

from components.state import tr
from minifig.datasets import Dataset
from minifig.meter import Meter, duration_text, meter
from minifig.spec import FigureSpec


def figure_meter(spec: FigureSpec, data: Dataset, usable: bool) -> Meter | None:
    """The meter of the figure on this data, or None while the figure has problems (its counts mean nothing)."""
    if not usable or not spec.head:
        return None
    trainer = st.session_state.trainer
    return meter(spec, data.n_features, trainer.last_run if trainer is not None else None)


def render_meter(counts: Meter | None) -> None:
    with st.container(key="meter"):
        if counts is None:
            return
        line = tr("meter.total", n=f"{counts.total:,}")
        if counts.seconds_per_epoch is not None:
            line += " · " + tr("meter.speed", time=duration_text(counts.seconds_per_epoch))
        st.markdown(line, help=tr("meter.help"))
