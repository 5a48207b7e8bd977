"""A learner who builds, trains and resets a figure a hundred times does not grow the server's memory.

Each cycle runs in a thread of its own, as each page run does in Streamlit, and nothing calls `gc.collect()` or
`keras.backend.clear_session()`: the server does neither between runs (`components/server.py`,
`runner.postScriptGC = false`), so Python's own collector and TensorFlow's release of freed functions must keep up.
"""

from __future__ import annotations

import threading

from minifig.datasets import load
from minifig.engine import Trainer
from minifig.spec import seed_figure

CYCLES = 100
WARM_UP = 10  # TensorFlow's and Keras's one-off caches fill in the first cycles
EPOCHS = 20
GROWTH_LIMIT_MB = 100


def test_a_hundred_build_train_reset_cycles_grow_memory_by_less_than_100_mb():
    spec = seed_figure()
    data = load(spec.dataset, None, None, spec.training.seed)
    losses = []

    def cycle() -> None:
        trainer = Trainer(spec, data)  # Compile
        trainer.train(EPOCHS, spec.training.batch_size)  # Train
        losses.append(trainer.history[-1].loss)
        trainer.reset()  # Reset weights: a fresh head and optimizer (the epoch is traced again on the next Train)

    def in_a_page_run() -> None:
        thread = threading.Thread(target=cycle)
        thread.start()
        thread.join()

    for _ in range(WARM_UP):
        in_a_page_run()
    before = rss_mb()
    for _ in range(CYCLES):
        in_a_page_run()
    grown = rss_mb() - before
    assert len(losses) == WARM_UP + CYCLES and len(set(losses)) == 1  # every cycle trained the same figure alike
    assert grown <= GROWTH_LIMIT_MB, f"{CYCLES} cycles grew memory by {grown:.0f} MB"


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024
