"""Issue 11 in a real browser: the Conv2D address that crashed the page opens, compiles, trains and is looked
inside without a traceback; a head that cannot be built is a misfit message with the page below it working."""

from __future__ import annotations

import pytest

from tests.browser.conftest import TRAIN_MS, open_app, shot, wait_idle
from tests.browser.test_story import click, status

pytestmark = pytest.mark.browser

CONV2D = (
    "/?data=digits&layer=conv2d-8-3-relu&layer=flatten&layer=dense-10-softmax"
    "&torso=sparse_categorical_crossentropy&legs=adam-0.001&epochs=5&batch=32&val=0.2&seed=42"
)
EXCEPTION = "[data-testid='stException']"
TRACEBACK_WORDS = ("Traceback", "IndexError", "ValueError", "Something went wrong")


def no_traceback(page) -> None:
    assert page.locator(EXCEPTION).count() == 0
    text = page.locator("[data-testid='stMain']").inner_text()
    assert not [word for word in TRACEBACK_WORDS if word in text]


def test_the_conv2d_address_opens_trains_and_is_looked_inside(browser, app_url):
    page = open_app(browser, app_url + CONV2D)
    try:
        no_traceback(page)
        summary = page.locator(".st-key-summary").inner_text()
        assert "Conv2D: takes 64 numbers, gives 512" in summary and "Dense: takes 512 numbers, gives 10" in summary
        shot(page, "unbreakable_a_conv2d_address")
        click(page, "compile")
        page.locator(".st-key-train button").click()
        page.wait_for_function(
            "() => document.querySelector('.st-key-train_status').innerText.includes('Done: epoch 5/5')",
            timeout=TRAIN_MS,
        )
        wait_idle(page)
        no_traceback(page)
        assert "Done: epoch 5/5" in status(page)
        assert page.locator(".st-key-weights_map, .st-key-inside_layer").count() >= 1
        shot(page, "unbreakable_b_conv2d_trained")
    finally:
        page.context.close()


def test_a_head_that_cannot_be_built_is_a_misfit_and_the_page_goes_on(browser, app_url):
    page = open_app(browser, app_url + "/?data=moons&layer=maxpool-3&layer=dense-1-sigmoid&torso=binary_crossentropy")
    try:
        no_traceback(page)
        assert "works on images" in page.locator(".st-key-fit_check").inner_text()
        assert page.locator(".st-key-train button").count() == 1 and page.locator(".st-key-compare").count() == 1
        shot(page, "unbreakable_c_unbuildable_head")
    finally:
        page.context.close()
