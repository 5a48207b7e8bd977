"""A head without its Keras model: plain variables laid out as the model's, the model made on them when asked.

Generated over every layer card of the catalogue (a new card joins by itself)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from minifig import build
from minifig.cards import LAYER, brick, cards_of
from minifig.engine import Head
from minifig.spec import seed_figure

SEED = seed_figure()


def figure_with(card) -> tuple:
    """A head of this card then one answer, and how many inputs it takes (64 for a card that sees images)."""
    images = card.image_only or card.for_images
    head = (brick(card.id), *([brick("flatten")] if images else []), brick("dense", units=1, activation="sigmoid"))
    spec = dataclasses.replace(SEED, head=head, dataset="digits" if images else SEED.dataset)
    return spec, 64 if images else 3


@pytest.mark.parametrize("card", cards_of(LAYER), ids=lambda card: card.id)
def test_a_head_starts_from_the_seeded_models_numbers_and_its_model_is_made_on_its_own_variables(card):
    spec, n = figure_with(card)
    keras_made = build.build_head(spec, n, seed=spec.training.seed)
    head = Head(spec, n)

    assert [v.shape for v in head.variables] == [tuple(v.shape) for v in keras_made.variables]
    for mine, theirs in zip(head.variables, keras_made.variables, strict=True):
        np.testing.assert_array_equal(mine.numpy(), theirs.numpy())
    for mine, theirs in zip(head.get_weights(), keras_made.get_weights(), strict=True):
        np.testing.assert_array_equal(mine, theirs)
    for place, layer in enumerate(keras_made.layers):
        assert [path.split("/")[-1] for path, _ in head.layer_weights(place)] == [w.name for w in layer.weights]

    x = np.random.default_rng(0).uniform(-1, 1, (5, n)).astype("float32")
    np.testing.assert_allclose(head.predict(x), np.asarray(keras_made(x, training=False)), rtol=1e-5, atol=1e-6)

    model = head.model  # made now, on the head's own variables: a change either way shows in the other
    new = [value + 1 for value in head.get_weights()]
    model.set_weights(new)
    for mine, value in zip(head.get_weights(), new, strict=True):
        np.testing.assert_array_equal(mine, value)
    head.set_weights([value * 0 for value in new])
    assert all(not np.any(value) for value in model.get_weights())


def test_heads_of_one_kind_share_no_variables_and_the_kept_numbers_cannot_be_written():
    first, second = Head(SEED, 1), Head(SEED, 1)
    assert first.layout is second.layout  # laid out once for the server
    assert all(not value.flags.writeable for value in first.layout.values)
    before = second.get_weights()
    first.set_weights([value + 1 for value in first.get_weights()])
    for value, kept in zip(second.get_weights(), before, strict=True):
        np.testing.assert_array_equal(value, kept)
    third = Head(SEED, 1)
    for value, kept in zip(third.get_weights(), before, strict=True):
        np.testing.assert_array_equal(value, kept)


def test_the_server_keeps_a_bounded_number_of_kinds_laid_out():
    for units in range(1, build.LAYOUTS_KEPT + 5):
        spec = dataclasses.replace(SEED, head=(brick("dense", units=units, activation="relu"),))
        Head(spec, 1)
    assert len(build._layouts) <= build.LAYOUTS_KEPT
