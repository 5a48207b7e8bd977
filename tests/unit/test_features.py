"""The eyes: each view computes what its label says, and the right views let one neuron solve the circle."""

import numpy as np
import pytest

from minifig.cards import brick
from minifig.datasets import load
from minifig.engine import Trainer
from minifig.features import DEFAULT_VIEWS, VIEWS, apply_views, with_views
from minifig.fit_check import misfits
from minifig.i18n import STRINGS
from minifig.spec import FigureSpec, Training

POINTS = np.array([[0.5, -2.0], [-1.0, 3.0], [0.0, 0.25]], dtype="float32")
X1, X2 = POINTS[:, 0], POINTS[:, 1]
EXPECTED = {
    "x1": ("x₁", X1),
    "x2": ("x₂", X2),
    "x1sq": ("x₁²", X1**2),
    "x2sq": ("x₂²", X2**2),
    "x1x2": ("x₁·x₂", X1 * X2),
    "sinx1": ("sin x₁", np.sin(X1)),
    "sinx2": ("sin x₂", np.sin(X2)),
}


def test_the_views_are_playgrounds_seven_and_the_default_is_the_raw_point():
    assert list(VIEWS) == list(EXPECTED)
    assert DEFAULT_VIEWS == ("x1", "x2")
    for view in VIEWS.values():
        assert view.explain_key in STRINGS


@pytest.mark.parametrize("view_id", list(EXPECTED))
def test_each_view_computes_what_its_label_says(view_id):
    label, column = EXPECTED[view_id]
    assert VIEWS[view_id].label == label
    seen = apply_views(POINTS, [view_id])
    assert seen.shape == (3, 1) and seen.dtype == np.float32
    np.testing.assert_allclose(seen[:, 0], column, rtol=1e-6)


def test_views_come_out_in_the_order_chosen():
    seen = apply_views(POINTS, ["x2sq", "x1", "x1x2"])
    np.testing.assert_allclose(seen, np.stack([X2**2, X1, X1 * X2], axis=1), rtol=1e-6)


@pytest.mark.parametrize(
    "points, view_ids",
    [
        (POINTS, []),
        (POINTS, ["x3"]),
        (POINTS, ["x1", "x1"]),
        (POINTS[:, :1], ["x1"]),
        (POINTS[:, 0], ["x1"]),
    ],
)
def test_unusable_views_or_points_are_refused(points, view_ids):
    with pytest.raises(ValueError):
        apply_views(points, view_ids)


def test_with_views_replaces_the_inputs_and_keeps_the_answers():
    circle = load("circle")
    seen = with_views(circle, ["x1sq", "x2sq", "x1x2"])
    assert seen.x.shape == (300, 3) and seen.views == ("x1sq", "x2sq", "x1x2")
    assert seen.feature_names == ("x₁²", "x₂²", "x₁·x₂")
    np.testing.assert_array_equal(seen.y, circle.y)
    np.testing.assert_allclose(seen.x[:, 0], circle.x[:, 0] ** 2, rtol=1e-6)
    names = {"np": np}
    exec(seen.code, names)  # the exported script makes the same views
    np.testing.assert_allclose(names["X"], seen.x, rtol=1e-6)


@pytest.mark.parametrize("dataset_id", ["seed", "sine", "digits"])
def test_only_raw_points_in_the_plane_get_eyes(dataset_id):
    with pytest.raises(ValueError, match="2-D"):
        with_views(load(dataset_id), DEFAULT_VIEWS)
    with pytest.raises(ValueError, match="2-D"):
        with_views(with_views(load("circle"), ["x1sq", "x2sq"]), DEFAULT_VIEWS)


def one_neuron_on_circle(view_ids) -> float:
    """Validation accuracy of a head that is a single Dense(1, sigmoid), seeing the circle through `view_ids`."""
    data = with_views(load("circle"), view_ids)
    spec = FigureSpec(
        (brick("dense", units=1, activation="sigmoid"),),
        brick("binary_crossentropy"),
        brick("adam", learning_rate=0.05),
        "circle",
        Training(epochs=40, batch_size=16, validation_split=0.2, seed=42),
    )
    assert misfits(spec, data) == []
    return Trainer(spec, data).train(40, 16).logs[-1].val_metric


def test_one_neuron_cannot_draw_a_circle_from_x1_and_x2():
    assert one_neuron_on_circle(["x1", "x2"]) < 0.75


def test_one_neuron_solves_the_circle_given_x1_squared_and_x2_squared():
    assert one_neuron_on_circle(["x1sq", "x2sq"]) >= 0.9
