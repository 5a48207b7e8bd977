"""A figure's answer: its outputs turned into what it answers, the answer's label and where no turns to yes.

Where a one-output (yes/no) answer turns from no to yes comes from the torso card's record (`Card.no_yes`):
halfway between the outputs it aims at, 0.5 for the losses that want a probability, 0.0 for hinge (−1 / +1).
The page's answer, its map, its results and the trainer's accuracy all decide here, so they agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from minifig.cards import CATALOGUE
from minifig.i18n import Message

if TYPE_CHECKING:
    from minifig.datasets import Dataset
    from minifig.spec import FigureSpec

PROBABILITY = (0.0, 1.0)  # what no and yes aim at without a torso: a probability


def torso_of(spec: FigureSpec) -> str | None:
    """The figure's torso card id, None before it has a torso."""
    return spec.torso.card if spec.torso is not None else None


def no_yes(torso: str | None) -> tuple[float, float]:
    """The outputs the torso card `torso` (a card id; None: no torso yet) wants for "no" and for "yes"."""
    card = CATALOGUE.get(torso) if torso else None
    return card.no_yes if card is not None else PROBABILITY


def yes_threshold(torso: str | None) -> float:
    """The output above which a yes/no answer is yes: 0.5, or 0.0 for hinge."""
    low, high = no_yes(torso)
    return (low + high) / 2


def says_yes(outputs: np.ndarray, threshold: float) -> np.ndarray:
    """True where an output passes the threshold (as Keras's binary accuracy decides: strictly above)."""
    return np.asarray(outputs) > threshold


def decide(outputs: np.ndarray, label_kind: str, threshold: float = 0.5) -> np.ndarray:
    """The class a figure picks from its outputs: yes (1) when one output passes `threshold`, else the largest;
    a number answer stays the number."""
    outputs = np.asarray(outputs)
    if outputs.ndim == 1 or outputs.shape[1] == 1:
        column = outputs.reshape(-1)
        return says_yes(column, threshold).astype(int) if label_kind != "number" else column
    return outputs.argmax(axis=1)


def yes_scale(outputs: np.ndarray, torso: str | None) -> np.ndarray:
    """Yes/no outputs on the probability's scale (0 no, 1 yes, the threshold at 0.5), clipped to it."""
    low, high = no_yes(torso)
    return np.clip((np.asarray(outputs, dtype="float32") - low) / (high - low), 0.0, 1.0)


def map_cells(outputs: np.ndarray, label_kind: str, torso: str | None, discretise: bool) -> np.ndarray:
    """One value per cell of the answer map: the class picked; for yes/no the yes-scale (0..1) or, discretised,
    0/1; the number answered."""
    if label_kind == "classes":
        return decide(outputs, "classes")
    if label_kind == "binary":
        if discretise:
            return decide(outputs, "binary", yes_threshold(torso))
        return yes_scale(np.asarray(outputs)[:, 0], torso)
    return np.asarray(outputs)[:, 0]


def class_label(data: Dataset, index: int) -> Message | str:
    """The name of class `index`: the data's own words (a sentence), the name written in the file, or its number."""
    if index < len(data.class_label_keys):
        return Message(data.class_label_keys[index])
    if index < len(data.class_names):
        return data.class_names[index]
    return str(index)


@dataclass(frozen=True)
class Answer:
    """What a figure answers to one question."""

    value: float  # the output read: the number, the yes/no output, or the picked class's share
    picked: int | None  # the class it picks (1 = yes for yes/no); None for a number
    message: Message  # the answer as the page says it


def answer(output: np.ndarray, data: Dataset, torso: str | None) -> Answer:
    """The answer of one row of outputs to a question about `data`, for a figure with the torso card `torso`."""
    output = np.asarray(output).reshape(-1)
    if data.label_kind == "classes" and len(output) == data.n_classes > 1:
        picked = int(np.argmax(output))
        share = float(output[picked])
        label = class_label(data, picked)
        return Answer(share, picked, Message("ui.answer_class", {"label": label, "p": f"{share:.0%}"}))
    value = float(output[0])
    if data.label_kind == "binary":
        picked = int(says_yes(value, yes_threshold(torso)))
        label = class_label(data, picked)
        return Answer(value, picked, Message("ui.answer", {"value": f"{value:.4f}", "label": label}))
    return Answer(value, None, Message("ui.answer_number", {"value": f"{value:.4f}"}))
