"""What each new kind of figure costs the server in memory, and what dropping its traced graphs gives back.

A kind of figure is its bricks, torso, legs and data shape (`minifig.graphs`). The bench builds `--kinds` different
big figures (12 Dense bricks of 512 on the circle data, each kind with one brick's activation changed), as a room
that invents figures would, and for each one measures the server's resident memory (RSS) after the head alone
answered ("edited only": the babbling head on the page) and after one epoch of training. Each kind is made in a
thread of its own, as each page run is, and its trainer is dropped afterwards: what stays is the traced graphs.
At the end it drops every graph cache (`--drop`), collects garbage, trims the C heap and measures again: what
eviction can give back.

Prints one JSON line: MB per kind (median edited and trained), the total growth over all kinds, the RSS after
dropping the caches, and (on a tree that has it) the graph cache's budget and what it holds.

    .venv/bin/python bench/graph_memory.py [--kinds 40] [--units 512] [--drop]

Measured on the 2-core development machine (shared; one run each):
- before (engine.py's unbounded caches, and Keras's optimizer keeping every traced epoch alive), `--kinds 10 --drop`:
  {"mb_per_kind_edited_median": 0.8, "mb_per_kind_trained_median": 93.0, "growth_mb": 822, "given_back_mb": 32}
- after (graphs.py), MINIFIG_GRAPH_MEMORY_MB=300 `--kinds 20 --drop`: {"mb_per_kind_trained_median": 33.6,
  "growth_mb": 570, "cache": {"kinds": 4, "estimated_mb": 215, "evicted": 37}, "given_back_mb": 24}; RSS 1422 MB
  after kind 10, 1509 MB after kind 20 (≈ 9 MB per kind once the budget is full). Dropping the caches gives little
  back at once (the C heap keeps the pages); the freed memory is reused by the next kinds.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import json
import statistics
import sys
import threading
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from minifig.cards import brick  # noqa: E402
from minifig.datasets import load  # noqa: E402
from minifig.engine import Head, Trainer  # noqa: E402
from minifig.spec import FigureSpec, Training  # noqa: E402

ACTIVATIONS = ("relu", "tanh", "sigmoid", "elu", "selu", "softplus", "swish", "gelu", "linear")


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def trim() -> float:
    """Collect garbage and give the C heap's free pages back to the system; the RSS after."""
    gc.collect()
    ctypes.CDLL("libc.so.6").malloc_trim(0)
    return rss_mb()


def kind(number: int, units: int, bricks: int = 12) -> FigureSpec:
    """The `number`-th kind: `bricks` Dense bricks of `units`, brick i's activation picked by number's digits."""
    head, rest = [], number
    for _ in range(bricks):
        head.append(brick("dense", units=units, activation=ACTIVATIONS[rest % len(ACTIVATIONS)]))
        rest //= len(ACTIVATIONS)
    head.append(brick("dense", units=1, activation="sigmoid"))
    return FigureSpec(
        tuple(head),
        brick("binary_crossentropy"),
        brick("adam"),
        "circle",
        Training(epochs=1, batch_size=32, validation_split=0.2, seed=42),
    )


def in_a_page_run(work) -> None:
    thread = threading.Thread(target=work)
    thread.start()
    thread.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kinds", type=int, default=40)
    parser.add_argument("--units", type=int, default=512)
    parser.add_argument("--drop", action="store_true", help="drop the graph caches at the end and measure again")
    args = parser.parse_args()
    data = load("circle", None, None, 42)
    warm = replace(kind(0, 8), head=kind(0, 8).head[-2:])  # TensorFlow's and Keras's one-off costs
    in_a_page_run(lambda: Trainer(warm, data).train(1, 32))
    start = trim()
    edited, trained = [], []
    for number in range(args.kinds):
        spec = kind(number + 1, args.units)
        before = rss_mb()
        in_a_page_run(lambda spec=spec: Head(spec, data.n_features).predict(data.x[:5]))
        middle = rss_mb()
        in_a_page_run(lambda spec=spec: Trainer(spec, data).train(1, 32))
        after = rss_mb()
        edited.append(middle - before)
        trained.append(after - before)
        print(
            f"kind {number + 1:3d}: +{middle - before:5.1f} MB edited, +{after - before:5.1f} MB trained, "
            f"RSS {after:6.0f} MB",
            file=sys.stderr,
            flush=True,
        )
    end = trim()
    figures = {
        "kinds": args.kinds,
        "units": args.units,
        "rss_start_mb": round(start),
        "mb_per_kind_edited_median": round(statistics.median(edited), 1),
        "mb_per_kind_trained_median": round(statistics.median(trained), 1),
        "rss_end_mb": round(end),
        "growth_mb": round(end - start),
    }
    try:
        from minifig import graphs
    except ImportError:
        graphs = None
    if graphs is not None:
        figures["budget_mb"] = round(graphs.budget_bytes() / 2**20)
        figures["cache"] = graphs.cache_report()
    if args.drop:
        if graphs is not None:
            graphs.forget_all()
        else:
            from minifig import engine

            engine._GRAPHS.clear()
            engine._ANSWERS.clear()
        figures["rss_after_drop_mb"] = round(trim())
        figures["given_back_mb"] = round(end - figures["rss_after_drop_mb"])
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
