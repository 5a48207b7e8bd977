"""Issue 8 in a real browser: a learner opens a challenge link, sees the goal, is held to the limits, trains to
the goal and is told so; the figure card downloads as a PNG whose QR code is the page's address. Every step
leaves a screenshot. (A hostile challenge link is walked through AppTest: tests/app/test_challenge.py.)"""

from __future__ import annotations

import io
from urllib.parse import urlencode

import pytest
from PIL import Image

from minifig import challenge, signing
from minifig.cards import brick
from minifig.figure_card import HEIGHT, WIDTH, qr_layout
from minifig.i18n import STRINGS
from tests.browser.conftest import TRAIN_MS, open_app, shot, wait_idle
from tests.browser.test_story import click, head_cards, press, status
from tests.browser.test_take_home import open_files_tab

pytestmark = pytest.mark.browser

GAUSS = challenge.Challenge(
    "gauss", "val_accuracy", 0.9, validation_split=0.2, max_bricks=1, legs=brick("adam", learning_rate=0.05)
)
QUERY = {
    "data": "gauss",
    "layer": ["dense-1-sigmoid"],
    "torso": "binary_crossentropy",
    "legs": "adam-0.05",
    "epochs": "30",
    "batch": "16",
    "val": "0.2",
    **signing.learners_query(GAUSS, "room-browser-test", signing.server_secret()),
}
BRICK_REFUSED = STRINGS["challenge.brick_refused"]["en"].split("{")[0]


def test_a_learner_reaches_the_challenge_goal_and_takes_the_card_home(browser, app_url, tmp_path):
    page = open_app(browser, f"{app_url}/?{urlencode(QUERY, doseq=True)}")
    try:
        banner = page.locator(".st-key-challenge").inner_text()
        assert "training accuracy" not in banner and "validation accuracy ≥ 0.9" in banner
        assert page.locator(".st-key-legs input[role=combobox]").is_disabled()  # fixed legs cannot change
        shot(page, "challenge_a_opened")

        click(page, "add_dense")
        assert BRICK_REFUSED in page.inner_text("body")
        assert head_cards(page).count() == 1

        click(page, "compile")
        press(page, "train")
        page.wait_for_function(
            "() => document.querySelector('.st-key-train_status').innerText.includes('epoch 30/30')", timeout=TRAIN_MS
        )
        wait_idle(page, TRAIN_MS)
        assert "epoch 30/30" in status(page)
        assert "Goal reached" in page.locator(".st-key-challenge_done").inner_text()
        assert "challenge=" in page.url  # the address keeps the challenge beside the figure
        shot(page, "challenge_b_goal_reached")

        open_files_tab(page)
        with page.expect_download() as download:
            page.locator(".st-key-download_card button").first.click()
        card = Image.open(io.BytesIO(download.value.path().read_bytes())).convert("RGB")
        assert card.size == (WIDTH, HEIGHT)
        matrix, x0, y0, module = qr_layout(page.url)
        drawn = [
            [
                card.getpixel((x0 + c * module + module // 2, y0 + r * module + module // 2)) == (0, 0, 0)
                for c in range(len(row))
            ]
            for r, row in enumerate(matrix)
        ]
        assert drawn == [[bool(cell) for cell in row] for row in matrix]  # the QR code is this page's address
        card.save(tmp_path / "card.png")
    except Exception:
        shot(page, "FAILED_challenge_learner")
        raise
    finally:
        page.context.close()
