"""Uploaded .keras files: good ones round-trip, hostile and broken ones are refused without running anything."""

import io
import json
import zipfile

import keras
import numpy as np
import pytest

from minifig.build import build_head, make_loss, make_optimizer
from minifig.cards import brick
from minifig.model_file import MAX_FILE_BYTES, ModelFileError, load_weights, read_model_file
from minifig.spec import FigureSpec, seed_figure


def keras_bytes(model, tmp_path) -> bytes:
    path = tmp_path / "model.keras"
    model.save(path)
    return path.read_bytes()


def refusal(raw: bytes) -> str:
    with pytest.raises(ModelFileError) as refused:
        read_model_file(raw)
    return refused.value.problems[0].key


def test_good_model_round_trips_to_the_same_predictions(tmp_path):
    spec = FigureSpec(
        head=(
            brick("dense", units=8, activation="tanh"),
            brick("batchnorm"),
            brick("dropout", rate=0.3),
            brick("dense", units=1, activation="sigmoid"),
        ),
        torso=brick("binary_crossentropy"),
        legs=brick("sgd", learning_rate=0.05, momentum=0.5),
    )
    model = build_head(spec, 2, seed=5)
    model.compile(loss=make_loss(spec.torso), optimizer=make_optimizer(spec.legs))
    loaded = read_model_file(keras_bytes(model, tmp_path))
    assert loaded.head == spec.head and loaded.n_features == 2
    assert loaded.torso == spec.torso and loaded.legs.card == "sgd"
    assert loaded.legs.params["learning_rate"] == pytest.approx(0.05)
    rebuilt = build_head(loaded.figure(seed_figure()), 2, seed=99)
    load_weights(rebuilt, loaded.weights_h5)
    x = np.random.default_rng(0).normal(size=(6, 2)).astype("float32")
    np.testing.assert_allclose(rebuilt(x), model(x), rtol=1e-6)


def test_lambda_layer_with_code_is_refused(tmp_path):
    model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Lambda(lambda x: x * 2), keras.layers.Dense(1)])
    assert refusal(keras_bytes(model, tmp_path)) == "model.unknown_layer"


def test_custom_object_is_refused(tmp_path):
    @keras.saving.register_keras_serializable(package="evil")
    class Sneaky(keras.layers.Layer):
        def call(self, x):
            return x

    model = keras.Sequential([keras.Input(shape=(1,)), Sneaky(), keras.layers.Dense(1)])
    assert refusal(keras_bytes(model, tmp_path)) == "model.unknown_layer"


def test_custom_activation_object_is_refused(tmp_path):
    model = build_head(seed_figure(), 1)
    raw = keras_bytes(model, tmp_path)
    archive = zipfile.ZipFile(io.BytesIO(raw))
    config = json.loads(archive.read("config.json"))
    config["config"]["layers"][1]["config"]["activation"] = {"module": "os", "class_name": "system", "config": {}}
    assert refusal(rezip(archive, {"config.json": json.dumps(config).encode()})) == "model.unknown_layer"


def rezip(archive: zipfile.ZipFile, replace: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in archive.namelist():
            target.writestr(name, replace.get(name, archive.read(name)))
    return out.getvalue()


@pytest.mark.parametrize(
    "junk",
    [b"", b"hello, I am a CSV\n1,2,3\n", bytes(range(256)) * 40, b"PK\x03\x04" + b"\x00" * 100],
    ids=["empty", "text", "binary", "zip-header-only"],
)
def test_junk_files_are_refused(junk):
    assert refusal(junk) == "model.not_keras"


def test_truncated_model_is_refused(tmp_path):
    raw = keras_bytes(build_head(seed_figure(), 1), tmp_path)
    assert refusal(raw[: len(raw) // 2]) == "model.not_keras"


def test_zip_bomb_is_refused_before_unpacking():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("config.json", b"{}")
        bomb.writestr("model.weights.h5", b"\x00" * 60_000_000)
    assert len(out.getvalue()) < MAX_FILE_BYTES
    assert refusal(out.getvalue()) == "model.too_big"


def test_huge_file_is_refused():
    assert refusal(b"\x00" * (MAX_FILE_BYTES + 1)) == "model.too_big"


def test_extra_members_are_refused(tmp_path):
    archive = zipfile.ZipFile(io.BytesIO(keras_bytes(build_head(seed_figure(), 1), tmp_path)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in archive.namelist():
            target.writestr(name, archive.read(name))
        target.writestr("payload.py", b"import os")
    assert refusal(out.getvalue()) == "model.not_keras"


def test_out_of_bounds_units_are_refused(tmp_path):
    spec = FigureSpec(head=(brick("dense", units=600),))
    model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(600)])
    assert refusal(keras_bytes(model, tmp_path)) == "problem.too_large"
    assert spec.head[0].params["units"] == 600


def test_weights_that_do_not_fit_are_refused(tmp_path):
    loaded = read_model_file(keras_bytes(build_head(seed_figure(), 1), tmp_path))
    other = build_head(FigureSpec(head=(brick("dense", units=3), brick("dense", units=1))), 1)
    with pytest.raises(ModelFileError) as refused:
        load_weights(other, loaded.weights_h5)
    assert refused.value.problems[0].key == "model.bad_weights"


def test_conv_head_round_trips_through_its_file(tmp_path):
    """A Conv2D head's file starts with the Reshape Minifig adds; it reads back as the same bricks and answers."""
    from dataclasses import replace

    import numpy as np

    from minifig.datasets import load, preset_figure

    head = (
        brick("conv2d", filters=4),
        brick("maxpool"),
        brick("flatten"),
        brick("dense", units=10, activation="softmax"),
    )
    spec = replace(preset_figure("digits"), head=head)
    model = build_head(spec, 64, seed=3)
    loaded = read_model_file(keras_bytes(model, tmp_path))
    assert loaded.head == head and loaded.n_features == 64
    rebuilt = build_head(loaded.figure(spec), 64, seed=99)
    load_weights(rebuilt, loaded.weights_h5)
    images = load("digits").x[:5]
    assert np.allclose(rebuilt.predict(images, verbose=0), model.predict(images, verbose=0), atol=1e-6)


def test_loaded_figure_keeps_the_eyes_and_data_settings(tmp_path):
    from dataclasses import replace

    from minifig.datasets import preset_figure

    base = replace(preset_figure("circle"), eyes=("x1sq", "x2sq"), samples=150, noise=0.2)
    loaded = read_model_file(keras_bytes(build_head(base, 2), tmp_path))
    assert loaded.figure(base).eyes == ("x1sq", "x2sq") and loaded.figure(base).samples == 150


def test_conv_with_a_setting_the_brick_lacks_is_refused(tmp_path):
    model = keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Reshape((8, 8, 1)),
            keras.layers.Conv2D(4, 3, strides=2, padding="same"),
            keras.layers.Flatten(),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    with pytest.raises(ModelFileError):
        read_model_file(keras_bytes(model, tmp_path))
