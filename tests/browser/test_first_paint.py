"""Issue 15's first paint in a real browser: every script a fresh page draws with is named in the page's head
(components/preload.py), so the browser fetches it with the page and not when the page's first run arrives; and one
hidden widget of each kind comes before the page's own (components/primer.py), never shown, gone after the run."""

from __future__ import annotations

import urllib.request

import pytest

from components.preload import named_scripts
from components.primer import KEY, KINDS
from tests.browser.conftest import FETCHED_SCRIPTS, RUN_COUNTER, open_app, wait_idle

pytestmark = pytest.mark.browser

PAGES = ({"width": 1400, "height": 900}, {"width": 390, "height": 844})


def named_by_the_page(url: str) -> set[str]:
    with urllib.request.urlopen(url, timeout=30) as answer:
        return named_scripts(answer.read().decode("utf-8"))


@pytest.mark.parametrize("viewport", PAGES, ids=("desktop", "phone"))
def test_a_first_paint_fetches_only_scripts_its_page_names(browser, app_url, viewport):
    open_app(browser, app_url).context.close()  # the server's page is preloading from its first run on
    page = open_app(browser, app_url, viewport=viewport)
    try:
        fetched = {address.rsplit("/", 1)[-1] for address in page.evaluate(FETCHED_SCRIPTS)}
        compile_shown = page.locator(".st-key-compile button").first.is_visible()
    finally:
        page.context.close()
    named = named_by_the_page(app_url)
    assert compile_shown and len(fetched) > 100  # a page drawn in full, with its widgets' scripts
    assert fetched <= named, (
        f"the first paint fetched scripts its page does not name: {sorted(fetched - named)}; "
        "run `.venv/bin/python bench/first_paint_scripts.py --write`"
    )


# Watches the page as it is drawn: when the primers and the page's first widget (the language choice) arrive, and
# whether a primer ever takes room on the screen.
WATCH = f"""
window.__primer = {{primed: null, page: null, shown: 0}};
new MutationObserver(() => {{
  const w = window.__primer, now = performance.now();
  const primers = document.querySelectorAll('.st-key-{KEY} .stElementContainer');
  if (primers.length && w.primed === null) w.primed = now;
  for (const p of primers) w.shown += p.getClientRects().length;
  if (w.page === null && document.querySelector('.st-key-lang')) w.page = now;
}}).observe(document, {{childList: true, subtree: true}});
"""


def test_the_primers_come_before_the_page_unseen_and_are_gone_after_its_first_run(browser, app_url):
    context = browser.new_context(viewport=PAGES[0])
    context.add_init_script(RUN_COUNTER)
    context.add_init_script(WATCH)
    page = context.new_page()
    try:
        page.goto(app_url)
        wait_idle(page)
        seen = page.evaluate("window.__primer")
        left = page.locator(f".st-key-{KEY} .stElementContainer").count()
        compile_shown = page.locator(".st-key-compile button").first.is_visible()
    finally:
        context.close()
    assert seen["primed"] is not None and seen["page"] is not None and compile_shown
    assert seen["primed"] < seen["page"]  # the browser had the primers first
    assert seen["shown"] == 0  # in Streamlit's hidden container: never on screen
    assert left == 0  # emptied at the end of the first run
    assert len(KINDS) > 10
