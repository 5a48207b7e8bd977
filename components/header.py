"""Page title, language switch and the choice of data set."""

import streamlit as st

from components.state import tr
from minifig.datasets import DATASETS, Dataset, load

LANGUAGE_NAMES = {"en": "English", "ko": "한국어"}


def render_header() -> Dataset:
    title, language = st.columns([4, 1], vertical_alignment="center")
    title.title(tr("ui.title"))
    language.radio(tr("ui.language"), list(LANGUAGE_NAMES), key="lang", format_func=LANGUAGE_NAMES.get, horizontal=True)
    st.caption(tr("ui.tagline"))
    titles = {dataset_id: tr(load(dataset_id).title_key) for dataset_id in DATASETS}
    st.selectbox(tr("ui.dataset"), list(DATASETS), key="dataset", format_func=titles.get)
    data = load(st.session_state.dataset)
    st.caption(
        tr(
            "ui.dataset_help",
            n=len(data.x),
            inputs=tr(data.feature_key),
            answers=" / ".join(tr(k) for k in data.class_label_keys),
        )
    )
    return data
