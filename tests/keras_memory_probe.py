"""What reading `.keras` files costs the server: run in a process of its own, so its memory figures are clean.

    python tests/keras_memory_probe.py FILE...      (MINIFIG_ROOT=<a tree> reads with that tree's minifig)

Each file goes the page's way — `read_model_file`, the figure rebuilt from the catalogue, `load_weights` — after a
warm-up with a good file, and one JSON line is printed per file: {"file", "outcome" (the refusal's key, "loaded" or
"raised <exception>"), "peak_mb" (resident memory at its highest while reading, above the start), "kept_mb" (above
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


def outcome(raw: bytes) -> str:
    """The refusal's key, "loaded", the page's own refusal ("wrong data", "misfit"), or "raised <exception>"."""
    from minifig.model_file import ModelFileError

    try:
        result = KERAS_FILES.read_as_the_page_does(raw)
    except ModelFileError as refused:
        return refused.problems[0].key if refused.problems else "refused"
    except Exception as error:  # noqa: BLE001 - the probe reports what escaped; the tests judge it
        return f"raised {type(error).__name__}"
    return result if isinstance(result, str) else "loaded"


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
    result = outcome(raw)
    cpu = time.process_time() - cpu
    done.set()
    sampler.join()
    top = max(peak[0], high_water() if high_water() > water else 0)
    gc.collect()
    mb = 1024 * 1024
    return {
        "outcome": result,
        "peak_mb": round((top - start) / mb, 1),
        "kept_mb": round((resident() - start) / mb, 1),
        "cpu_s": round(cpu, 2),
    }


def _keras_files():
    """tests/keras_files.py, imported by its path: with MINIFIG_ROOT set, `tests` may be another tree's."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("keras_files", Path(__file__).with_name("keras_files.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


KERAS_FILES = _keras_files()


def main(paths: list[str]) -> None:
    good = KERAS_FILES.seed_file(compiled=True)
    for _ in range(3):
        outcome(good)
    for path in paths:
        print(json.dumps({"file": Path(path).name, **measure(Path(path).read_bytes())}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
