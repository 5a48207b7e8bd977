"""The eyes: which views of a 2-D point (x₁, x₂) the head gets to see, as in TensorFlow Playground's feature inputs.

A view is a record — id, the label shown on the eye, what it tells the head, a numpy function of
the two inputs and the same function as Python code for the exported script. Given x₁² and x₂²,
even a one-neuron head can tell the inside of a circle from the outside: the circle is a straight
line in those views.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from minifig.datasets import Dataset


@dataclass(frozen=True)
class View:
    id: str
    label: str  # shown on the eye; the same in every language
    explain_key: str  # i18n key: what this view tells the head
    see: Callable[[np.ndarray, np.ndarray], np.ndarray]  # (x₁ column, x₂ column) → the view's column
    code: str  # the same as a Python expression of X (samples × 2)


VIEWS: dict[str, View] = {
    view.id: view
    for view in (
        View("x1", "x₁", "view.across", lambda x1, x2: x1, "X[:, 0]"),
        View("x2", "x₂", "view.up", lambda x1, x2: x2, "X[:, 1]"),
        View("x1sq", "x₁²", "view.across_squared", lambda x1, x2: x1**2, "X[:, 0] ** 2"),
        View("x2sq", "x₂²", "view.up_squared", lambda x1, x2: x2**2, "X[:, 1] ** 2"),
        View("x1x2", "x₁·x₂", "view.product", lambda x1, x2: x1 * x2, "X[:, 0] * X[:, 1]"),
        View("sinx1", "sin x₁", "view.wave_across", lambda x1, x2: np.sin(x1), "np.sin(X[:, 0])"),
        View("sinx2", "sin x₂", "view.wave_up", lambda x1, x2: np.sin(x2), "np.sin(X[:, 1])"),
    )
}

DEFAULT_VIEWS = ("x1", "x2")


def apply_views(x2d: np.ndarray, view_ids) -> np.ndarray:
    """The points as the chosen eyes see them: one column per view, in the order given.

    Args:
        x2d: points, samples × 2 (x₁, x₂).
        view_ids: keys of `VIEWS`, at least one, each at most once.

    Returns:
        A float32 array, samples × len(view_ids).

    Raises:
        ValueError: `x2d` is not samples × 2, or `view_ids` is empty, repeats or names an unknown view.
    """
    view_ids = tuple(view_ids)
    points = np.asarray(x2d, dtype="float32")
    if points.ndim != 2 or points.shape[1] != 2:
        raise ValueError(f"Received inputs of the wrong shape, expected (samples, 2). Received: shape={points.shape}")
    unknown = [v for v in view_ids if v not in VIEWS]
    if not view_ids or unknown or len(set(view_ids)) != len(view_ids):
        raise ValueError(
            f"Received an invalid value for `view_ids`, expected distinct views from {list(VIEWS)}. "
            f"Received: view_ids={view_ids!r}"
        )
    x1, x2 = points[:, 0], points[:, 1]
    return np.stack([VIEWS[v].see(x1, x2) for v in view_ids], axis=1).astype("float32")


def with_views(data: Dataset, view_ids) -> Dataset:
    """The data set with its 2-D points replaced by the chosen views; answers unchanged.

    The result remembers its `views` and names its inputs after them; its `code` (when the data
    has any) ends with the line that makes the same views.

    Raises:
        ValueError: the data's inputs are not raw 2-D points, or `view_ids` is not usable (see `apply_views`).
    """
    if data.n_features != 2 or data.views:
        raise ValueError(
            "Received data that is not raw 2-D points, expected 2 inputs seen by no eyes yet. "
            f"Received: n_features={data.n_features}, views={data.views!r}"
        )
    x = apply_views(data.x, view_ids)
    view_ids = tuple(view_ids)
    code = ""
    if data.code:
        columns = ", ".join(VIEWS[v].code for v in view_ids)
        code = f'{data.code}\nX = np.stack([{columns}], axis=1).astype("float32")'
    return replace(data, x=x, views=view_ids, feature_names=tuple(VIEWS[v].label for v in view_ids), code=code)
