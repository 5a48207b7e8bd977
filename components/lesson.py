"""The guided lesson panel: one step at a time with Back / Show me / Next, the step's part of the page
highlighted, and a presenter view (large type, one section at a time, the figure drawn large)."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import streamlit as st

from components.state import Ask, apply_figure, ask, lang, tr
from minifig import answers, lesson
from minifig.cards import CATALOGUE
from minifig.drawing import figure_svg
from minifig.fit_check import Misfit
from minifig.spec import FigureSpec, seed_figure

SECTIONS = ("data", "build", "train", "ask", "results", "home", "compare")  # keys section_<name> in app.py
# The workbench columns a presenter hides with a section (the build spans the palette, head and figure columns).
COLUMNS = {"build": ("bench_palette", "bench_build", "bench_figure")}
HIGHLIGHT = "#f2cd37"


def progress(spec: FigureSpec, fits: bool) -> lesson.Progress:
    """What the lesson needs to know of the page, read at the top of the page run."""
    ss = st.session_state
    trainer = ss.trainer
    return lesson.Progress(
        has_torso_and_legs=spec.torso is not None and spec.legs is not None,
        fits=fits,
        compiled=trainer is not None,
        trained=trainer is not None and trainer.epochs_done > 0,
        asked=ss.get("predict_input") is not None and ss.get("predict_input") != ss.lesson_ask_from,
    )


def running() -> bool:
    """Whether the learner is inside the lesson (its panel then sits above the workbench)."""
    return lesson.step_at(st.session_state.lesson_step) is not None


def render_lesson(spec: FigureSpec, misfits: list[Misfit], now: lesson.Progress) -> None:
    ss = st.session_state
    number = ss.lesson_step
    step = lesson.step_at(number)
    with st.container(key="lesson", border=step is not None):
        if step is None:
            start, intro = st.columns([1.2, 2], vertical_alignment="center")
            start.button(tr("lesson.start"), key="lesson_next", type="primary", on_click=_go, args=(1,))
            intro.caption(f"**{tr('lesson.title')}** — {tr('lesson.intro')}")
            return
        title = f"{tr('lesson.title')} · {tr('lesson.step_of', n=number, total=len(lesson.STEPS))}"
        if ss.presenter:
            heading, presenter, close = st.columns([3, 1.2, 1], vertical_alignment="center")
            heading.caption(title)
            presenter.toggle(tr("lesson.presenter"), key="presenter", help=tr("lesson.presenter_help"))
            close.button(tr("lesson.close"), key="lesson_close", on_click=_go, args=(0,))
            words, drawing = st.columns([3, 2], vertical_alignment="center")
            with drawing, st.container(key="lesson_figure"):
                svg = figure_svg(spec, misfits, ss.trainer is not None, ss.lang)
                st.markdown(" ".join(line.strip() for line in svg.splitlines()), unsafe_allow_html=True)
            with words:
                _say(step, now)
            _buttons(number, step, now, st.columns(3))
        else:  # the words beside the controls: a low panel leaves the workbench in sight below it
            words, controls = st.columns([2.6, 1], vertical_alignment="top")
            with words:
                st.caption(title)
                _say(step, now)
            with controls:
                presenter, close = st.columns(2, vertical_alignment="center")
                presenter.toggle(tr("lesson.presenter"), key="presenter", help=tr("lesson.presenter_help"))
                close.button(tr("lesson.close"), key="lesson_close", on_click=_go, args=(0,), width="stretch")
                back, go = st.columns(2)
                _buttons(number, step, now, [back, st.container(), go])
    st.html(_style(step, ss.presenter))
    st.html(_bring_into_view(number, step), unsafe_allow_javascript=True)


def _say(step: lesson.Step, now: lesson.Progress) -> None:
    st.markdown(f"## {tr(f'lesson.{step.id}.title')}")
    st.markdown(tr(f"lesson.{step.id}.text"))
    done = lesson.is_done(step, now)
    if step.id == "ask" and done:
        st.success(tr("lesson.ask.done", value=f"{st.session_state.predict_input:g}", answer=_trained_answer()))
        st.success(tr("lesson.finished"))
    elif step.waits_for is not None:
        if done:
            st.success(tr("lesson.step_done"))
        else:
            st.info(tr("lesson.waiting"))


def _buttons(number: int, step: lesson.Step, now: lesson.Progress, places: list) -> None:
    """Back, Show me and Next (or Finish), one in each of `places`."""
    back, show, go = places
    back.button(
        tr("lesson.back"), key="lesson_back", disabled=number == 1, on_click=_go, args=(number - 1,), width="stretch"
    )
    if step.waits_for is not None:
        show.button(
            tr("lesson.show_me"),
            key="lesson_do",
            disabled=lesson.is_done(step, now) and step.waits_for != "asked",
            on_click=_show_me,
            args=(step.waits_for,),
            width="stretch",
        )
    last = number == len(lesson.STEPS)
    go.button(
        tr("lesson.finish") if last else tr("lesson.next"),
        key="lesson_next",
        type="primary",
        disabled=not lesson.can_go_next(number, now),
        on_click=_go,
        args=(0 if last else number + 1,),
        width="stretch",
    )


def _go(number: int) -> None:
    """Move to step `number`; going forward performs what the new step sets up (going back changes nothing)."""
    ss = st.session_state
    forward = number > ss.lesson_step
    ss.lesson_step = number
    step = lesson.step_at(number)
    if step is None:
        ss.presenter = False
        return
    if forward and step.on_enter is not None:
        _SET_UP[step.on_enter]()
    if step.waits_for == "asked":
        ss.lesson_ask_from = ss.get("predict_input")


def _headless_figure() -> None:
    """The lesson's figure with only its head: the torso and legs come at step 3."""
    apply_figure(replace(seed_figure(), torso=None, legs=None))


