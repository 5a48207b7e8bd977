"""Challenge cards for workshops: a data set, a goal, limits and hidden controls, shared as one link.

Size: the link's reader (each field checked, each refusal with its reason) beside the checks of a figure
against the card; both read the same fields.

    ?challenge=eyJ2IjoxLCJkYXRhIjoiY2lyY2xlIiwi...     (base64url of compact JSON, no padding)

    {"v": 1, "data": "circle", "samples": 300, "noise": 0.1, "val": 0.2,
     "goal": "val_accuracy", "target": 0.95, "bricks": 2, "units": 8,
     "torso": "binary_crossentropy", "legs": {"card": "adam", "params": {"learning_rate": 0.03}},
     "hide": ["data", "legs"]}

Like the figure's address, only registry keys and numbers travel: no free text, nothing evaluated.
`parse` refuses anything else (junk, a huge link, unknown keys or controls, wrong types, numbers out
of range) with every reason as a `Message`; `broken_limits` and `goal_reached` check a figure and its
training against the challenge.
"""

from __future__ import annotations

import base64
import binascii
import json
import operator
from dataclasses import dataclass, field

from minifig.cards import CATALOGUE, LOSS, Brick, Param, brick, cards_of
from minifig.datasets import DATASETS, Dataset
from minifig.fit_check import misfits
from minifig.i18n import Message
from minifig.spec import MAX_LAYERS, FigureSpec, SpecError, check_value, from_dict

PARAM = "challenge"  # the query parameter that carries a challenge
VERSION = 1
MAX_LINK_CHARS = 1200  # a real challenge is ~250 characters; anything far longer is refused unread

# Controls a teacher may hide: each names a part of the page.
HIDEABLE = ("data", "torso", "legs", "lr", "training", "take_home", "inside", "compare")


@dataclass(frozen=True)
class Goal:
    """A number from the last epoch to reach: at least `target` (accuracy) or at most (loss, error)."""

    metric: str  # the EpochLog field it reads
    kind: str  # "accuracy", "loss" or "mae": which training it needs
    at_least: bool


GOALS: dict[str, Goal] = {
    "val_accuracy": Goal("val_metric", "accuracy", True),
    "accuracy": Goal("metric", "accuracy", True),
    "val_loss": Goal("val_loss", "loss", False),
    "loss": Goal("loss", "loss", False),
    "val_mae": Goal("val_metric", "mae", False),
    "mae": Goal("metric", "mae", False),
}
TARGETS = {"accuracy": Param("target", "float", 0.9, 0.0, 1.0), "loss": Param("target", "float", 0.1, 0.0, 100.0)}
TARGETS["mae"] = Param("target", "float", 0.1, 0.0, 1000.0)
MAX_BRICKS = Param("bricks", "int", MAX_LAYERS, 1, MAX_LAYERS)
MAX_UNITS = Param("units", "int", 64, 1, CATALOGUE["dense"].param("units").high)
VALIDATION = Param("val", "float", 0.2, 0.0, 0.5)
KEYS = ("v", "data", "samples", "noise", "val", "goal", "target", "bricks", "units", "torso", "legs", "hide")


@dataclass(frozen=True)
class Challenge:
    """What a learner is asked to do, on which data, within which limits."""

    dataset: str
    goal: str  # a key of GOALS
    target: float
    validation_split: float = 0.2
    samples: int | None = None  # None: the data set's default (or it has no such setting)
    noise: float | None = None
    max_bricks: int | None = None
    max_units: int | None = None  # per brick
    torso: Brick | None = None  # fixed: the learner cannot change it
    legs: Brick | None = None  # fixed, with its learning rate
    hidden: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        raw = {"v": VERSION, "data": self.dataset, "val": self.validation_split, "goal": self.goal}
        raw["target"] = self.target
        optional = {"samples": self.samples, "noise": self.noise, "bricks": self.max_bricks, "units": self.max_units}
        raw.update({key: value for key, value in optional.items() if value is not None})
        if self.torso is not None:
            raw["torso"] = self.torso.card
        if self.legs is not None:
            raw["legs"] = self.legs.to_dict()
        if self.hidden:
            raw["hide"] = list(self.hidden)
        return raw

    def hides(self, control: str) -> bool:
        return control in self.hidden


class ChallengeError(ValueError):
    """A challenge link that cannot be used; `problems` says every reason."""

    def __init__(self, problems: list[Message]):
        super().__init__("; ".join(p.text("en") for p in problems))
        self.problems = problems


