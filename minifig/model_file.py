"""Reading a learner's `.keras` file without ever letting it run code.

Size: a security boundary kept whole in one file so it can be reviewed at once: the zip, the config and
the weights checks.

`keras.saving.load_model` is never given an uploaded file: its safe mode has been bypassed again and
again (CVE-2024-3660, CVE-2025-1550, CVE-2025-8747, CVE-2025-9905, CVE-2025-9906, CVE-2026-1462).
Instead the archive is opened as a plain zip within size limits, its `config.json` read as plain
JSON, and only catalogue layers with in-bounds settings are accepted. The figure is rebuilt from the
catalogue. Before any weight is read, every object in the weights file (HDF5) is checked against the
rebuilt model's variables: plain links only, each dataset stored plainly (no chunks, filters, external
or virtual storage) with the very shape and type the model has, nothing missing, nothing extra but the
optimizer's own state (never read). Only then are the numbers copied, into a file Keras wrote itself for
the rebuilt model, which Keras loads. Anything else is refused with the reasons, as `Message`s: a file
that declares huge datasets costs nothing.
"""

from __future__ import annotations

import io
import json
import lzma
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

from minifig.cards import CARDS, LAYER, LOSS, OPTIMIZER, Brick
from minifig.i18n import Message
from minifig.spec import MAX_LAYERS, FigureSpec, SpecError, from_dict

MAX_FILE_BYTES = 5_000_000
MAX_UNPACKED_BYTES = 16_000_000  # ~5 MB of incompressible numbers, plus zeros (an untrained optimizer's state)
MAX_H5_OBJECTS = 2_000  # groups and datasets in the weights file: a catalogue figure with its optimizer has < 200
MAX_H5_DEPTH = 8
MAX_CONFIG_BYTES = 1_000_000
MAX_FEATURES = 4096
MEMBERS = {"config.json", "metadata.json", "model.weights.h5"}
_BY_CLASS = {(card.kind, card.keras_class): card for card in CARDS}


