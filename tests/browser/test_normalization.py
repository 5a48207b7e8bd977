"""Issue 17 in a real browser: scikit-learn's wine table uploaded as a CSV starts with a Normalization brick; without
it the page suggests it, its button puts it back first, the figure reaches validation accuracy ≥ 0.9, and the
exported code, run on its own, measures and learns the same. In English and Korean, with screenshots."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from minifig.i18n import STRINGS
from tests.browser.conftest import SCREENSHOTS, TRAIN_MS, open_tab, shot, wait_idle
from tests.browser.test_story import card_title, click, head_cards, status
from tests.unit.test_codegen import RUNNER

pytestmark = pytest.mark.browser

VALIDATION = re.compile(r"(?:validation|검증): (?:loss|손실) [\d.]+ · (?:accuracy|정확도) (\d\.\d+)")


def wine_csv(folder: Path) -> Path:
    import sklearn.datasets

    path = folder / "wine.csv"
    sklearn.datasets.load_wine(as_frame=True).frame.to_csv(path, index=False)
    return path


def upload(page, path: Path) -> None:
    page.locator(".st-key-csv_upload input[type=file]").set_input_files(path)
    wait_idle(page)


def section_shot(page, key: str, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator(f".st-key-{key}").screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def first_brick(page) -> str:
    return card_title(page.locator(".st-key-head [class*='st-key-brick_']").first)


def test_wine_is_told_to_normalise_learns_with_the_brick_and_its_code_learns_the_same(page, tmp_path):
    upload(page, wine_csv(tmp_path))
    body = page.inner_text("body")
    assert "Your file is ready: 178 examples, 13 inputs" in body
    assert "The figure starts with a Normalization brick: The inputs differ a lot in size" in body
    assert first_brick(page) == "1. Normalization"
    assert "no weights to train · 27 numbers measured from the data" in page.locator(".st-key-head").inner_text()
    shot(page, "normalization_a_wine_uploaded")

    click(page, "remove_0")  # without it, the fit check suggests it
    suggestion = page.locator(".st-key-suggestions").inner_text()
    assert "The inputs differ a lot in size" in suggestion and "“proline” from 278 to 1,680" in suggestion
    assert "Put a Normalization brick first" in suggestion
    assert page.locator(".st-key-fit_check [data-testid='stAlert']").count() == 0  # a suggestion, not a misfit
    section_shot(page, "section_build", "normalization_b_suggested_en")

    click(page, "fix_normalization_first")  # the fix, done by its button
    assert first_brick(page) == "1. Normalization" and head_cards(page).count() == 4
    assert page.locator(".st-key-suggestions [data-testid='stAlert']").count() == 0
    assert "layer=normalization" in page.url

    click(page, "compile")
    click(page, "train")  # the starting figure's 100 epochs
    page.wait_for_function(
        "() => document.querySelector('.st-key-train_status').innerText.includes('epoch 100/100')", timeout=TRAIN_MS
    )
    wait_idle(page, TRAIN_MS)
    page_accuracy = float(VALIDATION.search(status(page)).group(1))
    assert page_accuracy >= 0.9
    shot(page, "normalization_c_trained")
    section_shot(page, "section_train", "normalization_c_trained_status")

    open_tab(page, "take_home")
    page.get_by_role("tab", name=STRINGS["ui.tab_code"]["en"]).click()
    click(page, "open_code_export")  # the code view is drawn when opened
    code = page.locator(".st-key-code_export").inner_text()
    assert "layers.Normalization()" in code and "model.layers[0].adapt(X_train)" in code
    with page.expect_download() as download:
        page.locator(".st-key-download_code button").click()
    script = tmp_path / "minifig_figure.py"
    download.value.save_as(script)
    runner = tmp_path / "runner.py"
    runner.write_text(RUNNER)
    done = subprocess.run([sys.executable, runner, script], capture_output=True, text=True, timeout=600, check=True)
    result = json.loads(next(line for line in done.stdout.splitlines() if line.startswith("RESULT "))[7:])
    script_accuracy = result["history"]["val_accuracy"]
    assert script_accuracy >= 0.9
    assert abs(script_accuracy - page_accuracy) <= 0.06  # Keras's fit shuffles its own way: within two bottles


def test_the_suggestion_and_its_button_speak_korean(page, tmp_path):
    page.locator(".st-key-lang").get_by_text("한국어").click()
    wait_idle(page)
    upload(page, wine_csv(tmp_path))
    assert "피규어가 Normalization 블록으로 시작합니다" in page.inner_text("body")
    click(page, "remove_0")
    suggestion = page.locator(".st-key-suggestions").inner_text()
    assert "입력들의 크기 차이가 큽니다" in suggestion and "맨 앞에 Normalization 블록을 놓으세요" in suggestion
    assert (
        page.locator(".st-key-fix_normalization_first button").inner_text().strip() == "맨 앞에 Normalization 블록 놓기"
    )
    section_shot(page, "section_build", "normalization_d_suggested_ko")
    click(page, "fix_normalization_first")
    assert first_brick(page) == "1. Normalization"
    assert "학습할 가중치 없음 · 데이터에서 잰 숫자 27개" in page.locator(".st-key-head").inner_text()
    page.locator(".st-key-why_normalization button").first.click()  # the palette card's why / when
    page.get_by_text("(입력 − 평균) ÷ 퍼짐").wait_for()
    page.wait_for_timeout(300)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("[data-testid='stPopoverBody']").screenshot(path=str(SCREENSHOTS / "normalization_e_why_ko.png"))
