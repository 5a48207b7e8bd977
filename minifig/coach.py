"""The training coach: plain-language remarks on a run, read from its history alone.

Each rule is a small function from the history (and what the data's answers look like) to a remark
or nothing; `remarks` asks every rule. A remark is a `Message`, so the page can say it in either language.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from minifig.i18n import Message

if TYPE_CHECKING:
    from minifig.history import EpochLog

MIN_EPOCHS = 10  # fewer epochs say too little to judge


@dataclass(frozen=True)
class Situation:
    """What the coach knows besides the history: the metric and, for classes, the largest class's share."""

    metric_name: str  # "accuracy" or "mae"
    majority_share: float | None = None


def diverged(history: list[EpochLog], situation: Situation) -> Message | None:
    """The loss became NaN or infinite, or grew far beyond where it started."""
    losses = [log.loss for log in history]
    if any(not math.isfinite(loss) for loss in losses):
        return Message("coach.diverged")
    if len(losses) >= 3 and losses[-1] > 10 * max(min(losses), 1e-3) and losses[-1] > losses[0] * 3:
        return Message("coach.diverged")
    return None


def flat(history: list[EpochLog], situation: Situation) -> Message | None:
    """The loss has hardly moved over the second half of the run and the answers are not yet right."""
    if len(history) < MIN_EPOCHS:
        return None
    half = history[len(history) // 2 :]
    first, last = half[0].loss, half[-1].loss
    still_learning = first - last > 0.02 * abs(first)
    solved = situation.metric_name == "accuracy" and history[-1].metric >= 0.99 or last < 0.01
    return None if still_learning or solved else Message("coach.flat")


def memorising(history: list[EpochLog], situation: Situation) -> Message | None:
    """Validation loss rising for a while after its best, while the training loss keeps falling."""
    val = [log.val_loss for log in history]
    if len(history) < MIN_EPOCHS or any(v is None or not math.isfinite(v) for v in val):
        return None
    best = min(range(len(val)), key=val.__getitem__)
    since_best = len(val) - 1 - best
    rising = val[-1] > val[best] * 1.1 + 1e-3
    train_falling = history[-1].loss < history[best].loss
    return Message("coach.memorising") if since_best >= max(5, len(val) // 10) and rising and train_falling else None


def majority(history: list[EpochLog], situation: Situation) -> Message | None:
    """Accuracy stuck at the share of the largest class: the head answers the same class for everything."""
    if situation.metric_name != "accuracy" or situation.majority_share is None or len(history) < MIN_EPOCHS:
        return None
    recent = [log.metric for log in history[-MIN_EPOCHS:]]
    stuck = all(abs(value - situation.majority_share) < 0.02 for value in recent)
    return Message("coach.majority", {"share": f"{situation.majority_share:.0%}"}) if stuck else None


def well_done(history: list[EpochLog], situation: Situation) -> Message | None:
    """Every training answer is right: accuracy exactly 1 (99% is not every answer), and the held-back ones mostly."""
    last = history[-1] if history else None
    if last is None or situation.metric_name != "accuracy" or last.metric < 1.0:
        return None
    if last.val_metric is not None and last.val_metric < 0.95:
        return None
    return Message("coach.well_done")


RULES: tuple[Callable[[list[EpochLog], Situation], Message | None], ...] = (
    diverged,
    majority,
    memorising,
    flat,
    well_done,
)


def remarks(history: list[EpochLog], situation: Situation) -> list[Message]:
    """Every remark that applies to this history, the most urgent first; a diverged run gets only that one, and
    praise comes only alone (never "every answer is right" beside a warning such as "memorising")."""
    if not history:
        return []
    first = diverged(history, situation)
    if first:
        return [first]
    found = [remark for remark in (rule(history, situation) for rule in RULES[1:]) if remark is not None]
    warnings = [remark for remark in found if remark.key not in PRAISE]
    return warnings or found


PRAISE = {"coach.well_done"}  # remarks that say all is well: they contradict any warning
