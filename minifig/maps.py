"""What a figure's answers look like as a whole: over the plane, per class, against the truth.

Plain numpy, no model and no page: the caller asks its head for the answers and these functions
lay them out for the charts (TensorFlow Playground's output map, a confusion matrix, predicted vs
true). `minifig.answers.decide` turns raw outputs into the class the figure picks.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAP_RESOLUTION = 60  # cells per side of the map; 3,600 answers per redraw is ~1 ms for a small head


@dataclass(frozen=True)
class PlaneGrid:
    """A square grid of points covering the data's plane with a margin."""

    xs: np.ndarray  # (resolution,) the x₁ of each column
    ys: np.ndarray  # (resolution,) the x₂ of each row
    points: np.ndarray  # (resolution², 2) float32, row by row (x₂ outer, x₁ inner)

    def as_map(self, values: np.ndarray) -> np.ndarray:
        """Answers for `points`, one per point, laid out as rows (x₂) × columns (x₁)."""
        return np.asarray(values).reshape(len(self.ys), len(self.xs))


def plane_grid(points: np.ndarray, resolution: int = MAP_RESOLUTION, margin: float = 0.1) -> PlaneGrid:
    """The grid over the box around 2-D `points`, widened by `margin` of its size on each side."""
    points = np.asarray(points, dtype="float32")
    low, high = points.min(axis=0), points.max(axis=0)
    pad = np.maximum(high - low, 1e-6) * margin
    xs = np.linspace(low[0] - pad[0], high[0] + pad[0], resolution, dtype="float32")
    ys = np.linspace(low[1] - pad[1], high[1] + pad[1], resolution, dtype="float32")
    grid_x, grid_y = np.meshgrid(xs, ys)
    return PlaneGrid(xs, ys, np.stack([grid_x.ravel(), grid_y.ravel()], axis=1))


def class_numbers(y: np.ndarray) -> np.ndarray:
    """True answers as class numbers, whether written as numbers or one-hot rows."""
    y = np.asarray(y)
    return y.argmax(axis=1) if y.ndim == 2 and y.shape[1] > 1 else y.reshape(-1).astype(int)


def confusion(truth: np.ndarray, picked: np.ndarray, n_classes: int) -> np.ndarray:
    """counts[i, j]: how many examples of true class i the figure called class j."""
    counts = np.zeros((n_classes, n_classes), dtype=int)
    np.add.at(counts, (np.asarray(truth, int), np.clip(np.asarray(picked, int), 0, n_classes - 1)), 1)
    return counts