def encode(challenge: Challenge) -> str:
    """The challenge as the value of the `challenge` query parameter."""
    text = json.dumps(challenge.to_dict(), separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(text.encode("utf-8")).decode("ascii").rstrip("=")


def parse(value: object) -> Challenge:
    """A clean challenge from a query parameter's value (untrusted).

    Raises:
        ChallengeError: with every problem found, when the link is junk, too long or asks for anything unknown.
    """
    if not isinstance(value, str) or not value or len(value) > MAX_LINK_CHARS:
        raise ChallengeError([Message("challenge.bad_link")])
    try:
        text = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode("utf-8")
        raw = json.loads(text)
    except (binascii.Error, ValueError, RecursionError):
        raise ChallengeError([Message("challenge.bad_link")]) from None
    return challenge_from_dict(raw)


def challenge_from_dict(raw: object) -> Challenge:
    """A clean challenge from plain data (see `parse`).

    Raises:
        ChallengeError: with every problem found.
    """
    if not isinstance(raw, dict):
        raise ChallengeError([Message("challenge.bad_link")])
    problems: list[Message] = [Message("challenge.unknown_key", {"value": _short(k)}) for k in raw if k not in KEYS]
    if raw.get("v", VERSION) != VERSION:
        problems.append(Message("challenge.bad_version", {"value": _short(raw.get("v"))}))
    dataset = raw.get("data")
    record = DATASETS.get(dataset) if isinstance(dataset, str) else None
    if record is None:
        problems.append(Message("problem.unknown_dataset", {"value": _short(dataset)}))
        raise ChallengeError(problems)
    samples = _number(record.n_samples, raw.get("samples"), "field.n_samples", problems)
    noise = _number(record.noise, raw.get("noise"), "field.noise", problems)
    validation = _number(VALIDATION, raw.get("val", VALIDATION.default), "field.validation_split", problems)
    goal_name = raw.get("goal")
    goal = GOALS.get(goal_name) if isinstance(goal_name, str) else None
    if goal is None:
        choices = ", ".join(GOALS)
        problems.append(
            Message(
                "problem.bad_choice",
                {"what": Message("challenge.goal"), "value": _short(goal_name), "choices": choices},
            )
        )
        raise ChallengeError(problems)
    numbers = answers_numbers(dataset)
    if goal.kind == "accuracy" and numbers or goal.kind == "mae" and not numbers:
        problems.append(Message("challenge.goal_misfit", {"goal": goal_name}))
    if goal_name.startswith("val_") and not validation:
        problems.append(Message("challenge.needs_validation"))
    target = _number(TARGETS[goal.kind], raw.get("target"), "challenge.target", problems, required=True)
    max_bricks = _number(MAX_BRICKS, raw.get("bricks"), "challenge.max_bricks", problems)
    max_units = _number(MAX_UNITS, raw.get("units"), "challenge.max_units", problems)
    torso = _fixed("torso", raw.get("torso"), problems)
    legs = _fixed("legs", raw.get("legs"), problems)
    hidden = _hidden(raw.get("hide", []), problems)
    if problems:
        raise ChallengeError(problems)
    return Challenge(dataset, goal_name, target, validation, samples, noise, max_bricks, max_units, torso, legs, hidden)


def answers_numbers(dataset_id: str) -> bool:
    """Whether a built-in data set's answers are numbers (its preset torso is made for numbers)."""
    torso = DATASETS[dataset_id].preset["torso"]["card"]
    return "number" in CATALOGUE[torso].label_kinds


def goals_for(dataset_id: str, with_validation: bool) -> list[str]:
    """The goals that make sense on a data set: accuracy for classes, error for numbers, loss for both."""
    kinds = ("loss", "mae") if answers_numbers(dataset_id) else ("accuracy", "loss")
    return [
        name for name, goal in GOALS.items() if goal.kind in kinds and (with_validation or not name.startswith("val_"))
    ]


def broken_limits(challenge: Challenge, spec: FigureSpec) -> list[Message]:
    """What in the figure breaks the challenge's limits, in words (empty when it keeps to them)."""
    broken = []
    if spec.dataset != challenge.dataset or _data_differs(challenge, spec):
        broken.append(Message("challenge.limit_data"))
    if challenge.max_bricks is not None and len(spec.head) > challenge.max_bricks:
        broken.append(Message("challenge.limit_bricks", {"n": len(spec.head), "high": challenge.max_bricks}))
    if challenge.max_units is not None:
        for i, brick in enumerate(spec.head):
            units = brick.params.get("units")
            if isinstance(units, int) and units > challenge.max_units:
                broken.append(Message("challenge.limit_units", {"i": i + 1, "n": units, "high": challenge.max_units}))
    for part in ("torso", "legs"):
        fixed = getattr(challenge, part)
        if fixed is not None and getattr(spec, part) != fixed:
            broken.append(Message(f"challenge.limit_{part}", {"card": _brick_name(fixed)}))
    return broken


def unwinnable(challenge: Challenge, data: Dataset, start: FigureSpec | None = None) -> list[Message]:
    """Why no learner can win the challenge on `data` (its data set as made), in words; empty when one can.

    A learner changes the head freely within the limits, and picks the torso and the legs unless the challenge
    fixes them, or hides them (then they stay as the starting figure `start` has them). The challenge cannot be
    won when Compile can never be pressed: a part the learner cannot change is missing or does not fit the data,
    or no head within the limits ends the way the data's answers need (the fit check decides, as on the page).
    The goal's own fit to the data (accuracy for classes, error for numbers) is checked by `challenge_from_dict`.

    Args:
        challenge: a clean challenge.
        data: its data set, as the learner's head will see it.
        start: the learners' starting figure (its hidden torso or legs are theirs for good), if known.
    """
    reasons, held = [], {}
    for part in ("torso", "legs"):
        held[part] = getattr(challenge, part)
        if held[part] is None and challenge.hides(part) and start is not None:
            held[part] = getattr(start, part)
            if held[part] is None:
                reasons.append(Message("challenge.unwinnable_hidden", {"part": Message(f"ui.{part}")}))
    torsos = [held["torso"]] if held["torso"] is not None else [brick(card.id) for card in cards_of(LOSS)]
    fitting = [
        head
        for torso in torsos
        for head in _endings(data)
        if not misfits(_probe(head, torso, held["legs"], data), data)
    ]
    if held["torso"] is not None and not fitting:
        found = misfits(_probe(_endings(data)[0], held["torso"], held["legs"], data), data)
        why = next((m.reason for m in found if m.part == "torso"), Message("challenge.unwinnable_misfit"))
        reasons.append(Message("challenge.unwinnable_torso", {"card": _brick_name(held["torso"]), "why": why}))
        return reasons
    narrowest = min((head.params["units"] for head in fitting), default=None)
    if challenge.max_units is not None and narrowest is not None and narrowest > challenge.max_units:
        reasons.append(Message("challenge.unwinnable_units", {"units": challenge.max_units, "needed": narrowest}))
    return reasons


def _endings(data: Dataset) -> list[Brick]:
    """Every one-brick head that could end a figure on this data: one number or one per class, any activation."""
    widths = sorted({1, max(1, data.n_classes)})
    activations = CATALOGUE["dense"].param("activation").choices
    return [brick("dense", units=units, activation=activation) for units in widths for activation in activations]


def _probe(head: Brick, torso: Brick, legs: Brick | None, data: Dataset) -> FigureSpec:
    return FigureSpec((head,), torso, legs or brick("adam"), data.id)


def allows_another_brick(challenge: Challenge | None, n_bricks: int) -> bool:
    return challenge is None or challenge.max_bricks is None or n_bricks < challenge.max_bricks


def goal_reached(challenge: Challenge, history: list, metric_name: str) -> bool:
    """Whether the last epoch of `history` (EpochLogs) reaches the goal; `metric_name` is the trainer's metric."""
    goal = GOALS[challenge.goal]
    if not history or (goal.kind != "loss" and goal.kind != metric_name):
        return False
    value = getattr(history[-1], goal.metric)
    if value is None:
        return False
    return (operator.ge if goal.at_least else operator.le)(value, challenge.target)


def goal_message(challenge: Challenge) -> Message:
    """The goal in words: "validation accuracy ≥ 0.95"."""
    return Message(f"challenge_goal.{challenge.goal}", {"target": f"{challenge.target:g}"})


def goal_value(challenge: Challenge, history: list) -> float | None:
    """The number the goal reads, at the last epoch (None before training or without validation)."""
    return getattr(history[-1], GOALS[challenge.goal].metric) if history else None


def _data_differs(challenge: Challenge, spec: FigureSpec) -> bool:
    record = DATASETS[challenge.dataset]
    for name, param in (("samples", record.n_samples), ("noise", record.noise)):
        if param is not None and _or_default(getattr(spec, name), param) != _or_default(
            getattr(challenge, name), param
        ):
            return True
    return abs(spec.training.validation_split - challenge.validation_split) > 1e-9


def _or_default(value: float | None, param: Param) -> float:
    return param.default if value is None else value


def _brick_name(brick: Brick) -> str:
    from minifig.drawing import brick_label  # the drawing's words for a brick: "Adam 0.03"

    return brick_label(brick)


def _number(param: Param | None, value: object, what: str, problems: list[Message], required: bool = False):
    if value is None and not required:
        return None
    if param is None:  # a setting this data set does not have
        problems.append(Message("challenge.no_setting", {"what": Message(what)}))
        return None
    clean, problem = check_value(param, value, Message(what))
    if isinstance(value, bool):
        clean, problem = None, Message("problem.not_a_number", {"what": Message(what), "value": _short(value)})
    if problem:
        problems.append(problem)
    return clean


def _fixed(part: str, raw: object, problems: list[Message]) -> Brick | None:
    """A fixed torso or legs, checked as a figure's part is (the card must exist, be of its kind, fit its bounds)."""
    if raw is None:
        return None
    try:
        spec = from_dict({part: raw})
    except SpecError as error:
        problems.extend(error.problems)
        return None
    return getattr(spec, part)


def _hidden(raw: object, problems: list[Message]) -> tuple[str, ...]:
    if not isinstance(raw, list) or len(raw) > len(HIDEABLE):
        problems.append(Message("problem.malformed", {"what": Message("challenge.hide")}))
        return ()
    for control in raw:
        if control not in HIDEABLE:
            problems.append(
                Message("challenge.unknown_control", {"value": _short(control), "choices": ", ".join(HIDEABLE)})
            )
            return ()
    return tuple(dict.fromkeys(raw))


def _short(value: object) -> str:
    if isinstance(value, list | dict | tuple):
        return f"[{type(value).__name__}]"
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"
