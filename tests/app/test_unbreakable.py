"""Issue 11 on the page: addresses that crashed it, numbers it could not draw, and the last line of defence."""

import re
import tomllib
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from minifig.csv_data import read_csv
from minifig.datasets import CSV_ID
from minifig.i18n import t
from tests.app.conftest import APP
from tests.app.test_story import texts
from tests.app.walk import TRACEBACK_MARKS

CONV2D = (
    "data=digits&layer=conv2d-8-3-relu&layer=flatten&layer=dense-10-softmax"
    "&torso=sparse_categorical_crossentropy&legs=adam-0.001&epochs=2&batch=32&val=0.2&seed=42"
)
# Heads Keras cannot build: each must be a misfit message, with the rest of the page working.
UNBUILDABLE = {
    "data=moons&layer=maxpool-3&layer=dense-1-sigmoid&torso=binary_crossentropy": "works on images",
    "data=moons&layer=maxpool-3&layer=dense-1-sigmoid": "works on images",  # no torso: still said
    "data=digits&layer=flatten&layer=conv2d-8-3-relu&layer=dense-10-softmax&torso=sparse_categorical_crossentropy": (
        "already laid out flat"
    ),
    "data=gauss&torso=binary_crossentropy": "no bricks",
    "data=digits&layer=conv2d&layer=maxpool-4&layer=maxpool-4&layer=maxpool-4&layer=flatten&layer=dense-10-softmax"
    "&torso=sparse_categorical_crossentropy&legs=adam": "too small",
}


def opened(address: str) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=120)
    for key, value in (part.split("=", 1) for part in address.split("&")):
        app.query_params.setdefault(key, []).append(value)
    return app.run()


def tracebacks(app: AppTest) -> list[str]:
    shown = [e.message for e in app.exception]
    return shown + [e.value for e in [*app.error, *app.warning] if any(mark in e.value for mark in TRACEBACK_MARKS)]


def test_a_conv2d_figure_from_an_address_walks_the_whole_page():
    app = opened(CONV2D)
    assert not tracebacks(app)
    assert [item["card"] for item in app.session_state.head] == ["conv2d", "flatten", "dense"]
    assert any("3. Dense: takes 512 numbers, gives 10" in m.value for m in app.markdown)  # the look inside
    app.button(key="compile").click().run()
    app.button(key="train").click().run()
    assert not tracebacks(app)
    assert "Done: epoch 2/2" in texts(app)
    picker = app.selectbox(key="inside_layer")
    assert picker.options == ["3. Dense"]
    assert any("minifig-chart" in m.value and "<image" in m.value for m in app.markdown)  # 5130 weights: one image
    app.slider(key="predict_image").set_value(5).run()
    assert not tracebacks(app) and any("%" in m.value for m in app.markdown)


def test_heads_that_cannot_be_built_are_misfits_and_the_rest_of_the_page_works():
    offenders = {}
    for address, reason in UNBUILDABLE.items():
        app = opened(address)
        errors = "\n".join(e.value for e in app.error)
        wrong = tracebacks(app)
        if reason not in errors:
            wrong.append(f"no misfit saying {reason!r}")
        if not any(t("ui.no_answer", "en") in i.value for i in app.info):
            wrong.append("the question does not say the figure cannot answer")
        if not app.button(key="train") or not app.get("download_button"):
            wrong.append("the page below the figure is missing")
        if wrong:
            offenders[address] = wrong
    assert not offenders, offenders


def test_a_head_with_nothing_to_learn_is_a_misfit_not_a_failed_training():
    """Found by the sweep: one Activation brick fitted, compiled, and training it raised."""
    app = opened("data=seed&layer=activation-sigmoid&torso=binary_crossentropy&legs=adam&epochs=2")
    assert any("cannot learn" in e.value for e in app.error)
    app.button(key="compile").click().run()
    refusal = t("ui.does_not_fit", "en", reasons="")
    assert app.session_state.trainer is None and any(
        refusal in e.value and "cannot learn" in e.value for e in app.error
    )
    app.button(key="train").click().run()
    assert not tracebacks(app) and not any("Something went wrong" in e.value for e in app.error)


