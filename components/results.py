"""How well the trained figure answers: a confusion matrix for classes, predicted against true for numbers."""

from __future__ import annotations

import streamlit as st

from components.data import DataChoice
from components.state import tr
from components.timeline import travelled_head
from minifig.answers import decide, yes_threshold
from minifig.charts import class_names, confusion_figure, truth_figure
from minifig.datasets import split
from minifig.maps import class_numbers, confusion


def render_results(choice: DataChoice) -> None:
    trainer = st.session_state.trainer
    with st.container(key="results"):
        st.markdown(f"**{tr('ui.results')}**")
        if trainer is None or not trainer.history:
            st.caption(tr("ui.results_none"))
            return
        data = choice.seen
        ss = st.session_state
        parts = split(data, ss.validation_split, int(ss.seed))
        x, y = (parts.x_val, parts.y_val) if len(parts.x_val) else (parts.x_train, parts.y_train)
        st.caption(tr("ui.results_part" if len(parts.x_val) else "ui.results_train", n=len(x)))
        outputs = travelled_head(trainer).predict(x)  # as it answered at the epoch time travel shows
        if data.label_kind == "number":
            st.caption(tr("ui.results_truth"))
            figure = truth_figure(y.reshape(-1), outputs[:, 0], ss.lang)
        else:
            st.caption(tr("ui.results_confusion"))
            names = class_names(data, ss.lang)
            picked = decide(outputs, data.label_kind, yes_threshold(ss.torso))
            figure = confusion_figure(confusion(class_numbers(y), picked, len(names)), names, ss.lang)
        st.plotly_chart(figure, key="results_chart", config={"displayModeBar": False})
