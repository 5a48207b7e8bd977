"""Watch it learn (issue 14) in a real browser: Step trains one epoch and the figure tells its loop with the numbers
the engine used; the phase step walks one batch through the four phases; a slow pace is slow, Stop still stops,
and a new pace goes on with the run. Every phase leaves a screenshot, in English and in Korean."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS, TRAIN_MS, shot, wait_idle
from tests.browser.test_story import click, epoch_of, press, set_number, status

pytestmark = pytest.mark.browser

NUMBER = r"-?\d+(?:\.\d+)?"
LINE = re.compile(
    rf"(?P<x>{NUMBER}) went in; the head said (?P<said>{NUMBER}); the true answer is (?P<y>[01]) \((small|big)\); "
    rf"the torso's loss is (?P<loss>{NUMBER}); Adam moved w from (?P<w0>{NUMBER}) to (?P<w1>{NUMBER}) "
    rf"and b from (?P<b0>{NUMBER}) to (?P<b1>{NUMBER})\."
)
PHASES_EN = ["Into the eyes", "Out of the mouth", "The torso weighs", "The legs update"]
PHASES_KO = ["눈으로 들어가기", "입에서 나오기", "몸통이 재기", "다리가 고치기"]
SEED_XS = {str(x) for x in range(10)}  # the seed's problems are the numbers 0 … 9


def test_step_trains_one_epoch_and_the_loop_shows_the_engines_numbers_phase_by_phase(page):
    click(page, "compile")
    expect(page.locator(".st-key-figure")).to_contain_text("Snapped together", timeout=30_000)
    assert "epoch 0/100" in status(page)

    click(page, "step")
    first = loop_numbers(page)
    assert "epoch 1/100" in status(page) and "1 epoch trained so far" in status(page)
    assert "Epoch 1, example 1 of its first batch of 10" in loop_text(page)
    assert first["x"] in SEED_XS and 0 < float(first["said"]) < 1
    assert f"loss {first['loss']}" in status(page)  # the torso's loss is the engine's loss for that epoch
    assert (first["w1"], first["b1"]) == first_brick_read_back(page)
    assert first["w0"] != first["w1"]
    shot(page, "loop_step_en")

    click(page, "step")
    second = loop_numbers(page)
    assert "epoch 2/100" in status(page)
    assert (second["w0"], second["b0"]) == (first["w1"], first["b1"])  # the next epoch starts where it stopped
    assert (second["w1"], second["b1"]) == first_brick_read_back(page)

    walk_phases(page, PHASES_EN, "en")
    assert "epoch 2/100" in status(page)  # a batch is no epoch
    walked = loop_numbers(page)
    assert (walked["w0"], walked["b0"]) == (second["w1"], second["b1"])
    assert (walked["w1"], walked["b1"]) == first_brick_read_back(page)

    page.locator(".st-key-lang").get_by_text("한국어").click()
    wait_idle(page)
    assert "최대한 빠르게" in page.locator(".st-key-pace").inner_text()  # the pace kept, named in Korean
    walk_phases(page, PHASES_KO, "ko")
    assert "다리(Adam)가 옮긴 가중치: w" in loop_text(page)


def test_a_slow_pace_is_watchable_stop_stops_it_and_a_new_pace_goes_on_with_the_run(page):
    click(page, "compile")
    expect(page.locator(".st-key-figure")).to_contain_text("Snapped together", timeout=30_000)
    set_pace(page, "Home")  # the slowest: one epoch a second
    assert "1 epoch a second" in page.locator(".st-key-pace").inner_text()

    set_number(page, "epochs", 3)
    started = time.monotonic()
    press(page, "train")
    wait_idle(page, TRAIN_MS)
    took = time.monotonic() - started
    assert "Done: epoch 3/3" in status(page)
    assert took >= 2.0, took  # three epochs at one a second (behaviour, not a speed benchmark)
    assert "Epoch 3, example 1" in loop_text(page)  # the figure played each epoch's loop (full pace plays none)
    shot(page, "loop_slow_pace_en")

    set_number(page, "epochs", 100)
    press(page, "train")
    wait_for_epoch(page, 100, 1)
    press(page, "stop")
    wait_idle(page, TRAIN_MS)
    stopped = epoch_of(status(page), 100)
    assert "Stopped at epoch" in status(page) and stopped < 100, status(page)  # a busy browser may click late

    press(page, "train")
    wait_for_epoch(page, 100, 1)
    set_pace(page, "End")  # as fast as it goes, while training
    wait_idle(page, TRAIN_MS)
    assert "Done: epoch 100/100" in status(page), status(page)


# --- reading and acting ----------------------------------------------------------------------------------


def loop_text(page) -> str:
    return page.locator(".st-key-loop").inner_text()


def loop_numbers(page) -> dict[str, str]:
    """The six numbers of the loop's line (X, Y′, Y, loss, w and b before → after), as written."""
    found = LINE.search(loop_text(page))
    assert found, loop_text(page)
    return found.groupdict()


def first_brick_read_back(page) -> tuple[str, str]:
    """The first brick's weight from the first input to its first unit, and its first bias, as the 'Look inside'
    weights map holds them (its bottom row is the bias), written as the loop writes them."""
    cells = page.locator(".st-key-weights_map rect[data-w]")  # row by row: the inputs, then the bias
    units = cells.count() // 2  # the first brick of the lesson takes one input: two rows
    return (
        f"{float(cells.nth(0).get_attribute('data-w')):.4f}",
        f"{float(cells.nth(units).get_attribute('data-w')):.4f}",
    )


def walk_phases(page, names: list[str], lang: str) -> None:
    """Press the phase step four times: each shows the next phase, in order, and only the words so far."""
    for n, name in enumerate(names, start=1):
        click(page, "step_phase")
        page.mouse.move(1, 1)  # off the button, so its tooltip does not cover the page in the screenshots
        text = loop_text(page)
        assert name in text, (n, text)
        assert all(later not in text for later in names[n:]), (n, text)
        shot(page, f"loop_phase_{n}_{lang}")
        first_screen(page, f"loop_phase_{n}_{lang}_first_screen")


def first_screen(page, name: str) -> None:
    """What a learner sees without scrolling on a 1400×900 screen, as artifacts/screenshots/<name>.png."""
    size = page.viewport_size
    page.set_viewport_size({"width": 1400, "height": 900})
    try:
        page.wait_for_timeout(300)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
    finally:
        page.set_viewport_size(size)


def set_pace(page, key: str) -> None:
    """Move the pace slider with the keyboard: Home for the slowest, End for as fast as it goes."""
    thumb = page.locator(".st-key-pace input[type=range]")
    thumb.focus()
    thumb.press(key)
    wait_idle(page)


def wait_for_epoch(page, target: int, n: int, timeout_s: float = 60) -> None:
    """Wait until a run is training and past epoch n (an earlier run's "Stopped at epoch …" does not count)."""
    deadline = time.monotonic() + timeout_s
    while not (status(page).startswith("Training") and (epoch_of(status(page), target) or 0) >= n):
        assert time.monotonic() < deadline, status(page)
        time.sleep(0.05)
