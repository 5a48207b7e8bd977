"""What one hostile upload costs the server: CPU seconds of the CSV reader, memory of the `.keras` reader (issue 11).

Each case runs in a process of its own, read with this tree's minifig and, with --before, with an earlier commit's
(checked out into a temporary folder), so the two can be compared on the same files. Prints one JSON line per case:
{"reader", "case", "bytes", then per tree "<tree>_cpu_s" and, for `.keras` files, "<tree>_peak_mb" / "<tree>_kept_mb"
(resident memory above the start, at its highest while reading and after a full garbage collection) and
"<tree>_outcome"}. A CSV case still running after --timeout seconds is stopped and reported with the CPU it had used.

    .venv/bin/python bench/readers.py [--before 0e4df13] [--timeout 300]

Measured on the 2-core development machine (shared and very busy: wall time ran ~10× CPU time), before = 0e4df13:
- CSV header `a,a,…` × 2000 (8 KB): 11.9 s → 0.00 s CPU; × 3000 (12 KB): 31.6 s CPU and still running when stopped
  after 300 s → 0.00 s; one row of 100,000 numbers (no header, 200 KB): 24.8 s CPU, still running when stopped → 0.01 s.
- CSV of 1,000,000 one-cell rows (2 MB): 3.75 s → 0.14 s; 499,000 rows `1,0`: 2.07 s → 0.12 s; 5,000 × 65 numbers
  (the biggest table that is read): 0.28 s → 0.35 s.
- `.keras` of 1.9 KB declaring three Dense kernels 10000 × 10000: peak +2353 MB, kept +1590 MB after a full GC, 8.7 s
  CPU → +0 MB, +0 MB, 0.14 s. (Four kernels 20000 × 20000, tests/unit/test_fuzz_readers.py's memory corpus: peak
  +11.1 GB, kept +8.1 GB, 63 s → +0 MB; the worst of its 43 files now: peak +28.9 MB, a weights member of zeros up
  to the 16 MB unpacked cap.)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CSV_CHILD = """
import resource, sys, json
sys.path.insert(0, sys.argv[1])
from minifig.csv_data import read_csv
raw = open(sys.argv[2], "rb").read()
usage = lambda: sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
start = usage()
result = read_csv(raw, "bench.csv")
print(json.dumps({"cpu_s": round(usage() - start, 2), "outcome": [p.key for p in result.problems][:1] or "read"}))
"""


def csv_cases() -> dict[str, bytes]:
    numbers = "\n".join(",".join(["1.25"] * 64 + [str(i % 2)]) for i in range(5000))
    return {
        "header a,a,… × 2000": ",".join(["a"] * 2000).encode() + b"\n" + ",".join(["1"] * 2000).encode(),
        "header a,a,… × 3000": ",".join(["a"] * 3000).encode() + b"\n" + ",".join(["1"] * 3000).encode(),
        "1,000,000 one-cell rows": b"1\n" * 999_000,
        "499,000 rows x,y": b"x,y\n" + b"1,0\n" * 499_000,
        "one row of 100,000 numbers": ",".join(["1"] * 100_000).encode(),
        "5,000 rows × 65 numbers": (",".join(f"c{i}" for i in range(65)) + "\n" + numbers).encode(),
    }


def keras_cases() -> dict[str, bytes]:
    from tests.keras_files import huge_kernels, seed_file

    good = seed_file(compiled=True)
    return {"good seed figure": good, "three kernels declared 10000×10000": huge_kernels(seed_file())}


def run_csv(tree: Path, path: Path, timeout: float) -> dict:
    """The reader's CPU seconds and first problem; past `timeout` (wall) seconds, the CPU it had used by then."""
    before = children_cpu()
    try:
        done = subprocess.run(
            [sys.executable, "-c", CSV_CHILD, str(tree), str(path)], capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:  # killed and waited for: its CPU is in the children's usage
        return {"cpu_s": round(children_cpu() - before, 1), "outcome": f"stopped after {timeout:g} s"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_keras(tree: Path, paths: list[Path], timeout: float) -> list[dict]:
    probe = ROOT / "tests" / "keras_memory_probe.py"
    env = {**os.environ, "MINIFIG_ROOT": str(tree)}
    done = subprocess.run(
        [sys.executable, str(probe), *map(str, paths)], capture_output=True, text=True, timeout=timeout, env=env
    )
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def checkout(commit: str, folder: Path) -> Path:
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", help="an earlier commit to compare with")
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        trees = {"now": ROOT}
        if args.before:
            (folder / "before").mkdir()
            trees = {"before": checkout(args.before, folder / "before"), **trees}
        for name, raw in csv_cases().items():
            path = folder / "case.csv"
            path.write_bytes(raw)
            line = {"reader": "csv", "case": name, "bytes": len(raw)}
            for tree_name, tree in trees.items():
                figures = run_csv(tree, path, args.timeout)
                line.update({f"{tree_name}_cpu_s": figures["cpu_s"], f"{tree_name}_outcome": figures["outcome"]})
            print(json.dumps(line, ensure_ascii=False), flush=True)
        files = keras_cases()
        paths = []
        for i, raw in enumerate(files.values()):
            paths.append(folder / f"case{i}.keras")
            paths[-1].write_bytes(raw)
        lines = [{"reader": "keras", "case": name, "bytes": len(raw)} for name, raw in files.items()]
        for tree_name, tree in trees.items():
            for line, figures in zip(lines, run_keras(tree, paths, args.timeout * len(paths)), strict=True):
                line.update({f"{tree_name}_{key}": value for key, value in figures.items() if key != "file"})
        for line in lines:
            print(json.dumps(line, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
