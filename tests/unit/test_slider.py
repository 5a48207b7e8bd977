"""A question slider for any finite range of inputs: two different ends, a usable step, a start between them."""

import math
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minifig.slider import slider_range

finite = st.floats(allow_nan=False, allow_infinity=False)


@pytest.mark.fuzz
@given(a=finite, b=finite, at=st.floats(0, 1))
def test_any_finite_range_makes_a_slider_the_browser_can_draw(a, b, at):
    ends = slider_range(min(a, b), max(a, b), at=at)
    numbers = (ends.low, ends.high, ends.step, ends.start)
    assert all(math.isfinite(n) and abs(n) <= sys.float_info.max for n in numbers)
    assert ends.low < ends.high and 0 < ends.step <= ends.high - ends.low
    assert ends.low <= ends.start <= ends.high


@pytest.mark.parametrize("value", [5.0, 0.0, -3e38, 1e-40, 1.7e308])
def test_one_value_all_the_way_down_gets_two_ends_around_it(value):
    ends = slider_range(value, value)
    assert ends.low < min(value, 1e300) or value > 1e300
    assert ends.low < ends.high


def test_the_lessons_numbers_keep_their_slider():
    ends = slider_range(1.0, 10.0)
    assert (ends.low, ends.high, ends.step, ends.start) == (1.0, 10.0, 0.1, 3.25)


@pytest.mark.parametrize("low, high", [(math.inf, math.inf), (0.0, math.nan), (2.0, 1.0)])
def test_a_range_that_is_not_one_is_a_programmer_error(low, high):
    with pytest.raises(ValueError, match="invalid range"):
        slider_range(low, high)
