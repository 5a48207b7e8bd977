"""Ask the figure: controls that fit the data (one slider, two sliders on the map, an image, one box per
input), the answer with its label, and a picture of the answer."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import streamlit as st

from components.answer_ahead import render_answer_ahead
from components.card import remember_question
from components.data import DataChoice, pixelated
from components.guard import shielded
from components.lesson import follow_question
from components.state import head_key, lang, tr, tr_count
from components.timeline import shown_epoch, travelled_head
from minifig import answers
from minifig.charts import class_names, probability_figure
from minifig.datasets import Dataset, split_rows
from minifig.pictures import answer_svg
from minifig.slider import SliderRange, slider_range
from minifig.spec import FigureSpec


def answering_head(spec: FigureSpec, data: Dataset):
    """The compiled trainer's head (as it was at the epoch time travel shows), or an untrained head that babbles."""
    if st.session_state.trainer is not None:
        return travelled_head(st.session_state.trainer)
    from minifig.engine import Head

    key = head_key(spec)
    babble = st.session_state.babble
    if babble is None or babble[0] != key:
        st.session_state.babble = babble = (key, Head(spec, data.n_features))
    return babble[1]


@st.fragment
@shielded(stop=False)
def render_prediction(spec: FigureSpec, choice: DataChoice, usable: bool) -> None:
    st.subheader(tr("ui.ask"))
    st.session_state.live_answer = None  # set by the views that follow training live
    raw = choice.raw
    if raw.image_shape:
        ask = _ask_image
    elif raw.n_features == 1:
        ask = _ask_line
    elif choice.is_plane:
        ask = _ask_plane
    else:
        ask = _ask_table
    answer = ask(spec, choice, usable)
    # the figure card asks what the page asks now, and the page's own head (not one time travel brought back) has
    # just answered it
    remember_question(spec, usable, answer.outputs[0] if answer is not None and shown_epoch() is None else None)


def _ask_line(spec: FigureSpec, choice: DataChoice, usable: bool) -> Answer | None:
    data = choice.seen
    ends = slider_range(*data.input_range)
    value = st.slider(
        tr("ui.ask_input", feature=tr(data.feature_key)),
        ends.low,
        ends.high,
        value=ends.start,
        step=ends.step,
        format=ends.format,
        key="predict_input",
    )
    follow_question(value)
    grid = np.linspace(ends.low, ends.high, 181)
    stops = ends.stops()
    inputs = np.concatenate([[value], grid, stops]).reshape(-1, 1)  # the question, the curve, every other question
    answer = _answer(spec, data, usable, inputs)
    if answer is None:
        return None
    on_curve = slice(1, 1 + len(grid))
    render_answer_ahead({"predict_input": _answers_at(stops, answer.outputs[on_curve.stop :], ends, data, spec)})
    with st.container(key="answer_curve"):
        chart = st.empty()

    def draw(outputs: np.ndarray) -> None:
        picture = answer_svg(grid, outputs[on_curve, 0], value, float(outputs[0, 0]), data, st.session_state.lang)
        chart.markdown(f"<div class='minifig-picture'>{picture}</div>", unsafe_allow_html=True)

    draw(answer.outputs)

    def follow_training(trainer) -> None:
        """While training, the answer and its curve move with the weights (the page reruns at the end)."""
        outputs = trainer.predict(inputs)
        answer.headline.markdown(f"### {answer_text(outputs[0], data, spec)}")
        draw(outputs)

    st.session_state.live_answer = follow_training
    return answer


def _answers_at(stops: list[float], outputs: np.ndarray, ends: SliderRange, data: Dataset, spec: FigureSpec) -> dict:
    """The headline's words at each stop, by the slider's label of it. Two stops that the slider writes alike would
    be one question with two answers: neither is kept."""
    labels = [ends.label(stop) for stop in stops]
    times = Counter(labels)
    return {
        text: answer_text(output, data, spec) for text, output in zip(labels, outputs, strict=True) if times[text] == 1
    }


def _ask_plane(spec: FigureSpec, choice: DataChoice, usable: bool) -> Answer | None:
    from components.plane import map_of, through_eyes

    raw = choice.raw
    sliders = []
    for n, column in enumerate(st.columns(2), start=1):  # keys predict_x1, predict_x2
        ends = slider_range(float(raw.x[:, n - 1].min()), float(raw.x[:, n - 1].max()), 100, at=0.5)
        name = raw.feature_names[n - 1]
        value = column.slider(
            name, ends.low, ends.high, value=ends.start, step=ends.step, format=ends.format, key=f"predict_x{n}"
        )
        sliders.append((ends, value))
    point = [value for _, value in sliders]
    # the question, then each slider's every stop with the other slider where it is (the answers ahead)
    moved = [_moved(point, n, ends.stops()) for n, (ends, _) in enumerate(sliders)]
    answer = _answer(spec, choice.seen, usable, through_eyes(choice, np.concatenate([[point], *moved])))
    if answer is None:
        return None
    tables, start = {}, 1
    for n, ((ends, _), rows) in enumerate(zip(sliders, moved, strict=True), start=1):
        outputs = answer.outputs[start : start + len(rows)]
        tables[f"predict_x{n}"] = _answers_at(list(rows[:, n - 1]), outputs, ends, choice.seen, spec)
        start += len(rows)
    render_answer_ahead(tables)
    head = answering_head(spec, choice.seen)
    st.plotly_chart(map_of(head, choice, asked=tuple(point)), key="answer_map", config={"displayModeBar": False})
    return answer


