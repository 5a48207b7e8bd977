"""The figure as a standalone Keras script, in the style of the lesson's listing — the bridge from bricks to code.

The script needs only numpy and keras: the data (inline when small, otherwise the data set's own
`code`), the head as `keras.Sequential`, `compile` with the torso and legs, `fit`, and one `predict`.
Comments are in the page's language.
"""

from __future__ import annotations

import json

import numpy as np

from minifig.cards import CATALOGUE, Brick, Regularizer, keras_arguments
from minifig.datasets import Dataset
from minifig.i18n import t
from minifig.shapes import input_shape, sees_images
from minifig.spec import FigureSpec

INLINE_NUMBERS = 4000  # data with more numbers than this is loaded by the data set's own code


def python_script(spec: FigureSpec, data: Dataset, lang: str) -> str:
    """A runnable Python script that builds, compiles, trains and asks the figure.

    Args:
        spec: a valid figure whose pieces fit.
        data: the data set the figure learns from.
        lang: "en" or "ko" for the comments.
    """
    training = spec.training
    lines = [
        f'"""{t(data.title_key, lang)} — {t("code.exported", lang)}"""',
        "import numpy as np",
        "import keras",
        "from keras import layers",
        "",
        f"keras.utils.set_random_seed({training.seed})",
        "",
        f"# {t('code.data', lang)}",
        *_data_lines(data),
        *_split_lines(training.validation_split, training.seed),
        "",
        f"# {t('code.head', lang)}",
        "model = keras.Sequential([",
        f"    keras.Input(shape=({data.n_features},)),",
        *([f"    layers.Reshape({input_shape(spec, data.n_features)}),"] if sees_images(spec) else []),
        *(f"    layers.{_call(brick)}," for brick in spec.head),
        "])",
        *_adapt_lines(spec, lang),
        "model.summary()",
        "",
        f"# {t('code.compile', lang)}",
        "model.compile(",
        f"    loss=keras.losses.{_call(spec.torso)},",
        f"    optimizer=keras.optimizers.{_call(spec.legs)},",
        f'    metrics=["{"mae" if data.label_kind == "number" else "accuracy"}"],',
        ")",
        "",
        f"# {t('code.train', lang)}",
        f"history = model.fit(X_train, Y_train, epochs={training.epochs}, batch_size={training.batch_size},",
        "                    validation_data=validation, verbose=0)",
        "print({name: round(values[-1], 4) for name, values in history.history.items()})",
        "",
        f"# {t('code.ask', lang)}",
        f'question = np.array([{_numbers(data.x[len(data.x) // 4])}], dtype="float32")',
        "print(model.predict(question, verbose=0))",
    ]
    return "\n".join(lines) + "\n"


def _adapt_lines(spec: FigureSpec, lang: str) -> list[str]:
    """Each measuring brick (Normalization) measures the training part, as compiling does in the page.

    A brick further down measures what the bricks above it give for the training part.
    """
    offset = 1 if sees_images(spec) else 0  # the Reshape that shows each row as an image comes first
    lines = []
    for position, brick in enumerate(spec.head):
        if not CATALOGUE[brick.card].adapts:
            continue
        index = position + offset
        reaching = "X_train" if index == 0 else f"keras.Sequential(model.layers[:{index}])(X_train)"
        lines += [f"# {t('code.adapt', lang)}", f"model.layers[{index}].adapt({reaching})"]
    return lines


def _call(brick: Brick) -> str:
    """`Dense(units=64, activation="relu")`: the card's Keras class with the brick's settings."""
    arguments = ", ".join(f"{name}={_value(value)}" for name, value in keras_arguments(brick).items())
    return f"{CATALOGUE[brick.card].keras_class}({arguments})"


def _value(value: object) -> str:
    if isinstance(value, Regularizer):
        return f"keras.regularizers.{value.keras_class}({value.rate})"
    return json.dumps(value)


def _data_lines(data: Dataset) -> list[str]:
    code = getattr(data, "code", None)
    if data.x.size > INLINE_NUMBERS and code:
        return code.splitlines()
    return [
        f'X = np.array({json.dumps(np.round(data.x, 5).tolist())}, dtype="float32")',
        f'Y = np.array({json.dumps(np.round(data.y, 5).tolist())}, dtype="float32")',
    ]


def _split_lines(share: float, seed: int) -> list[str]:
    if share <= 0:
        return ["X_train, Y_train, validation = X, Y, None"]
    return [
        f"order = np.random.default_rng({seed}).permutation(len(X))",
        f"n_val = max(1, round(len(X) * {share}))",
        "X_train, Y_train = X[order[n_val:]], Y[order[n_val:]]",
        "validation = (X[order[:n_val]], Y[order[:n_val]])",
    ]


def _numbers(row: np.ndarray) -> str:
    return json.dumps(np.round(row, 5).tolist())
