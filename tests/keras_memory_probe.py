"""What reading `.keras` files costs the server: run in a process of its own, so its memory figures are clean.

    python tests/keras_memory_probe.py FILE...      (MINIFIG_ROOT=<a tree> reads with that tree's minifig)

Each file goes the page's way — `read_model_file`, the figure rebuilt from the catalogue, `load_weights` — after a
warm-up with a good file, and one JSON line is printed per file: {"file", "outcome" (the refusal's key, "loaded" or
the exception's name), "peak_mb" (resident memory at its highest while reading, above the start), "kept_mb" (above
the start after a full garbage collection), "cpu_s"}. Peaks come from sampling /proc every millisecond and from the
process's high-water mark (getrusage), whichever is higher.
"""

from __future__ import annotations

import gc
import json
import os
import resource
import sys
import threading
import time
from pathlib import Path

ROOT = Path(os.environ.get("MINIFIG_ROOT", Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(ROOT))
PAGE = os.sysconf("SC_PAGE_SIZE")


def resident() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE


def high_water() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def read_as_the_page_does(raw: bytes) -> str:
    from minifig.build import build_head
    from minifig.model_file import ModelFileError, load_weights, read_model_file
    from minifig.spec import seed_figure

    try:
        model_file = read_model_file(raw)
        model = build_head(model_file.figure(seed_figure()), model_file.n_features, seed=1)
        load_weights(model, model_file.weights_h5)
    except ModelFileError as refused:
        return refused.problems[0].key if refused.problems else "refused"
    except Exception as error:  # noqa: BLE001 - the probe reports what escaped; the tests judge it
        return type(error).__name__
    return "loaded"


def measure(raw: bytes) -> dict:
    gc.collect()
    start, water = resident(), high_water()
    peak, done = [start], threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], resident())
            time.sleep(0.001)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    cpu = time.process_time()
    outcome = read_as_the_page_does(raw)
    cpu = time.process_time() - cpu
    done.set()
    sampler.join()
    top = max(peak[0], high_water() if high_water() > water else 0)
    gc.collect()
    mb = 1024 * 1024
    return {
        "outcome": outcome,
        "peak_mb": round((top - start) / mb, 1),
        "kept_mb": round((resident() - start) / mb, 1),
        "cpu_s": round(cpu, 2),
    }


def main(paths: list[str]) -> None:
    import importlib.util

    files = importlib.util.spec_from_file_location("keras_files", Path(__file__).with_name("keras_files.py"))
    keras_files = importlib.util.module_from_spec(files)
    files.loader.exec_module(keras_files)  # by its path: with MINIFIG_ROOT set, `tests` may be another tree's
    good = keras_files.seed_file(compiled=True)
    for _ in range(3):
        read_as_the_page_does(good)
    for path in paths:
        print(json.dumps({"file": Path(path).name, **measure(Path(path).read_bytes())}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
