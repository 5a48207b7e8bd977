"""The learning loop of one step, as the seed tells it, with the step's real numbers: the problem X goes into the
eyes, the head's answer Y′ comes out of the mouth, the torso holds Y′ and the true answer Y and weighs the loss, and
the legs update the head's weights — here one weight w and the bias b of the first brick, before → after.

A step is one batch (`batch_step`, walked phase by phase) or one epoch (`EpochWatch`, for Step and slow pace); for
data with many inputs or classes one example of the batch is shown. `LoopStep` is plain numbers; `picture` puts
it into words (the line under the figure, and the figure's labels).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from minifig.cards import CATALOGUE
from minifig.charts import class_names
from minifig.datasets import Dataset
from minifig.i18n import t

PHASES = ("eyes", "mouth", "torso", "legs")  # the loop's phases, in order
SHOWN_NUMBERS = 3  # inputs or outputs of an example that has more: the first few, in words
DRAWN_NUMBERS = 2  # and on the figure, where there is less room


@dataclass(frozen=True)
class LoopStep:
    """The numbers of one step round the loop.

    `w` and `b` are (before, after) of the first weight and the first bias of the head's first brick with weights
    (`brick`, from 0); `b` is None for a brick without a bias, and both are None for a head without weights.
    """

    kind: str  # "batch" (one batch) or "epoch" (a whole epoch; the loss is the epoch's)
    epoch: int  # the epoch the step belongs to, from 1
    batch: int  # how many examples the (first) batch holds
    x: tuple[float, ...]  # the shown example (the batch's first): its inputs
    said: tuple[float, ...]  # the head's answer Y′ for it
    truth: tuple[float, ...]  # its true answer Y
    loss: float
    brick: int | None
    w: tuple[float, float] | None
    b: tuple[float, float] | None


def first_weights(head, row: int = 0) -> tuple[int | None, float | None, float | None]:
    """The head's first brick with weights (its place among the model's layers, from 0), one weight w and its
    first bias b (`head`: an `engine.Head`).

    w is the weight from input `row` to the first unit when the brick takes a row of inputs (Dense), else the
    brick's first weight.
    """
    for place in range(head.n_layers):
        weights = head.layer_weights(place, trainable_only=True)
        if weights:
            bias = next((v for path, v in weights if path.endswith("bias")), None)
            kernel = np.asarray(weights[0][1])
            w = float(kernel[row, 0] if kernel.ndim == 2 and row < len(kernel) else kernel.reshape(-1)[0])
            return place, w, None if bias is None else float(np.asarray(bias).reshape(-1)[0])
    return None, None, None


def watched_row(trainer) -> int:
    """The input whose weight the loop shows: the first that varies in the training data (a weight on an input
    that is always the same, like a digit's blank corner, would hardly move)."""
    x = np.asarray(trainer.training_data[0])
    varying = np.flatnonzero(x.reshape(len(x), -1).std(axis=0) > 0) if len(x) else []
    return int(varying[0]) if len(varying) else 0


def _moved(before: float | None, after: float | None) -> tuple[float, float] | None:
    return None if before is None else (before, after)


def _row(values) -> tuple[float, ...]:
    return tuple(float(v) for v in np.asarray(values, dtype="float64").reshape(-1))


def batch_step(trainer, batch_size: int) -> LoopStep:
    """One batch round the loop on the trainer's own head and legs (`Trainer.train_batch`): its numbers."""
    row = watched_row(trainer)
    brick, w0, b0 = first_weights(trainer.current_head, row)
    step = trainer.train_batch(batch_size)
    _, w1, b1 = first_weights(trainer.current_head, row)
    return LoopStep(
        "batch",
        trainer.epochs_done + 1,
        len(step.rows),
        _row(step.x[0]),
        _row(step.pred[0]),
        _row(step.y[0]),
        step.loss,
        brick,
        _moved(w0, w1),
        _moved(b0, b1),
    )


class EpochWatch:
    """Watches epochs go round the loop, for Step and slow pace: `begin` before an epoch, `end` after it.

    The shown example is the first of the epoch's first batch; Y′ is what the head says for it before the epoch.
    Reading the head costs a little time, so at full pace only the last epoch is watched.
    """

    def __init__(self, trainer, batch_size: int):
        self.trainer, self.batch_size = trainer, batch_size
        self.row = watched_row(trainer)
        self._before: tuple | None = None

    def begin(self) -> None:
        trainer = self.trainer
        rows, x, y = trainer.next_batch(self.batch_size)
        said = trainer.predict(x[:1])
        self._before = (
            len(rows),
            _row(x[0]),
            _row(said[0]),
            _row(y[0]),
            *first_weights(trainer.current_head, self.row),
        )

    def end(self, loss: float) -> LoopStep | None:
        """The step of the epoch just trained (its loss as the engine reported it), if `begin` came before it."""
        if self._before is None:
            return None
        batch, x, said, truth, brick, w0, b0 = self._before
        self._before = None
        _, w1, b1 = first_weights(self.trainer.current_head, self.row)
        return LoopStep(
            "epoch", self.trainer.epochs_done, batch, x, said, truth, loss, brick, _moved(w0, w1), _moved(b0, b1)
        )


@dataclass(frozen=True)
class LoopPicture:
    """A step in words, for the figure's labels and the line under it, up to `shown` phases (1–4)."""

    shown: int
    which: str  # e.g. "example 1 of 10"
    x: str
    said: str
    truth: str
    loss: str
    brick: int  # the place (from 0) of the brick whose w and b are shown
    w: str
    b: str
    line: str  # the step in plain words, phase by phase; also the figure's text alternative


def picture(step: LoopStep, data: Dataset, legs: str, lang: str, shown: int = len(PHASES)) -> LoopPicture:
    """The step's words in `lang`: every phase, or the first `shown` of them (a walk phase by phase).

    Args:
        step: the step's numbers.
        data: the data set it learns (for the names of its answers).
        legs: the optimizer's card id.
        lang: "en" or "ko".
        shown: how many phases are shown.
    """
    x, said, truth = _numbers(step.x, lang), _numbers(step.said, lang), _truth(step.truth, data, lang)
    loss = f"{step.loss:.4f}"
    w0, w1 = (f"{v:.4f}" for v in step.w) if step.w else ("", "")
    b0, b1 = (f"{v:.4f}" for v in step.b) if step.b else ("", "")
    legs_name = CATALOGUE[legs].label
    legs_key = "loop.words.legs" if step.b else "loop.words.legs_no_bias"
    parts = [
        t("loop.words.eyes", lang, x=x),
        t("loop.words.mouth", lang, said=said),
        t("loop.words.torso", lang, truth=truth, loss=loss),
        t(legs_key, lang, legs=legs_name, w0=w0, w1=w1, b0=b0, b1=b1) if step.w else "",
    ][:shown]
    if step.kind == "batch":
        which = t("loop.which_batch", lang, batch=step.batch, n=1)
    else:
        which = t("loop.which_epoch", lang, epoch=step.epoch, batch=step.batch, n=1)
    line = f"{which} {'; '.join(part for part in parts if part)}."
    return LoopPicture(
        shown,
        t("loop.on.example", lang, n=1, batch=step.batch),
        _numbers(step.x, lang, few=True),
        _numbers(step.said, lang, few=True),
        truth,
        t("loop.on.loss", lang, loss=loss),
        step.brick or 0,
        f"w {w0} → {w1}" if step.w else "",
        f"b {b0} → {b1}" if step.b else "",
        line,
    )


def _number(value: float) -> str:
    return f"{value:.4g}" if math.isfinite(value) else str(value)


def _numbers(values: tuple[float, ...], lang: str, few: bool = False) -> str:
    """One number as it is; many as the first few and how many there are (`few`: fewer, for the figure)."""
    most = DRAWN_NUMBERS if few else SHOWN_NUMBERS
    if len(values) <= most:
        return ", ".join(_number(v) for v in values)
    shown = ", ".join(_number(v) for v in values[:most])
    return f"{shown}, …" if few else t("loop.numbers", lang, shown=shown, n=len(values))


def _truth(values: tuple[float, ...], data: Dataset, lang: str) -> str:
    """The true answer: a number, or a class with its name (yes/no, classes, one-hot rows)."""
    if data.label_kind == "number":
        return _numbers(values, lang)
    index = int(np.argmax(values)) if len(values) > 1 else int(round(values[0]))
    names = class_names(data, lang)
    name = names[index] if index < len(names) else str(index)
    return str(index) if name == str(index) else f"{index} ({name})"
