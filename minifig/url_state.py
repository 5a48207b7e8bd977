"""The whole set-up in the page address: readable, compact, and validated like any other input.

    ?data=seed&layer=dense-64-relu&layer=dense-1-sigmoid&torso=binary_crossentropy&legs=adam-0.001
     &epochs=100&batch=10&val=0&seed=42            (2-D data adds e.g. &eyes=x1sq,x2sq&samples=300&noise=0.1)

Each brick is its card id followed by its settings in the card's order, joined by "-" (a character
browsers leave as it is in an address). Only registry keys and numbers travel; nothing is evaluated.
"""

from __future__ import annotations

from collections.abc import Mapping

from minifig.cards import CATALOGUE, Brick
from minifig.i18n import Message
from minifig.spec import MAX_LAYERS, FigureSpec, SpecError, from_dict

KEYS = ("data", "layer", "torso", "legs", "epochs", "batch", "val", "seed", "eyes", "samples", "noise")
TRAINING_NAMES = {"epochs": "epochs", "batch": "batch_size", "val": "validation_split", "seed": "seed"}
MAX_VALUE_LENGTH = 80


def to_query(spec: FigureSpec) -> dict[str, str | list[str]]:
    """The spec as query parameters; repeated `layer` keys keep the head's order."""
    query: dict[str, str | list[str]] = {"data": spec.dataset, "layer": [_brick_text(b) for b in spec.head]}
    if spec.torso:
        query["torso"] = _brick_text(spec.torso)
    if spec.legs:
        query["legs"] = _brick_text(spec.legs)
    for key, name in TRAINING_NAMES.items():
        query[key] = _number(getattr(spec.training, name))
    if spec.eyes:
        query["eyes"] = ",".join(spec.eyes)
    for key in ("samples", "noise"):
        if getattr(spec, key) is not None:
            query[key] = _number(getattr(spec, key))
    return query


def has_figure(query: Mapping[str, list[str]]) -> bool:
    return any(key in query for key in KEYS)


def from_query(query: Mapping[str, list[str]]) -> FigureSpec:
    """A validated spec from query parameters (every value a list of strings, as the page gives them).

    Raises:
        SpecError: with every problem, when the address is damaged or hostile.
    """
    problems: list[Message] = []
    layers = [_short(v) for v in query.get("layer", [])][: MAX_LAYERS + 1]
    raw = {
        "dataset": _short(_last(query, "data", "seed")),
        "head": [_brick_dict(text, problems) for text in layers],
        "training": {name: _short(_last(query, key, "")) for key, name in TRAINING_NAMES.items() if key in query},
    }
    for part in ("torso", "legs"):
        if part in query:
            raw[part] = _brick_dict(_short(_last(query, part, "")), problems)
    if "eyes" in query:
        raw["eyes"] = [eye for eye in _short(_last(query, "eyes", "")).split(",") if eye]
    for key in ("samples", "noise"):
        if key in query:
            raw[key] = _short(_last(query, key, ""))
    try:
        spec = from_dict(raw)
    except SpecError as error:
        problems += error.problems
    if problems:
        raise SpecError(problems)
    return spec


def _brick_text(brick: Brick) -> str:
    """`dense-64-relu`: settings in the card's order; trailing settings left at their defaults are left out."""
    values = [brick.params[p.name] for p in CATALOGUE[brick.card].params]
    defaults = [p.default for p in CATALOGUE[brick.card].params]
    while values and values[-1] == defaults[len(values) - 1] and len(values) > _KEPT.get(brick.card, 1):
        values.pop()
    return "-".join([brick.card, *(_number(v) for v in values)])


_KEPT = {"dense": 2}  # settings always written (else the first), so the head reads at a glance: dense-64-relu


def _brick_dict(text: str, problems: list[Message]) -> dict:
    card_id, *values = text.split("-")
    card = CATALOGUE.get(card_id)
    if card is None:
        return {"card": card_id}  # from_dict names the unknown card
    if len(values) > len(card.params):
        problems.append(Message("problem.malformed", {"what": card.label}))
        return {"card": card_id}
    return {"card": card_id, "params": {p.name: v for p, v in zip(card.params, values, strict=False)}}


def _number(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.8f}".rstrip("0").rstrip(".") or "0"
    return str(value)


def _last(query: Mapping[str, list[str]], key: str, default: str) -> str:
    values = query.get(key) or [default]
    return values[-1]


def _short(value: str) -> str:
    return str(value)[:MAX_VALUE_LENGTH]
