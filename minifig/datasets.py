"""Data sets the figure learns from: inputs X, true answers Y and what kind of answer Y is.

A data set says its `label_kind` — "binary" (yes/no, 0/1), "classes" (one of n) or "number" —
because the fit check and the engine both depend on it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Dataset:
    id: str
    title_key: str
    x: np.ndarray  # (samples, features), float32
    y: np.ndarray  # (samples,) class numbers or numbers; (samples, classes) when one-hot
    label_kind: str
    n_classes: int = 0
    one_hot: bool = False
    class_label_keys: tuple[str, ...] = ()
    feature_key: str = "feature.x"

    @property
    def n_features(self) -> int:
        return self.x.shape[1]

    @property
    def input_range(self) -> tuple[float, float]:
        return float(self.x.min()), float(self.x.max())

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


def small_or_big() -> Dataset:
    """The lesson's data: the numbers 1–10; 1–5 are "small" (0) and 6–10 are "big" (1)."""
    x = np.arange(1, 11, dtype="float32").reshape(-1, 1)
    y = (x[:, 0] > 5).astype("float32")
    return Dataset("seed", "dataset.seed", x, y, "binary", n_classes=2, class_label_keys=("label.small", "label.big"))


DATASETS = {"seed": small_or_big}


def load(dataset_id: str) -> Dataset:
    """The data set registered as `dataset_id`.

    Raises:
        KeyError: no such data set.
    """
    return DATASETS[dataset_id]()


def split(data: Dataset, validation_split: float, seed: int) -> Split:
    """A seeded, shuffled split; `validation_split` of the samples (at least one) go to validation.

    With `validation_split` 0 every sample trains and the validation part is empty.
    """
    n = len(data.x)
    n_val = 0 if validation_split <= 0 else max(1, round(n * validation_split))
    order = np.random.default_rng(seed).permutation(n)
    val, train = order[:n_val], order[n_val:]
    return Split(data.x[train], data.y[train], data.x[val], data.y[val])
