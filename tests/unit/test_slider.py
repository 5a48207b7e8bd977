"""A question slider for any finite range of inputs: two different ends, a usable step, a start between them."""

import json
import math
import random
import shutil
import subprocess
import sys
from itertools import pairwise

import pytest
from hypothesis import assume, given
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


@pytest.mark.fuzz
@given(a=finite, b=finite, at=st.floats(0, 1))
def test_the_slider_writes_its_stops_apart(a, b, at):
    """The answer ahead (components/answer_ahead) finds each stop's answer by how the slider writes it: stops a
    step apart must read differently. (Stops may read alike, and the page then answers them itself, in a range
    narrower than the floats can tell apart at its size, 1e15 to 1e15 + 1, or one of steps under 1e-19.)"""
    ends = slider_range(min(a, b), max(a, b), at=at)
    assume(ends.step >= 1e-19)
    stops = ends.stops()
    apart = [(x, y) for x, y in pairwise(stops) if y - x >= ends.step * 0.999]
    for x, y in apart:
        assert ends.label(x) != ends.label(y)
    assert ends.low in stops and ends.high in stops and ends.start in stops


def test_the_lessons_slider_reads_as_before_with_a_stop_at_each_tenth():
    ends = slider_range(1.0, 10.0)
    labels = [ends.label(stop) for stop in ends.stops()]
    assert ends.format == "%0.2f"  # Streamlit's own for a float slider: the seed's slider looks as it did
    assert labels[:3] == ["1.00", "1.10", "1.20"] and "3.25" in labels and labels[-1] == "10.00"
    assert len(labels) == len(set(labels)) == 92


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js: its toFixed is the browser's")
def test_each_label_is_what_the_browsers_slider_writes():
    """Streamlit's slider writes its value with sprintf-js, whose %f is JavaScript's toFixed: labels of stops, starts
    and ends of sliders over ranges of every size, and exact halves (where toFixed and Python's % differ), checked
    against Node's toFixed."""
    rng = random.Random(15)
    cases = []
    for _ in range(400):
        low = rng.choice([0.0, 0.5, -2.5, rng.uniform(-1, 1) * 10 ** rng.randint(-12, 24)])
        ends = slider_range(low, low + 10 ** rng.uniform(-12, 24), at=rng.random())
        halves = [(rng.randint(-999, 999) + 0.5) / 2 ** rng.randint(0, 6) * 10.0**-ends.decimals for _ in range(3)]
        cases += [
            (value, ends.decimals, ends.label(value)) for value in [ends.start, ends.high, *ends.stops()[:4], *halves]
        ]
    script = "console.log(JSON.stringify(JSON.parse(require('fs').readFileSync(0)).map(([v, d]) => v.toFixed(d))))"
    written = json.loads(
        subprocess.run(
            ["node", "-e", script], input=json.dumps(cases), capture_output=True, text=True, check=True
        ).stdout
    )
    wrong = [
        (value, decimals, ours, theirs)
        for (value, decimals, ours), theirs in zip(cases, written, strict=True)
        if ours != theirs
    ]
    assert not wrong, wrong[:10]
    assert any(f"{value:.0f}" != label for value, decimals, label in cases if decimals == 0)  # Python writes 2.5 "2"
