"""Several figures trained side by side on the same data, split and seed, and ranked — learning by contrast.

`train_together` runs the figures' trainers one epoch each in turn, so their curves grow together. It asks
whether to stop after every figure's epoch (not once per round: six big figures make a round of a minute), so
a stop or the time cap leaves the figures at most one epoch apart. `ranking` orders the results by
validation loss (training loss when there is no validation part), then by time.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from minifig.datasets import Dataset
from minifig.drawing import brick_label
from minifig.history import EpochLog
from minifig.i18n import t
from minifig.spec import FigureSpec, Training

if TYPE_CHECKING:  # the engine imports TensorFlow
    from minifig.engine import Trainer

MAX_FIGURES = 6


@dataclass
class Contender:
    """One kept figure: its name, its spec on the shared training settings, and what it has done."""

    name: str
    spec: FigureSpec
    trainer: Trainer | None = None
    auto_name: bool = False  # named by `short_names` (the learner typed none): renamed when the others change
    seconds: float = 0.0
    history: list[EpochLog] = field(default_factory=list)

    @property
    def final_loss(self) -> float:
        """The last validation loss, or the last training loss without a validation part; ∞ before training."""
        if not self.history:
            return math.inf
        last = self.history[-1]
        value = last.val_loss if last.val_loss is not None else last.loss
        return value if math.isfinite(value) else math.inf


def on_shared_training(spec: FigureSpec, training: Training) -> FigureSpec:
    """The spec with the shared epochs, batch size, validation split and seed, so the comparison is fair."""
    return replace(spec, training=training)


@dataclass
class TogetherResult:
    """What a call to `train_together` did: the rounds every figure finished, and why it ended."""

    rounds: int = 0
    stopped: bool = False  # ended early by `should_stop`
    timed_out: bool = False  # ended by the wall-clock cap


def train_together(
    contenders: list[Contender],
    data: Dataset,
    epochs: int,
    batch_size: int,
    on_epoch: Callable[[int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    max_seconds: float | None = None,
) -> TogetherResult:
    """Train every contender `epochs` more epochs, one epoch each in turn.

    Args:
        contenders: the figures; each gets a trainer on `data` if it has none.
        data: the shared data set (split by the shared validation share and seed).
        epochs: how many rounds (one epoch of every figure each).
        batch_size: samples per weight update.
        on_epoch: called after every round with the number of rounds done.
        should_stop: asked after every figure's epoch; True ends training there.
        max_seconds: a wall-clock cap for the whole run; training ends after the epoch that passes it.

    Returns:
        The `TogetherResult`. A contender whose loss became NaN stops there; the others go on.
    """
    from minifig.engine import Trainer

    started = time.perf_counter()
    result = TogetherResult()
    for contender in contenders:
        if contender.trainer is None:
            contender.trainer = Trainer(contender.spec, data)

    def must_end() -> bool:
        if should_stop is not None and should_stop():
            result.stopped = True
        elif max_seconds is not None and time.perf_counter() - started > max_seconds:
            result.stopped = result.timed_out = True
        return result.stopped

    for _ in range(epochs):
        learning = [c for c in contenders if not c.history or math.isfinite(c.history[-1].loss)]
        for i, contender in enumerate(learning):
            run = contender.trainer.train(1, batch_size)
            contender.seconds += run.seconds
            contender.history = contender.trainer.history
            if i < len(learning) - 1 and must_end():
                return result
        result.rounds += 1
        if on_epoch is not None:
            on_epoch(result.rounds)
        if must_end():
            break
    return result


def ranking(contenders: list[Contender]) -> list[Contender]:
    """Best first: the lowest validation (or training) loss, then the quickest."""
    return sorted(contenders, key=lambda c: (c.final_loss, c.seconds))


def short_names(specs: list[FigureSpec], lang: str) -> list[str]:
    """A short name for each figure that says what sets it apart from the others, e.g. "SGD 0.01" or "3 bricks".

    Only the parts that differ between the figures are named: the legs, the torso, the head (by its number of
    bricks, or else by the bricks that differ); figures alike in all of them are told apart by their number.
    """
    heads = [tuple(brick_label(b) for b in spec.head) for spec in specs]
    columns = [
        _head_names(heads, lang),
        [brick_label(spec.torso) if spec.torso else "?" for spec in specs],
        [brick_label(spec.legs) if spec.legs else "?" for spec in specs],
    ]
    differing = [column for column in columns if len(set(column)) > 1]
    names = [" · ".join(column[i] for column in differing) for i in range(len(specs))]
    return [
        name
        if name and names.count(name) == 1
        else t("compare.figure_n", lang, n=i + 1) + (f" · {name}" if name else "")
        for i, name in enumerate(names)
    ]


def _head_names(heads: list[tuple[str, ...]], lang: str) -> list[str]:
    if len({len(head) for head in heads}) > 1:
        return [t("compare.bricks", lang, n=len(head)) for head in heads]
    differing = [i for i in range(len(heads[0]) if heads else 0) if len({head[i] for head in heads}) > 1]
    return [", ".join(head[i] for i in differing) for head in heads]
