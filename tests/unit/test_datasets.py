"""The data sets: right shapes and answers, the same data for the same seed, and a preset figure that learns each."""

import subprocess
import sys

import numpy as np
import pytest

from minifig.cards import brick
from minifig.datasets import DATASETS, RECORDS, load, one_hot, small_or_big, split
from minifig.engine import Trainer
from minifig.fit_check import misfits
from minifig.i18n import STRINGS
from minifig.spec import FigureSpec, preset_figure, problems, seed_figure

GENERATED = [record.id for record in RECORDS if record.has_count]

# id: (inputs, label kind, classes, default number of examples)
SHAPES = {
    "seed": (1, "binary", 2, 10),
    "circle": (2, "binary", 2, 300),
    "xor": (2, "binary", 2, 300),
    "gauss": (2, "binary", 2, 300),
    "moons": (2, "binary", 2, 300),
    "spiral": (2, "binary", 2, 400),
    "blobs": (2, "classes", 3, 300),
    "sine": (1, "number", 0, 200),
    "plane": (2, "number", 0, 200),
    "digits": (64, "classes", 10, 1797),
}

# What each preset reaches with its own settings and seed: (figure, bound). Accuracy figures are lower
# bounds; "val_mse" (the validation loss of a mean-squared-error torso) is an upper bound.
PRESET_BOUNDS = {
    "seed": ("accuracy", 1.0),  # the lesson trains on all ten numbers, without a validation part
    "circle": ("val_accuracy", 0.9),
    "xor": ("val_accuracy", 0.9),
    "gauss": ("val_accuracy", 0.9),
    "moons": ("val_accuracy", 0.9),
    "spiral": ("val_accuracy", 0.9),
    "blobs": ("val_accuracy", 0.9),
    "sine": ("val_mse", 0.02),  # the noise alone (0.1²) costs 0.01
    "plane": ("val_mse", 0.02),
    "digits": ("val_accuracy", 0.9),
}


def test_every_registered_data_set_is_described_here():
    assert list(DATASETS) == list(SHAPES) == list(PRESET_BOUNDS)
    assert list(DATASETS) == [record.id for record in RECORDS]


@pytest.mark.parametrize("dataset_id", list(SHAPES))
def test_each_data_set_has_the_right_shapes_and_kind_of_answer(dataset_id):
    n_features, kind, n_classes, n_samples = SHAPES[dataset_id]
    data = load(dataset_id)
    assert data.id == dataset_id
    assert data.title_key == DATASETS[dataset_id].title_key
    assert data.x.shape == (n_samples, n_features) and data.x.dtype == np.float32
    assert data.y.shape == (n_samples,) and data.y.dtype == np.float32
    assert data.label_kind == kind and data.n_classes == n_classes and not data.one_hot
    assert np.isfinite(data.x).all() and np.isfinite(data.y).all()
    if kind != "number":
        assert set(np.unique(data.y)) == set(range(n_classes))  # every class is there, numbered from 0
        assert len(data.class_label_keys or data.class_names) == n_classes


def test_the_lessons_data_is_unchanged():
    data = load("seed")
    assert data.x[:, 0].tolist() == list(range(1, 11))
    assert data.y.tolist() == [0.0] * 5 + [1.0] * 5
    assert data.class_label_keys == ("label.small", "label.big")
    assert load("seed", seed=7).x.tolist() == small_or_big().x.tolist()


def test_points_in_the_plane_are_named_x1_and_x2():
    for dataset_id in ("circle", "xor", "gauss", "moons", "spiral", "blobs", "plane"):
        data = load(dataset_id)
        assert data.feature_names == ("x₁", "x₂") and data.feature_key == "feature.point", dataset_id


def test_digits_are_8x8_images_scaled_to_0_1():
    data = load("digits")
    assert data.image_shape == (8, 8)
    assert data.x.min() == 0.0 and data.x.max() == 1.0
    assert data.class_names == tuple("0123456789")
    assert not DATASETS["digits"].has_count and not DATASETS["digits"].has_noise


@pytest.mark.parametrize("dataset_id", GENERATED)
def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(dataset_id):
    first, again, other = load(dataset_id, seed=3), load(dataset_id, seed=3), load(dataset_id, seed=4)
    np.testing.assert_array_equal(first.x, again.x)
    np.testing.assert_array_equal(first.y, again.y)
    assert not np.array_equal(first.x, other.x)


@pytest.mark.parametrize("dataset_id", GENERATED)
def test_sample_count_and_noise_are_controls(dataset_id):
    record = DATASETS[dataset_id]
    assert record.has_count and record.has_noise
    assert len(load(dataset_id, n_samples=60).x) == 60
    calm = load(dataset_id, noise=record.noise.low, seed=1)
    noisy = load(dataset_id, noise=record.noise.high, seed=1)
    assert not np.array_equal(calm.x, noisy.x) or not np.array_equal(calm.y, noisy.y)


