"""Do the pieces fit? The head's end, the torso and the data's answers must agree.

`misfits(spec, data)` returns every misfit with the part it is on, the reason in plain words and
the fix. A figure that fits returns an empty list. `suggestions(spec, data)` names what would help a
figure that fits and trains, but learns slowly (inputs of very different sizes want a Normalization brick).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from minifig.cards import ACTIVATION_RANGES, CATALOGUE, LOSS, cards_of
from minifig.datasets import Dataset
from minifig.i18n import Message
from minifig.shapes import flow
from minifig.spec import FigureSpec, part_problems

# The activation a head should end with for each kind of answer, when the torso does not say.
NATURAL_ACTIVATION = {"binary": "sigmoid", "classes": "softmax", "number": "linear"}

# Inputs want normalising when their spans differ more than this many times, or when they reach beyond ±REACH.
SPAN_RATIO, REACH = 10.0, 10.0


PARTS = ("head", "torso", "legs")


@dataclass(frozen=True)
class Misfit:
    part: str  # "head", "torso" or "legs"
    reason: Message
    fix: Message | None = None  # None for a setting out of bounds: the reason says the bounds


def problem_spots(spec: FigureSpec) -> list[Misfit]:
    """Each problem of the head, the torso or the legs (a setting out of bounds, …) as a mark on that part."""
    return [Misfit(part, problem) for part in PARTS for problem in part_problems(spec, part)]


@dataclass(frozen=True)
class Suggestion:
    """Not a misfit (the figure fits and trains) but a brick that would help: the fix puts `card` first in the head."""

    reason: Message
    fix: Message
    card: str


def head_output(spec: FigureSpec, n_features: int) -> tuple[int, str]:
    """How many numbers the head gives and the activation they come out of.

    Layers without `units` pass the width on; an Activation card bends the output unless it is linear;
    a layer that rescales (BatchNorm) leaves numbers of any size, as a linear ending does.
    """
    width, activation = n_features, "linear"
    for brick in spec.head:
        if not CATALOGUE[brick.card].keeps_activation:
            activation = "linear"
        elif "units" in brick.params:
            width, activation = brick.params["units"], brick.params["activation"]
        elif brick.params.get("activation", "linear") != "linear":
            activation = brick.params["activation"]
    return width, activation


def misfits(spec: FigureSpec, data: Dataset) -> list[Misfit]:
    """Every way the figure's pieces do not fit each other or the data.

    Args:
        spec: a valid figure (see `spec.problems`).
        data: the data set it will learn from; its `label_kind` decides the right ending.

    Returns:
        The misfits (missing parts, then torso, then head); empty when the figure fits.
    """
    found: list[Misfit] = []
    if not spec.head:
        found.append(Misfit("head", Message("misfit.empty_head"), Message("fix.empty_head")))
    if spec.torso is None:
        found.append(Misfit("torso", Message("misfit.no_torso"), Message("fix.no_torso")))
    if spec.legs is None:
        found.append(Misfit("legs", Message("misfit.no_legs"), Message("fix.no_legs")))
    if not spec.head:
        return found
    if not any(CATALOGUE[b.card].learns for b in spec.head):
        bricks = ", ".join(dict.fromkeys(CATALOGUE[b.card].label for b in spec.head))
        found.append(
            Misfit("head", Message("misfit.nothing_to_learn", {"bricks": bricks}), Message("fix.nothing_to_learn"))
        )
    kind = data.label_kind
    shape_problems = flow(spec, data.n_features).problems
    if spec.torso is None:  # the shapes still matter: a head that cannot be built cannot even babble
        return found + _shape_misfits(shape_problems, None, NATURAL_ACTIVATION[kind], data)

    loss = CATALOGUE[spec.torso.card]
    expected = _answer(data)
    loss_fits_labels = kind in loss.label_kinds
    if loss_fits_labels:
        found += _label_format_misfits(loss.id, data)
    else:
        fitting = ", ".join(
            c.label for c in cards_of(LOSS) if kind in c.label_kinds and not _label_format_misfits(c.id, data)
        )
        found.append(
            Misfit(
                "torso",
                Message(
                    "misfit.loss_for_labels",
                    {"loss": loss.label, "made_for": Message(f"made_for.{loss.label_kinds[0]}"), "expected": expected},
                ),
                Message("fix.loss_for_labels", {"expected": Message(f"made_for.{kind}"), "losses": fitting}),
            )
        )

    wanted = loss.output_activations[0] if loss_fits_labels and loss.output_activations else NATURAL_ACTIVATION[kind]
    if shape_problems:
        return found + _shape_misfits(shape_problems, loss.id if loss_fits_labels else None, wanted, data)
    width, activation = head_output(spec, data.n_features)
    units = _expected_width(loss.id if loss_fits_labels else None, data)
    if width != units:
        found.append(
            Misfit(
                "head",
                Message(
                    "misfit.width",
                    {
                        "width": width,
                        "numbers": Message("ui.number_one" if width == 1 else "ui.number_many"),
                        "expected": expected,
                    },
                ),
                Message("fix.width", {"units": units, "activation": wanted}),
            )
        )
    if loss_fits_labels:
        why = _activation_misfit(loss.output_activations, activation, width, data)
        if why is not None:
            found.append(
                Misfit(
                    "head",
                    Message(
                        "misfit.activation",
                        {"activation": activation, "loss": loss.label, "wanted": wanted, "why": why},
                    ),
                    Message("fix.activation", {"wanted": wanted}),
                )
            )
    return found


def _shape_misfits(problems: list[Message], loss_id: str | None, wanted: str, data: Dataset) -> list[Misfit]:
    fix = Message("fix.shape", {"units": _expected_width(loss_id, data), "activation": wanted})
    return [Misfit("head", problem, fix) for problem in problems]


def _answer(data: Dataset) -> Message:
    if data.label_kind == "classes":
        return Message("answer.classes", {"n": data.n_classes})
    return Message(f"answer.{data.label_kind}")


def _expected_width(loss_id: str | None, data: Dataset) -> int:
    """Numbers the head must give: one per class for the class losses, otherwise one."""
    if data.label_kind == "classes" or loss_id in ("categorical_crossentropy", "sparse_categorical_crossentropy"):
        return data.n_classes
    return 1


def _activation_misfit(allowed: tuple[str, ...], activation: str, width: int, data: Dataset) -> Message | None:
    """Why the head's last activation does not suit the torso, or None when it does."""
    if allowed:
        if activation in allowed:
            return None
        if activation == "softmax" and width == 1:
            return Message("why.softmax_one_unit")
        return Message({"sigmoid": "why.sigmoid", "softmax": "why.softmax"}.get(allowed[0], "why.hinge"))
    low, high = ACTIVATION_RANGES[activation]
    y_min, y_max = data.answer_range
    if low <= y_min and y_max <= high:
        return None
    return Message(
        "why.number",
        {
            "activation": activation,
            "low": _number(low),
            "high": _number(high),
            "y_min": _number(y_min),
            "y_max": _number(y_max),
        },
    )


