"""Hypothesis strategies that draw figures from the catalogue and the data-set registry themselves.

Everything is read from `minifig.cards.CATALOGUE`, `minifig.datasets.DATASETS` and `minifig.features.VIEWS`:
a new card, setting or data set joins the drawn figures without a change here. Settings are drawn within
their own bounds; only the data sets' sample counts are capped (`MAX_SAMPLES`) to keep a page walk quick.

`figures()` draws anything a learner can build (most of it does not fit); `fitting_figures()` draws a body
of any bricks the data can take and ends it the way the data's answers need, so that most of them compile.
`csv_tables()` draws a CSV file as a learner might upload it (the data set "csv").
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace

from hypothesis import strategies as st

from minifig.cards import CATALOGUE, LAYER, LOSS, OPTIMIZER, Brick, Card, Param, cards_of
from minifig.datasets import CSV_ID, DATASETS, Dataset, load
from minifig.features import DEFAULT_VIEWS, VIEWS
from minifig.spec import MAX_LAYERS, TRAINING_PARAMS, FigureSpec, Training

MAX_SAMPLES = 120  # a data set's sample count is drawn from its own lower bound up to this
WALK_EPOCHS = 2  # the page walk trains this many epochs


def values(param: Param) -> st.SearchStrategy:
    """Any value the setting allows."""
    if param.type == "choice":
        return st.sampled_from(param.choices)
    if param.type == "int":
        return st.integers(int(param.low), int(param.high))
    return st.floats(param.low, param.high, allow_nan=False, allow_infinity=False)


def bricks_of(card: Card) -> st.SearchStrategy[Brick]:
    """A brick of `card` with any settings within the card's bounds."""
    return st.fixed_dictionaries({p.name: values(p) for p in card.params}).map(lambda params: Brick(card.id, params))


def bricks(kind: str, cards: list[Card] | None = None) -> st.SearchStrategy[Brick]:
    return st.sampled_from(cards or cards_of(kind)).flatmap(bricks_of)


def trainings(epochs: int | None = WALK_EPOCHS) -> st.SearchStrategy[Training]:
    """Any training settings; the epochs fixed to `epochs` unless None."""
    drawn = {p.name: values(p) for p in TRAINING_PARAMS}
    if epochs is not None:
        drawn["epochs"] = st.just(epochs)
    return st.fixed_dictionaries(drawn).map(lambda settings: Training(**settings))


@st.composite
def data_settings(draw, dataset_id: str) -> dict:
    """The data set's own settings (sample count, noise, eyes), those it has, within their bounds."""
    record = DATASETS.get(dataset_id)
    settings = {}
    if record is None:  # a learner's CSV: its settings are the file's
        return settings
    if record.has_count:
        low = int(record.n_samples.low)
        settings["samples"] = draw(st.integers(low, max(low, min(int(record.n_samples.high), MAX_SAMPLES))))
    if record.has_noise:
        settings["noise"] = draw(values(record.noise))
    if _data(dataset_id).feature_key == "feature.point":
        settings["eyes"] = tuple(draw(st.lists(st.sampled_from(list(VIEWS)), unique=True, max_size=len(VIEWS))))
    return settings


@st.composite
def figures(draw, dataset_ids: tuple[str, ...] = tuple(DATASETS)) -> FigureSpec:
    """Any figure a learner can put together: any bricks in any order, any torso and legs (or none)."""
    dataset_id = draw(st.sampled_from(dataset_ids))
    return FigureSpec(
        head=tuple(draw(st.lists(bricks(LAYER), max_size=MAX_LAYERS))),
        torso=draw(st.none() | bricks(LOSS)),
        legs=draw(st.none() | bricks(OPTIMIZER)),
        dataset=dataset_id,
        training=draw(trainings()),
        **draw(data_settings(dataset_id)),
    )


ENDINGS = {"binary": "sigmoid", "classes": "softmax", "number": "linear"}


@st.composite
def endings(draw, data: Dataset) -> tuple[Brick, Brick]:
    """The last brick and a torso that suit the data's answers: one number per class, the torso's activation."""
    torsos = [c for c in cards_of(LOSS) if data.label_kind in c.label_kinds and not _needs_other_format(c, data)]
    torso = draw(st.sampled_from(torsos))
    activation = torso.output_activations[0] if torso.output_activations else ENDINGS[data.label_kind]
    classes = data.label_kind == "classes" or torso.id.endswith("categorical_crossentropy")
    last = Brick("dense", {**CATALOGUE["dense"].defaults(), "units": data.n_classes if classes else 1})
    last = replace(last, params={**last.params, "activation": activation, "regularizer": draw(values(_reg()))})
    return last, Brick(torso.id, {})


