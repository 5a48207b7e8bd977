"""Real `.keras` files and hostile variants of them, for the model-file tests, the fuzz tests and bench/readers.py.

A variant is made from a real file Keras saved: its zip members, its `config.json` or its weights (HDF5) are
rewritten, so every hostile file is otherwise exactly what a learner could download from the page.
"""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import h5py
import numpy as np

WEIGHTS = "model.weights.h5"


def saved(model) -> bytes:
    """The `.keras` file Keras writes for `model`."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.keras"
        model.save(path)
        return path.read_bytes()


def seed_file(compiled: bool = False) -> bytes:
    """The lesson's figure (five Dense bricks) as a `.keras` file; `compiled` adds its torso and legs."""
    from minifig.build import build_head, make_loss, make_optimizer
    from minifig.spec import seed_figure

    spec = seed_figure()
    model = build_head(spec, 1, seed=1)
    if compiled:
        model.compile(loss=make_loss(spec.torso), optimizer=make_optimizer(spec.legs))
    return saved(model)


def members(raw: bytes) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(raw))
    return {name: archive.read(name) for name in archive.namelist()}


def zipped(files: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=compression) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


def config_of(raw: bytes) -> dict:
    return json.loads(members(raw)["config.json"])


def with_config(raw: bytes, config: object) -> bytes:
    """The file with `config` as its `config.json` (any JSON value; numbers of any size are written as they are)."""
    return zipped({**members(raw), "config.json": json.dumps(config).encode()})


def with_weights(raw: bytes, weights: bytes) -> bytes:
    return zipped({**members(raw), WEIGHTS: weights})


def datasets(weights: bytes) -> dict[str, np.ndarray]:
    """Every dataset of a weights file by path, read (only for files Keras wrote)."""
    found = {}
    with h5py.File(io.BytesIO(weights), "r") as source:
        source.visititems(lambda path, item: found.update({path: item[()]}) if isinstance(item, h5py.Dataset) else None)
    return found


def rewritten(raw: bytes, change: Callable[[h5py.File], None], *, keep_data: bool = True) -> bytes:
    """The file with its weights copied into a fresh HDF5 file, then `change`d (e.g. a dataset declared anew).

    With `keep_data=False` every dataset is only declared, with its shape and type and nothing stored.
    """
    source = members(raw)[WEIGHTS]
    out = io.BytesIO()
    with h5py.File(io.BytesIO(source), "r") as old, h5py.File(out, "w") as new:

        def copy(path: str, item) -> None:
            if isinstance(item, h5py.Group):
                new.require_group(path).attrs.update(dict(item.attrs))
            elif keep_data:
                new.create_dataset(path, data=item[()])
            else:
                new.create_dataset(path, shape=item.shape, dtype=item.dtype)

        new.attrs.update(dict(old.attrs))
        old.visititems(copy)
        change(new)
    return with_weights(raw, out.getvalue())


def declared(path: str, shape: tuple[int, ...], dtype: str = "float32", **options) -> Callable[[h5py.File], None]:
    """A change for `rewritten`: the dataset at `path` declared anew with `shape` (nothing stored unless given)."""

    def change(weights: h5py.File) -> None:
        if path in weights:
            del weights[path]
        weights.create_dataset(path, shape=shape, dtype=dtype, **options)

    return change


def huge_kernels(raw: bytes, layers=("dense_1", "dense_2", "dense_3"), side: int = 10_000) -> bytes:
    """Issue 11, item 3: Dense kernels declared side × side in the weights, nothing stored: a ~2 KB file."""

    def change(weights: h5py.File) -> None:
        for layer in layers:
            declared(f"layers/{layer}/vars/0", (side, side))(weights)

    return rewritten(raw, change, keep_data=False)


def read_as_the_page_does(raw: bytes):
    """As components/take_home.py reads an upload: the file, its shapes against the data, the rebuilt figure, its
    weights. Returns the loaded model, or "wrong data" / "misfit" where the page refuses it; raises what the reader
    raises (a `ModelFileError` is the reader's refusal)."""
    from minifig.build import build_head
    from minifig.model_file import load_weights, read_model_file
    from minifig.shapes import flow
    from minifig.spec import preset_figure, seed_figure

    model_file = read_model_file(raw)
    bases = {1: seed_figure(), 2: preset_figure("moons"), 64: preset_figure("digits")}
    if model_file.n_features not in bases:
        return "wrong data"
    spec = model_file.figure(bases[model_file.n_features])
    if flow(spec, model_file.n_features).problems:
        return "misfit"
    model = build_head(spec, model_file.n_features, seed=1)
    load_weights(model, model_file.weights_h5)
    return model
