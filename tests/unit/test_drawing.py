from xml.etree import ElementTree

from minifig.cards import brick
from minifig.datasets import load
from minifig.drawing import figure_svg
from minifig.fit_check import misfits
from minifig.spec import FigureSpec, seed_figure


def words(svg: str) -> str:
    return " ".join(ElementTree.fromstring(svg).itertext())


def test_seed_figure_draws_every_brick_in_its_colour_and_parses_as_svg():
    svg = figure_svg(seed_figure(), [], compiled=False, lang="en")
    text = words(svg)
    assert text.count("Dense 64 relu") == 4 and "Dense 1 sigmoid" in text
    assert "Binary cross-entropy" in text and "Adam 0.001" in text
    assert 'fill="#0055bf"' in svg and 'fill="#c91a09"' in svg and 'fill="#237841"' in svg
    assert "Snapped" not in text


def test_compiled_figure_is_drawn_snapped_together():
    assert "Snapped together" in words(figure_svg(seed_figure(), [], compiled=True, lang="en"))


def test_missing_parts_are_drawn_empty_with_a_dashed_outline():
    svg = figure_svg(FigureSpec(), [], compiled=False, lang="en")
    text = words(svg)
    assert "no bricks yet" in text and "no torso" in text and "no legs" in text
    assert svg.count('class="missing"') == 3


def test_misfit_part_is_marked_and_its_reason_written_beside_it():
    spec = FigureSpec(head=(brick("dense"),), torso=brick("binary_crossentropy"), legs=brick("adam"))
    found = misfits(spec, load("seed"))
    svg = figure_svg(spec, found, compiled=False, lang="ko")
    assert 'class="misfit"' in svg
    assert "64" in words(svg) and "마지막 층" in words(svg)
