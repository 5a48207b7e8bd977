"""Ask the figure: a slider over the data's input range, the answer with its label, and the answer curve."""

from __future__ import annotations

import numpy as np
import streamlit as st

from components.state import head_key, tr
from minifig.charts import answer_figure
from minifig.datasets import Dataset
from minifig.spec import FigureSpec


def answering_head(spec: FigureSpec, data: Dataset):
    """The compiled trainer's head, or an untrained head of the figure that babbles."""
    if st.session_state.trainer is not None:
        return st.session_state.trainer.head
    from minifig.engine import Head

    key = head_key(spec)
    babble = st.session_state.babble
    if babble is None or babble[0] != key:
        st.session_state.babble = babble = (key, Head(spec, data.n_features))
    return babble[1]


@st.fragment
def render_prediction(spec: FigureSpec, data: Dataset, usable: bool) -> None:
    st.subheader(tr("ui.ask"))
    low, high = data.input_range
    feature = tr(data.feature_key)
    value = st.slider(
        tr("ui.ask_input", feature=feature),
        low,
        high,
        value=low + (high - low) * 0.25,
        step=round((high - low) / 90, 2) or 0.01,
        key="predict_input",
    )
    with st.container(key="prediction"):
        if not usable or not spec.head:
            st.info(tr("ui.no_answer"))
            return
        head = answering_head(spec, data)
        grid = np.linspace(low, high, 181)
        outputs = head.predict(np.concatenate([[value], grid]).reshape(-1, 1))
        answer = float(outputs[0, 0])
        st.markdown(f"### {_answer_text(answer, data)}")
        trainer = st.session_state.trainer
        if trainer is not None and trainer.epochs_done > 0:
            st.caption(tr("ui.trained_answer", n=trainer.epochs_done))
        elif getattr(head, "loaded_from_file", False):
            st.caption(tr("ui.loaded_answer"))
        else:
            st.warning(tr("ui.babbling"))
        if outputs.shape[1] > 1:
            st.info(tr("ui.wide_answer", n=outputs.shape[1]))
    st.plotly_chart(
        answer_figure(grid, outputs[1:, 0], value, answer, data, st.session_state.lang),
        key="answer_curve",
        config={"displayModeBar": False},
    )


def _answer_text(answer: float, data: Dataset) -> str:
    if data.label_kind == "binary" and data.class_label_keys:
        label = tr(data.class_label_keys[int(answer >= 0.5)])
        return tr("ui.answer", value=f"{answer:.4f}", label=label)
    return tr("ui.answer_number", value=f"{answer:.4f}")
