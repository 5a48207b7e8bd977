import numpy as np

from minifig.drawn import as_small_image, ink


def _canvas(size=160):
    canvas = np.full((size, size, 4), 255, dtype="uint8")
    return canvas


def test_blank_canvas_is_nothing_drawn():
    assert as_small_image(_canvas()) is None


def test_transparent_pixels_are_paper():
    canvas = _canvas()
    canvas[..., 3] = 0
    canvas[..., :3] = 0
    assert ink(canvas).max() == 0


def test_a_stroke_in_a_corner_is_centred_and_fills_the_image():
    canvas = _canvas()
    canvas[10:50, 20:24, :3] = 0  # a vertical bar, top left
    small = as_small_image(canvas)
    assert small.shape == (8, 8)
    assert small.max() == 1.0
    column_ink = small.sum(axis=0)
    assert column_ink[3:5].sum() > 0.9 * column_ink.sum()  # the bar is in the middle columns
    row_ink = small.sum(axis=1)
    assert (row_ink[1:7] > 0).all()  # and runs from near the top to near the bottom


def test_drawn_digit_is_recognised_by_a_model_trained_on_the_digits():
    """A bold '1' drawn as one vertical stroke is read like the data's ones by nearest class mean."""
    from minifig.datasets import load

    data = load("digits")
    means = np.stack([data.x[data.y == d].mean(axis=0) for d in range(10)])
    canvas = _canvas()
    canvas[20:140, 72:90, :3] = 0
    small = as_small_image(canvas).reshape(-1)
    distances = ((means - small) ** 2).sum(axis=1)
    assert int(distances.argmin()) == 1
