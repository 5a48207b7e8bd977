"""Plotly figures of training and answers, built from plain numbers (no page code): the live curves are
redrawn several times a second while training, so they are built cheaply.

Size: one short builder per kind of chart (curves, map, confusion, truth, image, probabilities, comparison); they
share colours, labels and thinning. The first screen's answer along one input and the weights map are SVG pictures
(`minifig.pictures`): the page's first paint needs no Plotly.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio

from minifig.answers import class_label
from minifig.datasets import Dataset
from minifig.i18n import Message, t
from minifig.maps import PlaneGrid

if TYPE_CHECKING:
    from minifig.history import EpochLog


def curves_figure(history: list[EpochLog], metric_name: str, has_validation: bool, lang: str) -> go.Figure:
    """Loss (left) and accuracy or error (right) per epoch, train solid and validation dashed.

    Built from plain layout and numpy columns rather than `make_subplots`: it is redrawn several
    times a second while training, and this is ~8× cheaper.
    """
    columns, epochs = _columns(history)
    metric = t(f"metric.{metric_name}", lang)
    names = {
        "loss": t("chart.loss", lang),
        "val_loss": t("chart.val_loss", lang),
        "metric": t("chart.metric", lang, metric=metric),
        "val_metric": t("chart.val_metric", lang, metric=metric),
    }
    traces = [
        {
            "type": "scatter",
            "x": epochs,
            "y": columns[name],
            "name": names[name],
            "mode": "lines",
            "xaxis": axis,
            "yaxis": axis.replace("x", "y"),
            "line": {"color": colour, **({"dash": "dash"} if name.startswith("val_") else {})},
            "meta": name,
        }
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
    return _figure(traces, layout)


def refresh_curves(figure: go.Figure, history: list[EpochLog]) -> go.Figure:
    """The same chart with the history's numbers now: ~20× cheaper than building it anew, for live redraws."""
    columns, epochs = _columns(history)
    with figure.batch_update():
        for trace in figure.data:
            trace.x, trace.y = epochs, columns[trace.meta]
    return figure


MAX_POINTS = 300  # per curve sent to the browser, however long the run: a 50,000-epoch run is still a small chart
SENT = np.float32  # the live charts' numbers: as many digits as a chart can show, half the bytes of float64


def _figure(traces: list[dict], layout: dict) -> go.Figure:
    """A figure of plain trace and layout dicts, its template lean: trace styles for the kinds it draws only.

    A figure carries its whole template (Streamlit's: its page theme's colours for ~10 kinds of trace, 3.7 KB;
    Plotly's own: 7 KB), sent again with every live redraw; the layout part of the template is kept whole.

    Built without Plotly checking every value and copying the template (`_validate=False`): the curves are built
    in every page run after training and the map several times a second while training, and the checks were ~90 %
    of a build (4.4 ms → 0.66 ms for the curves). `tests/unit/test_charts_checked.py` holds each builder's figures
    to Plotly's checks instead, and to the very JSON a checked build gives.
    """
    kinds = tuple(sorted({trace["type"] for trace in traces}))
    layout = {**layout, "template": _lean_template(pio.templates.default, kinds)}
    return go.Figure(data=traces, layout=layout, _validate=False)


@lru_cache(maxsize=16)
def _lean_template(name: str, kinds: tuple[str, ...]) -> dict:
    """The template `name` (Plotly's default when a figure is built) with trace styles for `kinds` only.

    One dict per template and kinds, shared by the figures built with it: nothing changes a figure's template."""
    template = pio.templates[name].to_plotly_json()
    styles = {kind: style for kind, style in template.get("data", {}).items() if kind in kinds}
    return {"layout": template.get("layout", {}), "data": styles}


def thinned(count: int, limit: int = MAX_POINTS) -> np.ndarray:
    """Which of `count` points a curve keeps: all of them up to `limit`, else `limit` evenly spread ones.

    The first and the last (the epoch now, or the one time travel shows) are always kept.
    """
    if count <= limit:
        return np.arange(count)
    return np.unique(np.linspace(0, count - 1, limit).round().astype(int))


def _columns(history: list[EpochLog]) -> tuple[dict[str, np.ndarray], np.ndarray]:
    kept = thinned(len(history))
    columns = {name: np.array([getattr(history[i], name) for i in kept], dtype=SENT) for name in _SERIES}
    return columns, np.array([history[i].epoch for i in kept], dtype=int)  # a board's curves skip epochs


_SERIES = {
    "loss": ("x", "#c91a09"),
    "val_loss": ("x", "#c91a09"),
    "metric": ("x2", "#0055bf"),
    "val_metric": ("x2", "#0055bf"),
}


# --- data views: the map over the plane, classes, the truth, images ------------------------------

CLASS_COLOURS = ("#0055bf", "#e3000b", "#00852b", "#f2a900", "#7a3e9d", "#00a3da", "#e4adc8", "#5c3b1e", "#9ba19d")
_MAP_SCALE = [[0.0, "#e3000b"], [0.5, "#ffffff"], [1.0, "#0055bf"]]  # no → white → yes, as Playground's
_NUMBER_SCALE = [list(stop) for stop in go.Heatmap(colorscale="RdBu").colorscale]  # Plotly.js's "RdBu" differs
_COUNT_SCALE = [list(stop) for stop in go.Heatmap(colorscale="Blues").colorscale]


