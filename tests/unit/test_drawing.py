from xml.etree import ElementTree

from minifig.cards import brick
from minifig.datasets import load
from minifig.drawing import figure_description, figure_svg
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


def test_the_loop_is_played_on_the_figure_phase_by_phase_and_its_line_is_the_text_alternative():
    from minifig.loop import LoopStep, picture

    step = LoopStep("batch", 3, 10, (3.0,), (0.6213,), (0.0,), 0.97123, 0, (0.11304, 0.10799), (0.0, -0.00099))
    labels = ["X = 3", "→ Y′ 0.6213", "Y 0 (small)", "loss 0.9712", "w 0.1130 → 0.1080", "b 0.0000 → -0.0010"]
    phase_of = [1, 2, 3, 3, 4, 4]
    for shown in range(1, 5):
        loop = picture(step, load("seed"), "adam", "en", shown)
        svg = figure_svg(seed_figure(), [], compiled=True, lang="en", loop=loop)
        text = words(svg)
        drawn = [label for label in labels if label in text]
        assert drawn == [label for label, phase in zip(labels, phase_of, strict=True) if phase <= shown], drawn
        root = ElementTree.fromstring(svg)
        figure = figure_description(seed_figure(), [], compiled=True, lang="en")
        assert root.get("aria-label") == f"{figure} {loop.line}"  # what the figure is, then the step it plays
        assert root.get("viewBox").split()[1].startswith("-")  # a band above the head, where X comes in
        assert root.get("viewBox").split()[2] == "340"  # as narrow as the figure alone: its column is narrow


def test_a_figure_with_misfits_shows_its_reasons_not_a_loop():
    from minifig.loop import LoopStep, picture

    spec = FigureSpec(head=(brick("dense"),), torso=brick("binary_crossentropy"), legs=brick("adam"))
    step = LoopStep("batch", 1, 10, (3.0,), (0.5,), (0.0,), 0.7, 0, (0.1, 0.2), (0.0, 0.1))
    svg = figure_svg(spec, misfits(spec, load("seed")), False, "en", loop=picture(step, load("seed"), "adam", "en"))
    assert "X = 3" not in words(svg) and "64" in words(svg)


def test_the_text_alternative_says_the_bricks_torso_legs_misfits_and_compiled():
    spec = FigureSpec(head=(brick("dense"),), torso=brick("binary_crossentropy"), legs=brick("adam"))
    found = misfits(spec, load("seed"))
    root = ElementTree.fromstring(figure_svg(spec, found, compiled=False, lang="en", notes=False))
    said = root.get("aria-label")
    assert root.get("role") == "img"
    assert said.startswith("The figure. Head with 1 bricks, top to bottom: Dense 64 relu.")
    assert "Torso (loss): Binary cross-entropy." in said and "Legs (optimizer): Adam 0.001." in said
    assert f"head: {found[0].reason.text('en')}" in said and said.endswith("Not snapped together yet.")


def test_without_notes_a_misfit_marks_its_part_and_keeps_the_drawing_narrow():
    spec = FigureSpec(head=(brick("dense"),), torso=brick("binary_crossentropy"), legs=brick("adam"))
    found = misfits(spec, load("seed"))
    svg = figure_svg(spec, found, compiled=False, lang="en", notes=False)
    root = ElementTree.fromstring(svg)
    assert 'class="misfit"' in svg and root.get("viewBox").split()[2] == "340"
    assert found[0].reason.text("en") in " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}title"))
