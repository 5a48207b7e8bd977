"""Bricks in the hand (issue 13, part 2) in a real browser: a card gripped by the middle lands in an empty head,
bricks reorder by dragging and leave when dragged back onto the palette, and the keyboard alone adds, moves and
removes them with the focus in view. Real mouse moves (press, move, release) and real key presses; screenshots
of the empty head's drop zone, a drag half done and the keyboard focus, at 1400×900 and 390×844, in English and
Korean."""

from __future__ import annotations

import pytest

from minifig.i18n import t
from tests.browser.conftest import SCREENSHOTS, wait_idle
from tests.browser.test_story import card_title, click, drag, layer_cards, palette_cards

pytestmark = pytest.mark.browser

SEED_LAYERS = 5
DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}


def titles(page) -> list[str]:
    """The head's bricks, top to bottom, as their cards read: "1. Dense", "2. Dropout", ..."""
    return [card_title(brick) for brick in layer_cards(page).all()]


def drop_zone(page):
    return page.locator(".st-key-head .st-key-head_drop")


def empty_the_head(page) -> None:
    while page.locator(".st-key-remove_0 button").count():
        click(page, "remove_0")
    assert layer_cards(page).count() == 0


def view_shot(page, name: str, key: str | None, viewport: dict) -> None:
    """What the learner sees at `viewport` with the part `key` (None: the keyboard's focus) scrolled into view."""
    page.set_viewport_size(viewport)
    if key is None:
        page.evaluate("() => document.activeElement.scrollIntoView({block: 'center'})")
    else:
        page.locator(f".st-key-{key}").first.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png")


def choose_language(page, name: str) -> None:
    page.locator(".st-key-lang label").filter(has_text=name).click()
    wait_idle(page)


def test_a_card_gripped_by_its_middle_lands_in_an_empty_head(page):
    empty_the_head(page)
    for lang, name in (("en", "English"), ("ko", "한국어")):
        choose_language(page, name)
        assert drop_zone(page).is_visible()
        assert drop_zone(page).inner_text().strip() == t("bricks.drop_here", lang)
        for size, viewport in (("1400", DESKTOP), ("390", PHONE)):
            view_shot(page, f"bricks_empty_head_{lang}_{size}", "head", viewport)
    page.set_viewport_size(DESKTOP)

    card = palette_cards(page).nth(1)  # Dropout: its middle is its explanation, not a button
    name = card_title(card)
    card.scroll_into_view_if_needed()
    box = card.bounding_box()
    middle = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('button, input') === null",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert middle, "the middle of the card is a button or an input: the test would not grip the card itself"
    drag_half(page, card, drop_zone(page), "bricks_mid_drag_into_empty_head_ko_1400")
    wait_idle(page)
    assert titles(page) == [f"1. {name}"]
    assert not drop_zone(page).count()
    assert palette_cards(page).count() >= 4, "the palette keeps its cards: a drag takes a copy"


def drag_half(
    page, source, target, name: str, grip: tuple[float, float] = (0.5, 0.5), at: float = 0.5, within=None
) -> None:
    """Drag `source` (gripped at `grip`) to height `at` of `target`, with a screenshot while the mouse is down.

    `within`, a scrolling box: the drop point is kept 60 px inside its visible part (nearer its edge, SortableJS
    scrolls the box under the pointer)."""
    for _ in range(3):  # the page may still be settling (a rerun, a scroll): press again if no drag began
        page.wait_for_timeout(200)
        start = source.bounding_box()
        x0, y0 = start["x"] + start["width"] * grip[0], start["y"] + start["height"] * grip[1]
        page.mouse.move(x0, y0)
        page.mouse.down()
        page.mouse.move(x0 + 8, y0 + 8, steps=4)
        if page.evaluate("() => document.body.className.includes('minifig-dragging')"):
            break
        page.mouse.up()
    end = target.bounding_box()
    x1, y1 = end["x"] + end["width"] / 2, end["y"] + end["height"] * at
    if within is not None:
        box = within.bounding_box()
        top, bottom = max(box["y"], 0) + 60, min(box["y"] + box["height"], page.viewport_size["height"]) - 60
        y1 = min(max(y1, top), bottom)
    page.mouse.move(x1, y1, steps=25)
    page.wait_for_timeout(250)  # SortableJS moves the card as the pointer passes (animated): let it settle
    page.mouse.move(x1, y1 + 2, steps=2)
    page.wait_for_timeout(150)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png")
    page.mouse.up()
    page.mouse.move(1, 1)


