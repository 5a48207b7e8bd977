"""Code export, the look inside, and the figure in the page address, walked through AppTest."""

from streamlit.testing.v1 import AppTest

from tests.app.conftest import APP


def texts(app) -> str:
    parts = [m.value for m in app.markdown] + [m.value for m in app.caption]
    for kind in (app.error, app.warning, app.info, app.success):
        parts += [e.value for e in kind]
    return "\n".join(parts)


def test_code_export_shows_the_figure_as_keras_code(app):
    assert not app.code  # drawn only while its popover is open
    app.session_state["open_code_export"] = True
    app.run()
    code = "\n".join(block.value for block in app.code)
    assert code.count('layers.Dense(units=64, activation="relu")') == 4
    assert "keras.optimizers.Adam(learning_rate=0.001)" in code
    app.number_input(key="lr").set_value(0.01).run()
    assert "Adam(learning_rate=0.01)" in "\n".join(block.value for block in app.code)


def test_summary_says_what_each_brick_takes_and_gives(app):
    text = texts(app)
    assert "2. Dense: takes 64 numbers, gives 64, keeps 4,160 weights" in text
    assert "In all: 12,673 weights." in text


def test_one_unit_head_shows_the_lessons_equation(app):
    for _ in range(4):
        app.button(key="remove_0").click().run()
    app.selectbox(key="p5_activation").set_value("linear").run()
    assert any("Y' = " in latex.value and "\\cdot X" in latex.value for latex in app.latex)


def test_address_restores_the_figure():
    app = AppTest.from_file(APP, default_timeout=120)
    app.query_params.update(
        {
            "layer": ["dense-8-tanh", "dense-1-sigmoid"],
            "torso": "binary_crossentropy",
            "legs": "sgd-0.05-0.9",
            "epochs": "30",
            "batch": "5",
            "data": "seed",
        }
    )
    app.run()
    assert [item["card"] for item in app.session_state.head] == ["dense", "dense"]
    assert app.number_input(key="p1_units").value == 8 and app.selectbox(key="p1_activation").value == "tanh"
    assert app.selectbox(key="legs").value == "sgd" and app.number_input(key="momentum").value == 0.9
    assert app.number_input(key="epochs").value == 30


def test_hostile_address_falls_back_to_the_default_with_a_message():
    app = AppTest.from_file(APP, default_timeout=120)
    app.query_params.update({"layer": ["dense-1000000000-relu", "<script>"], "epochs": "1e9"})
    app.run()
    assert not app.exception
    warning = "\n".join(w.value for w in app.warning)
    assert "The link could not be used" in warning and "at most 512" in warning
    assert len(app.session_state.head) == 5


def test_the_figure_card_asks_the_question_the_slider_asks_now(app):
    """The card is made when its button is clicked; it must ask what the slider asks at that moment, and answer as
    the page does (issue 13: the figure card shows the question the slider is at now)."""
    for value in (7.0, 2.0):
        app.slider(key="predict_input").set_value(value).run()
        asked = app.session_state.card_asked["now"]
        assert asked.question.endswith(f"= {value:g}"), asked
        shown = next(m.value for m in app.markdown if m.value.startswith("### "))
        assert asked.answer in shown, (asked, shown)
