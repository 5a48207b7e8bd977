"""The shape check knows every head that cannot be built: whatever bricks, in whatever order, on whatever data.

Keras itself is the oracle: `shapes.flow(...).builds` must say exactly when `build.build_head` succeeds, and
when it does, the shape check's final shape must be the model's. The heads are drawn from the whole catalogue
(tests/figures.py), so a new card is checked as soon as it is added.
"""

from dataclasses import replace

import pytest
from hypothesis import given, settings

from minifig import fit_check
from minifig.build import build_head
from minifig.cards import CATALOGUE, LAYER, brick, cards_of
from minifig.datasets import load
from minifig.shapes import flow, head_builds
from minifig.spec import preset_figure
from tests.conftest import FUZZ
from tests.figures import figures, seen_width


@pytest.mark.fuzz
@settings(max_examples=1000 if FUZZ else 120)
@given(figure=figures())
def test_the_shape_check_says_exactly_which_heads_keras_can_build(figure):
    n_features = seen_width(figure)
    shapes = flow(figure, n_features)
    try:
        model = build_head(figure, n_features)
        built, why = model.built, "an empty Sequential is never built"
    except ValueError as error:  # Keras's word for "these shapes do not go together"
        built, why = False, str(error)
    if shapes.builds:
        assert built, f"the shape check missed: {why}"
        assert model.output_shape[1:] == shapes.final
        learns = any(CATALOGUE[b.card].learns for b in figure.head)
        assert bool(model.trainable_weights) == learns, "a card's `learns` disagrees with Keras"
    # Keras builds a few heads the page still refuses (Dense on an image): a misfit with its fix, never a crash.


def test_an_empty_head_cannot_be_built():
    assert not head_builds(replace(preset_figure("gauss"), head=()), 2)


def test_shape_misfits_are_found_without_a_torso_or_legs():
    spec = replace(preset_figure("moons"), head=(brick("maxpool", pool_size=3), brick("dense", units=1)), torso=None)
    reasons = [m.reason.key for m in fit_check.misfits(spec, load("moons"))]
    assert "shape.no_images" in reasons and not head_builds(spec, 2)


def test_a_head_with_nothing_to_learn_is_a_misfit_whatever_its_bricks():
    """Found by the sweep: a head of one Activation brick compiled, and training it raised."""
    seed = load("seed")
    offenders = []
    for card in cards_of(LAYER):
        head = (brick(card.id), brick("activation", activation="sigmoid"))
        reasons = [m.reason.key for m in fit_check.misfits(replace(preset_figure("seed"), head=head), seed)]
        if ("misfit.nothing_to_learn" in reasons) == card.learns:
            offenders.append(card.id)
    assert not offenders