def test_a_tiny_validation_share_leaves_one_image_to_ask_about():
    """Found by the sweep: a validation share of 0.000001 keeps one digit image, and the picker's slider had
    nothing to slide between (StreamlitInvalidMinMaxError on load)."""
    app = opened("data=digits&val=0.000001&layer=flatten&layer=dense-10-softmax&torso=sparse_categorical_crossentropy")
    assert not tracebacks(app) and not any("Something went wrong" in e.value for e in app.error)
    assert not [s for s in app.slider if s.key == "predict_image"]
    assert any("True answer" in c.value for c in app.caption)


def test_a_csv_whose_only_input_holds_one_value_can_be_asked():
    app = AppTest.from_file(APP, default_timeout=120).run()
    app.file_uploader(key="csv_upload").upload("same.csv", b"x,y\n5,0\n5,1\n5,0\n5,1\n", "text/csv").run()
    assert app.session_state.dataset == CSV_ID
    assert not tracebacks(app)
    slider = app.slider(key="predict_input")
    assert slider.min < 5 < slider.max
    slider.set_value(slider.max).run()
    assert not tracebacks(app)


@pytest.mark.parametrize("column", [[5.0] * 6, [-3e38, 3e38, 0.0, 1.0, 2.0, 3.0], [1e-30, 2e-30] * 3])
def test_any_finite_inputs_are_drawn_and_asked_without_a_traceback(column):
    """Whatever the readers accept, the page draws: one value, float32's extremes, tiny differences."""
    data = read_csv(b"x,y\n1,0\n2,1\n3,0\n4,1\n5,0\n6,1\n", "base.csv").dataset
    data = replace(data, x=np.array(column, dtype="float32").reshape(-1, 1))
    app = AppTest.from_file(APP, default_timeout=120).run()
    app.session_state["csv_data"], app.session_state["csv_name"] = data, "extreme.csv"  # as if read from a file
    app.run()
    app.selectbox(key="dataset").set_value(CSV_ID).run()
    assert not tracebacks(app)
    assert app.session_state.dataset == CSV_ID and app.session_state.csv_data is data
    slider = app.slider(key="predict_input")
    slider.set_value(slider.max).run()
    app.button(key="compile").click().run()
    app.button(key="train").click().run()
    assert not tracebacks(app)


def failing_part(*args, **kwargs):
    raise RuntimeError("a bug nobody foresaw")


def test_an_unexpected_error_is_a_plain_message_with_an_incident_id_and_the_figure_is_kept(monkeypatch, caplog):
    app = AppTest.from_file(APP, default_timeout=120).run()
    app.number_input(key="p1_units").set_value(7).run()
    head, torso = [dict(item) for item in app.session_state.head], app.session_state.torso
    monkeypatch.setattr("components.data.render_data", failing_part)  # fails above every brick's settings
    app.run()
    assert not app.exception
    shown = [e.value for e in app.error if "Something went wrong" in e.value]
    assert len(shown) == 1 and not any(mark in shown[0] for mark in TRACEBACK_MARKS)
    assert "RuntimeError" not in texts(app) and "a bug nobody foresaw" not in texts(app)
    incident = re.search(r"\*\*([0-9a-f]{6})\*\*", shown[0]).group(1)
    logged = [r for r in caplog.records if r.name == "minifig.incidents"]
    assert logged and incident in logged[-1].getMessage() and logged[-1].exc_info[0] is RuntimeError
    assert [dict(item) for item in app.session_state.head] == head and app.session_state.torso == torso
    assert app.session_state.p1_units == 7  # the settings not drawn in the failed run keep their values
    monkeypatch.undo()
    app.run()
    assert not app.exception and not any("Something went wrong" in e.value for e in app.error)
    assert app.number_input(key="p1_units").value == 7


def test_streamlit_reruns_and_stops_pass_through_the_guard():
    from streamlit.runtime.scriptrunner_utils.exceptions import RerunException, StopException

    from components.guard import shielded

    for control in (RerunException(None), StopException()):

        def part(control=control):
            raise control

        with pytest.raises(type(control)):
            shielded(part)()


def test_korean_learners_read_the_incident_message_in_korean(monkeypatch):
    app = AppTest.from_file(APP, default_timeout=120).run()
    app.radio(key="lang").set_value("ko").run()
    import components.inside

    monkeypatch.setattr(components.inside, "layer_infos", failing_part)
    app.run()
    assert any("선생님" in e.value for e in app.error)


def test_the_served_app_shows_no_error_details():
    config = tomllib.loads((Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorDetails"] == "none"  # `false` still shows the traceback in Streamlit 1.67
