"""What the room costs a server: one poster write of N learners' progress (each with a trained history), and a
learner's `note` per epoch, in CPU seconds; in memory and, with --redis URL, in Redis.

    .venv/bin/python bench/room_cost.py [--learners 30] [--epochs 100] [--redis redis://127.0.0.1:6379/0]

Prints one JSON line. The poster writes once a second, so its share of one core is `flush_cpu_ms / 1000`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from minifig import challenge, room  # noqa: E402
from minifig.room_store import MemoryStore, Poster, RedisStore  # noqa: E402
from minifig.spec import seed_figure  # noqa: E402


class Log:  # an engine.EpochLog without importing TensorFlow
    def __init__(self, epoch: int):
        self.epoch, self.loss, self.metric, self.val_loss, self.val_metric = epoch, 0.5 / epoch, 0.9, None, None


def measure(store, learners: int, epochs: int, rounds: int = 50) -> dict:
    seed = seed_figure()
    made = challenge.Challenge(seed.dataset, "loss", 0.1, validation_split=0.0)
    history = [Log(i + 1) for i in range(epochs)]
    poster = Poster(store, background=False)
    members = [room.Member(f"Learner {i}") for i in range(learners)]

    def note_all() -> None:
        for member in members:
            poster.note(
                "bench",
                member.id,
                lambda now, m=member: m.entry(made, seed, history, "accuracy", False, True, now),
                live=True,
            )

    started = time.process_time()
    for _ in range(rounds * 100):
        poster.note("bench", members[0].id, lambda now: {}, live=False)
    note_us = (time.process_time() - started) / (rounds * 100) * 1e6
    note_all()
    started, wall = time.process_time(), time.perf_counter()
    for _ in range(rounds):
        poster.flush()
    flush_cpu_ms = (time.process_time() - started) / rounds * 1000
    flush_wall_ms = (time.perf_counter() - wall) / rounds * 1000
    entry_bytes = len(json.dumps(members[0].entry(made, seed, history, "accuracy", False, True, 0.0)))
    return {
        "note_us": round(note_us, 1),
        "flush_cpu_ms": round(flush_cpu_ms, 2),
        "flush_wall_ms": round(flush_wall_ms, 2),
        "entry_bytes": entry_bytes,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--learners", type=int, default=30)
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--redis", help="a Redis to measure too (its database is written to: use a scratch one)")
    args = parser.parse_args()
    figures = {
        "learners": args.learners,
        "epochs": args.epochs,
        "memory": measure(MemoryStore(), args.learners, args.epochs),
    }
    if args.redis:
        figures["redis"] = measure(RedisStore(args.redis), args.learners, args.epochs)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