def _ask_first_question() -> None:
    st.session_state.predict_input = lesson.FIRST_QUESTION


def _wrong_torso() -> None:
    ss = st.session_state
    ss.torso = lesson.WRONG_TORSO
    if ss.legs is None:
        ss.legs = lesson.LEGS
        ss.lr = CATALOGUE[lesson.LEGS].defaults()["learning_rate"]


def _lesson_settings() -> None:
    training = seed_figure().training
    st.session_state.epochs, st.session_state.batch_size = training.epochs, training.batch_size


_SET_UP = {
    "headless_figure": _headless_figure,
    "ask_first_question": _ask_first_question,
    "wrong_torso": _wrong_torso,
    "lesson_settings": _lesson_settings,
}


def _show_me(action: str) -> None:
    """Do the step's action for the learner (compile and train are picked up by their own panels)."""
    ss = st.session_state
    if action == "fits":
        ss.torso = lesson.RIGHT_TORSO
        if ss.legs is None:
            ss.legs = lesson.LEGS
            ss.lr = CATALOGUE[lesson.LEGS].defaults()["learning_rate"]
    elif action == "compiled":
        ask(Ask.COMPILE)
    elif action == "trained":
        ask(Ask.TRAIN)
    elif action == "asked":
        asked = ss.get("predict_input")
        ss.predict_input = 8.0 if asked is not None and asked <= 5.5 else lesson.FIRST_QUESTION


def follow_question(value: float) -> None:
    """Called by the question's slider (a fragment): at the last step, the lesson notices the question."""
    ss = st.session_state
    step = lesson.step_at(ss.lesson_step)
    if step is not None and step.waits_for == "asked" and ss.lesson_quoted != value:
        ss.lesson_quoted = value
        st.rerun(scope="app")


def _trained_answer() -> str:
    trainer = st.session_state.trainer
    value = float(st.session_state.predict_input)
    if trainer is None:
        return "?"
    output = trainer.predict(np.array([[value]], dtype="float32"))[0]
    return answers.answer(output, trainer.data, answers.torso_of(trainer.spec)).message.text(lang())


