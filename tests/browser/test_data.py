"""Issue 4 in a real browser: xor's map moves while the figure learns, a learner's CSV (good and bad),
the digits with a picked and a drawn image. Every step leaves a screenshot."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from tests.app.test_data import array
from tests.browser.conftest import shot, wait_idle
from tests.browser.test_story import TRAIN_MS, click, set_number, slide_to, status

pytestmark = pytest.mark.browser

FILES = Path(__file__).parent / "files"


def choose(page, key: str, option: str) -> None:
    """Pick `option` (its visible text) in the selectbox with this key."""
    page.locator(f".st-key-{key} [role=combobox]").click()
    page.get_by_role("option", name=option).click()
    wait_idle(page)


def map_cells(page) -> np.ndarray:
    """The live map's heatmap values, as Plotly holds them on the chart's element (a typed array)."""
    z = page.evaluate("() => document.querySelector('.st-key-map .js-plotly-plot').data[0].z")
    return array(z)


def train(page, epochs: int) -> None:
    set_number(page, "epochs", epochs)
    click(page, "train")
    page.wait_for_function(
        f"() => document.querySelector('.st-key-train_status').innerText.includes('/{epochs}.')", timeout=TRAIN_MS
    )
    wait_idle(page, TRAIN_MS)


def test_xor_map_changes_between_epochs(page):
    choose(page, "dataset", "XOR: same signs or different?")
    assert "New data" in page.inner_text("body")
    assert "How to fix it" not in page.inner_text("body")  # the preset fits
    click(page, "compile")
    train(page, 2)
    early = map_cells(page)
    shot(page, "data_a_xor_two_epochs")
    train(page, 40)
    late = map_cells(page)
    shot(page, "data_b_xor_trained")
    assert early.shape == late.shape == (60, 60)
    assert np.abs(late - early).mean() > 0.05
    accuracy = float(re.search(r"accuracy (\d\.\d+)", status(page)).group(1))
    assert accuracy > 0.9


def test_good_csv_is_used_and_a_bad_one_keeps_it(page):
    page.locator(".st-key-csv_upload input[type=file]").set_input_files(FILES / "good.csv")
    wait_idle(page)
    body = page.inner_text("body")
    assert "Your file is ready: 120 examples, 2 inputs" in body
    assert "120 examples. Inputs" in body
    shot(page, "data_c_csv_loaded")
    page.locator(".st-key-csv_upload input[type=file]").set_input_files(FILES / "text_in_feature.csv")
    wait_idle(page)
    body = page.inner_text("body")
    assert "could not be used" in body and "tall" in body
    assert "120 examples. Inputs" in body  # the good file's data is still the data
    shot(page, "data_d_csv_refused")
    click(page, "compile")
    train(page, 30)
    assert re.search(r"accuracy 0\.[89]|accuracy 1\.0", status(page))


def test_digits_answer_a_picked_and_a_drawn_image(page):
    choose(page, "dataset", "Handwritten digits (8×8 images, 10 classes)")
    click(page, "compile")
    train(page, 15)
    slide_to(page, "predict_image", 3)
    answer = page.locator(".st-key-prediction").inner_text()
    truth = re.search(r"True answer: (\d)", page.inner_text("body")).group(1)
    assert re.search(rf"Answer: “{truth}” \(\d+% sure\)", answer), answer
    shot(page, "data_e_digits_picked")
    page.locator(".st-key-draw_digit label").click()
    wait_idle(page)
    canvas = page.locator("iframe[title*='drawable_canvas']")  # the canvas, not the page's other iframes
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    x, top = box["x"] + 100, box["y"] + 40
    page.mouse.move(x, top)
    page.mouse.down()
    page.mouse.move(x, top + 130, steps=15)  # a "1": one stroke down the middle
    page.mouse.up()
    wait_idle(page)
    page.wait_for_selector("text=What the figure sees", timeout=20_000)
    answer = page.locator(".st-key-prediction").inner_text()
    assert re.search(r"Answer: “\d” \(\d+% sure\)", answer), answer
    shot(page, "data_f_digits_drawn")
