"""What keeping the timeline costs training: the engine now against the engine of an earlier commit, warm,
interleaved run by run on the same figures (medians). Issue 8 asks for under ~5%.

Prints one JSON line per case: {"case", "before_s", "now_s", "cost"}.

    .venv/bin/python bench/timeline_cost.py --before c4d599a [--repeats N]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from train_speed import medium_case  # noqa: E402

from minifig import engine  # noqa: E402
from minifig.datasets import load  # noqa: E402
from minifig.spec import preset_figure, seed_figure  # noqa: E402


def engine_at(commit: str):
    """minifig/engine.py as it was at `commit`, imported as a module of its own."""
    source = subprocess.run(
        ["git", "show", f"{commit}:minifig/engine.py"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    path = Path(tempfile.mkdtemp()) / "engine_before.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("engine_before", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def cases() -> dict[str, tuple]:
    """The figures the engine benches train: (spec, data, epochs, batch size) by name."""
    return {
        "seed_100": (seed_figure(), load("seed"), 100, 10),
        "medium_20": (*medium_case(), 20, 32),
        "digits_15": (preset_figure("digits"), load("digits"), 15, 32),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, help="a commit whose engine kept no timeline")
    parser.add_argument("--repeats", type=int, default=11)
    args = parser.parse_args()
    before = engine_at(args.before)
    for name, (spec, data, epochs, batch) in cases().items():
        trainers = {"before": before.Trainer(spec, data), "now": engine.Trainer(spec, data)}
        for trainer in trainers.values():
            trainer.train(2, batch)
        seconds = {label: [] for label in trainers}
        for _ in range(args.repeats):
            for label, trainer in trainers.items():
                started = time.perf_counter()
                trainer.train(epochs, batch)
                seconds[label].append(time.perf_counter() - started)
        old, new = (statistics.median(seconds[label]) for label in ("before", "now"))
        line = {"case": name, "before_s": round(old, 4), "now_s": round(new, 4), "cost": f"{new / old - 1:+.1%}"}
        print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
