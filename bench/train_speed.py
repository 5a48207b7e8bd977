"""Training and prediction speed of the engine against plain Keras, measured side by side in one run.

Prints one JSON line per case: {"case", "engine_s", "keras_s", "ratio"} (medians of several repeats).
Targets (issue 2): seed_warm ≤ 0.05, seed_cold ≤ 0.2, medium ≤ 1, predict ≤ 0.1.
Issue 4: digits (the preset, Dense) and digits_conv (Conv2D head) ≤ 1: the engine no slower than `model.fit`.
Both sides train on the same training part and measure the same validation part.

    .venv/bin/python bench/train_speed.py [--repeats N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from minifig import build  # noqa: E402
from minifig.cards import brick  # noqa: E402
from minifig.datasets import Dataset, load, split  # noqa: E402
from minifig.engine import Trainer  # noqa: E402
from minifig.spec import FigureSpec, Training, preset_figure, seed_figure  # noqa: E402

keras = build.keras


def medium_case() -> tuple[FigureSpec, Dataset]:
    """≈1,800 samples × 64 features, Dense 128×2, 20 epochs in batches of 32."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=(1800, 64)).astype("float32")
    y = (x @ rng.normal(size=64) > 0).astype("float32")
    data = Dataset("medium", "dataset.seed", x, y, "binary", n_classes=2)
    spec = FigureSpec(
        head=(brick("dense", units=128), brick("dense", units=128), brick("dense", units=1, activation="sigmoid")),
        torso=brick("binary_crossentropy"),
        legs=brick("adam"),
        training=Training(epochs=20, batch_size=32),
    )
    return spec, data


def conv_digits() -> FigureSpec:
    """The digits with an image head: Conv2D 8 → MaxPooling2D → Flatten → Dense(10, softmax), 10 epochs."""
    head = (brick("conv2d"), brick("maxpool"), brick("flatten"), brick("dense", units=10, activation="softmax"))
    spec = preset_figure("digits")
    return replace(spec, head=head, training=replace(spec.training, epochs=10))


def keras_model(spec: FigureSpec, data: Dataset):
    model = build.build_head(spec, data.n_features, seed=spec.training.seed)
    model.compile(loss=build.make_loss(spec.torso), optimizer=build.make_optimizer(spec.legs), metrics=["accuracy"])
    return model


def timed(run) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def fit_time(spec: FigureSpec, data: Dataset, warm: bool) -> tuple[float, float]:
    """Seconds for the spec's epochs with (engine, keras); warm runs one epoch first, cold includes building."""
    epochs, batch = spec.training.epochs, spec.training.batch_size
    parts = split(data, spec.training.validation_split, spec.training.seed)
    x, y = parts.x_train, parts.y_train.reshape(-1, 1)
    validation = (parts.x_val, parts.y_val.reshape(-1, 1)) if len(parts.x_val) else None

    def keras_fit(model, n):
        return model.fit(x, y, epochs=n, batch_size=batch, validation_data=validation, verbose=0)

    if warm:
        trainer = Trainer(spec, data)
        trainer.train(1, batch)
        model = keras_model(spec, data)
        keras_fit(model, 1)
        return timed(lambda: trainer.train(epochs, batch)), timed(lambda: keras_fit(model, epochs))
    return (
        timed(lambda: Trainer(spec, data).train(epochs, batch)),
        timed(lambda: keras_fit(keras_model(spec, data), epochs)),
    )


def predict_time(calls: int = 30) -> tuple[float, float]:
    """Seconds per single-input prediction, as the slider asks: (engine, `model.predict`)."""
    trainer = Trainer(seed_figure(), load("seed"))
    one = np.array([[3.0]], dtype="float32")
    trainer.predict(one)
    trainer.model.predict(one, verbose=0)
    return (
        statistics.median(timed(lambda: trainer.predict(one)) for _ in range(calls)),
        statistics.median(timed(lambda: trainer.model.predict(one, verbose=0)) for _ in range(calls)),
    )


def report(case: str, runs: list[tuple[float, float]]) -> None:
    engine = statistics.median(r[0] for r in runs)
    reference = statistics.median(r[1] for r in runs)
    line = {"case": case, "engine_s": round(engine, 5), "keras_s": round(reference, 5)}
    print(json.dumps({**line, "ratio": round(engine / reference, 4)}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    repeats = parser.parse_args().repeats
    seed, data = seed_figure(), load("seed")
    report("seed_warm", [fit_time(seed, data, warm=True) for _ in range(repeats)])
    report("seed_cold", [fit_time(seed, data, warm=False) for _ in range(repeats)])
    report("medium", [fit_time(*medium_case(), warm=False) for _ in range(repeats)])
    digits = load("digits")
    report("digits", [fit_time(preset_figure("digits"), digits, warm=False) for _ in range(repeats)])
    report("digits_conv", [fit_time(conv_digits(), digits, warm=False) for _ in range(repeats)])
    report("predict", [predict_time() for _ in range(repeats)])


if __name__ == "__main__":
    main()
