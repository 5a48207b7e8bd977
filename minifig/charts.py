"""Plotly figures of training and answers, built from plain numbers (no page code): the live curves are
redrawn several times a second while training, so they are built cheaply."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import plotly.graph_objects as go

from minifig.datasets import Dataset
from minifig.i18n import t

if TYPE_CHECKING:  # the engine imports TensorFlow; the page must paint before that
    from minifig.engine import EpochLog


def curves_figure(history: list[EpochLog], metric_name: str, has_validation: bool, lang: str) -> go.Figure:
    """Loss (left) and accuracy or error (right) per epoch, train solid and validation dashed.

    Built from plain layout and numpy columns rather than `make_subplots`: it is redrawn several
    times a second while training, and this is ~8× cheaper.
    """
    columns = {name: np.array([getattr(log, name) for log in history], dtype=float) for name in _SERIES}
    epochs = np.arange(1, len(history) + 1)
    metric = t(f"metric.{metric_name}", lang)
    names = {
        "loss": t("chart.loss", lang),
        "val_loss": t("chart.val_loss", lang),
        "metric": t("chart.metric", lang, metric=metric),
        "val_metric": t("chart.val_metric", lang, metric=metric),
    }
    traces = [
        go.Scatter(
            x=epochs,
            y=columns[name],
            name=names[name],
            mode="lines",
            xaxis=axis,
            yaxis=axis.replace("x", "y"),
            line={"color": colour, "dash": "dash" if name.startswith("val_") else None},
        )
        for name, (axis, colour) in _SERIES.items()
        if has_validation or not name.startswith("val_")
    ]
    layout = {
        "height": 300,
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
        "legend": {"orientation": "h", "y": -0.25},
        "xaxis": {"domain": [0, 0.45], "title": {"text": t("chart.epoch", lang)}},
        "xaxis2": {"domain": [0.55, 1], "title": {"text": t("chart.epoch", lang)}},
        "yaxis": {"title": {"text": t("chart.loss", lang)}},
        "yaxis2": {"anchor": "x2", "title": {"text": metric}},
    }
    return go.Figure(data=traces, layout=layout)


_SERIES = {
    "loss": ("x", "#c91a09"),
    "val_loss": ("x", "#c91a09"),
    "metric": ("x2", "#0055bf"),
    "val_metric": ("x2", "#0055bf"),
}


def answer_figure(grid: np.ndarray, outputs: np.ndarray, asked: float, answer: float, data: Dataset, lang: str):
    """The figure's answer over the whole input range, the examples with their true answers, and the question."""
    figure = go.Figure()
    figure.add_trace(
        go.Scatter(x=grid, y=outputs, mode="lines", name=t("chart.output", lang), line={"color": "#0055bf", "width": 3})
    )
    figure.add_trace(
        go.Scatter(
            x=data.x[:, 0],
            y=data.y,
            mode="markers",
            name=t("chart.points", lang),
            marker={"color": "#c91a09", "size": 10},
        )
    )
    figure.add_trace(
        go.Scatter(
            x=[asked],
            y=[answer],
            mode="markers",
            name=t("chart.asked", lang),
            marker={"color": "#f2cd37", "size": 16, "line": {"color": "#1b2a34", "width": 2}},
        )
    )
    figure.update_layout(
        height=300,
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        legend={"orientation": "h"},
        xaxis_title=t(data.feature_key, lang),
    )
    return figure