@pytest.mark.parametrize(("lang", "size"), [("en", "1400"), ("ko", "390")])
def test_bricks_reorder_by_dragging_and_leave_when_dragged_onto_the_palette(page, lang, size):
    choose_language(page, {"en": "English", "ko": "한국어"}[lang])
    click(page, "add_dropout")
    assert titles(page)[-1] == f"{SEED_LAYERS + 1}. Dropout"
    page.set_viewport_size(DESKTOP if size == "1400" else PHONE)
    dropout, above = layer_cards(page).nth(SEED_LAYERS), layer_cards(page).nth(SEED_LAYERS - 1)
    head = page.locator(".st-key-head")
    dropout.evaluate("brick => brick.scrollIntoView({block: 'start'})")
    page.mouse.wheel(0, -page.viewport_size["height"] / 3)  # the brick above in view too
    # the head's box scrolls (on a wide screen it is shorter than two bricks): the dropout's title 150 px below
    # the box's top, so the lower part of the brick above shows over it
    head.evaluate(
        """box => { const brick = [...box.children].filter(el => el.dataset.brick).at(-1);
          box.scrollTop += brick.getBoundingClientRect().top - Math.max(box.getBoundingClientRect().top, 0) - 150; }"""
    )
    page.wait_for_timeout(300)
    # by its title (the card's middle is its settings), onto the part of the brick above it that shows
    drag_half(page, dropout, above, f"bricks_mid_drag_{lang}_{size}", grip=(0.2, 0.05), at=0.3, within=head)
    said = page.evaluate("() => (document.querySelector('.minifig-sr') || {}).textContent")
    wait_idle(page)
    assert titles(page)[SEED_LAYERS - 1 :] == [f"{SEED_LAYERS}. Dropout", f"{SEED_LAYERS + 1}. Dense"], said
    assert len(titles(page)) == SEED_LAYERS + 1

    page.set_viewport_size({"width": 1400, "height": 2600})  # palette and head side by side, all in view
    drag(page, layer_cards(page).nth(SEED_LAYERS - 1), page.locator(".st-key-palette"), grip=(0.2, 0.05), at=0.5)
    wait_idle(page)
    assert titles(page) == [f"{i}. Dense" for i in range(1, SEED_LAYERS + 1)]


def focused(page) -> str:
    """What the keyboard focus is on: a palette card's id, a head brick's place and title, or a tag name."""
    return page.evaluate(
        """() => { const el = document.activeElement;
          if (el.dataset.card) return 'card ' + el.dataset.card;
          if (el.dataset.brick) return 'brick ' + el.innerText.trim().split('\\n')[0].replace('■', '').trim();
          return el.tagName; }"""
    )


def tab_to(page, wanted: str, limit: int = 200) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page).startswith(wanted):
            return
    raise AssertionError(f"Tab never reached {wanted!r}")


def outline(page) -> str:
    return page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }"
    )


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_keyboard_alone_adds_moves_and_removes_bricks(page, lang):
    if lang == "ko":
        choose_language(page, "한국어")
    tab_to(page, "card dropout")
    assert outline(page) == "solid 3px", "the focused card shows where the focus is"
    page.keyboard.press("Enter")
    wait_idle(page)
    assert titles(page)[-1] == f"{SEED_LAYERS + 1}. Dropout"
    assert focused(page) == "card dropout", "the focus stays on the card, ready for another"

    tab_to(page, f"brick {SEED_LAYERS + 1}. Dropout")
    page.keyboard.press("Alt+ArrowUp")
    wait_idle(page)
    assert titles(page)[SEED_LAYERS - 1 : SEED_LAYERS + 1] == [f"{SEED_LAYERS}. Dropout", f"{SEED_LAYERS + 1}. Dense"]
    assert focused(page) == f"brick {SEED_LAYERS}. Dropout", "the focus moves with the brick"
    assert outline(page) == "solid 3px"
    for size, viewport in (("1400", DESKTOP), ("390", PHONE)):
        view_shot(page, f"bricks_keyboard_focus_{lang}_{size}", None, viewport)
    page.set_viewport_size(DESKTOP)

    page.keyboard.press("ArrowUp")  # to the brick above, without moving anything
    assert focused(page) == f"brick {SEED_LAYERS - 1}. Dense"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Delete")
    wait_idle(page)
    assert titles(page) == [f"{i}. Dense" for i in range(1, SEED_LAYERS + 1)]
    assert focused(page) == f"brick {SEED_LAYERS}. Dense", "the focus goes to the brick that took its place"
