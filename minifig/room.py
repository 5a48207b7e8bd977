"""A room of learners on one challenge: their nicknames, the progress each posts, and the board's order and counts.

An entry is plain JSON-ready data (it travels through Redis between replicas):

    {"id": "…", "nickname": "Mina", "joined": 1700000000.0, "last": 1700000123.4, "training": false,
     "epochs": 100, "score": 0.97, "reached": 1700000120.1, "figure": {FigureSpec.to_dict()},
     "metric": "accuracy", "validation": true, "curves": [[epoch, loss, metric, val_loss, val_metric], …]}

`Member` is one learner's side: it remembers the best score and the moment the goal was first reached, and
turns a trainer's history into the entry to post.
"""

from __future__ import annotations

import re
import secrets
import time
import unicodedata
from dataclasses import dataclass, field

from minifig import challenge as challenges
from minifig.challenge import GOALS, Challenge
from minifig.i18n import Message
from minifig.spec import FigureSpec, SpecError, from_dict

NICKNAME_CHARS = 20
MAX_CURVE_POINTS = 150  # the spotlight's curves: enough to draw, small enough to post every second
ACTIVE_SECONDS = 20  # a learner marked training but silent this long has left (closed tab, lost connection)
ENTRY_HOURS = 4  # entries (and a room nobody posts to) expire after this
_NICKNAME = re.compile(r"[\w .'-]+")  # letters of any script, digits, space, . ' - _
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")  # characters Markdown (or Streamlit's :directives:) reads


def check_nickname(text: object) -> tuple[str, Message | None]:
    """The nickname as it will be shown (spaces tidied), or the reason it cannot be used."""
    if not isinstance(text, str):
        return "", Message("room.nickname_empty")
    clean = " ".join(unicodedata.normalize("NFC", text).split())
    if not clean:
        return "", Message("room.nickname_empty")
    if len(clean) > NICKNAME_CHARS:
        return "", Message("room.nickname_long", {"n": NICKNAME_CHARS})
    if not _NICKNAME.fullmatch(clean) or clean.strip(".'-_ ") == "":
        return "", Message("room.nickname_chars")
    return clean, None


@dataclass
class Member:
    """One learner in a room: who, since when, the best score so far and when the goal was first reached."""

    nickname: str
    id: str = field(default_factory=lambda: secrets.token_urlsafe(9))
    joined: float = field(default_factory=time.time)
    best: float | None = None
    reached: float | None = None

    def entry(
        self,
        challenge: Challenge,
        spec: FigureSpec,
        history: list,
        metric_name: str,
        has_validation: bool,
        training: bool,
        now: float,
    ) -> dict:
        """The progress to post now: `history` is the trainer's (EpochLogs), empty before training."""
        goal = GOALS[challenge.goal]
        readable = goal.kind == "loss" or goal.kind == metric_name
        values = [getattr(log, goal.metric) for log in history] if readable else []
        values = [value for value in values if value is not None]
        if values:
            best = max(values) if goal.at_least else min(values)
            better = self.best is None or (best > self.best if goal.at_least else best < self.best)
            self.best = best if better else self.best
        within = not challenges.broken_limits(challenge, spec)
        if self.reached is None and within and challenges.goal_reached(challenge, history, metric_name):
            self.reached = now
        step = max(1, -(-len(history) // MAX_CURVE_POINTS))
        points = [*history[::step], *history[-1:]] if history and (len(history) - 1) % step else history[::step]
        return {
            "id": self.id,
            "nickname": self.nickname,
            "joined": self.joined,
            "last": now,
            "training": training,
            "epochs": len(history),
            "score": self.best,
            "reached": self.reached,
            "figure": spec.to_dict(),
            "metric": metric_name,
            "validation": has_validation,
            "curves": [[p.epoch, p.loss, p.metric, p.val_loss, p.val_metric] for p in points],
        }


@dataclass(frozen=True)
class Counts:
    joined: int
    training: int
    reached: int


def standings(entries: list[dict], challenge: Challenge) -> list[dict]:
    """The board's rows: goal reached first (earliest first), then by score (best first), then nickname."""
    higher_better = GOALS[challenge.goal].at_least

    def order(entry: dict) -> tuple:
        reached, score = entry["reached"], entry["score"]
        by_score = (score is None, -score if score is not None and higher_better else score or 0.0)
        return (reached is None, reached or 0.0, *by_score, entry["nickname"])

    return sorted(filter(None, map(clean_entry, entries)), key=order)


def clean_entry(entry: object) -> dict | None:
    """An entry read back from the store with every field of its expected type (None if it has no id): the store
    is outside the page, so the board trusts nothing in it."""
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        return None
    epochs = entry.get("epochs")
    return {
        "id": entry["id"][:40],
        "nickname": entry.get("nickname") if isinstance(entry.get("nickname"), str) else "",
        "joined": _number_or_none(entry.get("joined")) or 0.0,
        "last": _number_or_none(entry.get("last")) or 0.0,
        "training": entry.get("training") is True,
        "epochs": epochs if isinstance(epochs, int) and not isinstance(epochs, bool) and epochs >= 0 else 0,
        "score": _number_or_none(entry.get("score")),
        "reached": _number_or_none(entry.get("reached")),
        "figure": entry.get("figure"),
        "metric": entry.get("metric") if entry.get("metric") in ("accuracy", "mae") else "accuracy",
        "validation": entry.get("validation") is True,
        "curves": entry.get("curves") if isinstance(entry.get("curves"), list) else [],
    }


def is_training(entry: dict, now: float) -> bool:
    """Training now: marked so, and heard of lately (a tab closed mid-training stops posting)."""
    return entry.get("training") is True and now - (_number_or_none(entry.get("last")) or 0.0) < ACTIVE_SECONDS


def counts(entries: list[dict], now: float) -> Counts:
    training = sum(is_training(entry, now) for entry in entries)
    return Counts(len(entries), training, sum(entry.get("reached") is not None for entry in entries))


def shown_name(entry: dict) -> str:
    """The entry's nickname as Markdown that shows it literally (checked again: the store is outside the page)."""
    name, problem = check_nickname(entry.get("nickname"))
    return _MARKDOWN.sub(r"\\\1", name) if problem is None else "?"


def figure_words(spec: FigureSpec | None) -> str:
    """The figure in a few words for a row of the board: "Dense 8 relu → Dense 1 sigmoid · BCE · Adam 0.03"."""
    from minifig.drawing import brick_label

    if spec is None:
        return "?"
    head = " → ".join(brick_label(brick) for brick in spec.head) or "–"
    parts = [brick_label(part) for part in (spec.torso, spec.legs) if part is not None]
    return _MARKDOWN.sub(r"\\\1", " · ".join([head, *parts]))


def entry_figure(entry: dict) -> FigureSpec | None:
    """The learner's figure from an entry (checked like any figure from outside), or None if it is unusable."""
    try:
        return from_dict(entry.get("figure"))
    except SpecError:
        return None


@dataclass(frozen=True)
class Point:
    """One epoch of a posted curve, read as the charts read an `engine.EpochLog`."""

    epoch: int
    loss: float
    metric: float
    val_loss: float | None
    val_metric: float | None


def entry_history(entry: dict) -> list[Point]:
    """The entry's curves, for the chart; malformed points are left out."""
    points = entry.get("curves")
    return [
        Point(*point)
        for point in (points if isinstance(points, list) else [])
        if isinstance(point, list)
        and len(point) == 5
        and isinstance(point[0], int)
        and all(value is None or isinstance(value, int | float) for value in point)
    ]


def _number_or_none(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
