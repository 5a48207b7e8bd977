"""The end of a training is on screen when the training ends (issue 15's Train → done row): the run that trained
says "Done" itself, before the page's run that follows it has drawn the page again.

Spoken to in Streamlit's own protocol (`bench.load.Session`), which numbers the script runs, against the page's
server.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from bench.load import Session

DONE = "Done: epoch 100/100"
RUN_SECONDS = 120


async def _compile_and_train(url: str) -> tuple[Session, int]:
    """Open the page, Compile, Train the seed figure's 100 epochs; the session and the number of the Train run."""
    async with Session(url) as page:
        await page.rerun()
        await page.settle(RUN_SECONDS)
        await page.rerun("compile")
        await page.settle(RUN_SECONDS)
        training_run = page.runs + 1
        await page.rerun("train")
        await page.wait_for_text(DONE, RUN_SECONDS)
        await page.settle(RUN_SECONDS)
        return page, training_run


def test_done_is_said_by_the_run_that_trained_before_the_page_run_after_it(app_url):
    with ThreadPoolExecutor(1) as thread:  # an event loop of its own: the browser tests' Playwright holds this one
        page, training_run = thread.submit(asyncio.run, _compile_and_train(app_url)).result()
    said_in = [run for run, text in zip(page.text_runs, page.texts, strict=True) if DONE in text]
    assert page.runs == training_run + 1, "a training ends with one run of the whole page"
    assert said_in[0] == training_run, f"'{DONE}' came first in run {said_in[0]}, not in the training's {training_run}"
    assert said_in[-1] == training_run + 1, "the page's run after the training says it too"
