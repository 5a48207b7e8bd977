"""The live charts and the results are built without Plotly's checks (`charts._figure`); here each is held to them.

A figure built unchecked must be one Plotly accepts, and send the very JSON that a checked build of it sends (a
check also rewrites: a named colour scale becomes its list of colours, `None`s go). Its template is the page's
default one, trimmed to the kinds of trace it draws, and shared: building, refreshing and sending never change it.
"""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
import pytest
import streamlit.elements.plotly_chart  # noqa: F401 - the page's default template, as on the page

from minifig import datasets
from minifig.charts import _lean_template, confusion_figure, curves_figure, map_figure, refresh_curves, truth_figure
from minifig.engine import EpochLog
from minifig.maps import plane_grid

HISTORY = [EpochLog(i, 1 / i, 0.5 + i / 1000, 1.2 / i, 0.4 + i / 900) for i in range(1, 400)]
PLANES = [name for name in datasets.DATASETS if datasets.load(name).feature_key == "feature.point"]


def curves() -> dict[str, go.Figure]:
    live = curves_figure(HISTORY[:20], "accuracy", True, "en")
    return {
        "curves": curves_figure(HISTORY, "accuracy", True, "en"),
        "curves, no validation, Korean": curves_figure(HISTORY[:50], "mae", False, "ko"),
        "refreshed": refresh_curves(live, HISTORY),
        "one epoch": curves_figure(HISTORY[:1], "accuracy", False, "en"),
        "diverged": curves_figure([*HISTORY[:5], EpochLog(6, float("nan"), float("inf"))], "mae", False, "en"),
    }


def plane_map(name: str, lang: str) -> go.Figure:
    data = datasets.load(name)
    grid = plane_grid(data.x)
    rng = np.random.default_rng(len(name))
    if data.label_kind == "number":
        cells = rng.normal(size=len(grid.points))
    elif data.label_kind == "binary":
        cells = rng.random(len(grid.points))
    else:
        cells = rng.integers(0, data.n_classes, len(grid.points))
    is_val = np.arange(len(data.x)) % 4 == 0
    return map_figure(grid, cells, data.x, data.y, is_val, data, lang, asked=(0.1, -0.2), show_val=lang == "en")


def results() -> dict[str, go.Figure]:
    rng = np.random.default_rng(7)
    truth = rng.normal(size=40)
    return {
        "confusion, yes/no": confusion_figure(np.array([[5, 1], [0, 4]]), ["no", "yes"], "en"),
        "confusion, ten classes": confusion_figure(rng.integers(0, 9, (10, 10)), [str(i) for i in range(10)], "ko"),
        "truth against answers": truth_figure(truth, truth + rng.normal(scale=0.1, size=40), "en"),
    }


def figures() -> dict[str, go.Figure]:
    maps = {f"map of {name} ({lang})": plane_map(name, lang) for name in PLANES for lang in ("en", "ko")}
    return {**curves(), **maps, **results()}


@pytest.mark.parametrize("name", list(figures()))
def test_an_unchecked_figure_passes_plotlys_checks_and_sends_what_a_checked_one_sends(name):
    figure = figures()[name]
    sent = json.loads(pio.to_json(figure, validate=False))  # as Streamlit sends it
    checked = go.Figure(figure.to_plotly_json())  # raises on anything Plotly does not accept
    assert json.loads(pio.to_json(checked, validate=False)) == sent


def test_the_template_is_the_defaults_with_only_the_kinds_drawn_and_stays_as_it_was():
    kinds = ("heatmap", "scatter")
    before = json.dumps(_lean_template(pio.templates.default, kinds), sort_keys=True)
    for figure in figures().values():
        pio.to_json(figure, validate=False)
    assert json.dumps(_lean_template(pio.templates.default, kinds), sort_keys=True) == before
    whole = pio.templates[pio.templates.default].to_plotly_json()
    lean = _lean_template(pio.templates.default, kinds)
    assert lean["layout"] == whole["layout"]
    assert set(lean["data"]) == set(kinds) and set(whole["data"]) > set(kinds)
    assert plane_map(PLANES[0], "en").layout.template.to_plotly_json() == lean