def class_names(data: Dataset, lang: str) -> list[str]:
    """Each class's name in `lang`: the data's own words, the names written in the file, or its number."""
    count = len(data.class_label_keys) or len(data.class_names) or max(data.n_classes, 2)
    labels = (class_label(data, index) for index in range(count))
    return [label.text(lang) if isinstance(label, Message) else label for label in labels]


def map_figure(
    grid: PlaneGrid,
    cells: np.ndarray,
    points: np.ndarray,
    truth: np.ndarray,
    is_val: np.ndarray,
    data: Dataset,
    lang: str,
    asked: tuple[float, float] | None = None,
    show_val: bool = True,
) -> go.Figure:
    """The figure's answer over the plane as a heatmap, the examples on it (validation ones hollow).

    `cells` is one value per grid cell: the yes-probability, the picked class or the number answered.
    """
    classes = data.label_kind != "number"
    names = class_names(data, lang) if classes else []
    heat = {"type": "heatmap", "x": grid.xs, "y": grid.ys, "z": grid.as_map(cells).astype(SENT), "hoverinfo": "skip"}
    if data.label_kind == "classes":
        colours = [CLASS_COLOURS[i % len(CLASS_COLOURS)] for i in range(len(names))]
        scale = [[i / max(1, len(colours) - 1), colour] for i, colour in enumerate(colours)]
        heat |= {"colorscale": scale, "zmin": 0, "zmax": max(1, len(colours) - 1), "opacity": 0.45, "showscale": False}
    else:
        heat |= {
            "colorscale": _MAP_SCALE if classes else _NUMBER_SCALE,
            "opacity": 0.6,
            "colorbar": {"thickness": 10, "len": 0.8},
        }
        if classes:
            heat |= {"zmin": 0, "zmax": 1}
    traces = [heat]
    parts = [("train", ~is_val, "circle")] + ([("val", is_val, "circle-open")] if show_val else [])
    for part, rows, symbol in parts:
        if not rows.any():
            continue
        if classes:
            for number, name in enumerate(names):
                chosen = rows & (truth == number)
                if chosen.any():
                    traces.append(
                        _points(
                            points[chosen],
                            f"{name} ({t(f'chart.{part}', lang)})",
                            symbol,
                            _class_colour(data, number),
                        )
                    )
        else:
            traces.append(_points(points[rows], t(f"chart.{part}", lang), symbol, "#1b2a34"))
    if asked is not None:
        traces.append(
            {
                "type": "scatter",
                "x": [asked[0]],
                "y": [asked[1]],
                "mode": "markers",
                "name": t("chart.asked", lang),
                "marker": {"color": "#f2cd37", "size": 18, "symbol": "star", "line": {"color": "#1b2a34", "width": 2}},
            }
        )
    layout = {
        "height": 420,
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "legend": {"orientation": "h", "y": -0.12},
        "xaxis": {"title": {"text": "x₁"}, "range": [float(grid.xs[0]), float(grid.xs[-1])]},
        "yaxis": {"title": {"text": "x₂"}, "range": [float(grid.ys[0]), float(grid.ys[-1])], "scaleanchor": "x"},
    }
    return _figure(traces, layout)


def _class_colour(data: Dataset, number: int) -> str:
    """Yes/no points in the map's own colours (no red, yes blue); classes each in their colour."""
    if data.label_kind == "binary":
        return _MAP_SCALE[-1][1] if number else _MAP_SCALE[0][1]
    return CLASS_COLOURS[number % len(CLASS_COLOURS)]


def _points(xy: np.ndarray, name: str, symbol: str, colour: str) -> dict:
    marker = {
        "color": colour,
        "size": 7,
        "symbol": symbol,
        "line": {"color": "#ffffff" if symbol == "circle" else colour, "width": 1},
    }
    return {
        "type": "scatter",
        "x": xy[:, 0],
        "y": xy[:, 1],
        "mode": "markers",
        "name": name,
        "marker": marker,
        "hoverinfo": "skip",
    }


def confusion_figure(counts: np.ndarray, names: list[str], lang: str) -> go.Figure:
    """Rows: the true class; columns: the class the figure picked; the diagonal is right."""
    heat = {
        "type": "heatmap",
        "z": counts,
        "x": names,
        "y": names,
        "colorscale": _COUNT_SCALE,
        "showscale": False,
        "text": counts,
        "texttemplate": "%{text}",
        "hovertemplate": "%{y} → %{x}: %{z}<extra></extra>",
    }
    layout = {
        "height": 120 + 34 * len(names),
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "xaxis": {"title": {"text": t("chart.picked", lang)}, "side": "top", "type": "category"},
        "yaxis": {"title": {"text": t("chart.truth", lang)}, "autorange": "reversed", "type": "category"},
    }
    return _figure([heat], layout)


