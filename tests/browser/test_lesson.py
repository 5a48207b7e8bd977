"""The guided lesson in a real browser, in Korean, by mouse: every step's part of the page is highlighted, the
torso misfit is fixed by choosing a torso, and the presenter view shows the figure large. Screenshots of steps."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from minifig.i18n import t
from minifig.lesson import STEPS
from tests.browser.conftest import SCREENSHOTS, TRAIN_MS, wait_idle
from tests.browser.test_story import click, slide_to

pytestmark = pytest.mark.browser

LANG = "ko"


def lesson_text(page) -> str:
    return page.locator(".st-key-lesson").inner_text()


def highlighted(page, key: str) -> bool:
    """Whether the page part with this key wears the lesson's highlight (a yellow outline)."""
    style = page.locator(f".st-key-{key}").first.evaluate("e => getComputedStyle(e).outlineStyle")
    return style == "solid"


def shot_in_view(page, name: str, key: str) -> None:
    """A screenshot of what the learner sees with the part `key` scrolled into view (the lesson stays on top)."""
    page.locator(f".st-key-{key}").first.scroll_into_view_if_needed()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png")


def next_step(page) -> None:
    button = page.locator(".st-key-lesson_next button")
    assert button.is_enabled()
    button.click()
    wait_idle(page)


def test_lesson_in_korean_by_mouse(page):
    page.locator(".st-key-lang label").filter(has_text="한국어").click()
    wait_idle(page)
    next_step(page)
    assert t("lesson.meet.title", LANG) in lesson_text(page)
    assert highlighted(page, "figure") and not highlighted(page, "compile")

    next_step(page)
    assert t("lesson.babble.title", LANG) in lesson_text(page)
    assert highlighted(page, "prediction")
    assert t("ui.babbling", LANG) in page.locator(".st-key-prediction").inner_text()

    next_step(page)  # step 3: the wrong torso is on, its misfit is explained, Next waits
    assert t("lesson.fit.title", LANG) in lesson_text(page)
    assert t("made_for.number", LANG) in page.locator(".st-key-fit_check").inner_text()
    assert page.locator(".st-key-lesson_next button").is_disabled()
    assert highlighted(page, "fit_check")
    shot_in_view(page, "lesson_step3_misfit_ko", "legs")
    page.locator(".st-key-torso [role=combobox]").click()  # the learner fixes it by hand
    page.get_by_role("option", name="Binary cross-entropy").click()
    wait_idle(page)
    assert page.locator(".st-key-fit_check [data-testid='stAlert']").count() == 0

    next_step(page)  # step 4: compile by the page's own button
    click(page, "compile")
    expect(page.locator(".st-key-section_build")).to_contain_text(t("ui.compiled", LANG), timeout=30_000)
    wait_idle(page)

    next_step(page)  # step 5: train, in the presenter view
    page.locator(".st-key-presenter label").click()
    wait_idle(page)
    assert page.locator(".st-key-section_train").is_visible()
    assert not page.locator(".st-key-section_data").is_visible()
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "22px"
    page.locator(".st-key-train button").click()
    wait_idle(page, TRAIN_MS)
    assert "100/100" in page.locator(".st-key-train_status").inner_text()
    shot_in_view(page, "lesson_step5_presenter_ko", "lesson")
    large = page.locator(".st-key-lesson_figure svg").bounding_box()
    assert large["width"] > 400

    next_step(page)  # step 6: the lesson waits for a question, then quotes the trained answer
    page.locator(".st-key-presenter label").click()
    wait_idle(page)
    slide_to(page, "predict_input", 2.0)
    text = lesson_text(page)
    assert "→" in text and t("lesson.finished", LANG) in text
    value = float(re.search(r"(\d\.\d{4})", text.split("→")[1]).group(1))
    assert value < 0.5  # 2 is small
    assert len(STEPS) == 6
    shot_in_view(page, "lesson_step6_asked_ko", "prediction")
