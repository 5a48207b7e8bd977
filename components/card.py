"""The figure card download: the figure, its bricks, its curve, the answer to the question asked on the page,
and a QR code of the page link, as one PNG made only when the button is clicked."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

import numpy as np
import streamlit as st

from components.data import current_choice
from components.state import head_key, tr
from minifig import answers, url_state
from minifig.figure_card import Asked, figure_card
from minifig.spec import FigureSpec


def render_card_download(spec: FigureSpec, usable: bool) -> None:
    ss = st.session_state
    trainer = ss.trainer
    history = list(trainer.history) if trainer is not None else []
    metric = trainer.metric_name if trainer is not None else "accuracy"
    link = page_link(url_state.to_query(spec)) if usable else ""
    held = ss.card_asked  # the question's fragment keeps it (it runs before the tabs): the card asks what it asks now
    lang, compiled = ss.lang, trainer is not None
    st.download_button(
        tr("card.download"),
        lambda: figure_card(spec, history, metric, link, lang, held.get("now"), compiled),
        file_name="minifig_card.png",
        mime="image/png",
        key="download_card",
        on_click="ignore",
        disabled=not usable,
    )
    st.caption(tr("card.help"))


def page_link(query: dict, with_extras: bool = True) -> str:
    """The page's address with `query` and (`with_extras`) the parameters kept beside the figure (a challenge)."""
    extras = st.session_state.address_extras if with_extras else {}
    query = {**query, **{key: value for key, value in extras.items() if key not in query}}  # as the address has it
    base = st.context.url or ""
    if base and not urlsplit(base).path:
        base += "/"
    return f"{base}?{urlencode(query, doseq=True)}"


def remember_question(spec: FigureSpec, usable: bool, output: np.ndarray | None = None) -> None:
    """Keep the question the sliders ask now and its answer for the card (the question's fragment calls this in
    every run of the page and on every move: the card is made at the click, when only what is kept here can be read).

    `output`: the figure's own head's answer to that question, when the page has just asked it (not asked again)."""
    st.session_state.card_asked["now"] = _asked(spec, output) if usable else None


def _asked(spec: FigureSpec, output: np.ndarray | None) -> Asked | None:
    """The question the prediction's sliders ask now and the figure's answer (`output`, or asked of the head here),
    for a head that exists already."""
    ss = st.session_state
    babble = ss.babble
    head = ss.trainer.head if ss.trainer is not None else babble[1] if babble and babble[0] == head_key(spec) else None
    if head is None:
        return None
    choice = current_choice()
    if choice.is_plane and None not in (point := [ss.get(f"predict_x{n}") for n in (1, 2)]):
        from components.plane import through_eyes

        inputs = through_eyes(choice, np.array([point]))
        question = ", ".join(f"{name} = {value:g}" for name, value in zip(choice.raw.feature_names, point, strict=True))
    elif choice.raw.n_features == 1 and not choice.raw.image_shape and ss.get("predict_input") is not None:
        inputs = np.array([[ss.predict_input]], dtype="float32")
        question = f"{tr(choice.raw.feature_key)} = {ss.predict_input:g}"
    elif not choice.raw.image_shape and all(ss.get(f"predict_f{i}") is not None for i in range(choice.raw.n_features)):
        values = [ss[f"predict_f{i}"] for i in range(choice.raw.n_features)]  # one box per input (a table)
        inputs = np.array([values], dtype="float32")
        question = ", ".join(
            f"{name} = {value:g}" for name, value in zip(choice.raw.feature_names, values, strict=True)
        )
    else:
        return None
    said = answers.answer(head.predict(inputs)[0] if output is None else output, choice.seen, answers.torso_of(spec))
    return Asked(question, said.message.text(ss.lang))
