"""The figure card: a PNG of the expected size whose QR code holds the page link, whose head shows the bricks in
their cards' colours, drawn in English and Korean, trained or not."""

import io
from dataclasses import replace
from types import SimpleNamespace

import pytest
import segno
from PIL import Image

from minifig import drawing, figure_card
from minifig.cards import CATALOGUE, brick
from minifig.figure_card import HEIGHT, WIDTH, Asked, qr_layout
from minifig.spec import seed_figure

URL = "http://localhost:8501/?data=seed&layer=dense-64-relu&layer=dense-1-sigmoid&torso=binary_crossentropy"
HISTORY = [
    SimpleNamespace(loss=0.7 / (i + 1), metric=0.5 + i / 40, val_loss=0.8 / (i + 1), val_metric=0.6) for i in range(20)
]


def card(lang: str = "en", **changes) -> Image.Image:
    values = {"spec": seed_figure(), "history": HISTORY, "metric_name": "accuracy", "url": URL, "lang": lang}
    png = figure_card.figure_card(**{**values, **changes})
    assert png.startswith(b"\x89PNG")
    return Image.open(io.BytesIO(png)).convert("RGB")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_card_is_a_png_of_the_card_size(lang):
    assert card(lang, asked=Asked("3.00", "0.0063 → small")).size == (WIDTH, HEIGHT)


def test_the_qr_code_drawn_is_the_page_link():
    image = card()
    matrix, x0, y0, module = qr_layout(URL)
    assert matrix == segno.make(URL, error="m", micro=False).matrix
    drawn = [
        [
            image.getpixel((x0 + c * module + module // 2, y0 + r * module + module // 2)) == (0, 0, 0)
            for c in range(len(row))
        ]
        for r, row in enumerate(matrix)
    ]
    assert drawn == [[bool(cell) for cell in row] for row in matrix]
    quiet = [image.getpixel((x0 - module // 2, y0 + r * module)) for r in range(len(matrix))]
    assert set(quiet) == {(255, 255, 255)}  # the quiet zone around the code is white


def test_qr_decodes_to_the_link_when_a_decoder_is_installed():
    zxingcpp = pytest.importorskip("zxingcpp")
    assert [r.text for r in zxingcpp.read_barcodes(card())] == [URL]


def test_head_bricks_are_drawn_in_their_cards_colours():
    image = card(spec=replace(seed_figure(), head=(brick("normalization"), brick("dense", units=4), brick("dropout"))))
    colours = {image.getpixel((x, y)) for x in range(60, 480, 3) for y in range(150, 700, 3)}
    for card_id in ("normalization", "dense", "dropout"):
        colour = CATALOGUE[card_id].colour
        assert tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5)) in colours, card_id


def test_the_figure_follows_the_drawings_layout():
    assert drawing.part_boxes(seed_figure(), compiled=True)[1][1] == drawing.part_boxes(seed_figure(), True)[0][2] + 28


def test_an_untrained_figure_without_parts_still_makes_a_card():
    bare = replace(seed_figure(), head=(), torso=None, legs=None)
    assert card("ko", spec=bare, history=[], url="", compiled=False).size == (WIDTH, HEIGHT)


def test_korean_text_uses_a_cjk_font_when_one_is_installed():
    font = figure_card._font(20)
    if not hasattr(font, "getname") or "CJK" not in font.getname()[0]:
        pytest.skip("no Noto Sans CJK font here")
    assert font.getlength("몸통") > 20  # Hangul glyphs, not empty boxes of zero width


def test_a_run_whose_first_loss_is_no_number_makes_a_card_with_an_empty_curve():
    at_once = [SimpleNamespace(loss=float("nan"), metric=0.1, val_loss=None, val_metric=None)]
    assert card(history=at_once).size == (WIDTH, HEIGHT)


def test_a_diverged_run_and_a_long_question_still_make_a_card():
    diverged = [
        SimpleNamespace(loss=v, metric=0.5, val_loss=v, val_metric=0.5) for v in (0.7, 3.0, float("inf"), float("nan"))
    ]
    long_question = Asked(", ".join(f"column {i} = {i}.5" for i in range(40)), "Answer: 12.0000")
    assert card(history=diverged, asked=long_question).size == (WIDTH, HEIGHT)
