"""Look inside the head: what each brick takes, gives and keeps, its weights as a picture, and the lesson's equation."""

from __future__ import annotations

import streamlit as st

from components.predict import answering_head
from components.state import tr
from minifig.datasets import Dataset
from minifig.pictures import weights_svg
from minifig.spec import FigureSpec
from minifig.summary import layer_infos


def render_inside(spec: FigureSpec, data: Dataset, usable: bool) -> None:
    st.subheader(tr("ui.inside"))
    with st.container(key="summary"):
        if not usable or not spec.head:
            st.info(tr("ui.no_answer"))
            return
        infos = layer_infos(spec, data.n_features)
        lines = [
            tr(
                "ui.layer_line",
                n=i + 1,
                label=info.label,
                takes=info.takes,
                numbers=tr("ui.number_one" if info.takes == 1 else "ui.number_many"),
                gives=info.gives,
                weights=f"{info.weights:,}",
            )
            for i, info in enumerate(infos)
        ]
        st.markdown("\n".join(lines))
        st.markdown(f"**{tr('ui.total_weights', n=f'{sum(i.weights for i in infos):,}')}**")
    head = answering_head(spec, data)
    first = head.n_layers - len(spec.head)  # an image head starts with a Reshape of its own

    def weights_of(brick: int) -> list:
        return [weight.numpy() for _, weight in head.layer_weights(first + brick)]

    dense = [i for i, brick in enumerate(spec.head) if brick.card == "dense"]
    equation = _equation(spec, data, weights_of)
    if equation:
        st.markdown(tr("ui.equation"))
        st.latex(equation)
    if dense:
        labels = {i: f"{i + 1}. {infos[i].label}" for i in dense}
        chosen = st.selectbox(tr("ui.pick_layer"), list(labels), format_func=labels.get, key="inside_layer")
        kernel, bias = weights_of(chosen)
        with st.container(key="weights_map"):
            picture = weights_svg(kernel, bias, st.session_state.lang)
            st.markdown(f"<div class='minifig-picture'>{picture}</div>", unsafe_allow_html=True)
        st.caption(tr("ui.weights_help"))


def _equation(spec: FigureSpec, data: Dataset, weights_of) -> str | None:
    """Y' = w·X + b for a head of one Dense(1) on one input — the lesson's first equation, with today's numbers."""
    if len(spec.head) != 1 or spec.head[0].params.get("units") != 1 or data.n_features != 1:
        return None
    kernel, bias = weights_of(0)
    inner = f"{float(kernel[0, 0]):.3f}\\cdot X {'+' if bias[0] >= 0 else '-'} {abs(float(bias[0])):.3f}"
    activation = spec.head[0].params["activation"]
    return f"Y' = {inner}" if activation == "linear" else f"Y' = \\mathrm{{{activation}}}({inner})"
