"""The ends, step and starting value of a question slider over any finite range of inputs.

A slider needs two different ends and a step of a size the browser can hold: a column of one value
(a CSV whose only input is 5 everywhere) gets ends around that value, and numbers as large as float32
holds (±3.4e38) or larger get a range whose width itself stays finite.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal

LIMIT = 1e300  # ends beyond this are brought in, so the width (high − low) can never overflow to infinity
MAX_DECIMALS = 20  # finer than that (a range of 1e-20), stops may read alike: the page then answers them itself
MAX_STOPS = 1000  # a slider of `steps` ≈ 90 has ~92 stops; the cap only bounds a hand-made range
FIXED_UP_TO = 1e21  # JavaScript's toFixed writes numbers from here on as its String() does ("1e+21")
_EXACT = Context(prec=80)  # enough digits for any value below FIXED_UP_TO with MAX_DECIMALS decimals


@dataclass(frozen=True)
class SliderRange:
    low: float
    high: float
    step: float
    start: float  # where the slider starts: a quarter of the way (or `at` of the way) from low to high

    @property
    def format(self) -> str:
        """How the slider writes its value: decimals enough that two stops a step apart never read the same (a
        range of a thousandth gets "%0.5f", not Streamlit's "%0.2f" that would write "0.00" at every stop). A step
        of a whole tenth gets one decimal more: 1.05 and 1.15 would both read "1.1"."""
        return f"%0.{self.decimals}f"

    @property
    def decimals(self) -> int:
        places = math.ceil(-math.log10(self.step))
        whole = places >= 0 and math.isclose(self.step, 10.0**-places)
        return min(max(0, places) + whole, MAX_DECIMALS)

    def label(self, value: float) -> str:
        """`value` as the slider in the browser writes it with `format`: Streamlit's sprintf-js writes %f with
        JavaScript's toFixed, which rounds an exact half away from zero (2.5 → "3", where Python's % writes "2"), writes
        -0 as "0" and numbers from 1e21 on as JavaScript's String() does."""
        if abs(value) >= FIXED_UP_TO:
            return repr(value)  # Python's shortest round-trip form is JavaScript's for these: 1e+21, -3.4e+38
        exact = Decimal(value if value else 0.0).quantize(Decimal(1).scaleb(-self.decimals), ROUND_HALF_UP, _EXACT)
        return f"{exact:f}"

    def stops(self) -> list[float]:
        """Every value the slider can hold: its start, and low + k·step up to high (where a drag or a key lands: the
        browser snaps a moved slider to the steps from its low end), and high."""
        count = min(int((self.high - self.low) / self.step + 1e-9), MAX_STOPS)
        return sorted({self.start, self.high, *(self.low + k * self.step for k in range(count + 1))})


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
    start = min(max(low + width * at, low), high)  # rounding may carry low + width · 1 past high
    return SliderRange(low, high, step, start)
