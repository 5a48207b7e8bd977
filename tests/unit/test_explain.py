"""The cards' "why / when" panels: every card has both sentences in both languages, and every picture is computed
as Keras computes it (activations, losses, optimizer steps)."""

import numpy as np
import pytest

from minifig.cards import CATALOGUE, LOSS, OPTIMIZER, brick
from minifig.explain import ACTIVATIONS, BOWL, LOSS_CURVES, START, picture, walk
from minifig.i18n import LANGUAGES, STRINGS


@pytest.mark.parametrize("card_id", sorted(CATALOGUE))
def test_every_card_says_why_and_when_in_both_languages_with_a_picture(card_id):
    for part in ("why", "when"):
        words = STRINGS[f"explain.{part}.{card_id}"]
        assert all(words[lang].strip() for lang in LANGUAGES)
    for lang in LANGUAGES:
        svg = picture(brick(card_id), lang)
        assert svg.startswith("<svg") and svg.endswith("</svg>")
        assert "nan" not in svg and "inf" not in svg


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activation_curves_are_keras_activations(name):
    import keras

    x = np.linspace(-4, 4, 81).astype("float32")
    if name == "softmax":  # one class's share when the two others are 0
        logits = np.stack([x, np.zeros_like(x), np.zeros_like(x)], axis=1)
        expected = keras.ops.convert_to_numpy(keras.activations.softmax(logits))[:, 0]
    else:
        expected = keras.ops.convert_to_numpy(keras.activations.get(name)(x))
    np.testing.assert_allclose(ACTIVATIONS[name](x), expected, rtol=1e-4, atol=1e-5)


def test_the_activation_picture_follows_the_chosen_activation():
    assert picture(brick("dense", activation="relu"), "en") != picture(brick("dense", activation="sigmoid"), "en")
    assert "sigmoid" not in picture(brick("dense", activation="relu"), "en")


@pytest.mark.parametrize("loss", sorted(LOSS_CURVES))
def test_loss_curves_are_keras_losses(loss):
    import keras

    fn = keras.losses.get(loss)
    if loss in ("mse", "mae", "huber"):
        miss = np.linspace(-2, 2, 21).astype("float32")
        truth, guess = np.zeros((21, 1), "float32"), miss.reshape(-1, 1)
    elif loss == "hinge":
        miss = np.linspace(-2, 2, 21).astype("float32")
        truth, guess = np.ones((21, 1), "float32"), miss.reshape(-1, 1)
    else:
        miss = np.linspace(0.05, 0.95, 19).astype("float32")
        if loss == "binary_crossentropy":
            truth, guess = np.ones((19, 1), "float32"), miss.reshape(-1, 1)
        else:  # the right class gets `miss`, the other two share the rest
            guess = np.stack([miss, (1 - miss) / 2, (1 - miss) / 2], axis=1)
            truth = np.zeros((19,), "float32") if loss.startswith("sparse") else np.eye(3, dtype="float32")[[0] * 19]
    expected = keras.ops.convert_to_numpy(fn(truth, guess))
    np.testing.assert_allclose(LOSS_CURVES[loss](miss), expected, rtol=1e-3, atol=1e-4)


@pytest.mark.parametrize(
    ("optimizer", "momentum"),
    [("sgd", 0.0), ("sgd", 0.9), ("rmsprop", 0.0), ("adagrad", 0.0), ("adam", 0.0), ("adamw", 0.0)],
)
def test_optimizer_walks_take_keras_steps(optimizer, momentum):
    import keras

    settings = {"learning_rate": 0.1, **({"momentum": momentum} if optimizer == "sgd" else {})}
    keras_optimizer = keras.optimizers.get({"class_name": optimizer, "config": settings})
    w = keras.Variable(START.astype("float32"))
    path = [START]
    for _ in range(10):
        gradient = BOWL.astype("float32") * keras.ops.convert_to_numpy(w)
        keras_optimizer.apply([keras.ops.convert_to_tensor(gradient)], [w])
        path.append(keras.ops.convert_to_numpy(w))
    np.testing.assert_allclose(walk(optimizer, 0.1, steps=10, momentum=momentum), np.array(path), rtol=1e-4, atol=1e-5)


def test_every_optimizer_walk_gets_near_the_bottom():
    for card in [c for c in CATALOGUE.values() if c.kind == OPTIMIZER]:
        from minifig.explain import DEMO_RATES

        end = walk(card.id, DEMO_RATES[card.id])[-1]
        assert np.linalg.norm(end) < np.linalg.norm(START) / 2, card.id
    assert any(c.kind == LOSS for c in CATALOGUE.values())


def test_a_wild_momentum_still_draws_a_picture():
    for momentum in (5.0, -1.0, "junk", None):
        svg = picture(brick("sgd", momentum=momentum), "ko")
        assert svg.startswith("<svg") and "nan" not in svg


def test_the_normalization_picture_moves_its_numbers_as_an_adapted_keras_normalization_does():
    import keras

    from minifig.explain import NORMALIZATION_EXAMPLE, normalized

    layer = keras.layers.Normalization()
    layer.adapt(NORMALIZATION_EXAMPLE)
    expected = keras.ops.convert_to_numpy(layer(NORMALIZATION_EXAMPLE))
    np.testing.assert_allclose(normalized(NORMALIZATION_EXAMPLE), expected, rtol=1e-4, atol=1e-5)
    after = normalized(NORMALIZATION_EXAMPLE)
    np.testing.assert_allclose(after.mean(axis=0), 0, atol=1e-6)
    np.testing.assert_allclose(after.std(axis=0), 1, rtol=1e-6)
    spans = np.ptp(NORMALIZATION_EXAMPLE, axis=0)
    assert spans.max() > 10 * spans.min()  # before: sizes far apart, as the picture says
