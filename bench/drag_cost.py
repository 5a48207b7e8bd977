"""What one drop of a brick costs: script runs, the bytes the browser sends back, and the time until the page is idle.

Starts `streamlit run app.py` on a free port, opens it in Chromium, drags the Dropout card by its middle into the
head with real mouse moves (as tests/browser/test_bricks.py does) and counts, from that drop until the page is
idle again: the script runs the page starts, and the websocket frames the browser sends (their bytes). Prints one
JSON line: {"case": "drag_cost", "script_runs", "sent_frames", "sent_bytes", "drop_to_idle_s", "bricks_after"}.

    .venv/bin/python bench/drag_cost.py
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.conftest import launch_chromium, open_app, running_app, wait_idle  # noqa: E402
from tests.browser.test_story import drag, layer_cards, palette_cards  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as folder, running_app(Path(folder) / "server.log") as url:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = open_app(browser, url)
            sent = []
            page.on("websocket", lambda ws: ws.on("framesent", lambda frame: sent.append(len(frame))))
            page.reload()
            page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)
            wait_idle(page)
            card = palette_cards(page).nth(1)
            card.scroll_into_view_if_needed()
            before_runs = page.evaluate("() => window.__minifigRuns")
            del sent[:]
            started = time.monotonic()
            drag(page, card, page.locator(".st-key-head"))
            wait_idle(page)
            report = {
                "case": "drag_cost",
                "script_runs": page.evaluate("() => window.__minifigRuns") - before_runs,
                "sent_frames": len(sent),
                "sent_bytes": sum(sent),
                "drop_to_idle_s": round(time.monotonic() - started, 2),  # includes wait_idle's settling wait
                "bricks_after": layer_cards(page).count(),
            }
            browser.close()
    print(json.dumps(report))


if __name__ == "__main__":
    main()
