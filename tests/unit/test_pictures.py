"""The first screen's pictures (`minifig.pictures`): any numbers draw a well-formed picture inside its frame, the
question and every weight say their numbers, and the axes' numbers are round."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from minifig.datasets import load
from minifig.pictures import RECT_CELLS, answer_svg, nice_ticks, weights_svg

SVG = "{http://www.w3.org/2000/svg}"
ANY_FLOAT = st.floats(width=32, allow_nan=True, allow_infinity=True)
FINITE = st.floats(-1e30, 1e30)


def parsed(html: str) -> ET.Element:
    """The picture as XML (it must be well-formed to be drawn), with its legend if it has one."""
    return ET.fromstring(f"<root xmlns:svg='http://www.w3.org/2000/svg'>{html}</root>")


def view_box(svg: ET.Element) -> tuple[float, float]:
    _, _, width, height = (float(n) for n in svg.get("viewBox").split())
    return width, height


def coordinates(svg: ET.Element) -> list[float]:
    """Every number that places something in the picture."""
    numbers = []
    for node in svg.iter():
        if node is svg:  # its own width is the page's ("100%")
            continue
        for name in ("x", "y", "cx", "cy", "width", "height"):
            if node.get(name) is not None:
                numbers.append(float(node.get(name)))
        if node.get("d"):
            numbers += [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", node.get("d"))]
    return numbers


@given(
    outputs=arrays(np.float32, st.integers(2, 200), elements=ANY_FLOAT),
    asked=ANY_FLOAT,
    answer=ANY_FLOAT,
    low=FINITE,
    width=st.floats(1e-6, 1e30),
    lang=st.sampled_from(["en", "ko"]),
)
def test_any_answers_draw_a_picture_inside_its_frame_and_the_question_says_its_answer(
    outputs, asked, answer, low, width, lang
):
    data = load("seed")
    data = replace(data, x=data.x * np.float32(width / 10) + np.float32(low))
    grid = np.linspace(low, low + width, len(outputs))
    svg = parsed(answer_svg(grid, outputs, asked, answer, data, lang)).find(f"{SVG}svg")
    box_width, box_height = view_box(svg)
    for number in coordinates(svg):
        assert math.isfinite(number)
        assert -box_width <= number <= 2 * box_width, number  # a label may hang over its end, nothing flies off
    questions = svg.findall(f".//{SVG}circle[@class='minifig-asked']")
    if math.isfinite(asked) and math.isfinite(answer):
        (question,) = questions
        assert f"{answer:.4f}" in question.find(f"{SVG}title").text
        assert 0 <= float(question.get("cy")) <= box_height
    else:
        assert questions == []  # no number to put it at


def test_the_lesson_picture_holds_the_curve_every_example_and_the_question_in_both_languages():
    data = load("seed")
    grid = np.linspace(1, 10, 181)
    for lang, words in (("en", "your question"), ("ko", "나의 질문")):
        root = parsed(answer_svg(grid, 1 / (1 + np.exp(5.5 - grid)), 3.25, 0.0241, data, lang))
        svg = root.find(f"{SVG}svg")
        assert len(svg.findall(f".//{SVG}circle")) == len(data.x) + 1
        assert words in "".join(root.itertext())
        (curve,) = [p for p in svg.findall(f"{SVG}path") if p.get("stroke-width") == "3"]
        assert curve.get("d").count("L") == len(grid) - 1


@given(
    kernel=st.integers(1, 80).flatmap(
        lambda inputs: st.integers(1, 80).flatmap(lambda units: arrays(np.float32, (inputs, units), elements=ANY_FLOAT))
    ),
    lang=st.sampled_from(["en", "ko"]),
)
def test_any_weights_draw_a_map_whose_cells_hold_their_weights(kernel, lang):
    bias = np.linspace(-1, 1, kernel.shape[1]).astype(np.float32)
    svg = parsed(weights_svg(kernel, bias, lang)).find(f"{SVG}svg")
    z = np.vstack([kernel, bias.reshape(1, -1)])
    cells = svg.findall(f"{SVG}rect[@data-w]")
    if z.size <= RECT_CELLS:  # NaN is NaN
        np.testing.assert_array_equal([float(cell.get("data-w")) for cell in cells], z.ravel().astype(float))
    else:
        assert cells == [] and svg.find(f"{SVG}image") is not None  # one image of the whole map
    for number in coordinates(svg):
        assert math.isfinite(number)


def test_the_map_is_red_below_zero_white_at_zero_and_blue_above():
    svg = parsed(weights_svg(np.array([[-2.0, 0.0, 2.0]]), np.zeros(3), "en")).find(f"{SVG}svg")
    colours = [cell.get("fill") for cell in svg.findall(f"{SVG}rect[@data-w]")][:3]
    red, white, blue = (tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in colours)
    assert red[0] > red[2] and blue[2] > blue[0] and min(white) > 240


@given(low=FINITE, span=st.floats(1e-20, 1e30))
def test_axis_numbers_are_round_evenly_spaced_and_within_the_axis(low, span):
    high = low + max(span, abs(low) * 1e-6)  # an axis the pictures draw: never narrower than that (`_span`)
    ticks = nice_ticks(low, high)
    assert 2 <= len(ticks) <= 12
    step = ticks[1] - ticks[0]
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert min(abs(mantissa - m) for m in (1, 2, 5, 10)) < 1e-6
    assert all(low - step * 1e-6 <= tick <= high + step * 1e-6 for tick in ticks)
