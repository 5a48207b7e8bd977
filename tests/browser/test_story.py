"""The seed's story (issue 3) walked in a real browser with the mouse: build the head by dragging, compile,
train and stop, ask the trained figure, and read it all in Korean. Every step leaves a screenshot.

One page (one Streamlit session) walks the whole story, as a learner does: a new session costs a full first
run, which is most of the suite's time on a small machine.
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import TRAIN_MS, shot, wait_idle

pytestmark = pytest.mark.browser

SEED_LAYERS = 5
LONG_RUN = 5000  # epochs in batches of one (`start_long_run`): long enough to watch the count rise and stop it
TITLE_EN = "Minifig: build a brain from bricks"
TITLE_KO = "미니피그: 블록으로 두뇌 만들기"


def test_seed_story_by_mouse(page):
    # a. The page paints the seed figure: five layer cards in the head.
    assert page.get_by_role("heading", name=TITLE_EN).is_visible()
    assert head_cards(page).count() == SEED_LAYERS
    shot(page, "a_seed_page")

    # b. A card dragged from the palette into the head becomes its sixth layer, at the bottom.
    palette_card = palette_cards(page).first
    card_name = card_title(palette_card)
    head = page.locator(".st-key-head")
    head.evaluate("e => { e.scrollTop = e.scrollHeight; }")  # the head's box scrolls: its end is at the bottom
    drag(page, palette_card, head, to_end=True)
    wait_idle(page)
    assert head_cards(page).count() == SEED_LAYERS + 1
    assert card_title(layer_cards(page).nth(SEED_LAYERS)) == f"{SEED_LAYERS + 1}. {card_name}"
    assert figure_bricks(page)[SEED_LAYERS - 1 :] == ["Dense 1 sigmoid", "Dense 64 relu"]  # below the seed's last
    shot(page, "b_dragged_into_head")

    # c. Its remove button takes it out again.
    click(page, f"remove_{SEED_LAYERS}")
    assert head_cards(page).count() == SEED_LAYERS
    shot(page, "c_removed_again")

    # b'. The drag's click twin: the card's + button adds the same layer.
    click(page, "add_dense")
    assert head_cards(page).count() == SEED_LAYERS + 1
    click(page, f"remove_{SEED_LAYERS}")
    assert head_cards(page).count() == SEED_LAYERS

    # d. Compile: the figure is drawn snapped together.
    figure = page.locator(".st-key-figure")
    assert "Snapped together" not in figure.inner_text()
    click(page, "compile")
    expect(figure).to_contain_text("Snapped together: compiled", timeout=30_000)  # compile ends in a rerun
    shot(page, "d_compiled")

    # e. A long run shows its epochs rising and stops when asked, well before its end ...
    start_long_run(page)
    running_epoch(page, LONG_RUN, above=0)
    # a step of the question's slider is asked while it trains: the training goes on (Stop is what stops it)
    page.locator(".st-key-predict_input input[type=range]").press("ArrowRight")
    time.sleep(1.0)  # the step's request has reached the server: a run that stopped for it would show no new epoch
    second = running_epoch(page, LONG_RUN, above=epoch_of(status(page), LONG_RUN), timeout_s=15)
    press(page, "stop")
    wait_idle(page, TRAIN_MS)
    stopped = status(page)
    assert "Stopped at epoch" in stopped
    assert second <= epoch_of(stopped, LONG_RUN) < LONG_RUN
    shot(page, "e1_stopped")

    # ... and a run of 100 epochs goes to its end.
    set_number(page, "epochs", 100)
    set_number(page, "batch_size", 10)
    press(page, "train")
    wait_idle(page, TRAIN_MS)
    done = status(page)
    assert "epoch 100/100" in done
    assert re.search(r"loss \d\.\d+ · accuracy 1\.0000", done)
    shot(page, "e2_trained")

    # f. The trained figure calls 3 small, with an output under one half.
    slide_to(page, "predict_input", 3.0)
    answer = page.locator(".st-key-prediction").inner_text()
    assert "small" in answer
    assert float(re.search(r"\d+\.\d+", answer).group()) < 0.5
    shot(page, "f_asked_three")

    # g. In Korean the page says everything in Korean (the glyphs must render: fonts-noto-cjk).
    page.locator(".st-key-lang").get_by_text("한국어").click()
    wait_idle(page)
    assert page.get_by_role("heading", name=TITLE_KO).is_visible()
    assert not page.get_by_text(TITLE_EN).count()
    assert "머리" in figure.inner_text()
    assert "에포크 100/100" in status(page) and "epoch" not in status(page)  # Korean status lines say 에포크
    shot(page, "g_korean")


# --- finding things by the keys of ui-contract.md -------------------------------------------------------


def head_cards(page):
    """The head's layer cards, top to bottom, counted by their remove buttons (`remove_<i>`)."""
    return page.locator(".st-key-head [class*='st-key-remove_']")


