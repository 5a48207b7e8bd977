"""The figure as plain data: head bricks, torso, legs, data set and training settings.

A `FigureSpec` round-trips through JSON (`to_dict` / `from_dict`). `from_dict` accepts anything a
file, a URL or a form may hold and either returns a clean spec or raises `SpecError` carrying
every problem at once, each a `Message` the learner can act on.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace

from minifig.cards import CATALOGUE, LAYER, LOSS, OPTIMIZER, Brick, Param, brick
from minifig.datasets import CSV_ID, DATASETS
from minifig.features import VIEWS
from minifig.i18n import Message

MAX_LAYERS = 12

TRAINING_PARAMS: tuple[Param, ...] = (
    Param("epochs", "int", 100, 1, 5000),
    Param("batch_size", "int", 10, 1, 1024),
    Param("validation_split", "float", 0.0, 0.0, 0.5),
    Param("seed", "int", 42, 0, 2**31 - 1),
)


@dataclass(frozen=True)
class Training:
    epochs: int = 100
    batch_size: int = 10
    validation_split: float = 0.0
    seed: int = 42


@dataclass(frozen=True)
class FigureSpec:
    """Everything needed to build, compile and train one figure."""

    head: tuple[Brick, ...] = ()
    torso: Brick | None = None
    legs: Brick | None = None
    dataset: str = "seed"
    training: Training = field(default_factory=Training)
    eyes: tuple[str, ...] = ()  # views of 2-D points the head sees (`minifig.features`); () for the raw inputs
    samples: int | None = None  # the data set's sample count, when it has one (None: its default)
    noise: float | None = None  # the data set's noise, when it has one (None: its default)

    def to_dict(self) -> dict:
        return {
            "head": [b.to_dict() for b in self.head],
            "torso": self.torso.to_dict() if self.torso else None,
            "legs": self.legs.to_dict() if self.legs else None,
            "dataset": self.dataset,
            "training": dict(vars(self.training)),
            "eyes": list(self.eyes),
            "samples": self.samples,
            "noise": self.noise,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    def with_head(self, head) -> FigureSpec:
        return replace(self, head=tuple(head))


class SpecError(ValueError):
    """A figure description that cannot be used; `problems` says every reason."""

    def __init__(self, problems: list[Message]):
        super().__init__("; ".join(p.text("en") for p in problems))
        self.problems = problems


def seed_figure() -> FigureSpec:
    """The lesson's figure: Dense(64, relu)×4 + Dense(1, sigmoid), binary cross-entropy, Adam."""
    return FigureSpec(
        head=(
            *(brick("dense", units=64, activation="relu") for _ in range(4)),
            brick("dense", units=1, activation="sigmoid"),
        ),
        torso=brick("binary_crossentropy"),
        legs=brick("adam"),
        dataset="seed",
        training=Training(epochs=100, batch_size=10, validation_split=0.0, seed=42),
    )


def preset_figure(dataset_id: str) -> FigureSpec:
    """The data set record's preset as a `FigureSpec` on this data set: a figure that fits and learns it.

    Raises:
        KeyError: no such data set.
    """
    return from_dict({**DATASETS[dataset_id].preset, "dataset": dataset_id})


def check_value(param: Param, value: object, what: Message) -> tuple[object, Message | None]:
    """`value` made clean for `param`, or a problem saying why it cannot be.

    Numbers may arrive as strings (from a URL or a form); they are read, and must be finite,
    whole for "int" parameters and within the parameter's bounds.
    """
    if param.type == "choice":
        if value in param.choices:
            return value, None
        return None, Message(
            "problem.bad_choice", {"what": what, "value": _short(value), "choices": ", ".join(param.choices)}
        )
    number = _as_number(value)
    if number is None:
        return None, Message("problem.not_a_number", {"what": what, "value": _short(value)})
    if param.type == "int":
        if number != int(number):
            return None, Message("problem.not_whole", {"what": what, "value": _short(value)})
        number = int(number)
    if number < param.low:
        return None, Message("problem.too_small", {"what": what, "value": _short(number), "low": _short(param.low)})
    if number > param.high:
        return None, Message("problem.too_large", {"what": what, "value": _short(number), "high": _short(param.high)})
    return number, None


def from_dict(raw: object) -> FigureSpec:
    """A clean `FigureSpec` from untrusted plain data.

    Missing parameters take the card's default; missing training settings take the defaults.

    Raises:
        SpecError: with every problem found, when anything cannot be used.
    """
    problems: list[Message] = []
    if not isinstance(raw, dict):
        raise SpecError([Message("problem.malformed", {"what": Message("field.figure")})])
    head_raw = raw.get("head", [])
    if not isinstance(head_raw, list):
        problems.append(Message("problem.malformed", {"what": Message("field.head")}))
        head_raw = []
    if len(head_raw) > MAX_LAYERS:
        problems.append(Message("problem.too_many_layers", {"value": len(head_raw), "high": MAX_LAYERS}))
    head = [_brick(item, LAYER, "head", i + 1, problems) for i, item in enumerate(head_raw[: MAX_LAYERS + 1])]
    torso = _brick(raw.get("torso"), LOSS, "torso", None, problems) if raw.get("torso") is not None else None
    legs = _brick(raw.get("legs"), OPTIMIZER, "legs", None, problems) if raw.get("legs") is not None else None
    dataset = raw.get("dataset", "seed")
    if not isinstance(dataset, str) or dataset not in (*DATASETS, CSV_ID):
        problems.append(Message("problem.unknown_dataset", {"value": _short(dataset)}))
        dataset = "seed"
    training = _training(raw.get("training", {}), problems)
    eyes = _eyes(raw.get("eyes") or [], problems)
    record = DATASETS.get(dataset)
    samples = _data_setting(record and record.n_samples, raw.get("samples"), "field.n_samples", problems)
    noise = _data_setting(record and record.noise, raw.get("noise"), "field.noise", problems)
    if problems:
        raise SpecError(problems)
    return FigureSpec(tuple(head), torso, legs, dataset, training, eyes, samples, noise)


