"""axe-core (tests/browser/vendor/axe.min.js, pinned) over the page as a learner opens it, at 1400×900 and on a
390×844 phone, in English and Korean: no serious or critical violation, and headings in order. axe judges
colours only on screen, so each width is checked as the first screen shows it and once more laid out whole
(the viewport stretched to the page's height). Every violation found is printed (rule, impact, where), so a
moderate one is seen even when it does not fail the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import wait_idle

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
SIZES = ({"width": 1400, "height": 900}, {"width": 390, "height": 844})
LANGUAGES = (("en", "English"), ("ko", "한국어"))
FAILING_IMPACTS = ("serious", "critical")
FAILING_RULES = ("heading-order",)  # moderate for axe, but a reader who jumps by headings gets lost


def axe_violations(page) -> list[dict]:
    """axe-core's violations on the page as it is now, its frames included (axe goes into every frame)."""
    for frame in page.frames:
        if not frame.evaluate("() => typeof window.axe !== 'undefined'"):
            frame.add_script_tag(path=str(AXE))
    return page.evaluate("async () => (await window.axe.run(document, {resultTypes: ['violations']})).violations")


def page_height(page) -> int:
    return page.evaluate("() => document.querySelector(\"[data-testid='stMain']\").scrollHeight")


def test_axe_finds_no_serious_or_critical_violation_at_either_width_in_either_language(page):
    failing = []
    for lang, name in LANGUAGES:
        page.locator(".st-key-lang label").filter(has_text=name).click()
        wait_idle(page)
        for size in SIZES:
            for view in ("first screen", "whole page"):
                page.set_viewport_size(size)
                page.wait_for_timeout(500)  # the page lays itself out for the new width
                if view == "whole page":
                    page.set_viewport_size({"width": size["width"], "height": page_height(page)})
                    page.wait_for_timeout(500)
                where = f"{lang} {size['width']}×{size['height']} {view}"
                for violation in axe_violations(page):
                    targets = [node["target"] for node in violation["nodes"]]
                    line = f"{where}: {violation['id']} ({violation['impact']}) at {targets}"
                    print(line)
                    if violation["impact"] in FAILING_IMPACTS or violation["id"] in FAILING_RULES:
                        failing.append(line)
    assert not failing, "axe-core finds:\n" + "\n".join(failing)
