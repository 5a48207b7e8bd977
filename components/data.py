"""The data: which set the figure learns, its sample count, noise and validation split, the eyes, and the
learner's own CSV file. Returns what the head sees (`DataChoice`)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import streamlit as st

from components import state, typed_table
from components.state import tr
from minifig.charts import class_names
from minifig.datasets import CSV_ID, DATASETS, Dataset, load
from minifig.features import DEFAULT_VIEWS, VIEWS, with_views
from minifig.fit_check import uneven_inputs
from minifig.i18n import Message
from minifig.spec import preset_figure

POINTS = "feature.point"  # the feature key of 2-D point sets, the ones with eyes
SAMPLE_CLASSES = 10  # the digits' sample grid shows this many images
DEFAULTS_DATASET = state.DEFAULTS["dataset"]


@dataclass(frozen=True)
class DataChoice:
    """The data as made (`raw`), as the head's eyes see it (`seen`), and what stops it being used."""

    raw: Dataset
    seen: Dataset
    problems: list[Message] = field(default_factory=list)

    @property
    def is_plane(self) -> bool:
        return self.raw.feature_key == POINTS


@st.cache_resource(max_entries=32, show_spinner=False)
def made(dataset_id: str, samples: int | None, noise: float | None, seed: int) -> Dataset:
    """The data set, made once per server for every session asking the same (its numbers read-only: shared, not
    copied; `st.cache_data` copied them on every call, a few times a page run)."""
    data = load(dataset_id, samples, noise, seed)
    for numbers in (data.x, data.y):
        numbers.setflags(write=False)
    return data


def render_data() -> DataChoice:
    ss = st.session_state
    if ss.dataset == CSV_ID and ss.csv_data is None:
        ss.dataset = DEFAULTS_DATASET  # an address may name a CSV this session never had
    options = [*DATASETS, *([CSV_ID] if ss.csv_data is not None else []), *typed_table.choices()]
    titles = {dataset_id: _title(dataset_id) for dataset_id in options}  # words fixed now, in this language
    st.selectbox(tr("ui.dataset"), options, key="dataset", format_func=titles.get, on_change=_use_preset)
    _settings()
    if current_raw().feature_key == POINTS:
        st.multiselect(
            tr("eyes.title"),
            list(VIEWS),
            key="eyes",
            format_func=lambda view: VIEWS[view].label,
            help=tr("eyes.help") + "\n\n" + "\n".join(f"- {tr(v.explain_key)}" for v in VIEWS.values()),
        )
    choice = current_choice()
    data = choice.raw
    names = class_names(data, st.session_state.lang)
    answers = " / ".join(names) if data.label_kind != "number" else tr("label_kind.number")
    st.caption(tr("ui.dataset_help", n=len(data.x), inputs=tr(data.feature_key), answers=answers))
    if data.image_shape:
        _image_samples(data)
    typed_table.render_typed_table()
    _csv_panel()
    return choice


def current_raw() -> Dataset:
    """The data set as chosen now, before the eyes."""
    ss = st.session_state
    if ss.dataset == CSV_ID:
        return ss.csv_data
    record = DATASETS[ss.dataset]
    samples = ss.samples if record.has_count else None
    noise = ss.noise if record.has_noise else None
    return made(ss.dataset, samples, noise, int(ss.seed))


def _settings() -> None:
    """The data set's own settings (those it has), then the validation share, side by side."""
    record = DATASETS.get(st.session_state.dataset)
    row = st.container(horizontal=True, gap="medium")  # one row element, not a column each (each is a message)
    if record is not None and record.has_count:
        p = record.n_samples
        row.slider(tr("field.n_samples"), p.low, min(p.high, 1000), step=10, key="samples")
    if record is not None and record.has_noise:
        p = record.noise
        row.slider(tr("field.noise"), float(p.low), float(p.high), step=0.05, key="noise")
    row.slider(tr("field.validation_split"), 0.0, 0.5, step=0.05, key="validation_split")


def current_choice() -> DataChoice:
    """The data as chosen now, and as the eyes pass it to the head."""
    raw = current_raw()
    if raw.feature_key != POINTS:
        return DataChoice(raw, raw)
    eyes = tuple(st.session_state.eyes)
    if not eyes:
        return DataChoice(raw, raw, [Message("eyes.none")])
    return DataChoice(raw, raw if eyes == DEFAULT_VIEWS else with_views(raw, eyes))


def _image_samples(data: Dataset) -> None:
    """One example image of each class, pixel-sharp."""
    picks = [int(np.argmax(data.y == number)) for number in range(min(SAMPLE_CLASSES, data.n_classes))]
    images = [pixelated(data.x[i].reshape(data.image_shape)) for i in picks]
    names = class_names(data, st.session_state.lang)
    st.image(images, caption=[names[int(data.y[i])] for i in picks], width=56)


