"""The map of a figure's answers over the plane of 2-D data, with the examples on it (as in Playground)."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from components.data import DataChoice
from minifig.answers import map_cells
from minifig.charts import map_figure
from minifig.datasets import split_rows
from minifig.features import apply_views
from minifig.maps import plane_grid


def through_eyes(choice: DataChoice, points: np.ndarray) -> np.ndarray:
    """2-D points as the head receives them: through the chosen eyes, if any."""
    return apply_views(points, choice.seen.views) if choice.seen.views else np.asarray(points, dtype="float32")


def map_of(head, choice: DataChoice, asked: tuple[float, float] | None = None) -> go.Figure:
    """The head's answer at every cell of the plane; yes/no answers shown as probability or, discretised, as 0/1."""
    ss = st.session_state
    raw = choice.raw
    grid = plane_grid(raw.x)
    outputs = head.predict(through_eyes(choice, grid.points))
    cells = map_cells(outputs, raw.label_kind, ss.torso, ss.discretise)
    _, val_rows = split_rows(len(raw.x), ss.validation_split, int(ss.seed))
    is_val = np.zeros(len(raw.x), dtype=bool)
    is_val[val_rows] = True
    truth = raw.y if raw.label_kind == "number" else raw.y.astype(int)
    return map_figure(grid, cells, raw.x, truth, is_val, raw, ss.lang, asked=asked, show_val=ss.show_val)
