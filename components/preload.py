"""The scripts a first paint draws with are fetched with the page, not in waves after its first run arrives.

Streamlit 1.67 loads a widget's script when the first element of its kind is drawn (React.lazy), and that script's
own imports only once it has arrived. On a first visit Minifig's first paint asked for ~65 such scripts, the first
when the page's first run reached the browser (~1.1 s after opening it), the last ~0.7 s later, and the widgets waited
as skeletons meanwhile. `preload_first_paint_scripts` makes the page Streamlit answers for the app's address (its
`index.html`) name them in its head as `<link rel="modulepreload">`, as it names its own bundle's: the browser fetches
and compiles them while Streamlit starts, and runs none of them before a widget asks for it. Measured in Chromium,
8 fresh pages each, interleaved: open → Compile on screen, median 2.21 → 2.02 s (`bench/ui_speed.py` has the figures).

The list is `assets/first_paint_scripts.txt`, written by `bench/first_paint_scripts.py` from what a fresh page's first
paint fetches. `tests/browser/test_first_paint.py` fails when the first paint fetches a script the page does not name
(a new kind of widget on the first screen: write the list again), `tests/unit/test_preload.py` when a listed file is
not in the installed Streamlit (its file names change with its version). A listed file that is missing is left out
of the page, so a stale list costs the time it saved and breaks nothing.

Streamlit's static files are answered by Starlette's `StaticFiles`; its `get_response` is wrapped (idempotent), and
only the answer that is Streamlit's `index.html` changes. The page is answered from the server's second page on: the
first one is served before the app's first run installs the wrapper (that first run imports TensorFlow anyway).
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from starlette.responses import FileResponse, Response
from starlette.staticfiles import StaticFiles
from streamlit import file_util

LIST = Path(__file__).resolve().parents[1] / "assets" / "first_paint_scripts.txt"
SCRIPTS = Path(file_util.get_static_dir()) / "static" / "js"
INDEX = Path(file_util.get_static_dir()) / "index.html"
STREAMLITS_GET_RESPONSE = StaticFiles.get_response  # as it was before any replacement


def preload_first_paint_scripts() -> None:
    """Answer Streamlit's page with the first paint's scripts named in its head (idempotent)."""
    StaticFiles.get_response = get_response


async def get_response(self: StaticFiles, path: str, scope) -> Response:
    response = await STREAMLITS_GET_RESPONSE(self, path, scope)
    if isinstance(response, FileResponse) and _is_streamlits_page(response.path):
        return Response(page_with_preloads(), status_code=response.status_code, media_type="text/html")
    return response  # every other file, and a "not modified" answer, as Streamlit gives it


def _is_streamlits_page(path: str | os.PathLike) -> bool:
    """Streamlit's `index.html` (its name first: the page's ~125 scripts are not looked up on disk again)."""
    if os.path.basename(path) != INDEX.name:
        return False
    try:
        return os.path.samefile(path, INDEX)
    except OSError:
        return False


@functools.cache
def page_with_preloads() -> bytes:
    """Streamlit's `index.html` with a `modulepreload` link for each of the first paint's scripts, before `</head>`
    (where Streamlit's own are; `crossorigin` as theirs, so a widget's import uses the fetched file)."""
    links = "".join(f'<link rel="modulepreload" crossorigin="" href="./static/js/{name}">' for name in scripts())
    return INDEX.read_text(encoding="utf-8").replace("</head>", f"{links}</head>", 1).encode("utf-8")


def named_scripts(page: str) -> set[str]:
    """The scripts a page of Streamlit's names (its own bundle's, and the preloads once added)."""
    return set(re.findall(r"\./static/js/([^\"']+\.js)", page))


def scripts() -> list[str]:
    """The listed scripts this Streamlit has, in the list's order (the order the first paint asked for them)."""
    return [name for name in listed() if (SCRIPTS / name).is_file()]


def listed() -> list[str]:
    return [line.strip() for line in LIST.read_text(encoding="utf-8").splitlines() if line.strip()]