def layer_cards(page):
    """The head's bricks as the bricks component sees them: the head's children it made draggable."""
    return page.locator(".st-key-head > [data-brick]")


def palette_cards(page):
    """The palette's cards, once the bricks component has made them draggable."""
    cards = page.locator(".st-key-palette > [data-card]")
    cards.first.wait_for()
    return cards


def card_title(card) -> str:
    """A card's first line without its colour swatch: "Dense", or "6. Dense" in the head."""
    return card.inner_text().strip().split("\n")[0].strip(" ■")


def status(page) -> str:
    return page.locator(".st-key-train_status").inner_text()


def epoch_of(text: str, target: int) -> int | None:
    found = re.search(rf"epoch (\d+)/{target}\b", text)
    return int(found.group(1)) if found else None


# --- acting like a learner ------------------------------------------------------------------------------


def figure_bricks(page) -> list[str]:
    """The head's bricks as the figure draws them, top to bottom (e.g. "Dense 64 relu")."""
    lines = [line.strip() for line in page.locator(".st-key-figure").inner_text().splitlines()]
    return [line for line in lines[lines.index("HEAD") + 1 : lines.index("TORSO")] if line]


def drag(page, source, target, grip: tuple[float, float] = (0.5, 0.5), at: float = 1.0, to_end: bool = False) -> None:
    """Drag `source` onto `target` with real mouse moves: press, move a little, move, release.

    The card is gripped at `grip` (fractions of its width and height: the middle unless told) and dropped at
    height `at` of `target` (1.0 = just above its bottom edge), measured once the drag has begun: the head
    makes room below its last brick while a card is dragged. `to_end` first scrolls `target` to its end, as a
    learner would to see that room.
    """
    source.scroll_into_view_if_needed()
    start = source.bounding_box()
    x0, y0 = start["x"] + start["width"] * grip[0], start["y"] + start["height"] * grip[1]
    page.mouse.move(x0, y0)
    page.mouse.down()
    page.mouse.move(x0 + 8, y0 + 8, steps=4)
    page.wait_for_timeout(100)  # the drag has begun: the head's outline and room are drawn
    if to_end:
        target.evaluate("e => { e.scrollTop = e.scrollHeight; }")
    end = target.bounding_box()
    x1, y1 = end["x"] + end["width"] / 2, end["y"] + min(end["height"] * at, end["height"] - 12)
    page.mouse.move(x1, y1, steps=25)
    page.wait_for_timeout(250)  # SortableJS moves the card as the pointer passes (animated): let it settle
    page.mouse.move(x1, y1 + 2, steps=2)
    page.wait_for_timeout(150)
    page.mouse.up()
    page.mouse.move(1, 1)  # off the cards, so no tooltip stays open over them


def start_long_run(page) -> None:
    """Train the seed figure for `LONG_RUN` epochs in batches of one: ten steps an epoch, so the run takes seconds
    however fast the engine gets (the seed's 100 epochs in batches of ten take a tenth of a second)."""
    set_number(page, "epochs", LONG_RUN)
    set_number(page, "batch_size", 1)
    press(page, "train")


def press(page, key: str) -> None:
    """Click the button with this widget key (without waiting: training keeps the page running)."""
    page.locator(f".st-key-{key} button:visible").first.click()


def click(page, key: str) -> None:
    """Click the button with this widget key and wait for the page to settle."""
    press(page, key)
    wait_idle(page)


def set_number(page, key: str, value: int) -> None:
    box = page.locator(f".st-key-{key} input")
    box.fill(str(value))
    box.press("Enter")
    wait_idle(page)
    assert box.input_value() == str(value)


def slide_to(page, key: str, value: float) -> None:
    """Move a slider with the keyboard, as a learner can: Home, then one step right at a time."""
    thumb = page.locator(f".st-key-{key} input[type=range]")
    thumb.focus()
    thumb.press("Home")
    low, step = float(thumb.get_attribute("min")), float(thumb.get_attribute("step"))
    for _ in range(round((value - low) / step)):
        thumb.press("ArrowRight")
    wait_idle(page)  # the runs of the steps the page took while the keys were pressed...
    wait_idle(page)  # ...and the run of the last value, which the slider may send later than the page settles
    assert float(thumb.input_value()) == pytest.approx(value)


def running_epoch(page, target: int, above: int, timeout_s: float = 60) -> int:
    """The epoch the status shows while training, once it is past `above`."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        n = epoch_of(status(page), target)
        if n is not None and n > above:
            return n
        time.sleep(0.05)
    raise AssertionError(f"the status never passed epoch {above}/{target}: {status(page)!r}")
