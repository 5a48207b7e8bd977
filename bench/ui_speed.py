"""The page's speed as a learner feels it, in real Chromium against `streamlit run app.py`, in one run (issue 15).

Each repeat, in a fresh session (a new browser context):
- `open_to_compile_s`: from `goto` to the Compile button on screen (target ≤ 2 s);
- `page_train_s`: Compile, then from the click on Train until the status shows `epoch 100/100`, against
  `keras_fit_s`, `model.fit` of a fresh Keras model of the seed figure (Dense 64 relu ×4 + Dense 1 sigmoid,
  binary cross-entropy, Adam; x = 1..10, y = x > 5; 100 epochs in batches of 10), its first step's tracing
  included (target: ratio ≤ 0.25);
- `bytes_per_update`: the websocket bytes the server sent during a second, longer run (3000 epochs), grouped into
  live updates (messages less than 30 ms apart are one group; a group that lays out the page is the page's own run,
  not a live update): the median and the largest update (target ≤ 20 KB);
- `slider_step_s`: 20 steps of the question's slider (ArrowRight), each until the answer on screen changes
  (target: median ≤ 0.12 s).
Prints one JSON line per repeat and a `case` line per row with the medians. The server's CPU per learner and
30 learners at once are `bench/load.py`'s.

    .venv/bin/python bench/ui_speed.py [--repeats N]

Measured 2026-12-03 (2-core machine, quiet; `--repeats 3`, the first repeat on a server that had not traced the
seed yet), against issue 15's "now" (a faster machine: its `model.fit` took 2.7-3.0 s, here 4.5-5.5 s):
- Train → done ÷ `model.fit`: 0.46, 0.18, 0.21 (issue: 0.40-0.7; target ≤ 0.25);
- open → Compile on screen: 5.1, 5.8, 5.3 s (issue: 3.2-3.3 s; target ≤ 2 s). A blank Streamlit page with one
  button takes 1.2-1.8 s here. In Minifig every script chunk has arrived by ~3.0 s and the script has finished by
  ~2.1-2.7 s (a warm server's first run of a session costs 0.26-0.32 s of CPU), while the page shows skeletons; all
  its ~160 elements then appear at once at ~4.7-5.1 s. Dropping all Plotly charts, the code view, the bricks
  component or the hidden tabs' parts (each tried alone) moved that by 0.4 s at most: the cost is the browser
  drawing the whole workbench in one go, not one element;
- slider step → new answer, median of 20: 0.255, 0.249, 0.251 s (issue: 0.18-0.26 s; target ≤ 0.12 s);
- bytes per live update while training: median 5.9, 24.7, 30.9 KB, largest 60-93 KB (target ≤ 20 KB), as first
  measured: the page's own runs around the click were counted as updates, and the seed's 100 epochs end before
  most redraws are due. Weighed now on a 3000-epoch run, updates only, the same day (a CI run sharing the
  machine): before the lean charts (7d98c99) median 13.6 KB in each of 3 repeats, largest 27-49 KB; after, median
  8.2, 8.4 and 37.7 KB (that repeat saw 2 updates), largest 29-60 KB. The median live update is under the target;
  the largest is not.

Before (a15d536) and after Compile's single run and the Train click's run without the tabs (38287ef), one after the
other, `--repeats 2` (2026-12-03, load ~2): Train → done 1.65 / 0.84 s → 1.25 / 0.68 s (ratio 0.38 / 0.20 →
0.27 / 0.14; `model.fit` 4.1-4.9 s); open → Compile 4.40 / 4.43 → 4.66 / 4.48 s; slider median 0.195 / 0.228 →
0.192 / 0.210 s; live updates median 3.3 → 5.3 KB, largest 16 → 13 KB.

Before (8332793) and after the answer ahead (ee14670: the browser says the slider's new answer from a table the
page sent with its last run, and the page's run then writes the same words), one after the other, `--repeats 2`
(2026-12-04, quiet machine, load 0.2-0.8): slider median 0.225 / 0.202 s → 0.039 / 0.048 s (target ≤ 0.12 s met);
Train → done ratio 0.334 / 0.227 → 0.330 / 0.219 (`model.fit` 4.4-5.4 s); open → Compile 5.87 / 5.30 → 5.47 /
4.73 s; live updates median 7.9 / 8.1 → 7.7 / 4.7 KB, largest 12.9 / 12.9 → 8.3 / 12.8 KB. The table adds ~7 KB to
the fragment's message of each slider step (not to live updates while training) and ~6 ms of server time to each
run of the question (92 answers worded).

Where the first paint goes (a Chrome trace of `goto` → Compile visible, 1400×900, warm server, 2026-12-04): the
browser's main thread is busy 3.6-4.6 s of the 4.1-4.9 s. Evaluating script modules takes 1.4-1.6 s, of which the
Plotly chunk (4.7 MB, requested at ~1.8 s when the first chart arrives) is ~1.0 s and the code view's syntax
highlighter (1.5 MB, for the take-home tab's `st.code`) ~0.3 s. React drawing the page takes ~1.7 s. The seed's
first run holds two Plotly charts: the answer curve, and the look-inside weights map in its hidden tab. Tried in a
scratch copy, not kept:
- no Plotly chart in the first run: Compile at 3.0 s;
- and no code view: Compile at 2.2-2.5 s;
- the answer curve drawn by a fragment run that the browser asks for once the page is up (and no weights map):
  Compile at 3.5-4.0 s against 4.05-4.4 s, the curve at 3.8-4.5 s.

The learner would see the page ~0.5 s sooner and the curve no later, for one more fragment run per session and a
chart AppTest cannot draw.

Before (d04fa97) and after (bffc9eb: "Done" drawn by the training's own run before the page's rerun, the lesson's
figure traced by the server in the background, the answer curve and the weights map as SVG so the first run has no
Plotly chart), one after the other, `--repeats 2` (2026-12-04, load ~2 from the benches themselves): Train → done
1.624 / 0.614 s → 0.400 / 0.502 s (ratio 0.344 / 0.170 → 0.095 / 0.126; `model.fit` 3.6-4.7 s); open → Compile
5.33 / 3.91 → 3.29 / 2.97 s; slider median 0.045 / 0.036 → 0.054 / 0.085 s (alone, untrained, 20 steps on each
page: 0.036 / 0.029 s with the SVG and 0.041 / 0.031 s with a two-word picture instead: the picture is not what a
step waits for); live updates median 4.7 / 6.4 → 8.0 / 8.0 KB, largest 8.2 → 14.4 KB. The first training now
starts Plotly's script (for the curves), after the first paint.

Before (bb918f4) and after (7bd6bee: the Train click as a fragment run, fewer elements, widgets that look up one key,
a head's answer through one concrete function), interleaved after, before, after, before, `--repeats 2` each
(2026-12-04 07:15 UTC, load 0.6-1.7): Train → done 0.330 / 0.638 and 0.638 / 0.473 s → 0.393 / 0.283 and 0.350 /
0.378 s (ratio 0.097 / 0.175 and 0.157 / 0.140 → 0.097 / 0.071 and 0.098 / 0.098; `model.fit` 3.4-4.0 s); open →
Compile 2.83 / 3.23 and 2.69 / 2.87 s → 3.22 / 3.00 and 2.90 / 3.02 s (no change beyond the noise); slider median
0.028-0.043 → 0.035-0.050 s; live updates median 7.0-8.2 → 8.0-8.3 KB, largest 8.2-14.5 → 8.3-14.7 KB.

Before (99928e7) and after the code view and the typed table's editor left out of the first page (788c28d,
83381f6) and the traced copy of a trainer's variables (c12b1d1), interleaved after, before, after, before, then
before, after, before, after, `--repeats 2` each (2026-12-04 09:35-09:50 UTC, load 1.4-1.7): open → Compile, each
repeat, 2.96 / 2.99 / 2.79 / 2.86 s → 2.46 / 2.44 / 2.93 / 2.25 s (the first pairs' medians 2.78 / 2.88 → 2.27 /
2.76 s); Train → done ratio 0.064-0.113 → 0.074-0.110 (`model.fit` 2.9-4.2 s); slider median 0.032-0.038 →
0.034-0.041 s; live updates median 8.2 / 8.3 → 6.3 / 8.1 KB, largest 15.7 / 11.6 → 11.4 / 11.6 KB. A second visit in
the same browser (its HTTP cache warm) has Compile on screen at 1.26-1.46 s against 2.27-2.56 s for the first: the
rest of a first paint is fetching and compiling Streamlit's on-demand scripts. Tried, not kept: importing those
widget scripts from the page's first element (one wave of fetches instead of one per element): no change beyond
the noise (2.02-2.98 s against 2.09-3.07 s).

Before (4b37d9e) and after this session's commits (863c09a-49c3db5: file requests without Nagle's delay, charts built
unchecked, a brick's settings in one row, the server's long-lived objects frozen), interleaved after, before, after,
before, `--repeats 2` each (2026-12-04 12:20 UTC, load 0.4-1.1): open → Compile 2.23 / 2.23 s → 2.46 / 2.06 s (no
change beyond the noise: the scripts' fetches end ~0.4 s sooner, but the first paint is the browser's and the
server's CPU on two shared cores); Train → done ratio 0.075 / 0.084 → 0.092 / 0.095 (`model.fit` 3.3-3.7 s); slider
median 0.029 / 0.032 → 0.039 / 0.034 s; live updates median 3.8 / 8.3 → 6.2 / 8.1 KB, largest 11.4 / 14.7 →
8.3 / 11.4 KB. One earlier run today (with TCP_NODELAY on the websocket too, not kept) had one 23 KB group of
messages, not looked into (two redraws within 30 ms of each other would be weighed as one).

Before (fd16165) and after this session's changes (the language read once a run, the trainer's plain optimizer state,
shared data sets, rows of settings as one element: 318 -> 292 elements a page run), interleaved after, before, after,
before, `--repeats 2` each (2026-12-04 15:44-15:50 UTC, load 0.4-1.9): open → Compile 2.62 / 2.81 s → 3.03 / 2.33 s
(no change beyond the noise); Train → done ratio 0.078 / 0.097 → 0.080 / 0.067 (`model.fit` 3.8-4.9 s); slider
median 0.046 / 0.045 → 0.056 / 0.043 s; live updates median 6.3 / 4.2 → 8.2 / 8.2 KB, largest 14.7 / 14.6 → 11.4 /
14.6 KB.

Before (4a399bd) and after a run's messages in batches and the head without its Keras model, `--repeats 2` each, 3
runs of before and 4 of after, interleaved (2026-12-04 19:40-19:48 UTC, load 0.5-1.9), each run's two repeats: open
→ Compile 2.23 / 1.84, 1.99 / 2.37, 2.55 / 2.77 s → 2.03 / 2.65, 2.15 / 2.02, 2.24 / 2.26, 2.56 / 2.65 s (the same
spread: the server's first run is ~0.1 s of it); click Train → "Done" 0.31 / 0.25, 0.20 / 0.28, 0.42 / 0.37 s →
0.34 / 0.35, 0.40 / 0.33, 0.20 / 0.39, 0.32 / 0.35 s (ratio to `model.fit` 0.08-0.11 both); slider median 0.03-0.05
s both; live updates' largest 8.4-14.6 KB both.

Before (9bd40e9) and after this session's server changes (c2b8118-05eefb2: none of them changes what the browser is
sent), `--repeats 2`, after, before, after, before (2026-12-04 ~21:45 UTC, load ~1-2), before → after: open →
Compile 2.22 / 2.21, 2.14 / 2.17 s → 2.67 / 2.46, 2.25 / 2.35 s; opening alone, 10 fresh pages a run, two runs each:
medians 2.21 / 2.23 s → 2.23 / 2.28 s, the first page of a run 2.14 / 2.28 s → 2.44 / 2.45 s (it opens while the
server's warm-up, now tracing the lesson's second graph as well, is still running); Train → done ratio 0.086-0.139
→ 0.084-0.12; slider median 0.035-0.05 s → 0.04-0.076 s; live updates' largest 8.4-14.6 KB → 8.3-16.5 KB.

Where the first paint goes now (Chromium, 1400×900, `requestAnimationFrame` counts of the page's elements and of
Streamlit's skeletons): the page's ~160 element containers are all in the page ~1.2 s after `goto`, ~100 of them as
skeletons (every widget: its script is loaded on demand, so its first drawing suspends), and they are all revealed
in one React commit ~0.5-0.6 s later, Compile with them. Tried in a scratch copy, each against the same code, 6-12
fresh pages each:
- every widget's script loaded first (one of each kind of widget drawn at the top of the page) and the rest of the
  page sent 1 s later: no skeletons at all, yet the rest still took ~0.58 s from its first element to its last
  (drawing it: React, Emotion's styles and Streamlit's Markdown for every label) — the cost is the drawing itself,
  not the scripts' loading;
- the same without the pause: no gain (2 pages: 2.35 / 2.28 s against 2.09 / 2.18 s; only the kinds of widget the
  page draws last loaded first, 6 pages, two runs: 2.24 / 2.32 s against 2.26 / 2.29 s);
- no help tooltips on any widget: no change (2.18 / 2.22 s against 2.18 / 2.23 s);
- the SVG pictures (figure, answer, lesson, weights map) as `st.html` instead of Markdown (no rehype-raw parse):
  -0.07 / 0.00 s in two interleaved pairs of 12 pages, not kept;
- leaving out whole parts: the hidden tabs' contents -0.2 s, the training column -0.14 s, the palette -0.04 s, the
  three together -0.35 s; the head, torso and legs, figure, data tab or lesson alone: within the noise (±0.1 s).
  The hidden tabs' parts stay in the page: the UI contract lets tests outside the repo find their keys directly.
A blank Streamlit page with one button takes 0.98 s here; Minifig's 2.2 s is ~1 s of drawing ~290 elements on two
cores shared with the server and the browser's own processes.
That reading was wrong (2026-12-05): the widgets waited for their scripts, loaded by React when the first widget of
each kind is drawn, in waves (~1.1-1.85 s after `goto`), and the skeletons were revealed ~0.5 s after the last one
appeared. With the scripts named in the page's head (components/preload.py) and one hidden widget of each kind sent
0.15 s before the page (components/primer.py), no page widget is ever a skeleton. Fresh pages, 1400×900, servers side
by side and pages interleaved (10 each): open → Compile median 2.04 s (be40ded), 2.02 s (preloads), 1.80 s (both).
This bench, before (be40ded) and after (117645a), after, before, before, after, `--repeats 3` each (2026-12-05
01:36-01:40 UTC): open → Compile 2.25 / 2.22 / 2.06 and 2.07 / 2.20 / 2.28 s (medians 2.22 / 2.20) → 1.95 / 1.60 /
1.79 and 1.82 / 1.74 / 1.91 s (medians 1.79 / 1.82); Train → done ratio 0.054-0.115 → 0.063-0.104; slider median
0.037-0.066 → 0.030-0.063 s; live updates' largest 8.4-16.5 KB → 8.4-14.7 KB.
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
LONG_EPOCHS = 3000  # the run whose live updates are weighed


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


def page_train_seconds(browser, url: str) -> dict:
    """A fresh session: seconds to Compile on screen, from Train to `epoch 100/100`, the bytes of its live updates,
    then the slider's steps."""
    from tests.browser.conftest import IDLE, LOAD_MS, RUN_COUNTER, VIEWPORT

    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(RUN_COUNTER)
    page = context.new_page()
    frames: list[tuple[float, bytes]] = []
    page.on(
        "websocket",
        lambda ws: ws.on("framereceived", lambda payload: frames.append((time.perf_counter(), _bytes(payload)))),
    )
    opened = time.perf_counter()
    page.goto(url)
    page.locator(".st-key-compile button:visible").first.wait_for(timeout=LOAD_MS)
    open_s = time.perf_counter() - opened
    page.wait_for_selector(IDLE, timeout=LOAD_MS)
    wait_idle(page, LOAD_MS)
    try:
        errors = page.locator("[data-testid='stException']").all_inner_texts()
        if errors:
            raise RuntimeError("the page shows a traceback:\n" + "\n".join(errors))
        page.locator(".st-key-compile button:visible").first.click()
        wait_idle(page)
        status = page.locator(".st-key-train_status")
        if f"0/{EPOCHS}" not in status.inner_text():
            raise RuntimeError(f"the page is not set to {EPOCHS} fresh epochs: {status.inner_text()!r}")
        started, ended = train_until_done(page, EPOCHS)
        measured = {
            "open_to_compile_s": open_s,
            "page_train_s": ended - started,
            "slider_step_s": statistics.median(slider_steps(page)),
        }
        updates = long_run_updates(page, frames)
        return {
            **measured,
            "update_bytes_median": statistics.median(updates) if updates else 0,
            "update_bytes_max": max(updates, default=0),
            "updates": len(updates),
        }
    finally:
        context.close()


