"""Image bricks, shapes down the head, the fit check's shape misfits, and Dense's weight penalty."""

from dataclasses import replace

import numpy as np
import pytest

from minifig import fit_check
from minifig.build import build_head
from minifig.cards import brick
from minifig.codegen import python_script
from minifig.datasets import load
from minifig.drawing import brick_label
from minifig.shapes import flow, sees_images
from minifig.spec import preset_figure, seed_figure
from minifig.summary import total_weights
from minifig.url_state import from_query, to_query

DIGITS = preset_figure("digits")
SOFTMAX_10 = brick("dense", units=10, activation="softmax")
CONV_HEAD = (brick("conv2d", filters=4), brick("maxpool"), brick("flatten"), SOFTMAX_10)


def test_conv_head_sees_images_and_shrinks_them():
    spec = replace(DIGITS, head=CONV_HEAD)
    assert sees_images(spec)
    shapes = flow(spec, 64)
    assert shapes.input == (8, 8, 1)
    assert shapes.outputs == [(8, 8, 4), (4, 4, 4), (64,), (10,)]
    assert shapes.problems == []
    model = build_head(spec, 64)
    assert model.output_shape == (None, 10)
    assert total_weights(spec, 64) == model.count_params()


def test_conv_head_fits_the_digits_and_learns_them():
    from minifig.engine import Trainer

    data = load("digits")
    spec = replace(DIGITS, head=CONV_HEAD)
    assert fit_check.misfits(spec, data) == []
    trainer = Trainer(spec, data)
    trainer.train(10, 32)
    assert trainer.history[-1].val_metric >= 0.9


@pytest.mark.parametrize(
    "head, key",
    [
        ((brick("flatten"), brick("conv2d"), brick("flatten"), SOFTMAX_10), "shape.needs_image"),
        ((brick("conv2d"), SOFTMAX_10), "shape.dense_on_image"),
        (
            (
                brick("conv2d"),
                brick("maxpool", pool_size=4),
                brick("maxpool", pool_size=4),
                brick("maxpool", pool_size=4),
                brick("flatten"),
                SOFTMAX_10,
            ),
            "shape.too_small",
        ),
        ((brick("conv2d"),), "shape.ends_as_image"),
    ],
)
def test_shape_misfits_say_what_is_wrong_and_how_to_fix_it(head, key):
    misfits = fit_check.misfits(replace(DIGITS, head=head), load("digits"))
    assert key in [m.reason.key for m in misfits]
    fix = misfits[0].fix.text("en")
    assert "Flatten" in fix and "Dense(10, softmax)" in fix
    assert misfits[0].reason.text("ko") != misfits[0].reason.text("en")


def test_image_bricks_on_numbers_are_a_misfit():
    spec = replace(
        seed_figure(), head=(brick("conv2d"), brick("flatten"), brick("dense", units=1, activation="sigmoid"))
    )
    misfits = fit_check.misfits(spec, load("seed"))
    assert [m.reason.key for m in misfits] == ["shape.no_images"]
    assert "not images" in misfits[0].reason.text("en")


def test_ten_classes_need_ten_softmax_numbers():
    spec = replace(DIGITS, head=(brick("dense", units=32), brick("dense", units=3, activation="softmax")))
    reasons = [m.fix.text("en") for m in fit_check.misfits(spec, load("digits"))]
    assert any("Dense(10, softmax)" in r for r in reasons)


def test_weight_penalty_reaches_keras_the_code_and_the_address():
    head = (brick("dense", units=8, regularizer="l2", reg_rate=0.01), brick("dense", units=1, activation="sigmoid"))
    spec = replace(seed_figure(), head=head)
    model = build_head(spec, 1)
    penalty = model.layers[0].kernel_regularizer
    assert type(penalty).__name__ == "L2" and np.isclose(penalty.l2, 0.01)
    assert model.layers[1].kernel_regularizer is None
    assert "kernel_regularizer=keras.regularizers.L2(0.01)" in python_script(spec, load("seed"), "en")
    query = to_query(spec)
    assert query["layer"] == ["dense-8-relu-l2-0.01", "dense-1-sigmoid"]
    assert from_query({k: v if isinstance(v, list) else [v] for k, v in query.items()}) == spec
    assert brick_label(head[0]) == "Dense 8 relu L2 0.01"


def test_a_penalty_keeps_weights_smaller():
    from minifig.engine import Trainer

    data = load("seed")
    sizes = []
    for penalty in ("none", "l2"):
        head = (
            brick("dense", units=16, regularizer=penalty, reg_rate=0.05),
            brick("dense", units=1, activation="sigmoid"),
        )
        trainer = Trainer(replace(seed_figure(), head=head), data)
        trainer.train(100, 10)
        sizes.append(float(np.abs(trainer.model.layers[0].kernel.numpy()).sum()))
    assert sizes[1] < 0.9 * sizes[0]  # without the penalty in the loss they are equal
