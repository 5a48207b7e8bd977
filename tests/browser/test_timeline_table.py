"""Issue 8 in a real browser: time travel after training, a table typed on the page, and the brick meter.

Every step leaves a screenshot in artifacts/screenshots/ (issue8_*).
"""

from __future__ import annotations

import re

import numpy as np
import pytest

from tests.browser.conftest import shot, wait_idle
from tests.browser.test_data import map_cells, train
from tests.browser.test_story import click, slide_to

pytestmark = pytest.mark.browser

ROW_PX = 35  # the data editor's header and rows are 35 px high


def choose(page, key: str, option: str) -> None:
    """Pick `option` in the selectbox with this key, typing its first word to find it (the list may be long)."""
    page.locator(f".st-key-{key} [role=combobox]").click()
    page.keyboard.type(option.split()[0])
    page.get_by_role("option", name=option).click()
    wait_idle(page)


def answer_number(page) -> float:
    return float(re.search(r"Answer: (\d\.\d+)", page.locator(".st-key-prediction").inner_text()).group(1))


def test_the_meter_counts_and_time_travel_replays_the_map(page):
    head, meter = page.locator(".st-key-head"), page.locator(".st-key-meter")
    assert head.get_by_text("4,160 weights").count() == 3
    assert "12,673 weights in the head" in meter.inner_text()

    choose(page, "dataset", "XOR: same signs or different?")
    click(page, "compile")
    train(page, 40)
    assert "per epoch" in meter.inner_text()
    late = map_cells(page)
    shot(page, "issue8_a_xor_trained_now")

    slide_to(page, "timeline", 0)
    before = map_cells(page)
    assert "Time travel: before training (epoch 0 of 40)." in page.locator(".st-key-time_travel").inner_text()
    assert "(time travel)" in page.locator(".st-key-prediction").inner_text()
    assert np.abs(late - before).mean() > 0.05  # the map is the untrained head's again
    shot(page, "issue8_b_xor_travelled_to_before_training")

    click(page, "timeline_now")
    assert np.array_equal(map_cells(page), late)


def open_table(page) -> None:
    """Open the "Type your own table" panel and wait until the table has stopped moving (the panel slides open)."""
    page.locator(".st-key-table_panel summary").click()
    canvas = page.locator(".st-key-typed_table canvas").first
    canvas.wait_for()
    boxes = [None, canvas.bounding_box()]
    while boxes[-1] != boxes[-2]:
        page.wait_for_timeout(100)
        boxes.append(canvas.bounding_box())


def cell(page, row: int, column: float) -> None:
    """Double-click a cell of the typed table: `row` from 1 (the table shows up to 15 rows whole), `column` a share
    of its width."""
    box = page.locator(".st-key-typed_table canvas").first.bounding_box()
    y = box["y"] + ROW_PX * row + ROW_PX / 2
    page.mouse.dblclick(box["x"] + box["width"] * column, y)  # a double click opens the cell's editor


def type_into(page, row: int, column: float, text: str) -> None:
    """Open a cell's editor, write `text` over what is there, and press Enter."""
    cell(page, row, column)
    editor = page.locator("textarea.gdg-input")
    editor.wait_for(timeout=5_000)
    editor.fill(text)
    editor.press("Enter")
    wait_idle(page)


X, Y = 0.3, 0.8  # where the x and y columns are, as shares of the table's width


def test_a_typed_table_is_learnt_and_a_bad_cell_keeps_the_last_good_table(page):
    open_table(page)
    panel = page.locator(".st-key-section_data")
    type_into(page, 3, X, "three")
    assert "row 3 has “three”" in panel.inner_text() and "your data is unchanged" in panel.inner_text()
    shot(page, "issue8_d_table_bad_cell")

    type_into(page, 3, X, "3")
    assert "Your table is in use: 10 examples" in panel.inner_text()
    assert page.locator(".st-key-dataset [role=combobox]").input_value() == "Your typed table"

    page.locator(".st-key-typed_table").hover()
    page.locator(".st-key-typed_table button[aria-label='Add row']").click()
    wait_idle(page)
    type_into(page, 11, X, "11")
    assert "the last good table stays in use" in panel.inner_text()  # y is still empty
    type_into(page, 11, Y, "1")
    assert "Your table is in use: 11 examples" in panel.inner_text()
    shot(page, "issue8_e_table_with_a_new_row")

    click(page, "compile")
    train(page, 60)
    page.locator(".st-key-predict_input input[type=range]").press("End")  # ask about 11, the new row
    wait_idle(page)
    assert answer_number(page) > 0.5 and "→ “1”" in page.locator(".st-key-prediction").inner_text()


def test_typed_rows_survive_the_panel_closing_and_are_learnt_when_picked_again(page):
    """The editor is drawn only while its panel is open: rows typed before it closed are not lost."""
    assert page.locator(".st-key-typed_table canvas").count() == 0  # a first page has no data grid
    open_table(page)
    page.locator(".st-key-typed_table").hover()
    page.locator(".st-key-typed_table button[aria-label='Add row']").click()
    wait_idle(page)
    type_into(page, 11, X, "11")
    type_into(page, 11, Y, "1")
    panel = page.locator(".st-key-section_data")
    assert "Your table is in use: 11 examples" in panel.inner_text()

    choose(page, "dataset", "Circle: inside or outside?")  # the table is not in use: its panel closes
    assert page.locator(".st-key-typed_table canvas").count() == 0
    choose(page, "dataset", "Your typed table")
    assert "Your table is in use: 11 examples" in panel.inner_text()
    assert page.locator(".st-key-typed_table canvas").first.is_visible()  # in use: the panel is open again