def _reg() -> Param:
    return CATALOGUE["dense"].param("regularizer")


def _needs_other_format(torso: Card, data: Dataset) -> bool:
    return (torso.id == "categorical_crossentropy") != data.one_hot and torso.id.endswith("categorical_crossentropy")


@st.composite
def bodies(draw, data: Dataset, room: int) -> tuple[Brick, ...]:
    """Bricks the data can take: for images, maybe image bricks (and any that keep an image) then Flatten; then
    any bricks offered for every kind of data."""
    flat = [c for c in cards_of(LAYER) if c.offered_for == "any"]
    body: list[Brick] = []
    if data.image_shape is not None and draw(st.booleans()):
        on_images = [c for c in cards_of(LAYER) if c.image_only or (c in flat and "units" not in c.defaults())]
        body += draw(st.lists(bricks(LAYER, on_images), min_size=1, max_size=max(1, room // 2)))
        body.append(draw(bricks_of(CATALOGUE["flatten"])))
    body += draw(st.lists(bricks(LAYER, flat), max_size=max(0, room - len(body))))
    return tuple(body)


@st.composite
def fitting_figures(draw, dataset_ids: tuple[str, ...] = tuple(DATASETS)) -> FigureSpec:
    """A figure on a registered data set whose head ends as the data's answers need (see `fitting_figures_on`)."""
    dataset_id = draw(st.sampled_from(dataset_ids))
    settings = draw(data_settings(dataset_id))
    settings["eyes"] = settings.get("eyes") or ()  # no eyes at all is a problem, not a figure
    data = _data(dataset_id)  # its answers' kind, classes and image shape do not depend on the settings
    return replace(draw(fitting_figures_on(data)), dataset=dataset_id, **settings)


@st.composite
def fitting_figures_on(draw, data: Dataset) -> FigureSpec:
    """A figure for `data` whose head ends as its answers need, with a torso that suits them and any legs."""
    last, torso = draw(endings(data))
    return FigureSpec(
        head=(*draw(bodies(data, MAX_LAYERS - 1)), last),
        torso=torso,
        legs=draw(bricks(OPTIMIZER)),
        dataset=data.id,
        training=draw(trainings()),
    )


def seen_width(spec: FigureSpec) -> int:
    """How many numbers each example of the figure's (registered) data set gives the head, through its eyes."""
    eyes = spec.eyes or DEFAULT_VIEWS
    data = _data(spec.dataset)
    return len(eyes) if data.feature_key == "feature.point" else data.n_features


def _data(dataset_id: str) -> Dataset:
    """The registered data set with its default settings, made once when this module is imported (not while
    Hypothesis draws: making data touches global random state, which Hypothesis rightly warns about)."""
    return _DEFAULT_DATA[dataset_id]


_DEFAULT_DATA = {dataset_id: load(dataset_id) for dataset_id in DATASETS}


@dataclass(frozen=True)
class CsvTable:
    """A CSV file as uploaded, and the answers' kind it was drawn for."""

    name: str
    raw: bytes
    label_kind: str


@st.composite
def csv_tables(draw) -> CsvTable:
    """A small table of numbers with the answers in the last column: yes/no, classes or numbers.

    Input columns may be constant or hold values of any finite size (float32's range), as learners' files do.
    """
    n_inputs = draw(st.integers(1, 4))
    n_rows = draw(st.integers(4, 40))
    label_kind = draw(st.sampled_from(["binary", "classes", "number"]))
    number = st.integers(-1000, 1000) | st.floats(-1e6, 1e6, allow_nan=False)
    extreme = st.floats(allow_nan=False, allow_infinity=False, width=32)  # up to ±3.4e38, as float32 holds
    columns = []
    for _ in range(n_inputs):
        kind = draw(st.sampled_from(["numbers", "numbers", "numbers", "one value", "extreme"]))
        if kind == "one value":
            columns.append([draw(number)] * n_rows)
        else:
            columns.append(draw(st.lists(extreme if kind == "extreme" else number, min_size=n_rows, max_size=n_rows)))
    if label_kind == "binary":
        answers = draw(st.lists(st.sampled_from([0, 1]), min_size=n_rows, max_size=n_rows))
    elif label_kind == "classes":
        answers = draw(st.lists(st.integers(0, 4), min_size=n_rows, max_size=n_rows))
    else:
        answers = draw(st.lists(number, min_size=n_rows, max_size=n_rows))
    text = io.StringIO()
    text.write(",".join([*(f"x{i + 1}" for i in range(n_inputs)), "y"]) + "\n")
    for row in zip(*columns, answers, strict=True):
        text.write(",".join(repr(value) for value in row) + "\n")
    return CsvTable(f"{CSV_ID}_{label_kind}.csv", text.getvalue().encode(), label_kind)
