"""Two versions of the page side by side: one learner's walk at a time, alternated between them, in one run.

A room (`bench/load.py`) differs by ±10-15 % between two runs of the same code on this machine, more than most
changes are worth. Here two servers run at once, one per checkout (say a `git worktree` of the commit before, and
this one), each warmed by two walks; then the walks alternate (A B, B A, A B, ...), so both see the machine as it is.
A walk is a fresh session over Streamlit's own protocol (`bench.load.Session`): open the page, click Compile, click
Train and wait for `Done: epoch 100/100`. The server CPU of each phase is read from the server's process.

    .venv/bin/python bench/walks_ab.py BEFORE_DIR [AFTER_DIR] [--walks 40]

`BEFORE_DIR` and `AFTER_DIR` (default: this checkout) each hold an `app.py`, run by this Python. Prints a JSON line per
version (mean milliseconds of server CPU per phase, and their total) and one with the ratios after / before (of the
means and of the medians): the ratio is the figure to trust.

Measured 2026-12-04 (2-core machine, load 0.2-0.5), before = fd16165, after = this session's code, 40 walks each:
open 115.0 → 105.0 ms, Compile 99.5 → 76.7 ms, Train to done 160.5 → 152.8 ms, total 375 → 335 ms (ratio of the
means 0.892, of the medians 0.838).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.load import Session, cpu_seconds, server_pid  # noqa: E402
from tests.browser.conftest import running_app  # noqa: E402

PHASES = ("open", "compile", "train")


async def walk(url: str, pid: int) -> dict[str, float]:
    """One learner's walk; the server CPU seconds of each phase."""
    spent = {}
    async with Session(url) as page:
        for phase, trigger in zip(PHASES, (None, "compile", "train"), strict=True):
            before = cpu_seconds(pid)
            await page.rerun(trigger)
            if phase == "train":
                await page.wait_for_text("Done: epoch 100/100", 60)
            await page.settle(60)
            spent[phase] = cpu_seconds(pid) - before
    return spent


def means(walks: list[dict[str, float]]) -> dict[str, float]:
    shown = {phase: round(1000 * statistics.mean(w[phase] for w in walks), 1) for phase in PHASES}
    return {**shown, "total": round(sum(shown.values()), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path, nargs="?", default=Path(__file__).resolve().parents[1])
    parser.add_argument("--walks", type=int, default=40)
    parser.add_argument("--port", type=int, default=8660)
    args = parser.parse_args()
    folders = {"before": args.before.resolve(), "after": args.after.resolve()}
    with tempfile.TemporaryDirectory() as logs, ExitStack() as servers:
        urls = {
            name: servers.enter_context(running_app(Path(logs) / f"{name}.log", args.port + n, root=folder))
            for n, (name, folder) in enumerate(folders.items())
        }
        pids = {name: server_pid(url) for name, url in urls.items()}
        walks = {name: [] for name in urls}
        for name, url in urls.items():  # each traces the seed and warms its caches
            for _ in range(2):
                asyncio.run(walk(url, pids[name]))
        for n in range(args.walks):
            for name in ("before", "after") if n % 2 == 0 else ("after", "before"):
                walks[name].append(asyncio.run(walk(urls[name], pids[name])))
    for name, folder in folders.items():
        print(json.dumps({"version": name, "folder": str(folder), "ms": means(walks[name])}))
    totals = {name: [sum(w.values()) for w in walks[name]] for name in folders}
    ratio_of_means = statistics.mean(totals["after"]) / statistics.mean(totals["before"])
    ratio_of_medians = statistics.median(totals["after"]) / statistics.median(totals["before"])
    print(
        json.dumps(
            {"case": "after_over_before", "mean": round(ratio_of_means, 3), "median": round(ratio_of_medians, 3)}
        )
    )


if __name__ == "__main__":
    main()