def _number(value: float) -> str:
    return f"{value:g}".replace("-inf", "−∞").replace("inf", "∞")


def _label_format_misfits(loss_id: str, data: Dataset) -> list[Misfit]:
    if loss_id == "categorical_crossentropy" and not data.one_hot:
        return [Misfit("torso", Message("misfit.not_one_hot"), Message("fix.not_one_hot"))]
    if loss_id == "sparse_categorical_crossentropy" and data.one_hot:
        return [Misfit("torso", Message("misfit.one_hot_sparse"), Message("fix.one_hot_sparse"))]
    return []


def suggestions(spec: FigureSpec, data: Dataset) -> list[Suggestion]:
    """What would help the figure learn this data, beyond fitting it.

    Inputs whose spans differ more than `SPAN_RATIO` times, or that reach beyond ±`REACH`, want a
    Normalization brick first (images are left alone: their pixels share one scale).

    Returns:
        The suggestions; empty when the head already starts with Normalization or the inputs need none.
    """
    if spec.head and spec.head[0].card == "normalization":
        return []
    why = uneven_inputs(data)
    return [Suggestion(why, Message("fix.normalization"), "normalization")] if why else []


def uneven_inputs(data: Dataset) -> Message | None:
    """Why the data's inputs want normalising, in words naming the inputs; None when they do not."""
    if data.image_shape is not None or data.x.size == 0:
        return None
    x = np.asarray(data.x, dtype="float64")
    spans = np.ptp(x, axis=0)
    varying = np.flatnonzero(spans > 0)
    if len(varying):
        narrow, wide = varying[np.argmin(spans[varying])], varying[np.argmax(spans[varying])]
        if spans[wide] > SPAN_RATIO * spans[narrow]:
            return Message(
                "suggest.spread",
                {
                    "narrow": _input_name(data, narrow),
                    "narrow_from": _short(x[:, narrow].min()),
                    "narrow_to": _short(x[:, narrow].max()),
                    "wide": _input_name(data, wide),
                    "wide_from": _short(x[:, wide].min()),
                    "wide_to": _short(x[:, wide].max()),
                },
            )
    biggest = np.unravel_index(np.argmax(np.abs(x)), x.shape)
    if abs(x[biggest]) > REACH:
        return Message("suggest.reach", {"name": _input_name(data, biggest[1]), "value": _short(x[biggest])})
    return None


def _input_name(data: Dataset, column: int) -> str:
    names = data.feature_names
    return names[column] if len(names) == data.n_features else f"x{column + 1}"


def _short(value: float) -> str:
    """A number as people write it: 0.0538, 13.2, 1,680 (never 1.68e+03)."""
    text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"
    return text.replace("-", "−")
