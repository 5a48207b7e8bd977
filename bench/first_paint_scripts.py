"""Which of Streamlit's scripts a fresh page's first paint fetches beyond those Streamlit's page names itself: the
list `components/preload.py` names in the page's head (`assets/first_paint_scripts.txt`).

    .venv/bin/python bench/first_paint_scripts.py [--write]

The app runs from a copy of this checkout whose list is empty, so what the page fetches is what its widgets ask for,
not what the list already names. Fresh pages in English and Korean, at 1400×900 and 390×844, each until it is idle.
Prints one JSON line: the scripts in the order the pages first asked for them (scripts asked for at once may swap
places between runs), and how many; `--write` writes them
to the list. Run it when `tests/browser/test_first_paint.py` says the first paint fetches a script its page does not
name, or after upgrading Streamlit.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from components.preload import INDEX, LIST, named_scripts  # noqa: E402
from minifig.locale_files import read_folder  # noqa: E402
from tests.browser.conftest import FETCHED_SCRIPTS, launch_chromium, open_app, running_app, wait_idle  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DESKTOP, PHONE = {"width": 1400, "height": 900}, {"width": 390, "height": 844}
PAGES = [("en", DESKTOP), ("ko", DESKTOP), ("en", PHONE)]
LANGUAGES = read_folder()


def fetched_by_first_paints(url: str) -> list[str]:
    from playwright.sync_api import sync_playwright

    seen: list[str] = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        open_app(browser, url).context.close()  # the server's first session imports TensorFlow
        for language, viewport in PAGES:
            page = open_app(browser, url, viewport=viewport)
            if language != "en":
                page.locator(".st-key-lang label").filter(has_text=LANGUAGES[language].name).click()
                wait_idle(page)
            for name in (address.rsplit("/", 1)[-1] for address in page.evaluate(FETCHED_SCRIPTS)):
                if name not in seen:
                    seen.append(name)
            page.context.close()
        browser.close()
    return seen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"write the list to {LIST.relative_to(ROOT)}")
    write = parser.parse_args().write
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "app"
        shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", ".venv", "artifacts", "__pycache__"))
        (copy / LIST.relative_to(ROOT)).write_text("", encoding="utf-8")
        with running_app(Path(folder) / "server.log", root=copy) as url:
            own = named_scripts(INDEX.read_text(encoding="utf-8"))
            scripts = [name for name in fetched_by_first_paints(url) if name not in own]
    if write:
        LIST.write_text("".join(f"{name}\n" for name in scripts), encoding="utf-8")
    print(json.dumps({"scripts": scripts, "count": len(scripts), "written": write}))


if __name__ == "__main__":
    main()
