"""The first paint's scripts named in the page's head (components/preload.py), answered by Streamlit's own static
file handler as the server runs it."""

from __future__ import annotations

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from streamlit import file_util
from streamlit.web.server.starlette.starlette_static_routes import create_streamlit_static_handler

from components import preload

LINK = re.compile(r'<link rel="modulepreload" crossorigin="" href="\./static/js/([^"]+)">')


def answer(path: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of Streamlit's static handler for `path`, as the server asks it."""
    app = create_streamlit_static_handler(file_util.get_static_dir(), base_url=None)
    scope = {
        "type": "http",
        "method": method,
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"localhost")],
    }
    sent: list[dict] = []
    requests = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive() -> dict:
        if requests:
            return requests.pop()
        await asyncio.Event().wait()  # the browser stays connected until the answer is sent

    async def send(message: dict) -> None:
        sent.append(message)

    with ThreadPoolExecutor(1) as own_loop:  # a loop of its own: Playwright's may be running in this thread
        own_loop.submit(asyncio.run, app(scope, receive, send)).result()
    start = next(message for message in sent if message["type"] == "http.response.start")
    headers = {name.decode().lower(): value.decode() for name, value in start["headers"]}
    body = b"".join(message.get("body", b"") for message in sent if message["type"] == "http.response.body")
    return start["status"], headers, body


@pytest.fixture
def preloading():
    preload.preload_first_paint_scripts()
    preload.preload_first_paint_scripts()  # idempotent
    yield
    preload.StaticFiles.get_response = preload.STREAMLITS_GET_RESPONSE


def test_every_listed_script_is_in_the_installed_streamlit():
    """Streamlit's file names change with its version: after an upgrade, `bench/first_paint_scripts.py --write`."""
    missing = [name for name in preload.listed() if not (preload.SCRIPTS / name).is_file()]
    assert preload.listed() and not missing, f"not in this Streamlit: {missing}"


def test_the_page_names_each_listed_script_once_in_its_head_and_is_otherwise_streamlits(preloading):
    status, headers, body = answer("/")
    page = body.decode()
    head = page.partition("</head>")[0]
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert LINK.findall(head) == preload.listed()
    assert LINK.sub("", page) == preload.INDEX.read_text(encoding="utf-8")  # nothing else added, moved or lost
    assert headers["cache-control"] == "no-cache"  # Streamlit's rule for its page still holds
    assert int(headers["content-length"]) == len(body)


def test_without_the_wrapper_the_page_is_streamlits_file():
    status, _, body = answer("/")
    assert status == 200 and body == preload.INDEX.read_bytes() and not LINK.search(body.decode())


def test_every_other_answer_is_streamlits_own():
    paths = [f"/static/js/{preload.listed()[0]}", "/static/js/no-such-file.js", "/favicon.png", "/some/page", "//x"]
    own = [answer(path) for path in paths] + [answer("/", method="HEAD")[:2]]
    preload.preload_first_paint_scripts()
    try:
        wrapped = [answer(path) for path in paths] + [answer("/", method="HEAD")[:2]]
    finally:
        preload.StaticFiles.get_response = preload.STREAMLITS_GET_RESPONSE
    assert wrapped[:-1] == own[:-1]
    assert wrapped[-1][0] == own[-1][0] == 200  # the page's HEAD: its headers only, as before
    assert own[0][0] == 200 and "immutable" in own[0][1]["cache-control"]


def test_a_listed_file_this_streamlit_lacks_is_left_out(preloading, monkeypatch, tmp_path):
    kept = preload.listed()[0]
    listing = tmp_path / "scripts.txt"
    listing.write_text(f"gone.0000.js\n{kept}\n", encoding="utf-8")
    monkeypatch.setattr(preload, "LIST", listing)
    preload.page_with_preloads.cache_clear()
    try:
        assert LINK.findall(answer("/")[2].decode()) == [kept]
    finally:
        preload.page_with_preloads.cache_clear()
