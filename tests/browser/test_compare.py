"""Compare figures in a real browser: keep three figures that differ in their legs, train them together, see
their curves overlaid, their answers side by side and the ranking. Leaves a screenshot of the comparison."""

from __future__ import annotations

import pytest

from tests.browser.conftest import TRAIN_MS, open_tab, wait_idle
from tests.browser.test_lesson import shot_in_view
from tests.browser.test_story import click, set_number

pytestmark = pytest.mark.browser

LEGS = ("Adam", "SGD", "RMSprop")


def test_three_figures_compared_by_mouse(page):
    for label in LEGS:
        page.locator(".st-key-legs [role=combobox]").click()
        page.keyboard.type(label)
        page.keyboard.press("Enter")
        wait_idle(page)
        open_tab(page, "compare")
        name = page.locator(".st-key-compare_name input")
        name.fill(label)
        name.press("Enter")
        wait_idle(page)
        click(page, "compare_keep")
    compare = page.locator(".st-key-compare")
    assert "(3/6)" in compare.inner_text()
    set_number(page, "epochs", 40)
    page.locator(".st-key-compare_train button").click()
    wait_idle(page, TRAIN_MS)
    text = compare.inner_text()
    assert "40/40" in text
    charts = compare.locator("[data-testid='stPlotlyChart']")
    assert charts.count() == 2  # the curves, and the answers side by side
    legend = charts.first.inner_text()
    assert all(label in legend for label in LEGS)
    ranked = compare.locator("[data-testid='stDataFrame']")
    assert ranked.count() == 1
    shot_in_view(page, "compare_three_legs", "compare")