def from_json(text: str) -> FigureSpec:
    """`from_dict` of a JSON text; text that is not JSON is a `SpecError` too."""
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError):
        raise SpecError([Message("problem.malformed", {"what": Message("field.figure")})]) from None
    return from_dict(raw)


def problems(spec: FigureSpec) -> list[Message]:
    """Every problem of a spec built in code or edited in the page (empty when it is usable)."""
    try:
        from_dict(spec.to_dict())
    except SpecError as error:
        return error.problems
    return []


def part_problems(spec: FigureSpec, part: str) -> list[Message]:
    """The problems of one part of the figure ("head", "torso" or "legs"), so the page can show each at its part.

    Every one of them is also in `problems(spec)`; the rest (training, data) belong to no part.
    """
    raw = spec.to_dict()
    found: list[Message] = []
    if part == "head":
        if len(spec.head) > MAX_LAYERS:
            found.append(Message("problem.too_many_layers", {"value": len(spec.head), "high": MAX_LAYERS}))
        for i, item in enumerate(raw["head"][: MAX_LAYERS + 1]):
            _brick(item, LAYER, "head", i + 1, found)
    elif raw.get(part) is not None:
        _brick(raw[part], {"torso": LOSS, "legs": OPTIMIZER}[part], part, None, found)
    return found


def _brick(raw: object, kind: str, part: str, position: int | None, problems: list[Message]) -> Brick | None:
    if isinstance(raw, str):
        raw = {"card": raw}
    if not isinstance(raw, dict) or not isinstance(raw.get("card"), str):
        problems.append(Message("problem.malformed", {"what": Message(f"field.{part}")}))
        return None
    card = CATALOGUE.get(raw["card"])
    if card is None:
        problems.append(Message("problem.unknown_card", {"value": _short(raw["card"])}))
        return None
    if card.kind != kind:
        problems.append(
            Message(
                "problem.wrong_kind",
                {"value": card.label, "kind": Message(f"kind.{card.kind}"), "part": Message(f"part.{part}")},
            )
        )
        return None
    given = raw.get("params", {})
    if not isinstance(given, dict):
        problems.append(Message("problem.malformed", {"what": Message(f"field.{part}")}))
        return None
    for name in given:
        if name not in {p.name for p in card.params}:
            problems.append(Message("problem.unknown_param", {"card": card.label, "value": _short(name)}))
    params = {}
    for param in card.params:
        what = Message(f"field.{param.name}")
        if position is not None:
            what = Message("where.brick", {"what": what, "n": position})
        value, problem = check_value(param, given.get(param.name, param.default), what)
        if problem:
            problems.append(problem)
        params[param.name] = value
    return Brick(card.id, params)


def _eyes(raw: object, problems: list[Message]) -> tuple[str, ...]:
    if not isinstance(raw, list | tuple) or len(raw) > len(VIEWS):
        problems.append(Message("problem.malformed", {"what": Message("field.eyes")}))
        return ()
    eyes = tuple(raw)
    for view in eyes:
        if not isinstance(view, str) or view not in VIEWS:
            choices = ", ".join(VIEWS)
            problems.append(
                Message(
                    "problem.bad_choice", {"what": Message("field.eyes"), "value": _short(view), "choices": choices}
                )
            )
            return ()
    if len(set(eyes)) != len(eyes):
        problems.append(Message("problem.malformed", {"what": Message("field.eyes")}))
        return ()
    return eyes


def _data_setting(param: Param | None, value: object, what: str, problems: list[Message]):
    """A data set's sample count or noise, checked against that data set's bounds (None: its default)."""
    if value is None or param is None:
        return None
    clean, problem = check_value(param, value, Message(what))
    if problem:
        problems.append(problem)
    return clean


def _training(raw: object, problems: list[Message]) -> Training:
    if not isinstance(raw, dict):
        problems.append(Message("problem.malformed", {"what": Message("field.training")}))
        return Training()
    values = {}
    for param in TRAINING_PARAMS:
        value, problem = check_value(param, raw.get(param.name, param.default), Message(f"field.{param.name}"))
        if problem:
            problems.append(problem)
        values[param.name] = value if problem is None else param.default
    return Training(**values)


def _as_number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return value
    return None


def _short(value: object) -> str:
    """A value as a learner may see it in a message: at most 40 characters; lists and objects only named."""
    if isinstance(value, list | dict | tuple):
        return f"[{type(value).__name__}]"
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text if len(text) <= 40 else text[:37] + "…"
