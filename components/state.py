"""The page's session state: every key declared once with its default, and what is derived from it.

The figure lives as widget values (head bricks, their parameters, torso, legs, settings); `figure()`
reads them into a `FigureSpec`. The trained model (`trainer`) belongs to the figure it was compiled
from: changing a piece of the model clears it, as Playground resets when a parameter changes.
A key not in `DEFAULTS` is a widget's own (declared by its `key=`); `tests/app/test_state_table.py` names
any other. One panel asks another to act through `ask(Ask.…)` / `asked(Ask.…)`, never through a flag of its own.
"""

from __future__ import annotations

import copy
import enum

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from minifig import url_state
from minifig.cards import CATALOGUE, Brick
from minifig.datasets import DATASETS
from minifig.features import DEFAULT_VIEWS
from minifig.i18n import t
from minifig.spec import FigureSpec, SpecError, Training, seed_figure

_SEED = seed_figure()

DEFAULTS = {
    "lang": "en",  # the page's language (a locale file's name: minifig.locale_files)
    "dataset": _SEED.dataset,  # the data set the figure learns from (a DATASETS id, or the CSV slot)
    "torso": _SEED.torso.card,  # the torso's card id (the loss), or None
    "legs": _SEED.legs.card,  # the legs' card id (the optimizer), or None
    "lr": _SEED.legs.params["learning_rate"],  # the legs' learning rate
    "momentum": 0.0,  # the legs' momentum (SGD only)
    "epochs": _SEED.training.epochs,  # the training settings: epochs of a run, ...
    "batch_size": _SEED.training.batch_size,  # ... examples per step, ...
    "validation_split": _SEED.training.validation_split,  # ... the share kept aside to check on, ...
    "seed": _SEED.training.seed,  # ... and the seed of the first weights and the split
    "samples": 300,  # the data set's settings, when it has them (`apply_figure` sets its defaults)
    "noise": 0.1,  # (see samples)
    "eyes": list(DEFAULT_VIEWS),  # the views of the inputs the head sees (minifig.features)
    "csv_file": None,  # {"raw", "name", "result"}: the learner's last CSV file and how it read
    "csv_data": None,  # the Dataset of the last CSV file that read well
    "csv_name": "",  # and that file's name
    "csv_version": 0,  # counts the CSV files used, so a new file drops the model of the old one
    "answer_column": None,  # the CSV file's answer column; None: the last one
    "csv_kind": "auto",  # the kind of answer the CSV holds, or "auto" to guess it
    "csv_drop": False,  # the CSV's rows with a missing number are dropped
    "show_val": True,  # views of the map: validation points shown, yes/no answers discretised
    "discretise": False,  # (see show_val)
    "trainer": None,  # engine.Trainer of the compiled figure, or None
    "compiled_key": None,  # model_key() of the figure the trainer was built from
    "babble": None,  # (head_key, engine.Head) answering before compile
    "live_answer": None,  # redraws the question's answer from the trainer while it trains (1-D data)
    "live_figure": None,  # redraws the figure and its loop while the trainer trains (components.figure)
    "pace": 0,  # epochs a second while training, 0 for as fast as it goes (minifig.pace)
    "loop": None,  # {"trainer", "step": minifig.loop.LoopStep, "shown": phases shown, "walk": phase by phase}
    "run": None,  # {"target": epochs asked, "state": "running" | "done" | "stopped" | "diverged"}
    "time_travel": None,  # the epoch the page shows the trained figure at (components.timeline), None for now
    "timeline_end": None,  # (trainer id, last epoch) the timeline slider was last drawn for
    "table_base": None,  # (columns, rows) the typed table's editor started from; None for the lesson's data
    "table_version": 0,  # counts new starts of the editor (a new number of input columns)
    "table_inputs": 1,  # the typed table's number of input columns
    "table_data": None,  # the Dataset of the last typed table that read well
    "table_problems": (),  # why the table as typed now cannot be used
    "head": None,  # the head's bricks, top to bottom: [{"uid", "card"}] (see make_item); None until init sets it
    "last_uid": 0,  # the last id given to a head brick (its parameters' widgets are keyed `p<uid>_<name>`)
    "requests": frozenset(),  # what one panel asked another to do on this run or the next (Ask), each done once
    "notices": {},  # place -> (kind, lines): a message kept until the part at that place shows it (notify)
    "compare_kept": [],  # the figures kept for comparison (components.compare), and their joint run
    "compare_run": None,  # {"epoch", "target", "state"} of the joint run of the kept figures
    "compare_data": None,  # the data the kept figures were kept for: other data drops them
    "card_asked": {},  # {"now": the question the sliders ask and its answer} for the figure's card (components.card)
    "address_extras": {},  # query parameters the address keeps beside the figure (a challenge's)
    "challenge_read": False,  # the address's challenge was read (once a session)
    "challenge_card": None,  # the challenge the page is in (minifig.challenge.Challenge), or None
    "challenge_room": None,  # that challenge's sealed link (signing.SealedChallenge): its room on the board
    "room_member": None,  # the learner on the room's board (minifig.challenge.Member) once a nickname is given
    "room_id": None,  # the room of the challenges this teacher makes (one a session)
    "board_said": None,  # (kind, sentence key, until when): what clearing the room did, said for a few refreshes
    "lesson_step": 0,  # the lesson's step shown, 1..len(lesson.STEPS); 0: not started
    "presenter": False,  # the lesson's presenter view (large type, one section at a time)
    "lesson_ask_from": None,  # the question asked when the lesson's last step began
    "lesson_quoted": None,  # the question the lesson last quoted the answer to
    "primed": False,  # the browser's page has been primed with one widget of each kind (components.primer)
}


