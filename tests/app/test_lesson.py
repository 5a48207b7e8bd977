"""The guided lesson walked from its first step to its last, in English and in Korean: each step's action happens."""

import re

import pytest

from minifig.i18n import t
from minifig.lesson import FIRST_QUESTION, STEPS, WRONG_TORSO
from tests.app.test_story import texts


def next_step(app):
    button = app.button(key="lesson_next")
    assert not button.disabled, "Next should be open here"
    return button.click().run()


def on_step(app, lang: str, number: int) -> None:
    text = texts(app)
    assert t("lesson.step_of", lang, n=number, total=len(STEPS)) in text
    assert t(f"lesson.{STEPS[number - 1].id}.title", lang) in text


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_lesson_runs_from_first_step_to_last(app, lang):
    app.radio(key="lang").set_value(lang).run()
    assert app.button(key="lesson_next").label == t("lesson.start", lang)

    next_step(app)  # 1. meet the figure: only the head is on it
    on_step(app, lang, 1)
    assert app.session_state.torso is None and app.session_state.legs is None
    assert len(app.session_state.head) == 5

    next_step(app)  # 2. the head alone babbles about 3
    on_step(app, lang, 2)
    assert app.slider(key="predict_input").value == FIRST_QUESTION
    assert t("ui.babbling", lang) in texts(app)

    next_step(app)  # 3. a torso that does not fit; the lesson waits for the fix
    on_step(app, lang, 3)
    assert app.selectbox(key="torso").value == WRONG_TORSO
    assert any(t("made_for.number", lang) in e.value for e in app.error)
    assert app.button(key="lesson_next").disabled
    app.selectbox(key="torso").set_value("binary_crossentropy").run()  # the learner fixes it
    assert not app.error and not app.button(key="lesson_next").disabled

    next_step(app)  # 4. compile: waits, then "Show me" compiles
    on_step(app, lang, 4)
    assert app.button(key="lesson_next").disabled and app.session_state.trainer is None
    app.button(key="lesson_do").click().run()
    assert app.session_state.trainer is not None
    assert t("ui.compiled", lang) in texts(app)

    next_step(app)  # 5. train 100 epochs, 10 at a time
    on_step(app, lang, 5)
    assert app.number_input(key="epochs").value == 100 and app.number_input(key="batch_size").value == 10
    assert app.button(key="lesson_next").disabled
    app.button(key="lesson_do").click().run()
    assert app.session_state.trainer.epochs_done == 100
    assert "100/100" in texts(app)

    next_step(app)  # 6. ask: the lesson waits for the slider, then quotes the trained answer
    on_step(app, lang, 6)
    assert app.button(key="lesson_next").disabled
    app.slider(key="predict_input").set_value(2.0).run()
    assert app.slider(key="predict_input").value == 2.0
    quoted = next(s.value for s in app.success if "→" in s.value)
    value = float(re.search(r"→ .*?(\d\.\d+)", quoted).group(1))
    assert value < 0.5, quoted  # trained: 2 is small
    assert t("lesson.finished", lang) in texts(app)
    assert app.button(key="lesson_next").label == t("lesson.finish", lang)

    next_step(app)  # finish: the lesson closes and the trained figure stays
    assert app.button(key="lesson_next").label == t("lesson.start", lang)
    assert app.session_state.trainer.epochs_done == 100
    assert not app.exception


def test_back_goes_back_without_undoing_and_show_me_fixes_the_torso(app):
    next_step(app)
    next_step(app)
    next_step(app)
    assert app.selectbox(key="torso").value == WRONG_TORSO
    app.button(key="lesson_do").click().run()
    assert app.selectbox(key="torso").value == "binary_crossentropy"
    app.button(key="lesson_back").click().run()
    on_step(app, "en", 2)
    assert app.selectbox(key="torso").value == "binary_crossentropy"  # going back changes nothing
    app.button(key="lesson_close").click().run()
    assert app.button(key="lesson_next").label == t("lesson.start", "en")


def test_presenter_view_shows_the_figure_large_and_only_the_steps_section(app):
    next_step(app)
    app.toggle(key="presenter").set_value(True).run()
    styles = "\n".join(h.proto.body for h in app.get("html"))
    assert "font-size: 22px" in styles
    hidden = " ".join(re.findall(r"([^{}]*)\{ display: none; \}", styles))  # every selector the page hides
    assert ".st-key-section_train" in hidden and ".st-key-section_build" not in hidden
    figure_in_lesson = [m.value for m in app.markdown if m.value.startswith("<svg") and "The figure" in m.value]
    assert len(figure_in_lesson) == 2  # the page's drawing and the presenter's large one
