"""The exported script runs as plain Python (no Streamlit) and builds the same figure the app does."""

import json
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from minifig.build import build_head
from minifig.codegen import python_script
from minifig.datasets import DATASETS, load
from minifig.spec import FigureSpec, Training, preset_figure, seed_figure

RUNNER = textwrap.dedent(
    """
    import json, runpy, sys
    names = runpy.run_path(sys.argv[1])
    model, history = names["model"], names["history"]
    print("RESULT " + json.dumps({
        "params": model.count_params(),
        "layers": [layer.__class__.__name__ for layer in model.layers],
        "history": {name: values[-1] for name, values in history.history.items()},
        "answer": float(model.predict(names["question"], verbose=0).ravel()[0]),
        "statistics": [
            [w.tolist() for w in layer.get_weights()[:2]]
            for layer in model.layers if layer.__class__.__name__ == "Normalization"
        ],
    }))
    """
)


def run_exported(spec, data, tmp_path, lang="en") -> dict:
    script = tmp_path / "figure.py"
    script.write_text(python_script(spec, data, lang), encoding="utf-8")
    runner = tmp_path / "runner.py"
    runner.write_text(RUNNER)
    done = subprocess.run([sys.executable, runner, script], capture_output=True, text=True, timeout=300, check=True)
    line = next(line for line in done.stdout.splitlines() if line.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_exported_seed_script_trains_like_the_app(tmp_path, lang):
    spec, data = seed_figure(), load("seed")
    result = run_exported(spec, data, tmp_path, lang)
    app_model = build_head(spec, data.n_features)
    assert result["params"] == app_model.count_params()
    assert result["layers"] == [layer.__class__.__name__ for layer in app_model.layers]
    assert result["history"]["accuracy"] == 1.0
    assert result["answer"] < 0.2  # asked 3: small


def test_exported_script_keeps_the_validation_split(tmp_path):
    spec = seed_figure()
    spec = FigureSpec(spec.head, spec.torso, spec.legs, spec.dataset, Training(epochs=3, validation_split=0.2))
    assert "val_loss" in run_exported(spec, load("seed"), tmp_path)["history"]


def test_comments_follow_the_language():
    spec, data = seed_figure(), load("seed")
    assert "# The head (network)" in python_script(spec, data, "en")
    assert "# 머리(신경망)" in python_script(spec, data, "ko")
    assert 'layers.Dense(units=1, activation="sigmoid")' in python_script(spec, data, "en")


QUICK_PRESETS = {"seed", "digits", "xor", "gauss", "blobs", "plane"}  # yes/no, classes, images, the plane, numbers


@pytest.mark.parametrize(
    "dataset_id", [pytest.param(d, marks=() if d in QUICK_PRESETS else pytest.mark.slow) for d in DATASETS]
)
def test_every_presets_exported_script_trains_to_its_bound(tmp_path, dataset_id):
    """The script alone (Keras's own fit, no Streamlit, no engine) builds the app's model and learns the data."""
    from tests.unit.test_datasets import PRESET_BOUNDS

    spec, data = preset_figure(dataset_id), load(dataset_id)
    result = run_exported(spec, data, tmp_path)
    app_model = build_head(spec, data.n_features)
    assert result["params"] == app_model.count_params()
    assert result["layers"] == [layer.__class__.__name__ for layer in app_model.layers]
    figure, bound = PRESET_BOUNDS[dataset_id]
    if figure == "val_mse":
        assert result["history"]["val_loss"] <= bound
    else:
        assert result["history"][figure] >= bound - 0.05  # Keras shuffles its own way; the engine's bound is exact


def wine_figure():
    """scikit-learn's wine table as the learner's CSV, and the issue's figure with a Normalization brick first."""
    import sklearn.datasets

    from minifig.cards import brick
    from minifig.csv_data import read_csv

    raw = sklearn.datasets.load_wine(as_frame=True).frame.to_csv(index=False).encode()
    data = read_csv(raw, "wine.csv").dataset
    head = (
        brick("normalization"),
        brick("dense", units=64, activation="relu"),
        brick("dense", units=64, activation="relu"),
        brick("dense", units=3, activation="softmax"),
    )
    training = Training(epochs=100, batch_size=10, validation_split=0.2, seed=42)
    spec = FigureSpec(head, brick("sparse_categorical_crossentropy"), brick("adam"), "csv", training)
    return spec, data


def test_exported_normalization_measures_the_pages_training_part_and_learns_as_the_page_does(tmp_path):
    from minifig.engine import Trainer

    spec, data = wine_figure()
    script = python_script(spec, data, "en")
    assert "    layers.Normalization()," in script and "model.layers[0].adapt(X_train)" in script
    result = run_exported(spec, data, tmp_path)
    trainer = Trainer(spec, data)
    (statistics,) = result["statistics"]
    mean, variance, _count = trainer.model.layers[0].get_weights()
    np.testing.assert_allclose(statistics[0], mean, rtol=1e-5)  # the same training part, measured the same way
    np.testing.assert_allclose(statistics[1], variance, rtol=1e-5)
    assert result["params"] == trainer.model.count_params()
    page = trainer.train(100, 10).logs[-1].val_metric
    script_accuracy = result["history"]["val_accuracy"]
    assert page >= 0.9 and script_accuracy >= 0.9
    assert abs(script_accuracy - page) <= 0.06  # Keras shuffles its own way: 36 bottles, within two of them


def test_a_normalization_brick_further_down_measures_what_the_bricks_above_give(tmp_path):
    from minifig.cards import brick
    from minifig.engine import Trainer

    base = seed_figure()
    head = (
        brick("dense", units=4, activation="tanh"),
        brick("normalization"),
        brick("dense", units=1, activation="sigmoid"),
    )
    spec = FigureSpec(head, base.torso, base.legs, "seed", Training(epochs=2, batch_size=5))
    data = load("seed")
    assert "model.layers[1].adapt(keras.Sequential(model.layers[:1])(X_train))" in python_script(spec, data, "en")
    (statistics,) = run_exported(spec, data, tmp_path)["statistics"]
    mean = Trainer(spec, data).model.layers[1].get_weights()[0]
    np.testing.assert_allclose(statistics[0], mean, rtol=1e-4, atol=1e-6)  # same seed: same Dense above, same numbers
