"""Browser tests: `streamlit run app.py` on a free local port, driven by Debian's Chromium through Playwright.

The server is started once per session; every test gets a fresh page (a new Streamlit session). After every
action a test calls `wait_idle(page)`, which waits until the script has run and settled. Screenshots land in
`artifacts/screenshots/` (git-ignored).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.processes import stop

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
VIEWPORT = {"width": 1400, "height": 2600}
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
START_SECONDS = 60
LOAD_MS = 60_000  # the first page run imports TensorFlow
RUN_MS = 60_000  # one script run after an action
TRAIN_MS = 150_000  # a whole training run (the page caps one run at two minutes)
RERUN_GRACE_MS = 1_500  # how long an action may take to start a script run at all
SKELETON = "[data-testid='stSkeleton']"
# The Streamlit scripts (`/static/js/…`) the page has fetched so far, by address (components/preload.py)
FETCHED_SCRIPTS = "performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/static/js/'))"
PAINT_MS = 15_000  # how long the browser may take to draw a long page after a run
SETTLE_MS = 300  # the page must stay idle this long: a run may end in st.rerun(), which starts another

# Counts the script runs the page starts (the attribute flips to "running"), so `wait_idle` knows whether
# the run an action asked for has happened, however short it was.
RUN_COUNTER = """
window.__minifigRuns = 0;
window.__minifigSeen = 0;
new MutationObserver((mutations) => {
  for (const m of mutations) {
    if (m.target.getAttribute('data-test-script-state') === 'running') window.__minifigRuns += 1;
  }
}).observe(document, {attributes: true, subtree: true, attributeFilter: ['data-test-script-state']});
"""


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


class ServerError(RuntimeError):
    """`streamlit run` exited or did not answer its health check in time."""


@contextmanager
def running_app(
    log_path: Path, port: int | None = None, env: dict[str, str] | None = None, root: Path = ROOT
) -> Iterator[str]:
    """`streamlit run app.py` on `port` (a free local one if not given), healthy; yields its URL, then stops it.

    `env` adds to (or replaces in) this process's environment for the server, e.g. a room store and a secret.
    `root`: the checkout whose app runs (this one, or e.g. a `git worktree` of an earlier commit for a bench)."""
    port = port or _free_port()
    command = [
        *(sys.executable, "-m", "streamlit", "run", "app.py"),
        *("--server.headless", "true", "--server.port", str(port), "--browser.gatherUsageStats", "false"),
    ]
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            command, cwd=root, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})}
        )
    url = f"http://localhost:{port}"
    try:
        deadline = time.monotonic() + START_SECONDS
        while not _healthy(url):
            if server.poll() is not None or time.monotonic() > deadline:
                tail = log_path.read_text(errors="replace")[-3000:]
                raise ServerError(f"streamlit did not come up on {url}:\n{tail}")
            time.sleep(0.25)
        yield url
    finally:
        stop(server)


def open_app(browser, url: str, load_ms: int = LOAD_MS, viewport: dict | None = None, **context_options):
    """A new page (a new Streamlit session) on the app, painted and idle (the window is `VIEWPORT` unless given)."""
    context = browser.new_context(viewport=viewport or VIEWPORT, **context_options)
    context.add_init_script(RUN_COUNTER)
    page = context.new_page()
    page.set_default_timeout(RUN_MS)
    page.goto(url)
    page.wait_for_selector(IDLE, timeout=load_ms)
    wait_idle(page, load_ms)
    return page


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of `streamlit run app.py`, started for this session and stopped after it."""
    try:
        with running_app(tmp_path_factory.mktemp("streamlit") / "server.log") as url:
            yield url
    except ServerError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Debian Chromium (Playwright's own browsers are not used)."""
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing: apt-get install chromium fonts-noto-cjk"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Keep each phase's report on the test item, so the page fixture knows whether the test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def page(browser, app_url: str, request: pytest.FixtureRequest) -> Iterator[object]:
    """A fresh session of the app, painted, idle and without a traceback on it.

    A failed test leaves a screenshot of the page as it was, `FAILED_<test name>.png`; passing removes it.
    """
    page = open_app(browser, app_url)
    try:
        errors = page.locator("[data-testid='stException']").all_inner_texts()
        if errors:
            shot(page, f"FAILED_{request.node.name}")
            pytest.fail("the page shows a traceback:\n" + "\n".join(errors))
        yield page
        report = getattr(request.node, "report_call", None)
        if report is not None and report.failed:
            shot(page, f"FAILED_{request.node.name}")
        elif report is not None and report.passed:
            (SCREENSHOTS / f"FAILED_{request.node.name}.png").unlink(missing_ok=True)  # an old failure's
    finally:
        page.context.close()


def wait_idle(page, timeout_ms: int = RUN_MS) -> None:
    """Wait until the run an action started has finished and the page stays idle.

    A click may leave the state saying "notRunning" for a moment before the run begins, and a run may end in
    `st.rerun()`; so wait (briefly) for a run to start, then for idle, and repeat until no new run starts.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    deadline = time.monotonic() + timeout_ms / 1000
    try:
        page.wait_for_function("() => window.__minifigRuns > window.__minifigSeen", timeout=RERUN_GRACE_MS)
    except PlaywrightTimeout:
        pass  # the action started no run (or it was over before the page said so)
    while True:
        left_ms = max(1, int((deadline - time.monotonic()) * 1000))
        page.wait_for_selector(IDLE, timeout=left_ms)
        runs = page.evaluate("() => window.__minifigSeen = window.__minifigRuns")
        page.wait_for_timeout(SETTLE_MS)
        settled = page.evaluate(
            "([runs, idle]) => window.__minifigRuns === runs && !!document.querySelector(idle)", [runs, IDLE]
        )
        if settled:
            _wait_painted(page)
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"the page did not settle within {timeout_ms} ms")


def _wait_painted(page) -> None:
    """After a run the browser may still show grey placeholders (skeletons) for a moment while it draws a long page;
    a widget read then has no value yet. Wait (briefly) until they are gone."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(f"() => !document.querySelector({SKELETON!r})", timeout=PAINT_MS)
    except PlaywrightTimeout:
        pass  # a part that stays a placeholder is the test's own business


def shot(page, name: str) -> Path:
    """Save a screenshot of the whole page as artifacts/screenshots/<name>.png.

    Streamlit scrolls inside `stMain`, not the document, so a "full page" screenshot would stop at the
    viewport: the viewport is stretched to the content's height for the shot, then put back.
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    size = page.viewport_size
    height = page.evaluate(
        "() => { const main = document.querySelector(\"[data-testid='stMain']\");"
        " return main ? main.scrollHeight : document.documentElement.scrollHeight; }"
    )
    if height > size["height"]:
        page.set_viewport_size({"width": size["width"], "height": height})
        page.wait_for_timeout(200)
    try:
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(size)
    return path


def open_tab(page, name: str) -> None:
    """Open the tab below the workbench that holds a part (`components.layout.TABS`: data, results, inside,
    take_home, compare, teacher); its parts are in the page either way, but hidden on another tab."""
    from components.layout import TABS

    page.locator(".st-key-more [role=tab]").nth(TABS.index(name)).click()
    page.locator(".st-key-more [role=tab][aria-selected=true]").nth(0).wait_for()
