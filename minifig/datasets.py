"""Data sets the figure learns from: inputs X, true answers Y and what kind of answer Y is.

Size: the registry is data, one record per data set with its preset figure, beside the generators.

A data set says its `label_kind` — "binary" (yes/no, 0/1), "classes" (one of n) or "number" —
because the fit check and the engine both depend on it.

`DATASETS` is the registry of the data a learner can pick: each `DataRecord` says how to make
its data from (sample count, noise, seed), which of those settings apply, and a preset figure
that learns it. The points come from scikit-learn's generators and its bundled digits; the
same seed always gives the same points. scikit-learn takes seconds to import, so it is imported
when a generated set is first made, not when this module is: the lesson's data needs none of it.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from minifig.cards import Brick, Param, brick

CSV_ID = "csv"  # the learner's own file (see `minifig.csv_data`); it is uploaded, not made here


@dataclass(frozen=True)
class Dataset:
    id: str
    title_key: str
    x: np.ndarray  # (samples, features), float32
    y: np.ndarray  # (samples,) class numbers or numbers; (samples, classes) when one-hot
    label_kind: str
    n_classes: int = 0
    one_hot: bool = False
    class_label_keys: tuple[str, ...] = ()  # i18n keys of the classes' names, in class order
    feature_key: str = "feature.x"  # i18n key saying what the inputs are, all together
    feature_names: tuple[str, ...] = ()  # each input column's name as written (x₁, a CSV header), or ()
    class_names: tuple[str, ...] = ()  # class names as written in the data (digits, a CSV's answers), or ()
    answer_name: str = ""  # the answer column's name, for a CSV
    image_shape: tuple[int, int] | None = None  # each row of x is an image of this shape (rows, columns)
    views: tuple[str, ...] = ()  # the eyes x was seen through (`minifig.features`); () for the raw inputs
    code: str = ""  # Python lines that make X and Y (float32) in a script that imported numpy as np

    @property
    def n_features(self) -> int:
        return self.x.shape[1]

    @property
    def input_range(self) -> tuple[float, float]:
        """The inputs' smallest and largest value; never a single point (a slider or an axis needs two ends)."""
        low, high = float(self.x.min()), float(self.x.max())
        if low == high:  # e.g. a CSV whose only input holds one value
            pad = max(1.0, abs(low) / 10)
            return low - pad, high + pad
        return low, high

    @property
    def answer_range(self) -> tuple[float, float]:
        return float(self.y.min()), float(self.y.max())


