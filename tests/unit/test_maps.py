import numpy as np

from minifig.answers import decide
from minifig.maps import class_numbers, confusion, plane_grid


def test_grid_covers_the_points_with_a_margin():
    points = np.array([[0, 0], [2, 1]], dtype="float32")
    grid = plane_grid(points, resolution=5, margin=0.1)
    assert grid.points.shape == (25, 2)
    assert np.isclose(grid.xs[0], -0.2) and np.isclose(grid.xs[-1], 2.2)
    assert np.isclose(grid.ys[0], -0.1) and np.isclose(grid.ys[-1], 1.1)
    values = grid.points[:, 0] + 10 * grid.points[:, 1]
    laid_out = grid.as_map(values)
    assert laid_out.shape == (5, 5)
    assert np.isclose(laid_out[0, -1], 2.2 + 10 * -0.1)  # row = x₂, column = x₁


def test_decide_thresholds_yes_no_and_picks_the_largest_class():
    assert decide(np.array([[0.2], [0.7]]), "binary").tolist() == [0, 1]
    assert decide(np.array([[-0.5], [0.5]]), "binary", threshold=0.0).tolist() == [0, 1]
    assert decide(np.array([[0.1, 0.7, 0.2], [0.5, 0.2, 0.3]]), "classes").tolist() == [1, 0]


def test_confusion_counts_truth_rows_against_answer_columns():
    counts = confusion(np.array([0, 0, 1, 2, 2]), np.array([0, 1, 1, 2, 0]), 3)
    assert counts.tolist() == [[1, 1, 0], [0, 1, 0], [1, 0, 1]]
    assert counts.sum() == 5


def test_class_numbers_reads_one_hot_rows():
    assert class_numbers(np.eye(3)[[2, 0]]).tolist() == [2, 0]
    assert class_numbers(np.array([[1.0], [0.0]])).tolist() == [1, 0]


def test_refreshed_curves_equal_a_fresh_chart():
    from minifig.charts import curves_figure, refresh_curves
    from minifig.history import EpochLog

    history = [EpochLog(i, 1 / i, i / 10, 2 / i, i / 20) for i in range(1, 6)]
    figure = curves_figure(history[:2], "accuracy", True, "en")
    refresh_curves(figure, history)
    fresh = curves_figure(history, "accuracy", True, "en")
    assert [list(trace.y) for trace in figure.data] == [list(trace.y) for trace in fresh.data]
    assert [list(trace.x) for trace in figure.data] == [[1, 2, 3, 4, 5]] * 4