class Ask(enum.StrEnum):
    """What one panel asks another to do (or to say) on this run or the next: `ask(...)`, then `asked(...)` once."""

    COMPILE = "compile"  # the lesson's "Show me" compiles the figure (components.figure)
    TRAIN = "train"  # the lesson's "Show me" trains it (components.training)
    GO_ON = "go_on"  # a run stopped by a new pace goes on at that pace (components.loop -> training)
    STEP = "step"  # Step (one epoch), clicked in a run of the training panel alone, for the whole page's run
    SAY_COMPILE_REFUSED = "say_compile_refused"  # Compile was refused: say why, after the rerun
    SAY_HEAD_FULL = "say_head_full"  # a brick was refused because the head is full (components.head says it)
    SAY_BRICK_REFUSED = "say_brick_refused"  # a brick was refused by the challenge's limit (components.challenge)
    SAY_PHASE_REFUSED = "say_phase_refused"  # a phase step was asked before compiling (components.loop)


def ask(action: Ask) -> None:
    """Ask for `action`; the panel that does it answers once (`asked`)."""
    st.session_state.requests = st.session_state.requests | {action}


def asked(action: Ask) -> bool:
    """Whether `action` was asked since it was last answered; answering it here, so it is done once."""
    requests = st.session_state.requests
    if action not in requests:
        return False
    st.session_state.requests = requests - {action}
    return True


def init() -> None:
    """Declare every key; a new session starts from the figure in the address, or the lesson's."""
    for key, value in DEFAULTS.items():
        if key not in st.session_state:
            st.session_state[key] = copy.deepcopy(value)  # each session its own lists and dicts
    if st.session_state.head is None:
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
    query = {**url_state.to_query(spec), **st.session_state.address_extras}  # e.g. a challenge
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
    keep_values([*TRANSLATED_CHOICES, *(k for k in ss if isinstance(k, str) and k.endswith("_regularizer"))])


def keep_values(keys) -> None:
    """Set each of these widgets' keys to its own value: one not drawn this run keeps it (Streamlit would drop it),
    and one drawn anew is sent to the browser again."""
    ss = st.session_state
    for key in keys:
        if key in ss:
            ss[key] = ss[key]


def tr(key: str, **values) -> str:
    """The sentence `key` in the page's language."""
    return t(key, lang(), **values)


def lang() -> str:
    """The page's language, read from the session state once per script run.

    A run asks for it ~500 times (every sentence, every answer ahead) and a read of `st.session_state` costs ~5 µs
    (its proxy, lock and layers): ~2 % of a learner's server time. The language only changes between runs (its
    radio's value is in place before a run starts; nothing sets it during one), and Streamlit gives every run a
    fresh `cursors` dict (`ScriptRunContext.reset`): the language read in this run is kept beside it.
    """
    ctx = get_script_run_ctx()
    if ctx is None:
        return st.session_state.lang
    kept = getattr(ctx, "minifig_lang", None)
    if kept is not None and kept[0] is ctx.cursors:
        return kept[1]
    value = st.session_state.lang
    ctx.minifig_lang = (ctx.cursors, value)
    return value


def tr_count(key: str, n: int) -> str:
    """The sentence `key` about `n` things, or `key`_one when there is one ("1 epoch", not "1 epochs")."""
    return tr(f"{key}_one") if n == 1 else tr(key, n=n)


def new_uid() -> int:
    st.session_state.last_uid += 1
    return st.session_state.last_uid


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