def pixelated(image: np.ndarray, scale: int = 7) -> np.ndarray:
    """A small grey image (0 = white) enlarged cell by cell, as dark ink on white, ready for `st.image`."""
    ink = image / max(float(image.max()), 1e-6)
    return np.kron(1.0 - ink, np.ones((scale, scale))).clip(0, 1)


def _use_preset() -> None:
    """A new data set comes with a figure that fits it, as each Playground example does."""
    ss = st.session_state
    if typed_table.picked():  # the table as typed; the figure stays if it fits
        return
    if ss.dataset not in DATASETS and ss.dataset != CSV_ID:
        ss.dataset = DEFAULTS_DATASET  # not a choice on offer (a stale label from the browser): start over safely
    if ss.dataset == CSV_ID:
        from minifig.csv_data import starting_figure

        spec = starting_figure(ss.csv_data, seed=int(ss.seed))
    else:
        spec = preset_figure(ss.dataset)
    state.apply_figure(spec)
    state.notify("data", "info", [tr("ui.preset_applied", data=_title(ss.dataset))])


def _title(dataset_id: str) -> str:
    """A data set's name; the CSV choice is named after the file whose data is in use (not a newer, refused one)."""
    if (name := typed_table.title(dataset_id)) is not None:
        return name
    if dataset_id == CSV_ID:
        return f"{tr('dataset.csv')} · {st.session_state.csv_name}"
    return tr(DATASETS[dataset_id].title_key)


# --- the learner's own CSV --------------------------------------------------------------------------


def _csv_panel() -> None:
    from minifig.csv_data import LABEL_KINDS  # pandas: only when the panel is drawn, after the page has painted

    ss = st.session_state
    with st.expander(tr("csv.upload"), expanded=ss.csv_file is not None):
        st.caption(tr("csv.upload_help"))
        st.file_uploader(
            tr("csv.upload"), type=None, key="csv_upload", on_change=_csv_uploaded, label_visibility="collapsed"
        )
        state.show_notices("csv")
        chosen = ss.csv_file
        if chosen is None:
            return
        result = chosen["result"]
        if not result.ok:
            st.error("  \n".join([tr("csv.refused"), *(f"- {p.text(ss.lang)}" for p in result.problems)]))
        if result.columns:
            left, right = st.columns(2)
            left.selectbox(tr("csv.answer_column"), list(result.columns), key="answer_column", on_change=_csv_reread)
            kinds = ["auto", *LABEL_KINDS]
            right.selectbox(
                tr("csv.label_kind"),
                kinds,
                key="csv_kind",
                on_change=_csv_reread,
                format_func={k: tr("ui.kind_auto") if k == "auto" else tr(f"label_kind.{k}") for k in kinds}.get,
            )
            if result.inferred_kind:
                st.caption(tr("csv.inferred", kind=tr(f"label_kind.{result.inferred_kind}")))
            if result.missing_rows:
                st.checkbox(tr("csv.drop_missing", rows=result.missing_rows), key="csv_drop", on_change=_csv_reread)
        if result.preview is not None:
            st.caption(tr("csv.preview"))
            st.dataframe(result.preview, hide_index=True)


def _csv_uploaded() -> None:
    upload = st.session_state.csv_upload
    if upload is None:
        return  # the learner took the file away: the data stays as it is
    raw = upload.getvalue()
    ss = st.session_state
    ss.csv_file = {"raw": raw, "name": upload.name, "result": None}
    ss.answer_column, ss.csv_kind, ss.csv_drop = None, "auto", False
    _csv_reread()


def _csv_reread() -> None:
    from minifig.csv_data import read_csv, starting_figure

    ss = st.session_state
    chosen = ss.csv_file
    kind = None if ss.csv_kind == "auto" else ss.csv_kind
    result = read_csv(chosen["raw"], chosen["name"], ss.answer_column, kind, bool(ss.csv_drop))
    chosen["result"] = result
    if result.answer_column in result.columns:
        ss.answer_column = result.answer_column
    if not result.ok:
        return  # the panel says why; the data in use stays as it is
    data = result.dataset
    lines = [tr("csv.loaded", rows=len(data.x), inputs=data.n_features, column=data.answer_name)]
    if ss.csv_drop and result.missing_rows:
        lines.append(tr("csv.dropped", rows=result.missing_rows))
    ss.csv_data = data
    ss.csv_name = chosen["name"]
    ss.csv_version += 1
    ss.dataset = CSV_ID
    state.apply_figure(starting_figure(data, seed=int(ss.seed)))
    uneven = uneven_inputs(data)  # the starting figure put a Normalization brick first: say why
    if uneven is not None:
        lines.append(tr("csv.starts_normalized", why=uneven.text(ss.lang)))
    state.notify("csv", "success", lines)