@dataclass(frozen=True)
class Split:
    """Training and validation parts of a data set."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray


@dataclass(frozen=True)
class DataRecord:
    """One data set a learner can pick: how to make it, what can be set, and a figure that learns it.

    `make(n_samples, noise, seed)` returns the `Dataset`; settings that do not apply are ignored.
    `n_samples` and `noise` are the settings' defaults and bounds, or None when the setting does
    not apply (the lesson's numbers and the digits are fixed). `preset` is a figure as plain data
    (`FigureSpec.to_dict()` without the data set); `minifig.spec.preset_figure` turns it into a `FigureSpec`.
    """

    id: str
    title_key: str
    make: Callable[[int, float, int], Dataset]
    preset: dict
    n_samples: Param | None = None
    noise: Param | None = None
    image_shape: tuple[int, int] | None = None  # each row is an image of this shape (rows, columns)

    @property
    def has_count(self) -> bool:
        return self.n_samples is not None

    @property
    def has_noise(self) -> bool:
        return self.noise is not None


# --- the generators ---------------------------------------------------------------------------

_POINT_INPUTS = {"feature_key": "feature.point", "feature_names": ("x₁", "x₂")}  # points in the plane


def small_or_big(n_samples: int = 10, noise: float = 0.0, seed: int = 0) -> Dataset:
    """The lesson's data: the numbers 1–10; 1–5 are "small" (0) and 6–10 are "big" (1). Always the same."""
    x = np.arange(1, 11, dtype="float32").reshape(-1, 1)
    y = (x[:, 0] > 5).astype("float32")
    return Dataset("seed", "dataset.seed", x, y, "binary", n_classes=2, class_label_keys=("label.small", "label.big"))


def circle(n_samples: int, noise: float, seed: int) -> Dataset:
    """A ring around a disc: inside (1) or outside (0)? No straight line can tell them apart."""
    x, y, code = _sklearn("make_circles", n_samples=n_samples, noise=noise, factor=0.5, random_state=seed)
    return _points("circle", x, y, code, ("label.outside", "label.inside"))


def xor(n_samples: int, noise: float, seed: int) -> Dataset:
    """Four clouds at the corners (±1, ±1): 1 when x₁ and x₂ have different signs, 0 when the same."""
    corners = [[1, 1], [-1, -1], [1, -1], [-1, 1]]
    x, y, code = _sklearn("make_blobs", n_samples=n_samples, centers=corners, cluster_std=noise, random_state=seed)
    return _points("xor", x, y // 2, code + "\nY = Y // 2", ("label.same_sign", "label.different_sign"))


def gauss(n_samples: int, noise: float, seed: int) -> Dataset:
    """Two round clouds around (−1, −1) and (1, 1); `noise` is how far the points spread."""
    x, y, code = _sklearn(
        "make_blobs", n_samples=n_samples, centers=[[-1, -1], [1, 1]], cluster_std=noise, random_state=seed
    )
    return _points("gauss", x, y, code, ("label.lower_left_cloud", "label.upper_right_cloud"))


def moons(n_samples: int, noise: float, seed: int) -> Dataset:
    """Two interleaved half-moons: the upper one (0) and the lower one (1)."""
    x, y, code = _sklearn("make_moons", n_samples=n_samples, noise=noise, random_state=seed)
    return _points("moons", x, y, code, ("label.upper_moon", "label.lower_moon"))


def spiral(n_samples: int, noise: float, seed: int) -> Dataset:
    """Two spirals wound into each other (scikit-learn's swiss roll seen from above, and its mirror image)."""
    x, _, code = _sklearn("make_swiss_roll", n_samples=n_samples, noise=noise, random_state=seed)
    x = x[:, [0, 2]] / 10
    y = np.arange(n_samples) % 2
    x[y == 1] *= -1
    code += "\nX = X[:, [0, 2]] / 10\nY = np.arange(len(X)) % 2\nX[Y == 1] *= -1"
    return _points("spiral", x, y, code, ("label.first_arm", "label.second_arm"))


BLOB_CENTRES = [[0, 1.2], [-1, -0.6], [1, -0.6]]


def blobs(n_samples: int, noise: float, seed: int) -> Dataset:
    """Three round clouds: which one does a point belong to (class 0, 1 or 2)?"""
    x, y, code = _sklearn("make_blobs", n_samples=n_samples, centers=BLOB_CENTRES, cluster_std=noise, random_state=seed)
    keys = ("label.top_cloud", "label.left_cloud", "label.right_cloud")
    return _dataset("blobs", x, y, code, "classes", n_classes=3, class_label_keys=keys, **_POINT_INPUTS)


def sine(n_samples: int, noise: float, seed: int) -> Dataset:
    """A curve: y = sin x for x between −π and π, plus noise."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(-np.pi, np.pi, size=(n_samples, 1))
    y = np.sin(x[:, 0]) + noise * rng.normal(size=n_samples)
    code = "\n".join(
        (
            f"rng = np.random.default_rng({seed!r})",
            f"X = rng.uniform(-np.pi, np.pi, size=({n_samples!r}, 1))",
            f"Y = np.sin(X[:, 0]) + {noise!r} * rng.normal(size={n_samples!r})",
        )
    )
    return _dataset("sine", x, y, code, "number", feature_names=("x",))


def plane(n_samples: int, noise: float, seed: int) -> Dataset:
    """A tilted plane: y = a·x₁ + b·x₂ (a and b between 0 and 1, drawn from the seed), plus noise."""
    x, y, code = _sklearn("make_regression", n_samples=n_samples, n_features=2, noise=noise * 100, random_state=seed)
    return _dataset("plane", x, y / 100, code + "\nY = Y / 100", "number", **_POINT_INPUTS)


def digits(n_samples: int = 0, noise: float = 0.0, seed: int = 0) -> Dataset:
    """scikit-learn's 1,797 handwritten digits: 8×8 pixel images, brightness scaled to 0..1; which digit is it?"""
    x, y, code = _sklearn("load_digits", return_X_y=True)
    return _dataset(
        "digits",
        x / 16,
        y,
        code + "\nX = X / 16",
        "classes",
        n_classes=10,
        class_names=tuple(str(d) for d in range(10)),
        feature_key="feature.pixels",
        image_shape=(8, 8),
    )


def _points(dataset_id: str, x: np.ndarray, y: np.ndarray, code: str, label_keys: tuple[str, str]) -> Dataset:
    """A yes/no data set of points in the plane."""
    return _dataset(dataset_id, x, y, code, "binary", n_classes=2, class_label_keys=label_keys, **_POINT_INPUTS)


def _dataset(dataset_id: str, x: np.ndarray, y: np.ndarray, code: str, label_kind: str, **fields) -> Dataset:
    code += '\nX, Y = X.astype("float32"), Y.astype("float32")'
    x, y = x.astype("float32"), y.astype("float32")
    return Dataset(dataset_id, f"dataset.{dataset_id}", x, y, label_kind, code=code, **fields)


def _sklearn(function: str, **arguments) -> tuple[np.ndarray, np.ndarray, str]:
    """scikit-learn's `function(**arguments)` → (X, Y), with the Python line that does the same."""
    import sklearn.datasets

    x, y = getattr(sklearn.datasets, function)(**arguments)
    call = ", ".join(f"{name}={value!r}" for name, value in arguments.items())
    return x, y, f"from sklearn.datasets import {function}\nX, Y = {function}({call})"


# --- the registry -----------------------------------------------------------------------------


def _preset(head: list[Brick], torso: str, legs: Brick, epochs: int, batch_size: int, validation_split: float) -> dict:
    return {
        "head": [b.to_dict() for b in head],
        "torso": brick(torso).to_dict(),
        "legs": legs.to_dict(),
        "training": {"epochs": epochs, "batch_size": batch_size, "validation_split": validation_split, "seed": 42},
    }


def _dense(units: int, activation: str) -> Brick:
    return brick("dense", units=units, activation=activation)


def _count(default: int) -> Param:
    return Param("n_samples", "int", default, 20, 2000)


def _noise(default: float, low: float, high: float) -> Param:
    return Param("noise", "float", default, low, high)


_YES_NO = "binary_crossentropy"
_CLASSES = "sparse_categorical_crossentropy"

RECORDS: tuple[DataRecord, ...] = (
    DataRecord(
        "seed",
        "dataset.seed",
        small_or_big,
        _preset([*(_dense(64, "relu") for _ in range(4)), _dense(1, "sigmoid")], _YES_NO, brick("adam"), 100, 10, 0.0),
    ),
    DataRecord(
        "circle",
        "dataset.circle",
        circle,
        _preset([_dense(8, "tanh"), _dense(1, "sigmoid")], _YES_NO, brick("adam", learning_rate=0.03), 60, 16, 0.2),
        _count(300),
        _noise(0.1, 0.0, 0.5),
    ),
    DataRecord(
        "xor",
        "dataset.xor",
        xor,
        _preset([_dense(8, "tanh"), _dense(1, "sigmoid")], _YES_NO, brick("adam", learning_rate=0.03), 40, 16, 0.2),
        _count(300),
        _noise(0.35, 0.05, 1.0),
    ),
    DataRecord(
        "gauss",
        "dataset.gauss",
        gauss,
        _preset([_dense(1, "sigmoid")], _YES_NO, brick("adam", learning_rate=0.05), 30, 16, 0.2),
        _count(300),
        _noise(0.5, 0.05, 1.5),
    ),
    DataRecord(
        "moons",
        "dataset.moons",
        moons,
        _preset(
            [_dense(16, "relu"), _dense(16, "relu"), _dense(1, "sigmoid")],
            _YES_NO,
            brick("adam", learning_rate=0.02),
            60,
            16,
            0.2,
        ),
        _count(300),
        _noise(0.1, 0.0, 0.5),
    ),
    DataRecord(
        "spiral",
        "dataset.spiral",
        spiral,
        _preset(
            [_dense(16, "tanh"), _dense(16, "tanh"), _dense(1, "sigmoid")],
            _YES_NO,
            brick("adam", learning_rate=0.02),
            200,
            16,
            0.2,
        ),
        _count(400),
        _noise(0.2, 0.0, 1.0),
    ),
    DataRecord(
        "blobs",
        "dataset.blobs",
        blobs,
        _preset([_dense(8, "relu"), _dense(3, "softmax")], _CLASSES, brick("adam", learning_rate=0.03), 30, 16, 0.2),
        _count(300),
        _noise(0.4, 0.05, 1.5),
    ),
    DataRecord(
        "sine",
        "dataset.sine",
        sine,
        _preset(
            [_dense(32, "tanh"), _dense(32, "tanh"), _dense(1, "linear")],
            "mse",
            brick("adam", learning_rate=0.01),
            300,
            16,
            0.2,
        ),
        _count(200),
        _noise(0.1, 0.0, 1.0),
    ),
    DataRecord(
        "plane",
        "dataset.plane",
        plane,
        _preset([_dense(1, "linear")], "mse", brick("adam", learning_rate=0.05), 60, 16, 0.2),
        _count(200),
        _noise(0.1, 0.0, 1.0),
    ),
    DataRecord(
        "digits",
        "dataset.digits",
        digits,
        _preset([_dense(32, "relu"), _dense(10, "softmax")], _CLASSES, brick("adam", learning_rate=0.01), 15, 32, 0.2),
        image_shape=(8, 8),
    ),
)

DATASETS: dict[str, DataRecord] = {record.id: record for record in RECORDS}


def load(dataset_id: str, n_samples: int | None = None, noise: float | None = None, seed: int = 0) -> Dataset:
    """The data set registered as `dataset_id`, made from the seed (the same seed gives the same data).

    Args:
        dataset_id: a key of `DATASETS`.
        n_samples: how many examples; None for the record's default. Ignored by fixed-size sets.
        noise: how much the points scatter; None for the record's default. Ignored by sets without noise.
        seed: the seed of the points and their noise (the figure's own seed splits and trains).

    Raises:
        KeyError: no such data set.
        ValueError: `n_samples` or `noise` is outside the record's bounds.
    """
    record = DATASETS[dataset_id]
    return record.make(_setting(record.n_samples, n_samples), _setting(record.noise, noise), int(seed))


def one_hot(data: Dataset) -> Dataset:
    """The same data with each class answer written one-hot (0,0,1,…), as categorical cross-entropy wants.

    Raises:
        ValueError: the answers are not classes, or are one-hot already.
    """
    if data.label_kind == "number" or data.one_hot:
        raise ValueError(
            "Received data whose answers cannot be made one-hot, expected class numbers. "
            f"Received: label_kind={data.label_kind!r}, one_hot={data.one_hot}"
        )
    y = np.eye(data.n_classes, dtype="float32")[data.y.astype(int)]
    code = f'{data.code}\nY = np.eye({data.n_classes}, dtype="float32")[Y.astype(int)]' if data.code else ""
    return replace(data, y=y, one_hot=True, code=code)


def _setting(param: Param | None, value: float | None) -> float:
    if param is None:
        return 0
    if value is None:
        return param.default
    usable = isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(value)
    if not (usable and param.low <= value <= param.high and (param.type == "float" or value == int(value))):
        raise ValueError(
            f"Received an invalid value for `{param.name}`, expected a number from {param.low} to {param.high}. "
            f"Received: {param.name}={value!r}"
        )
    return int(value) if param.type == "int" else float(value)


def split(data: Dataset, validation_split: float, seed: int) -> Split:
    """A seeded, shuffled split; `validation_split` of the samples (at least one) go to validation.

    With `validation_split` 0 every sample trains and the validation part is empty.
    """
    train, val = split_rows(len(data.x), validation_split, seed)
    return Split(data.x[train], data.y[train], data.x[val], data.y[val])


def split_rows(n: int, validation_split: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The row numbers of the training and the validation part of `n` samples, as `split` makes them."""
    n_val = 0 if validation_split <= 0 else max(1, round(n * validation_split))
    order = np.random.default_rng(seed).permutation(n)
    return order[n_val:], order[:n_val]
