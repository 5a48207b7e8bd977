"""How long the server takes to answer a small file on a kept-alive connection, as a browser fetches its scripts.

Starts `streamlit run app.py` on a free port, opens one page (its first run sets the server's connections up,
`components/no_delay.py`), then fetches Streamlit's first 40 scripts one after another over one kept-alive HTTP
connection, and prints one JSON line: the first request's and the median of the others' milliseconds.

    .venv/bin/python bench/keep_alive.py [--url http://host:port]

Before/after: `--url` of a server started from the earlier commit (a `git worktree`), then of this one.

2026-12-04, this machine, before (4b37d9e) and after (863c09a): first 3.0 ms, then a median of 44.0 ms (max 52 ms:
the client's delayed acknowledgement of the response's head) → first 3.2-4.6 ms, then 1.4-1.9 ms. In Chromium a fresh
page's main scripts finish loading at 0.36 s instead of ~0.8 s and the on-demand ones come in one wave; goto →
Compile visible, 4 pages a round, 3 rounds interleaved: medians 2.8 s against 3.1 s in a first comparison, ~2.7 s
both in a second (and `bench/ui_speed.py` sees no change beyond its noise): the rest of a first paint is the
browser's and the server's CPU on two shared cores.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.load import Session  # noqa: E402
from tests.browser.conftest import running_app  # noqa: E402

SCRIPTS = 40


def scripts() -> list[str]:
    """Streamlit's own script files, as the browser asks for them."""
    import streamlit

    folder = Path(streamlit.__file__).parent / "static" / "static" / "js"
    return [f"/static/js/{path.name}" for path in sorted(folder.glob("*.js"))[:SCRIPTS]]


def fetch_times_ms(url: str, paths: list[str]) -> list[float]:
    address = urlparse(url)
    connection = http.client.HTTPConnection(address.hostname, address.port)
    times = []
    for path in paths:
        start = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise SystemExit(f"{path}: HTTP {response.status}")
        times.append((time.perf_counter() - start) * 1000)
    connection.close()
    return times


async def open_page(url: str) -> None:
    async with Session(url) as page:
        await page.rerun()
        await page.settle(120)


def measure(url: str) -> dict:
    asyncio.run(open_page(url))
    times = fetch_times_ms(url, scripts())
    return {
        "case": "keep_alive_request",
        "first_ms": round(times[0], 1),
        "median_ms": round(statistics.median(times[1:]), 1),
        "max_ms": round(max(times[1:]), 1),
        "requests": len(times),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="an already running server (else one is started)")
    args = parser.parse_args()
    if args.url:
        print(json.dumps(measure(args.url)))
        return
    with tempfile.TemporaryDirectory() as folder, running_app(Path(folder) / "server.log") as url:
        print(json.dumps(measure(url)))


if __name__ == "__main__":
    main()