def test_settings_outside_their_bounds_are_refused():
    with pytest.raises(ValueError, match="n_samples"):
        load("circle", n_samples=10**6)
    with pytest.raises(ValueError, match="n_samples"):
        load("circle", n_samples=100.5)
    with pytest.raises(ValueError, match="noise"):
        load("circle", noise=-0.1)
    with pytest.raises(KeyError):
        load("no such data")


def test_the_answers_mean_what_their_labels_say():
    circle = load("circle", noise=0.0)
    radius = np.hypot(circle.x[:, 0], circle.x[:, 1])
    assert circle.class_label_keys == ("label.outside", "label.inside")
    assert radius[circle.y == 1].max() < radius[circle.y == 0].min()
    xor = load("xor", noise=0.05)
    assert ((xor.x[:, 0] * xor.x[:, 1] < 0) == (xor.y == 1)).all()
    gauss = load("gauss", noise=0.05)
    assert (gauss.x[gauss.y == 1] > 0).all() and (gauss.x[gauss.y == 0] < 0).all()
    moons = load("moons", noise=0.0)
    assert moons.class_label_keys == ("label.upper_moon", "label.lower_moon")
    assert moons.x[moons.y == 0, 1].mean() > moons.x[moons.y == 1, 1].mean()
    sine = load("sine", noise=0.0)
    np.testing.assert_allclose(sine.y, np.sin(sine.x[:, 0]), atol=1e-6)


def test_the_split_is_reproducible_from_the_seed():
    data = load("circle")
    first, again, other = split(data, 0.2, 42), split(data, 0.2, 42), split(data, 0.2, 43)
    assert len(first.x_val) == 60 and len(first.x_train) == 240
    np.testing.assert_array_equal(first.x_val, again.x_val)
    assert not np.array_equal(first.x_val, other.x_val)


@pytest.mark.parametrize("dataset_id", [record.id for record in RECORDS if record.id != "seed"])
def test_the_data_sets_code_makes_the_same_data(dataset_id):
    # The exported script uses this code when the data is too big to write out number by number.
    data = load(dataset_id, seed=5)
    names = {"np": np}
    exec(data.code, names)
    np.testing.assert_array_equal(names["X"], data.x)
    np.testing.assert_array_equal(names["Y"], data.y)


def test_one_hot_answers_suit_categorical_cross_entropy():
    blobs = load("blobs")
    hot = one_hot(blobs)
    assert hot.one_hot and hot.y.shape == (300, 3)
    np.testing.assert_array_equal(hot.y.argmax(axis=1), blobs.y)
    names = {"np": np}
    exec(hot.code, names)
    np.testing.assert_array_equal(names["Y"], hot.y)
    sparse = preset_figure("blobs")
    categorical = FigureSpec(sparse.head, brick("categorical_crossentropy"), sparse.legs)
    assert misfits(sparse, blobs) == [] and misfits(categorical, hot) == []
    assert [m.reason.key for m in misfits(categorical, blobs)] == ["misfit.not_one_hot"]
    with pytest.raises(ValueError, match="one-hot"):
        one_hot(load("sine"))


def test_the_seed_preset_is_the_lessons_figure():
    assert preset_figure("seed") == seed_figure()


@pytest.mark.parametrize("dataset_id", list(PRESET_BOUNDS))
def test_each_preset_fits_and_learns_its_data(dataset_id):
    preset, data = preset_figure(dataset_id), load(dataset_id)
    assert preset.dataset == dataset_id
    assert problems(preset) == []
    assert misfits(preset, data) == []
    if dataset_id != "seed":
        assert preset.training.validation_split == 0.2
    result = Trainer(preset, data).train(preset.training.epochs, preset.training.batch_size)
    last = result.logs[-1]
    assert len(result.logs) == preset.training.epochs and not result.stopped
    figure, bound = PRESET_BOUNDS[dataset_id]
    if figure == "accuracy":
        assert last.metric >= bound
    elif figure == "val_accuracy":
        assert last.val_metric >= bound
    else:
        assert preset.torso.card == "mse" and last.val_loss < bound


def test_making_the_registry_does_not_import_scikit_learn():
    # scikit-learn takes seconds to import; the page paints the lesson's data before it is needed.
    code = "import sys, minifig.datasets as d, minifig.spec as s; d.load('seed'); s.preset_figure('seed')"
    code += "; print('sklearn' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert done.stdout.strip() == "False"


# --- the sentences of the data sets ---------------------------------------------------------------


def test_every_key_a_data_set_names_has_a_sentence():
    table = STRINGS
    for record in RECORDS:
        data = load(record.id)
        for key in (record.title_key, data.feature_key, *data.class_label_keys):
            assert key in table, (record.id, key)
        for param in (record.n_samples, record.noise):
            assert param is None or f"field.{param.name}" in table
