"""The ends, step and starting value of a question slider over any finite range of inputs.

A slider needs two different ends and a step of a size the browser can hold: a column of one value
(a CSV whose only input is 5 everywhere) gets ends around that value, and numbers as large as float32
holds (±3.4e38) or larger get a range whose width itself stays finite.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

LIMIT = 1e300  # ends beyond this are brought in, so the width (high − low) can never overflow to infinity


@dataclass(frozen=True)
class SliderRange:
    low: float
    high: float
    step: float
    start: float  # where the slider starts: a quarter of the way (or `at` of the way) from low to high


def slider_range(low: float, high: float, steps: int = 90, at: float = 0.25) -> SliderRange:
    """The slider for values from `low` to `high`.

    Args:
        low: the smallest value; any finite number.
        high: the largest value; any finite number not below `low`.
        steps: about how many steps the slider takes from end to end.
        at: where the slider starts, as a share of the way from `low` to `high`.

    Raises:
        ValueError: `low` or `high` is not finite, or `high` is below `low` (a programmer error).
    """
    if not (math.isfinite(low) and math.isfinite(high)) or high < low:
        raise ValueError(
            f"Received an invalid range, expected finite numbers with low <= high. Received: low={low}, high={high}"
        )
    low, high = (min(max(float(end), -LIMIT), LIMIT) for end in (low, high))
    if low == high:
        pad = max(1.0, abs(low) / 10)
        low, high = low - pad, high + pad
    width = high - low
    step = float(f"{width / steps:.2g}") or width
    return SliderRange(low, high, step, low + width * at)
