"""The shape of the numbers flowing down the head, brick by brick, and where a brick gets the wrong shape.

Data rows are flat (samples × features). For image data (the data record names its `image_shape`)
a head with image bricks (Conv2D, MaxPooling2D) sees each row as an image of one channel,
rows × columns × 1; Flatten lays it out flat again. Dense wants flat numbers, image bricks want an
image, and the head must end flat: these rules are what the fit check explains in plain words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from minifig.cards import CATALOGUE
from minifig.datasets import DATASETS
from minifig.i18n import Message
from minifig.spec import FigureSpec

Shape = tuple[int, ...]


@dataclass(frozen=True)
class ShapeFlow:
    """The input shape, each brick's output shape, and the shape problems found on the way."""

    input: Shape
    outputs: list[Shape]
    problems: list[Message]

    @property
    def final(self) -> Shape:
        return self.outputs[-1] if self.outputs else self.input

    @property
    def builds(self) -> bool:
        """True when Keras can build this head: it has a brick and every brick gets the shape it needs."""
        return bool(self.outputs) and not self.problems


def image_shape_of(spec: FigureSpec) -> tuple[int, int] | None:
    record = DATASETS.get(spec.dataset)
    return record.image_shape if record is not None else None


def sees_images(spec: FigureSpec) -> bool:
    """True when the head takes its rows as images: image data and at least one image brick."""
    return image_shape_of(spec) is not None and any(CATALOGUE[b.card].image_only for b in spec.head)


def input_shape(spec: FigureSpec, n_features: int) -> Shape:
    return (*image_shape_of(spec), 1) if sees_images(spec) else (n_features,)


def head_builds(spec: FigureSpec, n_features: int) -> bool:
    """True when the head can be built (and so can answer, babbling) on data with `n_features` inputs."""
    return flow(spec, n_features).builds


def flow(spec: FigureSpec, n_features: int) -> ShapeFlow:
    """Walk the head top to bottom and say each brick's output shape (Conv2D keeps the size: "same" padding)."""
    shape = input_shape(spec, n_features)
    start, outputs, problems = shape, [], []
    for position, brick in enumerate(spec.head, start=1):
        card, params = CATALOGUE[brick.card], brick.params
        where = {"card": card.label, "position": position}
        if card.image_only and len(shape) != 3:
            key = "shape.needs_image" if image_shape_of(spec) else "shape.no_images"
            problems.append(Message(key, where))
            shape = (*shape[:-1], params.get("filters", shape[-1]))
        elif brick.card == "conv2d":
            shape = (*shape[:2], params["filters"])
        elif brick.card == "maxpool":
            size = params["pool_size"]
            if shape[0] < size or shape[1] < size:
                problems.append(Message("shape.too_small", {**where, "rows": shape[0], "columns": shape[1]}))
            shape = (max(1, shape[0] // size), max(1, shape[1] // size), shape[2])
        elif brick.card == "flatten":
            shape = (math.prod(shape),)
        elif "units" in params:
            if len(shape) != 1:
                problems.append(Message("shape.dense_on_image", where))
            shape = (params["units"],)
        outputs.append(shape)
    if len(shape) != 1 and not problems:
        problems.append(Message("shape.ends_as_image", {"shape": " × ".join(map(str, shape))}))
    return ShapeFlow(start, outputs, problems)