def _moved(point: list[float], n: int, stops: list[float]) -> np.ndarray:
    """`point` with its `n`-th value (from 0) at each of `stops`, one row each."""
    rows = np.tile(np.asarray(point, dtype="float64"), (len(stops), 1))
    rows[:, n] = stops
    return rows


def _ask_table(spec: FigureSpec, choice: DataChoice, usable: bool) -> Answer | None:
    data = choice.seen
    columns = st.columns(min(4, data.n_features))
    values = []
    for i, name in enumerate(data.feature_names):
        middle = float(np.median(data.x[:, i]))
        values.append(columns[i % len(columns)].number_input(name, value=middle, key=f"predict_f{i}"))
    return _answer(spec, data, usable, np.array([values], dtype="float32"))


def _ask_image(spec: FigureSpec, choice: DataChoice, usable: bool) -> Answer | None:
    """Pick an image the figure never trained on, or draw one; the answer comes with how sure it is."""
    data = choice.seen
    ss = st.session_state
    draw = st.toggle(tr("ui.image_draw"), key="draw_digit")
    question, answer_col = st.columns([1, 2])
    with question:
        if draw:
            image = _drawn_image(data)
            if image is None:
                st.caption(tr("ui.draw_help"))
                return None
            st.image(pixelated(image.reshape(data.image_shape), scale=12), width=96, caption=tr("ui.as_seen"))
        else:
            _, val_rows = split_rows(len(data.x), ss.validation_split, int(ss.seed))
            rows = val_rows if len(val_rows) else np.arange(len(data.x))
            one = len(rows) == 1  # a tiny validation share keeps one image: nothing to slide between
            number = 1 if one else st.slider(tr("ui.pick_image"), 1, len(rows), 1, key="predict_image")
            row = int(rows[number - 1])
            image = data.x[row]
            st.image(pixelated(image.reshape(data.image_shape), scale=20), width=160)
            st.caption(tr("ui.true_class", label=class_names(data, ss.lang)[int(data.y[row])]))
    with answer_col:
        return _answer(spec, data, usable, image.reshape(1, -1).astype("float32"))


def _drawn_image(data: Dataset) -> np.ndarray | None:
    from streamlit_drawable_canvas import st_canvas

    from minifig.drawn import as_small_image

    drawn = st_canvas(
        stroke_width=16,
        stroke_color="#000000",
        background_color="#ffffff",
        height=200,
        width=200,
        drawing_mode="freedraw",
        key="digit_canvas",
    )
    if drawn.image_data is None:
        return None
    image = as_small_image(drawn.image_data, data.image_shape)
    return None if image is None else image.reshape(-1) * float(data.x.max())


@dataclass(frozen=True)
class Answer:
    outputs: np.ndarray  # the head's outputs for every row asked
    headline: object  # the place saying the answer, to redraw it while training


def _answer(spec: FigureSpec, data: Dataset, usable: bool, inputs: np.ndarray) -> Answer | None:
    """Ask the head about `inputs` (the first row is the question) and say its answer; None when it cannot."""
    with st.container(key="prediction"):
        if not usable or not spec.head:
            st.info(tr("ui.no_answer"))
            return None
        head = answering_head(spec, data)
        outputs = head.predict(inputs)
        headline = st.empty()
        headline.markdown(f"### {answer_text(outputs[0], data, spec)}")
        trainer = st.session_state.trainer
        if shown_epoch() is not None:
            st.info(tr("timeline.answer", epoch=shown_epoch(), n=trainer.epochs_done))
        elif trainer is not None and trainer.epochs_done > 0:
            st.caption(tr_count("ui.trained_answer", trainer.epochs_done))
        elif getattr(head, "loaded_from_file", False):
            st.caption(tr("ui.loaded_answer"))
        else:
            st.warning(tr("ui.babbling"))
        if data.label_kind == "classes" and outputs.shape[1] == data.n_classes:
            names = class_names(data, st.session_state.lang)
            st.plotly_chart(
                probability_figure(outputs[0], names, st.session_state.lang),
                key="answer_bars",
                config={"displayModeBar": False},
            )
        elif outputs.shape[1] > 1:
            st.info(tr("ui.wide_answer", n=outputs.shape[1]))
    return Answer(outputs, headline)


def answer_text(output: np.ndarray, data: Dataset, spec: FigureSpec) -> str:
    return answers.answer(output, data, answers.torso_of(spec)).message.text(lang())
