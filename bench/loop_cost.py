"""What pace, Step and the learning loop cost training at full pace: the engine of an earlier commit training as
the page did (a callback after every epoch), against the engine now training as the page does at full pace (a
`Pacer` asked after every epoch; the loop is played only at a slower pace and on Step, so nothing is watched here).
Warm, interleaved run by run on the same figures (medians).

Prints one JSON line per case: {"case", "before_s", "now_s", "cost"} in wall time, and the same in the process's
CPU time ("before_cpu_s", "now_cpu_s", "cpu_cost"), which a busy shared machine disturbs less. Run it with
`--before HEAD` to see the noise of the day (the same engine on both sides).

    .venv/bin/python bench/loop_cost.py --before 0e4df13 [--repeats N]

Measured 2026-12-03 (2-core machine, one session; wall / CPU medians). Against 0e4df13, the engine before pace, Step
and the loop: seed 100 epochs 0.065 → 0.040 s (CPU 0.059 → 0.037 s), medium 20 epochs 0.291 → 0.300 s (CPU 0.283 →
0.279 s), digits 15 epochs 0.170 → 0.134 s (CPU 0.222 → 0.195 s): full pace costs nothing measurable (the engine's
several epochs per call, a later change, makes "now" faster). The noise of that day, `--before HEAD`: −15 % to
+0.2 % wall, −13 % to −3 % CPU on identical engines.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from timeline_cost import cases, engine_at  # noqa: E402

from minifig import engine  # noqa: E402
from minifig.pace import Pacer  # noqa: E402


def train_as_the_page_does(trainer, epochs: int, batch: int) -> None:
    """A full-pace run as components/training.py runs it: the pacer is asked after every epoch."""
    pacer = Pacer(0)

    def on_epoch(log) -> None:
        if pacer.wait():
            raise AssertionError("full pace never waits")

    trainer.train(epochs, batch, on_epoch=on_epoch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, help="a commit whose engine had no loop")
    parser.add_argument("--repeats", type=int, default=11)
    args = parser.parse_args()
    before = engine_at(args.before)
    for name, (spec, data, epochs, batch) in cases().items():
        old, new = before.Trainer(spec, data), engine.Trainer(spec, data)
        runs = {
            "before": lambda t=old, e=epochs, b=batch: t.train(e, b, on_epoch=lambda log: None),
            "now": lambda t=new, e=epochs, b=batch: train_as_the_page_does(t, e, b),
        }
        old.train(2, batch)
        new.train(2, batch)
        wall = {label: [] for label in runs}
        cpu = {label: [] for label in runs}  # the process's CPU seconds: steadier than wall time on a shared machine
        for _ in range(args.repeats):
            for label, run in runs.items():
                started, started_cpu = time.perf_counter(), time.process_time()
                run()
                wall[label].append(time.perf_counter() - started)
                cpu[label].append(time.process_time() - started_cpu)
        slow, fast = (statistics.median(wall[label]) for label in ("before", "now"))
        slow_cpu, fast_cpu = (statistics.median(cpu[label]) for label in ("before", "now"))
        line = {
            "case": name,
            "before_s": round(slow, 4),
            "now_s": round(fast, 4),
            "cost": f"{fast / slow - 1:+.1%}",
            "before_cpu_s": round(slow_cpu, 4),
            "now_cpu_s": round(fast_cpu, 4),
            "cpu_cost": f"{fast_cpu / slow_cpu - 1:+.1%}",
        }
        print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
