"""Training speed as a learner feels it: the page's Train button against a plain Keras `model.fit`, in one run.

Each repeat times (1) `model.fit` of a fresh Keras model of the seed figure (Dense 64 relu ×4 + Dense 1 sigmoid,
binary cross-entropy, Adam; x = 1..10, y = x > 5; 100 epochs in batches of 10), its first step's tracing
included; and (2) in Chromium against `streamlit run app.py`: a fresh session, Compile, then from the click
on Train until the status shows `epoch 100/100`. Prints one JSON line per repeat and one with the medians.
Target: ratio (page / keras) ≤ 1.

    .venv/bin/python bench/ui_speed.py [--repeats N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # TensorFlow's start-up notes would bury the figures

import numpy as np  # noqa: E402

from tests.browser.conftest import TRAIN_MS, launch_chromium, open_app, running_app, wait_idle  # noqa: E402

EPOCHS, BATCH = 100, 10
DONE = f"epoch {EPOCHS}/{EPOCHS}"


def keras_fit_seconds() -> float:
    """Seconds for `model.fit` of a fresh seed model (building it is not timed; its first traced step is)."""
    import keras

    x = np.arange(1, 11, dtype="float32").reshape(-1, 1)
    y = (x > 5).astype("float32")
    model = keras.Sequential(
        [keras.Input((1,)), *(keras.layers.Dense(64, activation="relu") for _ in range(4))]
        + [keras.layers.Dense(1, activation="sigmoid")]
    )
    model.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(), metrics=["accuracy"])
    started = time.perf_counter()
    model.fit(x, y, epochs=EPOCHS, batch_size=BATCH, verbose=0)
    return time.perf_counter() - started


def page_train_seconds(browser, url: str) -> float:
    """Seconds from the click on Train until the page says `epoch 100/100`, in a fresh, compiled session."""
    page = open_app(browser, url)
    try:
        errors = page.locator("[data-testid='stException']").all_inner_texts()
        if errors:
            raise RuntimeError("the page shows a traceback:\n" + "\n".join(errors))
        page.locator(".st-key-compile button:visible").first.click()
        wait_idle(page)
        status = page.locator(".st-key-train_status")
        if f"0/{EPOCHS}" not in status.inner_text():
            raise RuntimeError(f"the page is not set to {EPOCHS} fresh epochs: {status.inner_text()!r}")
        train = page.locator(".st-key-train button:visible").first
        train.wait_for()
        started = time.perf_counter()
        train.click()
        page.wait_for_function(
            "(done) => document.querySelector('.st-key-train_status').innerText.includes(done)",
            arg=DONE,
            timeout=TRAIN_MS,
        )
        seconds = time.perf_counter() - started
        wait_idle(page, TRAIN_MS)
        return seconds
    finally:
        page.context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    repeats = parser.parse_args().repeats
    from playwright.sync_api import sync_playwright

    runs: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as folder, running_app(Path(folder) / "server.log") as url:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            open_app(browser, url).context.close()  # the server's first session imports TensorFlow: not timed
            for repeat in range(repeats):
                keras_s = keras_fit_seconds()
                page_s = page_train_seconds(browser, url)
                runs.append((keras_s, page_s))
                line = {"repeat": repeat + 1, "keras_fit_s": round(keras_s, 3), "page_train_s": round(page_s, 3)}
                print(json.dumps({**line, "ratio": round(page_s / keras_s, 3)}), flush=True)
            browser.close()
    keras_s = statistics.median(r[0] for r in runs)
    page_s = statistics.median(r[1] for r in runs)
    line = {"case": "seed_train_button", "keras_fit_s": round(keras_s, 3), "page_train_s": round(page_s, 3)}
    print(json.dumps({**line, "ratio": round(page_s / keras_s, 3), "target": "<= 1"}), flush=True)


if __name__ == "__main__":
    main()
