"""The page's session state: every key declared once with its default, and what is derived from it.

The figure lives as widget values (head bricks, their parameters, torso, legs, settings); `figure()`
reads them into a `FigureSpec`. The trained model (`trainer`) belongs to the figure it was compiled
from: changing a piece of the model clears it, as Playground resets when a parameter changes.
"""

from __future__ import annotations

import itertools

import streamlit as st

from minifig import url_state
from minifig.cards import CATALOGUE, Brick
from minifig.datasets import DATASETS
from minifig.features import DEFAULT_VIEWS
from minifig.i18n import t
from minifig.spec import FigureSpec, SpecError, Training, seed_figure

_SEED = seed_figure()

DEFAULTS = {
    "lang": "en",
    "dataset": _SEED.dataset,
    "torso": _SEED.torso.card,
    "legs": _SEED.legs.card,
    "lr": _SEED.legs.params["learning_rate"],
    "momentum": 0.0,
    "epochs": _SEED.training.epochs,
    "batch_size": _SEED.training.batch_size,
    "validation_split": _SEED.training.validation_split,
    "seed": _SEED.training.seed,
    "samples": 300,  # the data set's settings, when it has them (`apply_figure` sets its defaults)
    "noise": 0.1,
    "eyes": list(DEFAULT_VIEWS),
    "csv_file": None,  # {"raw", "name", "result"}: the learner's last CSV file and how it read
    "csv_data": None,  # the Dataset of the last CSV file that read well
    "csv_name": "",  # and that file's name
    "csv_version": 0,  # counts the CSV files used, so a new file drops the model of the old one
    "answer_column": None,
    "csv_kind": "auto",
    "csv_drop": False,
    "show_val": True,  # views of the map: validation points shown, yes/no answers discretised
    "discretise": False,
    "trainer": None,  # engine.Trainer of the compiled figure, or None
    "compiled_key": None,  # model_key() of the figure the trainer was built from
    "babble": None,  # (head_key, engine.Head) answering before compile
    "live_answer": None,  # redraws the question's answer from the trainer while it trains (1-D data)
    "live_figure": None,  # redraws the figure and its loop while the trainer trains (components.figure)
    "pace": 0,  # epochs a second while training, 0 for as fast as it goes (minifig.pace)
    "loop": None,  # {"trainer", "step": minifig.loop.LoopStep, "shown": phases shown, "walk": phase by phase}
    "go_on": False,  # a run stopped by a new pace goes on at that pace
    "run": None,  # {"target": epochs asked, "state": "running" | "done" | "stopped" | "diverged"}
    "time_travel": None,  # the epoch the page shows the trained figure at (components.timeline), None for now
    "timeline_end": None,  # (trainer id, last epoch) the timeline slider was last drawn for
    "table_base": None,  # (columns, rows) the typed table's editor started from; None for the lesson's data
    "table_version": 0,  # counts new starts of the editor (a new number of input columns)
    "table_inputs": 1,
    "table_data": None,  # the Dataset of the last typed table that read well
    "table_problems": (),  # why the table as typed now cannot be used
}


def init() -> None:
    """Declare every key; a new session starts from the figure in the address, or the lesson's."""
    for key, value in DEFAULTS.items():
        st.session_state.setdefault(key, value)
    st.session_state.setdefault("notices", {})
    for key in ("compare_kept", "compare_run", "compare_data"):  # figures kept for comparison (components.compare)
        st.session_state.setdefault(key, [] if key == "compare_kept" else None)
    st.session_state.setdefault("compare_name", "")
    if "head" not in st.session_state:
        apply_figure(_figure_from_address() or _SEED)


def apply_figure(spec: FigureSpec) -> None:
    """Put a whole (valid) figure into the widgets; call before the widgets are drawn (e.g. in a callback)."""
    ss = st.session_state
    ss.head = []
    for brick in spec.head:
        add_brick(brick.card, brick.params)
    ss.torso = spec.torso.card if spec.torso else None
    ss.legs = spec.legs.card if spec.legs else None
    if spec.legs:
        ss.lr = spec.legs.params["learning_rate"]
        ss.momentum = spec.legs.params.get("momentum", 0.0)
    ss.dataset = spec.dataset
    record = DATASETS.get(spec.dataset)
    if record is not None and record.has_count:
        ss.samples = spec.samples if spec.samples is not None else record.n_samples.default
    if record is not None and record.has_noise:
        ss.noise = spec.noise if spec.noise is not None else record.noise.default
    ss.eyes = list(spec.eyes or DEFAULT_VIEWS)
    for name, value in vars(spec.training).items():
        ss[name] = value
    ss.trainer = ss.compiled_key = ss.run = ss.babble = None


