"""Reading a learner's `.keras` file without ever letting it run code.

`keras.saving.load_model` is never given an uploaded file: its safe mode has been bypassed again and
again (CVE-2024-3660, CVE-2025-1550, CVE-2025-8747, CVE-2025-9905, CVE-2025-9906, CVE-2026-1462).
Instead the archive is opened as a plain zip within size limits, its `config.json` read as plain
JSON, and only catalogue layers with in-bounds settings are accepted. The figure is rebuilt from the
catalogue, and the weights file (HDF5: numbers only) is loaded into the rebuilt model, which checks
every shape. Anything else is refused with the reasons, as `Message`s.
"""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from minifig.cards import CARDS, LAYER, LOSS, OPTIMIZER, Brick
from minifig.i18n import Message
from minifig.spec import MAX_LAYERS, FigureSpec, SpecError, from_dict

MAX_FILE_BYTES = 5_000_000
MAX_UNPACKED_BYTES = 40_000_000
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
    weights = _read(archive, "model.weights.h5", MAX_UNPACKED_BYTES)
    head, n_features = _head(config)
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
    """Put the file's weights into a model rebuilt from the catalogue; every shape must match.

    Raises:
        ModelFileError: the weights do not fit the rebuilt model, or are not readable.
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "uploaded.weights.h5"
        path.write_bytes(weights_h5)
        try:
            model.load_weights(path)
        except Exception:  # any failure to read numbers into the model is the file's fault
            raise _refuse("model.bad_weights") from None


def _refuse(key: str, **values) -> ModelFileError:
    return ModelFileError([Message(key, values)])


def _read(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """A member's bytes, read in chunks so a zip bomb cannot unpack past `limit`."""
    try:
        with archive.open(name) as member:
            data = member.read(limit + 1)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError):
        raise _refuse("model.not_keras") from None
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


def _head(config: dict) -> tuple[tuple[Brick, ...], int]:
    if config.get("class_name") != "Sequential" or config.get("module") != "keras":
        raise _refuse("model.not_sequential")
    layers = (config.get("config") or {}).get("layers")
    if not isinstance(layers, list) or not layers or len(layers) > MAX_LAYERS + 1:
        raise _refuse("model.not_sequential")
    first, *rest = layers
    shape = (first.get("config") or {}).get("batch_shape") if isinstance(first, dict) else None
    if (
        first.get("class_name") != "InputLayer"
        or not isinstance(shape, list)
        or len(shape) != 2
        or not isinstance(shape[1], int)
        or not 1 <= shape[1] <= MAX_FEATURES
    ):
        raise _refuse("model.bad_input")
    if rest and _is_image_reshape(rest[0], shape[1]):
        rest = rest[1:]  # Minifig's own first layer for image bricks: the figure's build puts it back
    return tuple(_layer(layer) for layer in rest), shape[1]


# Window settings a brick does not have: a file may only hold Keras's plain values for them.
_PLAIN_WINDOWS = {"Conv2D": {"strides": 1, "dilation_rate": 1, "groups": 1}}


def _square(value: object) -> object:
    """Keras writes a square window as [3, 3]; a brick keeps one side (3). Anything else is left to be refused."""
    if isinstance(value, list) and len(value) == 2 and value[0] == value[1] and isinstance(value[0], int):
        return value[0]
    return value


def _is_image_reshape(layer: object, n_features: int) -> bool:
    """A `Reshape` of each row into a one-channel image (rows × columns × 1), as `build_head` makes for Conv2D."""
    if not isinstance(layer, dict) or layer.get("class_name") != "Reshape" or layer.get("module") != "keras.layers":
        return False
    target = (layer.get("config") or {}).get("target_shape")
    return (
        isinstance(target, list)
        and len(target) == 3
        and all(isinstance(n, int) and not isinstance(n, bool) and n > 0 for n in target)
        and target[2] == 1
        and target[0] * target[1] == n_features
    )


def _layer(layer: object) -> Brick:
    """A catalogue brick for one layer record, or a refusal naming what is not allowed."""
    if not isinstance(layer, dict):
        raise _refuse("model.not_sequential")
    class_name = str(layer.get("class_name"))[:40]
    card = _BY_CLASS.get((LAYER, class_name))
    if card is None or layer.get("module") != "keras.layers" or layer.get("registered_name") is not None:
        raise _refuse("model.unknown_layer", name=class_name)
    config = layer.get("config")
    if not isinstance(config, dict):
        raise _refuse("model.not_sequential")
    config = {**config, **_penalty(config.get("kernel_regularizer"), class_name)}
    params = {}
    plain = {**card.fixed, **_PLAIN_WINDOWS.get(class_name, {})}
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
    kind = record.get("class_name") if isinstance(record, dict) else None
    config = record.get("config") if isinstance(record, dict) else None
    rate = config.get(str(kind).lower()) if isinstance(config, dict) else None
    if (
        kind not in ("L1", "L2")
        or record.get("module") != "keras.regularizers"
        or not isinstance(rate, int | float)
        or isinstance(rate, bool)
    ):
        raise _refuse("model.unknown_layer", name=f"{class_name}.kernel_regularizer")
    return {"regularizer": kind.lower(), "reg_rate": float(f"{rate:.6g}")}


def _part(record: object, kind: str, module: str, names: dict[str, str]) -> dict | None:
    """The torso or legs of the file's compile settings, when they are catalogue cards (else None)."""
    if not isinstance(record, dict) or record.get("module") != module:
        return None
    card = _BY_CLASS.get((kind, record.get("class_name")))
    if card is None:
        return None
    config = record.get("config") if isinstance(record.get("config"), dict) else {}
    params = {mine: config[theirs] for mine, theirs in names.items() if theirs in config}
    if "learning_rate" in params and isinstance(params["learning_rate"], float):
        params["learning_rate"] = float(f"{params['learning_rate']:.6g}")  # float32 noise: 0.0010000000474974513
    return {"card": card.id, "params": params}
