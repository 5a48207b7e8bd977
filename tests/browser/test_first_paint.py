"""Issue 15's first paint in a real browser: every script a fresh page draws with is named in the page's head
(components/preload.py), so the browser fetches it with the page and not when the page's first run arrives."""

from __future__ import annotations

import re
import urllib.request

import pytest

from tests.browser.conftest import open_app

pytestmark = pytest.mark.browser

FETCHED = "performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/static/js/'))"
PAGES = ({"width": 1400, "height": 900}, {"width": 390, "height": 844})


def named_by_the_page(url: str) -> set[str]:
    with urllib.request.urlopen(url, timeout=30) as answer:
        return set(re.findall(r"\./static/js/([^\"']+\.js)", answer.read().decode("utf-8")))


@pytest.mark.parametrize("viewport", PAGES, ids=("desktop", "phone"))
def test_a_first_paint_fetches_only_scripts_its_page_names(browser, app_url, viewport):
    open_app(browser, app_url).context.close()  # the server's page is preloading from its first run on
    page = open_app(browser, app_url, viewport=viewport)
    try:
        fetched = {address.rsplit("/", 1)[-1] for address in page.evaluate(FETCHED)}
        compile_shown = page.locator(".st-key-compile button").first.is_visible()
    finally:
        page.context.close()
    named = named_by_the_page(app_url)
    assert compile_shown and len(fetched) > 100  # a page drawn in full, with its widgets' scripts
    assert fetched <= named, (
        f"the first paint fetched scripts its page does not name: {sorted(fetched - named)}; "
        "run `.venv/bin/python bench/first_paint_scripts.py --write`"
    )