def notify(place: str, kind: str, lines: list[str]) -> None:
    """Keep a message for the learner until the part at `place` shows it (once)."""
    st.session_state.notices[place] = (kind, lines)


def show_notices(place: str) -> None:
    notice = st.session_state.notices.pop(place, None)
    if notice:
        kind, lines = notice
        getattr(st, kind)("  \n".join(lines))


def _figure_from_address() -> FigureSpec | None:
    query = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
    if not url_state.has_figure(query):
        return None
    try:
        return url_state.from_query(query)
    except SpecError as error:
        lang = st.session_state.lang
        notify("page", "warning", [t("ui.bad_address", lang), *(p.text(lang) for p in error.problems)])
        return None


def sync_address(spec: FigureSpec, usable: bool) -> None:
    """Keep the page address equal to the figure, so copying it shares the whole set-up."""
    if not usable:
        return
    query = {**url_state.to_query(spec), **st.session_state.get("address_extras", {})}  # e.g. a challenge
    current = {key: st.query_params.get_all(key) for key in st.query_params.keys()}
    wanted = {key: value if isinstance(value, list) else [value] for key, value in query.items()}
    if current != {key: value for key, value in wanted.items() if value}:
        st.query_params.from_dict(query)


TRANSLATED_CHOICES = ("dataset", "csv_kind", "pace")  # choices whose option names change with the language


def refresh_translated_choices() -> None:
    """Set each translated choice to its own value, so the browser shows its name in the new language.

    Streamlit's selectbox keeps showing the name it was given when only `format_func`'s words change
    (streamlit/streamlit#13788); a value set through the session state is sent to the browser anew.
    """
    ss = st.session_state
    for key in [*TRANSLATED_CHOICES, *(k for k in ss if isinstance(k, str) and k.endswith("_regularizer"))]:
        if key in ss:
            ss[key] = ss[key]


def tr(key: str, **values) -> str:
    """The sentence `key` in the page's language."""
    return t(key, st.session_state.lang, **values)


def new_uid() -> int:
    counter = st.session_state.setdefault("_uids", itertools.count(1))
    return next(counter)


def make_item(card_id: str, params: dict | None = None) -> dict:
    """A head item: a stable id for its widgets and its card; parameters live in the widgets' state."""
    uid = new_uid()
    for name, value in {**CATALOGUE[card_id].defaults(), **(params or {})}.items():
        st.session_state[param_key(uid, name)] = value
    return {"uid": uid, "card": card_id}


def add_brick(card_id: str, params: dict | None = None) -> None:
    st.session_state.head = [*st.session_state.head, make_item(card_id, params)]


def param_key(uid: int, name: str) -> str:
    return f"p{uid}_{name}"


def figure() -> FigureSpec:
    """The figure as the widgets hold it now; it may be invalid (see `spec.problems`)."""
    ss = st.session_state
    head = tuple(
        Brick(item["card"], {p.name: ss.get(param_key(item["uid"], p.name)) for p in CATALOGUE[item["card"]].params})
        for item in ss.head
    )
    legs = None
    if ss.legs is not None:
        values = {"learning_rate": ss.lr, "momentum": ss.momentum}
        legs = Brick(ss.legs, {p.name: values[p.name] for p in CATALOGUE[ss.legs].params})
    torso = Brick(ss.torso, {}) if ss.torso is not None else None
    training = Training(ss.epochs, ss.batch_size, ss.validation_split, ss.seed)
    record = DATASETS.get(ss.dataset)
    samples = ss.samples if record is not None and record.has_count else None
    noise = ss.noise if record is not None and record.has_noise else None
    eyes = tuple(ss.eyes) if tuple(ss.eyes) != DEFAULT_VIEWS else ()
    return FigureSpec(head, torso, legs, ss.dataset, training, eyes, samples, noise)


def model_key(spec: FigureSpec) -> str:
    """What the built model depends on: everything but the epochs and batch size."""
    raw = spec.to_dict()
    raw["training"] = {k: v for k, v in raw["training"].items() if k not in ("epochs", "batch_size")}
    return repr((raw, st.session_state.csv_version))


def head_key(spec: FigureSpec) -> str:
    """What the untrained head depends on: its bricks, the seed and the data's inputs (eyes, the CSV file)."""
    return repr((spec.to_dict()["head"], spec.training.seed, spec.dataset, spec.eyes, st.session_state.csv_version))


def forget_stale_model(spec: FigureSpec) -> None:
    """Drop the compiled model when the figure it was built from has changed."""
    if st.session_state.trainer is not None and st.session_state.compiled_key != model_key(spec):
        st.session_state.trainer = None
        st.session_state.compiled_key = None
        st.session_state.run = None