def _bring_into_view(number: int, step: lesson.Step) -> str:
    """A script that brings the step's parts into view below the lesson's panel (which stays on top): each
    workbench column that holds some of them scrolls to show them together (or the first of them, when they do
    not fit), then the page scrolls the workbench just below the panel (its columns are shrunk to fit there).
    It runs once per step (the step is in it)."""
    keys = json.dumps([f".st-key-{key}" for key in step.highlight])
    return f"""<script>
(() => {{
  const step = {number}, keys = {keys};
  let tries = 0;
  const bring = () => {{
    const idle = document.querySelector("[data-testid='stApp'][data-test-script-state='notRunning']");
    const parts = keys.map((key) => document.querySelector(key)).filter(Boolean);
    if ((!idle || parts.length < keys.length) && tries++ < 40) {{ setTimeout(bring, 150); return; }}
    const main = document.querySelector("[data-testid='stMain']");
    const panel = document.querySelector('.st-key-lesson_bar');
    if (!parts.length || !main || !panel) return;
    document.documentElement.style.setProperty('--minifig-lesson', panel.offsetHeight + 'px');
    const columns = new Map();
    for (const part of parts) {{
      const column = part.closest("[class*='st-key-bench_']") || main;
      columns.set(column, [...(columns.get(column) || []), part]);
    }}
    for (const [column, inside] of columns) {{
      if (column === main) continue;
      const box = column.getBoundingClientRect();
      const top = Math.min(...inside.map((p) => p.getBoundingClientRect().top));
      const bottom = Math.max(...inside.map((p) => p.getBoundingClientRect().bottom));
      const first = inside[0].getBoundingClientRect().top;
      column.scrollTop += (bottom - top <= column.clientHeight ? top : first) - box.top - 4;
    }}
    const room = panel.getBoundingClientRect().bottom + 12;
    const bench = document.querySelector('.st-key-section_bench');
    const anchor = columns.has(main) || !bench ? parts[0] : bench;  // the columns fit the window below the panel
    const at = anchor.getBoundingClientRect().top;
    if (Math.abs(at - room) > 2) main.scrollBy(0, at - room);
    document.body.dataset.lessonInView = step;
  }};
  setTimeout(bring, 50);
}})();
</script>"""


def _style(step: lesson.Step, presenter: bool) -> str:
    """Highlight the step's parts; in the presenter view, large type and only the step's sections."""
    parts = ", ".join(f".st-key-{key}" for key in step.highlight)
    css = [
        f"{parts} {{ outline: 3px solid {HIGHLIGHT}; outline-offset: 6px; border-radius: 6px;"
        " animation: minifig-glow 1.8s ease-in-out infinite; }",
        f"@keyframes minifig-glow {{ 0%, 100% {{ box-shadow: 0 0 0 0 {HIGHLIGHT}cc; }}"
        f" 50% {{ box-shadow: 0 0 0 10px {HIGHLIGHT}00; }} }}",
    ]
    if presenter:
        gone = [name for name in SECTIONS if name not in step.sections]
        columns = [f"[data-testid='stColumn']:has(.st-key-{key})" for name in gone for key in COLUMNS.get(name, ())]
        hidden = ", ".join([*(f".st-key-section_{name}" for name in gone), *columns])
        css += [
            "html { font-size: 22px; }",
            f"{hidden} {{ display: none; }}",
            ".st-key-lesson h3 { font-size: 2.2rem; }",
            ".st-key-lesson_figure svg { max-width: 100% !important; }",
        ]
    else:
        # the lesson stays in sight while the page scrolls (its wrapper is the main column's child), and the
        # workbench's columns shrink by its height so the step's parts fit below it (components.layout)
        css.append("div:has(> .st-key-lesson_bar) { position: sticky; top: 3.75rem; z-index: 999; background: white; }")
        css.append(":root { --minifig-bench-top: calc(6.5rem + var(--minifig-lesson, 12rem)); }")
        css.append("@media (min-width: 641px) { .st-key-bench_build .st-key-head { max-height: 26vh !important; } }")
    return f"<style>{' '.join(css)}</style>"