class ModelFileError(ValueError):
    def __init__(self, problems: list[Message]):
        super().__init__("; ".join(p.text("en") for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class ModelFile:
    """What a `.keras` file holds, in catalogue terms: the figure's parts, its input width and its weights."""

    head: tuple[Brick, ...]
    torso: Brick | None
    legs: Brick | None
    n_features: int
    weights_h5: bytes

    def figure(self, base: FigureSpec) -> FigureSpec:
        """`base` with this file's head, and its torso and legs where the file has them."""
        return replace(base, head=self.head, torso=self.torso or base.torso, legs=self.legs or base.legs)


def read_model_file(raw: bytes) -> ModelFile:
    """The catalogue figure and weights in a `.keras` file.

    Raises:
        ModelFileError: the file is too big, not a Keras archive, or holds anything outside the catalogue.
    """
    if len(raw) > MAX_FILE_BYTES:
        raise _refuse("model.too_big", mb=MAX_FILE_BYTES // 1_000_000)
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise _refuse("model.not_keras") from None
    names = {info.filename for info in infos}
    if not {"config.json", "model.weights.h5"} <= names or not names <= MEMBERS or len(infos) != len(names):
        raise _refuse("model.not_keras")
    if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
        raise _refuse("model.too_big", mb=MAX_FILE_BYTES // 1_000_000)
    config = _json(_read(archive, "config.json", MAX_CONFIG_BYTES))
    head, n_features = _head(config)
    weights = _read(archive, "model.weights.h5", MAX_UNPACKED_BYTES)
    compiled = config.get("compile_config") if isinstance(config.get("compile_config"), dict) else {}
    torso = _part(compiled.get("loss"), LOSS, "keras.losses", {})
    legs = _part(compiled.get("optimizer"), OPTIMIZER, "keras.optimizers", {"learning_rate": "learning_rate"})
    raw_spec = {"head": [b.to_dict() for b in head], "torso": torso, "legs": legs}
    try:
        spec = from_dict({k: v for k, v in raw_spec.items() if v is not None})
    except SpecError as error:
        raise ModelFileError(error.problems) from None
    return ModelFile(spec.head, spec.torso, spec.legs, n_features, weights)


def load_weights(model, weights_h5: bytes) -> None:
    """Put the file's weights into a model rebuilt from the catalogue; every dataset must be what the model expects.

    Nothing is read from the file until every dataset's shape, type and storage has been checked
    against the model's variables (see the module's docstring).

    Raises:
        ModelFileError: the weights do not fit the rebuilt model, or are not readable.
    """
    import h5py

    with tempfile.TemporaryDirectory() as folder:
        clean = Path(folder) / "rebuilt.weights.h5"
        try:
            model.save_weights(clean)  # the layout Keras reads back for this model, written by Keras itself
            with h5py.File(io.BytesIO(weights_h5), "r") as uploaded, h5py.File(clean, "r+") as rebuilt:
                wanted = _datasets(rebuilt)
                given = _datasets(uploaded)
                _check_weights(given, wanted)
                for path, dataset in wanted.items():
                    dataset[...] = given[path][()]  # the same shape and type as the model's: a bounded read
        except ModelFileError:
            raise
        except Exception:  # any failure of HDF5 to read the file is the file's fault
            raise _refuse("model.bad_weights") from None
        try:
            model.load_weights(clean)
        except Exception:  # the numbers were checked; a failure here is still the file's, never the page's
            raise _refuse("model.bad_weights") from None


def _datasets(root) -> dict:
    """Every dataset under `root` by path, without reading one; refused if anything but plain groups and datasets.

    Raises:
        ModelFileError: a soft or external link, a named type, a dataset stored in chunks, with filters,
            outside the file or virtually, or more objects or depth than a catalogue figure's file has.
    """
    import h5py

    found, waiting, seen = {}, [(root, "", 0)], 0
    while waiting:
        group, prefix, depth = waiting.pop()
        for name in group:
            seen += 1
            if seen > MAX_H5_OBJECTS or depth >= MAX_H5_DEPTH:
                raise _refuse("model.bad_weights")
            if not isinstance(group.get(name, getlink=True), h5py.HardLink):
                raise _refuse("model.bad_weights")  # a link could reach another file or loop
            item, path = group[name], f"{prefix}{name}"
            if isinstance(item, h5py.Group):
                waiting.append((item, f"{path}/", depth + 1))
            elif isinstance(item, h5py.Dataset) and _stored_plainly(item):
                found[path] = item
            else:
                raise _refuse("model.bad_weights")
    return found


def _stored_plainly(dataset) -> bool:
    """Stored in the file as written, in one piece: no chunks, compression or other filters, external or virtual."""
    import h5py

    plist = dataset.id.get_create_plist()
    return (
        plist.get_layout() in (h5py.h5d.CONTIGUOUS, h5py.h5d.COMPACT)
        and plist.get_nfilters() == 0
        and plist.get_external_count() == 0
    )


_OPTIMIZER = "optimizer/"  # the optimizer's own state (step count, moments): allowed, never read


def _check_weights(given: dict, wanted: dict) -> None:
    """Refuses unless `given` has every dataset of `wanted` with its shape and type, and nothing else.

    Besides the model's datasets, a file saved after training holds its optimizer's state: a few
    numbers and, for each variable, moments of the variable's shape. Those are only counted and
    checked for shape and type; the rebuilt figure gets fresh legs.
    """
    shapes = {dataset.shape for dataset in wanted.values()} | {()}
    for path, dataset in given.items():
        if path in wanted:
            ok = dataset.shape == wanted[path].shape and dataset.dtype == wanted[path].dtype
        else:
            ok = path.startswith(_OPTIMIZER) and dataset.shape in shapes and dataset.dtype in ("float32", "int64")
        if not ok:
            raise _refuse("model.bad_weights")
    optimizer_state = sum(path.startswith(_OPTIMIZER) for path in given)
    if not wanted.keys() <= given.keys() or optimizer_state > 8 + 4 * len(wanted):
        raise _refuse("model.bad_weights")


def _refuse(key: str, **values) -> ModelFileError:
    return ModelFileError([Message(key, values)])


def _read(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """A member's bytes, read in chunks so a zip bomb cannot unpack past `limit`."""
    try:
        with archive.open(name) as member:
            data = member.read(limit + 1)
    except (
        zipfile.BadZipFile,
        OSError,
        EOFError,
        RuntimeError,
        ValueError,
        NotImplementedError,
        zlib.error,
        lzma.LZMAError,
    ):
        raise _refuse("model.not_keras") from None  # a damaged archive: e.g. a member's offset before the file starts
    if len(data) > limit:
        raise _refuse("model.too_big", mb=MAX_FILE_BYTES // 1_000_000)
    return data


def _json(data: bytes) -> dict:
    try:
        config = json.loads(data)
    except (ValueError, RecursionError):
        raise _refuse("model.not_keras") from None
    if not isinstance(config, dict):
        raise _refuse("model.not_keras")
    return config


def _at(record: object, *keys: str) -> object:
    """`record[key][key]…` of plain JSON, or None where a level is missing or not an object."""
    for key in keys:
        if not isinstance(record, dict):
            return None
        record = record.get(key)
    return record


def _is_whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _head(config: dict) -> tuple[tuple[Brick, ...], int]:
    if config.get("class_name") != "Sequential" or config.get("module") != "keras":
        raise _refuse("model.not_sequential")
    layers = _at(config, "config", "layers")
    if not isinstance(layers, list) or not layers or len(layers) > MAX_LAYERS + 1:
        raise _refuse("model.not_sequential")
    first, *rest = layers
    shape = _at(first, "config", "batch_shape")
    if (
        _at(first, "class_name") != "InputLayer"
        or not isinstance(shape, list)
        or len(shape) != 2
        or not _is_whole(shape[1])
        or not 1 <= shape[1] <= MAX_FEATURES
    ):
        raise _refuse("model.bad_input")
    if rest and _is_image_reshape(rest[0], shape[1]):
        rest = rest[1:]  # Minifig's own first layer for image bricks: the figure's build puts it back
    if not rest:
        raise _refuse("model.no_layers")
    return tuple(_layer(layer) for layer in rest), shape[1]


# Settings a brick does not have: a file may only hold Keras's plain values for them. A Normalization brick
# measures its statistics and keeps them as weights (checked as every weight is); statistics written into the
# config instead, another axis or the inverse would be a layer the catalogue does not have.
_PLAIN_SETTINGS = {
    "Conv2D": {"strides": 1, "dilation_rate": 1, "groups": 1},
    "Normalization": {"axis": [-1], "invert": False, "mean": None, "variance": None},
}


def _square(value: object) -> object:
    """Keras writes a square window as [3, 3]; a brick keeps one side (3). Anything else is left to be refused."""
    if isinstance(value, list) and len(value) == 2 and _is_whole(value[0]) and value[0] == value[1]:
        return value[0]
    return value


def _is_image_reshape(layer: object, n_features: int) -> bool:
    """A `Reshape` of each row into a one-channel image (rows × columns × 1), as `build_head` makes for Conv2D."""
    if _at(layer, "class_name") != "Reshape" or _at(layer, "module") != "keras.layers":
        return False
    target = _at(layer, "config", "target_shape")
    return (
        isinstance(target, list)
        and len(target) == 3
        and all(_is_whole(n) and n > 0 for n in target)
        and target[2] == 1
        and target[0] * target[1] == n_features
    )


def _layer(layer: object) -> Brick:
    """A catalogue brick for one layer record, or a refusal naming what is not allowed."""
    if not isinstance(layer, dict):
        raise _refuse("model.not_sequential")
    class_name = layer.get("class_name")
    class_name = class_name[:40] if isinstance(class_name, str) else "?"
    card = _BY_CLASS.get((LAYER, class_name))
    if card is None or layer.get("module") != "keras.layers" or layer.get("registered_name") is not None:
        raise _refuse("model.unknown_layer", name=class_name)
    config = layer.get("config")
    if not isinstance(config, dict):
        raise _refuse("model.not_sequential")
    config = {**config, **_penalty(config.get("kernel_regularizer"), class_name)}
    params = {}
    plain = {**card.fixed, **_PLAIN_SETTINGS.get(class_name, {})}
    if any(_square(config.get(name, wanted)) != wanted for name, wanted in plain.items()):
        raise _refuse("model.unknown_layer", name=class_name)  # e.g. a Conv2D without "same" padding
    for param in card.params:
        value = _square(config.get(param.name, param.default))
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise _refuse("model.unknown_layer", name=class_name)  # e.g. a custom activation object
        params[param.name] = value
    for extra in ("bias_regularizer", "activity_regularizer", "kernel_constraint"):
        if config.get(extra) is not None:
            raise _refuse("model.unknown_layer", name=f"{class_name}.{extra}")
    if config.get("use_bias", True) is not True:
        raise _refuse("model.unknown_layer", name=f"{class_name}.use_bias")
    return Brick(card.id, params)


def _penalty(record: object, class_name: str) -> dict:
    """A Dense brick's weight penalty from Keras's record of an L1 or L2 regularizer; nothing else is allowed."""
    if record is None:
        return {}
    kind = _at(record, "class_name")
    rate = _at(record, "config", kind.lower()) if kind in ("L1", "L2") else None
    if _at(record, "module") != "keras.regularizers" or not isinstance(rate, int | float) or isinstance(rate, bool):
        raise _refuse("model.unknown_layer", name=f"{class_name}.kernel_regularizer")
    return {"regularizer": kind.lower(), "reg_rate": _rounded(rate)}


def _rounded(number: int | float) -> int | float:
    """A float32 number as it was meant (0.0010000000474974513 → 0.001); whole numbers as they are (checked later)."""
    return float(f"{number:.6g}") if isinstance(number, float) else number


def _part(record: object, kind: str, module: str, names: dict[str, str]) -> dict | None:
    """The torso or legs of the file's compile settings, when they are catalogue cards (else None)."""
    if not isinstance(record, dict) or record.get("module") != module:
        return None
    class_name = record.get("class_name")
    card = _BY_CLASS.get((kind, class_name)) if isinstance(class_name, str) else None
    if card is None:
        return None
    config = record.get("config") if isinstance(record.get("config"), dict) else {}
    params = {mine: config[theirs] for mine, theirs in names.items() if theirs in config}
    if isinstance(params.get("learning_rate"), float):
        params["learning_rate"] = _rounded(params["learning_rate"])
    return {"card": card.id, "params": params}