def truth_figure(truth: np.ndarray, predicted: np.ndarray, lang: str) -> go.Figure:
    """Each example's true number against the figure's answer; a perfect figure sits on the diagonal."""
    low, high = float(min(truth.min(), predicted.min())), float(max(truth.max(), predicted.max()))
    perfect = {
        "type": "scatter",
        "x": [low, high],
        "y": [low, high],
        "mode": "lines",
        "name": t("chart.perfect", lang),
        "line": {"color": "#9ba19d", "dash": "dash"},
    }
    points = {
        "type": "scatter",
        "x": truth,
        "y": predicted,
        "mode": "markers",
        "name": t("chart.points", lang),
        "marker": {"color": "#0055bf"},
    }
    layout = {
        "height": 320,
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "legend": {"orientation": "h"},
        "xaxis": {"title": {"text": t("chart.truth", lang)}},
        "yaxis": {"title": {"text": t("chart.output", lang)}},
    }
    return _figure([perfect, points], layout)


def image_figure(image: np.ndarray, height: int = 200) -> go.Figure:
    """One grey image, dark ink on white, as the digits are drawn."""
    figure = go.Figure(go.Heatmap(z=image, colorscale="Greys", showscale=False, hoverinfo="skip"))
    figure.update_layout(
        height=height,
        width=height,
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        xaxis={"visible": False},
        yaxis={"visible": False, "autorange": "reversed", "scaleanchor": "x"},
    )
    return figure


def probability_figure(probabilities: np.ndarray, names: list[str], lang: str) -> go.Figure:
    """How sure the figure is of each class, as bars; the picked class stands out."""
    picked = int(np.argmax(probabilities))
    colours = ["#0055bf" if i == picked else "#9ba19d" for i in range(len(names))]
    figure = go.Figure(
        go.Bar(
            x=names,
            y=probabilities,
            marker={"color": colours},
            text=[f"{p:.2f}" for p in probabilities],
            textposition="outside",
        )
    )
    figure.update_layout(
        height=260,
        margin={"l": 10, "r": 10, "t": 20, "b": 10},
        yaxis={"range": [0, 1.1], "title": {"text": t("chart.probability", lang)}},
        xaxis={"type": "category"},
    )
    return figure


def compare_figure(named_histories: list[tuple[str, list[EpochLog]]], metric_name: str, lang: str) -> go.Figure:
    """Each kept figure in its own colour: loss per epoch (left) and accuracy or error (right), training solid
    and validation dashed."""
    metric = t(f"metric.{metric_name}", lang)
    traces = []
    for number, (name, history) in enumerate(named_histories):
        colour = CLASS_COLOURS[number % len(CLASS_COLOURS)]
        with_validation = bool(history) and history[-1].val_loss is not None
        kept = thinned(len(history))
        epochs = kept + 1
        series = [("loss", "chart.train", "x", None), ("metric", "chart.train", "x2", None)]
        if with_validation:
            series += [("val_loss", "chart.val", "x", "dash"), ("val_metric", "chart.val", "x2", "dash")]
        for field, part, axis, dash in series:
            what = "" if field.endswith("loss") else f" · {metric}"
            traces.append(
                go.Scatter(
                    x=epochs,
                    y=[getattr(history[i], field) for i in kept],
                    name=f"{name} · {t(part, lang)}{what}",
                    mode="lines",
                    xaxis=axis,
                    yaxis=axis.replace("x", "y"),
                    line={"color": colour, "dash": dash},
                    legendgroup=name,
                    showlegend=field.endswith("loss"),  # one legend entry per figure and part: colours say the rest
                )
            )
    layout = {
        "height": 340,
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "legend": {"orientation": "h", "y": -0.25},
        "xaxis": {"domain": [0, 0.45], "title": {"text": t("chart.epoch", lang)}},
        "xaxis2": {"domain": [0.55, 1], "title": {"text": t("chart.epoch", lang)}},
        "yaxis": {"title": {"text": t("chart.loss_axis", lang)}},
        "yaxis2": {"anchor": "x2", "title": {"text": metric}},
    }
    return go.Figure(data=traces, layout=layout)


def compare_answers_figure(
    grid: np.ndarray, named_outputs: list[tuple[str, np.ndarray]], data: Dataset, lang: str
) -> go.Figure:
    """Each kept figure's answer over the whole input range (1-D data), over the examples and their true answers."""
    traces = [
        go.Scatter(
            x=data.x[:, 0],
            y=data.y,
            mode="markers",
            name=t("chart.points", lang),
            marker={"color": "#1b2a34", "size": 9},
        )
    ]
    for number, (name, outputs) in enumerate(named_outputs):
        colour = CLASS_COLOURS[number % len(CLASS_COLOURS)]
        traces.append(go.Scatter(x=grid, y=outputs, mode="lines", name=name, line={"color": colour, "width": 3}))
    layout = {
        "height": 300,
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
        "legend": {"orientation": "h", "y": -0.3},
        "xaxis": {"title": {"text": t(data.feature_key, lang)}},
        "yaxis": {"title": {"text": t("chart.output", lang)}},
    }
    return go.Figure(data=traces, layout=layout)
