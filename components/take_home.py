"""Take it home: the figure as runnable Keras code, and saving / loading the figure and the trained model."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from components.card import render_card_download
from components.data import current_choice
from components.state import apply_figure, figure, head_key, notify, show_notices, tr
from minifig.codegen import python_script
from minifig.datasets import Dataset
from minifig.model_file import MAX_FILE_BYTES, ModelFileError, load_weights, read_model_file
from minifig.shapes import flow
from minifig.spec import FigureSpec, SpecError, from_json


def render_take_home(spec: FigureSpec, data: Dataset, usable: bool) -> None:
    st.subheader(tr("ui.take_home"))
    code_tab, files_tab = st.tabs([tr("ui.tab_code"), tr("ui.tab_files")])
    with code_tab:
        _code(spec, data, usable)
    with files_tab:
        _files(spec, usable)


def _code(spec: FigureSpec, data: Dataset, usable: bool) -> None:
    """The figure as Keras code: a caption, the code behind a button, and its download. The code view is drawn only
    while it is open (its syntax highlighter is the browser's largest script after Plotly: in every page it would
    hold up the first screen by ~0.5 s), and the file is written when it is asked for."""
    if not usable or spec.torso is None or spec.legs is None:
        with st.container(key="code_export"):
            st.info(tr("ui.code_needs_figure"))
        return
    lang = st.session_state.lang
    st.caption(tr("ui.code_help"))
    row = st.container(horizontal=True, gap="small", vertical_alignment="center")
    view = row.popover(
        tr("ui.show_code"), icon=":material/code:", key="open_code_export", on_change="rerun", width="stretch"
    )
    if view.open:
        with view, st.container(key="code_export"):
            # no sideways scroll: keyboard-readable
            st.code(python_script(spec, data, lang), language="python", line_numbers=True, wrap_lines=True)
    row.download_button(
        tr("ui.download_code"),
        lambda: python_script(spec, data, lang),
        file_name="minifig_figure.py",
        mime="text/x-python",
        key="download_code",
        on_click="ignore",
        width="stretch",
    )


def _files(spec: FigureSpec, usable: bool) -> None:
    figure_col, model_col = st.columns(2)
    with figure_col:
        st.markdown(f"**{tr('ui.figure_file')}**")
        st.download_button(
            tr("ui.download_figure"),
            spec.to_json() if usable else "",
            file_name="minifig_figure.json",
            mime="application/json",
            key="download_figure",
            on_click="ignore",
            disabled=not usable,
        )
        render_card_download(spec, usable)
        st.file_uploader(
            tr("ui.upload_figure"), type=["json"], key="figure_upload", on_change=_figure_uploaded, max_upload_size=1
        )
        show_notices("figure_upload")
    with model_col:
        st.markdown(f"**{tr('ui.model_file')}**")
        trainer = st.session_state.trainer
        st.download_button(
            tr("ui.download_model"),
            lambda: _model_bytes(trainer),
            file_name="minifig_model.keras",
            mime="application/zip",
            key="download_model",
            on_click="ignore",
            disabled=trainer is None,
        )
        if trainer is None:
            st.caption(tr("ui.model_needs_compile"))
        st.file_uploader(
            tr("ui.upload_model"),
            type=["keras"],
            key="model_upload",
            on_change=_model_uploaded,
            max_upload_size=MAX_FILE_BYTES // 1_000_000,
        )
        show_notices("model_upload")


def _model_bytes(trainer) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "minifig_model.keras"
        trainer.model.compile(loss=trainer.loss, optimizer=trainer.optimizer)
        trainer.model.save(path)
        return path.read_bytes()


def _figure_uploaded() -> None:
    uploaded = st.session_state.figure_upload
    if uploaded is None:
        return
    lang = st.session_state.lang
    try:
        spec = from_json(uploaded.getvalue().decode("utf-8", errors="replace"))
    except SpecError as error:
        notify("figure_upload", "error", [tr("ui.figure_refused"), *(p.text(lang) for p in error.problems)])
        return
    apply_figure(spec)
    notify("figure_upload", "success", [tr("ui.figure_loaded")])


def _model_uploaded() -> None:
    """Rebuild the uploaded model from the catalogue; the current figure stays unless everything checks out."""
    from minifig.engine import Head

    uploaded = st.session_state.model_upload
    if uploaded is None:
        return
    lang = st.session_state.lang
    data = current_choice().seen
    try:
        model_file = read_model_file(uploaded.getvalue())
        if model_file.n_features != data.n_features:
            raise ModelFileError([])
        spec = model_file.figure(figure())
        shape_problems = flow(spec, data.n_features).problems
        if shape_problems:  # e.g. image bricks, and the data in use is not images
            raise ModelFileError(shape_problems)
        head = Head(spec, data.n_features)
        load_weights(head.model, model_file.weights_h5)
    except ModelFileError as error:
        lines = [p.text(lang) for p in error.problems] or [
            tr("model.wrong_data", n=model_file.n_features, m=data.n_features)
        ]
        notify("model_upload", "error", [tr("ui.model_refused"), *lines])
        return
    head.loaded_from_file = True
    apply_figure(spec)
    st.session_state.babble = (head_key(spec), head)
    notify("model_upload", "success", [tr("ui.model_loaded")])
