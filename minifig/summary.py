"""The head in plain numbers: what each brick takes, gives and how many weights it holds — without building it."""

from __future__ import annotations

from dataclasses import dataclass

from minifig.cards import CATALOGUE
from minifig.spec import FigureSpec

# Weights a brick keeps, from the numbers it takes and gives; cards not listed keep none.
WEIGHT_RULES = {
    "dense": lambda takes, gives: takes * gives + gives,  # a weight per input per unit, a bias per unit
    "batchnorm": lambda takes, gives: 4 * takes,  # scale, shift and two running averages per input
}


@dataclass(frozen=True)
class LayerInfo:
    label: str
    takes: int
    gives: int
    weights: int  # every number the brick keeps, as Keras's count_params counts them


def layer_infos(spec: FigureSpec, n_features: int) -> list[LayerInfo]:
    """Per brick of the head, top to bottom: numbers in, numbers out, weights (see `WEIGHT_RULES`)."""
    infos, width = [], n_features
    for brick in spec.head:
        gives = brick.params.get("units", width)
        weights = WEIGHT_RULES.get(brick.card, lambda takes, gives: 0)(width, gives)
        infos.append(LayerInfo(CATALOGUE[brick.card].label, width, gives, weights))
        width = gives
    return infos


def total_weights(spec: FigureSpec, n_features: int) -> int:
    return sum(info.weights for info in layer_infos(spec, n_features))
