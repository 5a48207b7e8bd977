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
    stopped: bool = False  # ended before the epochs asked for: a stop, a loss that is not a number, or the clock
    diverged: bool = False  # the loss became NaN or infinite
    timed_out: bool = False  # ended by the wall-clock cap
    seconds: float = 0.0

    @property
    def interrupted(self) -> bool:
        """Ended early by a stop (`should_stop`, or `on_epoch` raising): not by its loss or by the clock."""
        return self.stopped and not (self.diverged or self.timed_out)