def train_until_done(page, epochs: int) -> tuple[float, float]:
    """Click Train; the moments of the click and of the status saying `epoch <epochs>/<epochs>`."""
    train = page.locator(".st-key-train button:visible").first
    train.wait_for()
    started = time.perf_counter()
    train.click()
    page.wait_for_function(
        "(done) => document.querySelector('.st-key-train_status').innerText.includes(done)",
        arg=f"epoch {epochs}/{epochs}",
        timeout=TRAIN_MS,
    )
    ended = time.perf_counter()
    wait_idle(page, TRAIN_MS)
    return started, ended


def long_run_updates(page, frames: list[tuple[float, bytes]]) -> list[int]:
    """The live updates of a run long enough to redraw several times (the seed's 100 epochs may end before the
    first redraw is due): the bytes of each."""
    box = page.locator(".st-key-epochs input")
    box.fill(str(LONG_EPOCHS))
    box.press("Enter")
    wait_idle(page)
    started, ended = train_until_done(page, LONG_EPOCHS)
    return live_updates([(at, payload) for at, payload in frames if started <= at <= ended])


def _bytes(payload: bytes | str) -> bytes:
    return payload if isinstance(payload, bytes) else payload.encode()


def live_updates(frames: list[tuple[float, bytes]], gap: float = 0.03) -> list[int]:
    """The bytes of each live update: messages (time, payload) less than `gap` seconds apart are one group, and a
    group is a live update when it only redraws elements in place. The page's own runs around the click (the click's
    run, the run after training) lay out containers (`add_block`) or say the script's state: they are not counted."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    groups: list[list[bytes]] = []
    last = None
    for at, payload in frames:
        if last is None or at - last > gap:
            groups.append([])
        groups[-1].append(payload)
        last = at

    def redraws_only(group: list[bytes]) -> bool:
        for payload in group:
            message = ForwardMsg()
            message.ParseFromString(payload)
            if message.WhichOneof("type") != "delta" or message.delta.WhichOneof("type") == "add_block":
                return False
        return True

    return [sum(len(payload) for payload in group) for group in groups if redraws_only(group)]


def slider_steps(page, steps: int = 20) -> list[float]:
    """Seconds from each ArrowRight on the question's slider until the answer on screen changes."""
    thumb = page.locator(".st-key-predict_input input[type=range]")
    answer = page.locator(".st-key-prediction h3")
    thumb.focus()
    thumb.press("Home")
    wait_idle(page)
    seconds = []
    for _ in range(steps):
        before = answer.inner_text()
        started = time.perf_counter()
        thumb.press("ArrowRight")
        page.wait_for_function(
            "(before) => { const a = document.querySelector('.st-key-prediction h3');"
            " return a && a.innerText !== before; }",
            arg=before,
            timeout=TRAIN_MS,
        )
        seconds.append(time.perf_counter() - started)
        wait_idle(page)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    repeats = parser.parse_args().repeats
    from playwright.sync_api import sync_playwright

    runs: list[dict] = []
    with tempfile.TemporaryDirectory() as folder, running_app(Path(folder) / "server.log") as url:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            open_app(browser, url).context.close()  # the server's first session imports TensorFlow: not timed
            for repeat in range(repeats):
                run = {"keras_fit_s": keras_fit_seconds(), **page_train_seconds(browser, url)}
                run["ratio"] = run["page_train_s"] / run["keras_fit_s"]
                runs.append(run)
                print(json.dumps({"repeat": repeat + 1, **{k: round(v, 3) for k, v in run.items()}}), flush=True)
            browser.close()
    median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    rows = [
        {"case": "train_to_done", "page_train_s": median["page_train_s"], "keras_fit_s": median["keras_fit_s"]}
        | {"ratio": median["page_train_s"] / median["keras_fit_s"], "target": "<= 0.25"},
        {"case": "open_to_compile", "seconds": median["open_to_compile_s"], "target": "<= 2"},
        {"case": "slider_step", "median_s": median["slider_step_s"], "target": "<= 0.12"},
        {"case": "bytes_per_live_update", "median": median["update_bytes_median"], "max": median["update_bytes_max"]}
        | {"updates": median["updates"], "target": "<= 20480"},
    ]
    for row in rows:
        print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in row.items()}), flush=True)


if __name__ == "__main__":
    main()
