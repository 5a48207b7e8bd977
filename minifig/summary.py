"""The head in plain numbers: what each brick takes, gives and how many weights it holds — without building it."""

from __future__ import annotations

import math
from dataclasses import dataclass

from minifig.cards import CATALOGUE
from minifig.shapes import flow
from minifig.spec import FigureSpec

# Weights a brick keeps, from the shapes it takes and gives and its settings; cards not listed keep none.
WEIGHT_RULES = {
    "dense": lambda takes, gives, p: takes[-1] * gives[-1] + gives[-1],  # a weight per input per unit, a bias each
    "conv2d": lambda takes, gives, p: p["kernel_size"] ** 2 * takes[-1] * p["filters"] + p["filters"],
    "batchnorm": lambda takes, gives, p: 4 * takes[-1],  # scale, shift and two running averages per channel
    "normalization": lambda takes, gives, p: 2 * takes[-1] + 1,  # a mean and a variance per input, and a count
}


@dataclass(frozen=True)
class LayerInfo:
    label: str
    takes: int  # how many numbers come in (an image's rows × columns × channels)
    gives: int
    weights: int  # every number the brick keeps, as Keras's count_params counts them


def layer_infos(spec: FigureSpec, n_features: int) -> list[LayerInfo]:
    """Per brick of the head, top to bottom: numbers in, numbers out, weights (see `WEIGHT_RULES`)."""
    shapes = flow(spec, n_features)
    infos = []
    for brick, takes, gives in zip(spec.head, [shapes.input, *shapes.outputs], shapes.outputs, strict=False):
        weights = WEIGHT_RULES.get(brick.card, lambda takes, gives, p: 0)(takes, gives, brick.params)
        infos.append(LayerInfo(CATALOGUE[brick.card].label, math.prod(takes), math.prod(gives), weights))
    return infos


def total_weights(spec: FigureSpec, n_features: int) -> int:
    return sum(info.weights for info in layer_infos(spec, n_features))
