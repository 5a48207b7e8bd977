"""Take it home (issue 5) in a real browser: the address brings the figure back in a fresh browser, hostile
and junk model files are refused with the figure kept, and a trained model goes out and comes back with the
same answer. Every step leaves a screenshot."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from minifig.i18n import STRINGS
from tests.browser.conftest import TRAIN_MS, open_app, open_tab, shot, wait_idle
from tests.browser.test_data import choose
from tests.browser.test_story import SEED_LAYERS, click, head_cards, set_number, slide_to, status

pytestmark = pytest.mark.browser

MODEL_LOADED = STRINGS["ui.model_loaded"]["en"]
MODEL_REFUSED = STRINGS["ui.model_refused"]["en"]
SEED_BRICK = "Dense 64 relu"
REASONS = {
    "lambda": STRINGS["model.unknown_layer"]["en"].format(name="Lambda").split(":")[0],
    "junk": STRINGS["model.not_keras"]["en"],
    "truncated": STRINGS["model.not_keras"]["en"],
}
EXCEPTION = "[data-testid='stException']"


def test_address_restores_the_figure_in_a_fresh_browser(page, browser):
    click(page, "remove_0")
    assert head_cards(page).count() == SEED_LAYERS - 1
    set_units(page, 8)
    choose(page, "legs", "SGD")
    set_number(page, "epochs", 37)
    assert legs(page) == "SGD"
    shot(page, "home_a_changed_figure")

    address = page.url
    assert "?" in address and "legs=sgd" in address.lower(), address
    fresh = open_app(browser, address)  # a new browser context: nothing is shared but the address
    try:
        assert fresh.locator(EXCEPTION).count() == 0
        assert head_cards(fresh).count() == SEED_LAYERS - 1
        assert units_box(fresh).input_value() == "8"
        assert legs(fresh) == "SGD"
        assert fresh.locator(".st-key-epochs input").input_value() == "37"
        shot(fresh, "home_b_address_restored")
    finally:
        fresh.context.close()


def test_hostile_and_junk_model_files_are_refused_and_the_figure_is_kept(page, tmp_path):
    files = hostile_and_junk_files(tmp_path)
    for name, path in files.items():
        upload_model(page, path)
        body = page.inner_text("body")
        assert MODEL_REFUSED in body, name
        assert REASONS[name] in body, name  # the reason for this file (a notice is shown once)
        assert page.locator(EXCEPTION).count() == 0, name
        assert MODEL_LOADED not in body, name
        assert head_cards(page).count() == SEED_LAYERS, name
        assert page.locator(".st-key-figure").inner_text().count(SEED_BRICK) == SEED_LAYERS - 1, name
        shot(page, f"home_c_refused_{name}")


def test_good_model_round_trips(page, browser, tmp_path):
    click(page, "compile")
    set_number(page, "epochs", 100)
    click(page, "train")
    page.wait_for_function(
        "() => document.querySelector('.st-key-train_status').innerText.includes('epoch 100/100')", timeout=TRAIN_MS
    )
    wait_idle(page, TRAIN_MS)
    assert "epoch 100/100" in status(page)
    slide_to(page, "predict_input", 3.0)
    trained = answer(page)
    shot(page, "home_d_trained_answer")

    open_files_tab(page)
    with page.expect_download() as download:
        page.locator(".st-key-download_model button").click()
    saved = tmp_path / "minifig_model.keras"
    download.value.save_as(saved)
    assert zipfile.is_zipfile(saved)

    fresh = open_app(browser, page.url.split("?")[0])
    try:
        upload_model(fresh, saved)
        assert MODEL_LOADED in fresh.inner_text("body")
        assert fresh.locator(EXCEPTION).count() == 0
        assert head_cards(fresh).count() == SEED_LAYERS
        slide_to(fresh, "predict_input", 3.0)
        assert answer(fresh) == trained
        assert "Weights loaded from a model file" in status(fresh)  # not "not trained yet"
        shot(fresh, "home_e_loaded_answer")
    finally:
        fresh.context.close()


# --- finding things and acting ----------------------------------------------------------------------------


def units_box(page):
    """The first head card's "Units" number input."""
    card = page.locator(".st-key-head [class*='st-key-brick_']").first
    return card.get_by_label("Units", exact=True)


def set_units(page, value: int) -> None:
    box = units_box(page)
    box.fill(str(value))
    box.press("Enter")
    wait_idle(page)
    assert units_box(page).input_value() == str(value)


def legs(page) -> str:
    return page.locator(".st-key-legs input[role=combobox]").input_value()


def answer(page) -> str:
    """The output number in the prediction, as shown (four decimals)."""
    text = page.locator(".st-key-prediction").inner_text()
    found = re.search(r"\d+\.\d{4}", text)
    assert found, text
    return found.group()


def open_files_tab(page) -> None:
    """Show the "Save and load" tab (its widgets are in the DOM either way, but hidden on the other tab)."""
    open_tab(page, "take_home")
    page.get_by_role("tab", name=STRINGS["ui.tab_files"]["en"]).click()
    page.locator(".st-key-download_model button").wait_for(state="visible")


def upload_model(page, path: Path) -> None:
    open_files_tab(page)  # its messages are only visible (and in the page's text) on the tab
    page.locator(".st-key-model_upload input[type=file]").set_input_files(path)
    wait_idle(page)


def hostile_and_junk_files(folder: Path) -> dict[str, Path]:
    """A model with a Lambda layer (it would run code), a text file named .keras, and half of a good model."""
    import keras

    hostile = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Lambda(lambda x: x * 2)])
    hostile.save(folder / "lambda.keras")
    junk = folder / "junk.keras"
    junk.write_text("This is not a model, just some words.\n" * 20)
    good = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(4), keras.layers.Dense(1)])
    good.compile(loss="binary_crossentropy", optimizer="adam")
    good.save(folder / "good.keras")
    raw = (folder / "good.keras").read_bytes()
    truncated = folder / "truncated.keras"
    truncated.write_bytes(raw[: len(raw) // 2])
    return {"lambda": folder / "lambda.keras", "junk": junk, "truncated": truncated}
