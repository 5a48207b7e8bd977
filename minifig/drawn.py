"""A digit drawn on a canvas, made to look like the data's small images: ink cropped, centred, shrunk.

scikit-learn's digits (like MNIST) were cropped to the ink's box and centred before they were
shrunk; a drawing is treated the same way, so a "3" drawn in a corner still looks like a "3".
"""

from __future__ import annotations

import numpy as np

INK_LEVEL = 0.1  # a canvas pixel darker than this share of full ink counts as drawn


def ink(rgba: np.ndarray) -> np.ndarray:
    """How dark each canvas pixel is, 0 (white paper) to 1 (black ink); transparent pixels are paper."""
    rgba = np.asarray(rgba, dtype="float32")
    grey = rgba[..., :3].mean(axis=-1) / 255.0
    alpha = rgba[..., 3] / 255.0 if rgba.shape[-1] == 4 else 1.0
    return ((1.0 - grey) * alpha).clip(0, 1)


def as_small_image(rgba: np.ndarray, shape: tuple[int, int] = (8, 8), margin: float = 0.1) -> np.ndarray | None:
    """The drawing as a `shape` image of brightness 0..1, or None when nothing is drawn.

    The ink's bounding box is padded to a square with `margin` of its size on each side, then each
    output pixel is the mean ink of its block.
    """
    paper = ink(rgba)
    rows, cols = np.nonzero(paper > INK_LEVEL)
    if len(rows) == 0:
        return None
    top, bottom, left, right = rows.min(), rows.max() + 1, cols.min(), cols.max() + 1
    side = max(bottom - top, right - left)
    side = int(np.ceil(side * (1 + 2 * margin)))
    side = max(side, shape[0], shape[1])
    square = np.zeros((side, side), dtype="float32")
    r0, c0 = (side - (bottom - top)) // 2, (side - (right - left)) // 2
    square[r0 : r0 + bottom - top, c0 : c0 + right - left] = paper[top:bottom, left:right]
    row_edges = np.linspace(0, side, shape[0] + 1).astype(int)
    col_edges = np.linspace(0, side, shape[1] + 1).astype(int)
    small = np.array(
        [
            [square[row_edges[i] : row_edges[i + 1], col_edges[j] : col_edges[j + 1]].mean() for j in range(shape[1])]
            for i in range(shape[0])
        ],
        dtype="float32",
    )
    return (small / max(float(small.max()), 1e-6)).clip(0, 1)
