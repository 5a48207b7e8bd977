"""What training leaves behind: the numbers of each epoch and what one run did.

Plain data without TensorFlow, so the page's light modules (the coach, the charts, the comparison, the
challenge) can name these types without importing the engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class EpochLog:
    """The numbers of one finished epoch. `metric` is accuracy, or mean absolute error for numbers."""

    epoch: int
    loss: float
    metric: float
    val_loss: float | None = None
    val_metric: float | None = None


@dataclass
class TrainResult:
    """What a call to `Trainer.train` did: the epochs it ran and why it ended."""

    logs: list[EpochLog] = field(default_factory=list)
    stopped: bool = False  # ended early by `should_stop` or by `on_epoch` raising
    diverged: bool = False  # the loss became NaN or infinite
    timed_out: bool = False  # ended by the wall-clock cap
    seconds: float = 0.0
