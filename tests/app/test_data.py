"""Issue 4 in the page: other data sets, the eyes, the live map, results and the digits."""

import base64
import json
import re

import numpy as np

from tests.app.test_story import texts


def maps(app) -> list[np.ndarray]:
    """The z values of the page's maps of the plane (heatmaps on the x₁/x₂ axes), top to bottom."""
    found = []
    for chart in app.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        if spec["layout"].get("xaxis", {}).get("title", {}).get("text") == "x₁":
            found.append(array(spec["data"][0]["z"]))
    return found


def array(value) -> np.ndarray:
    """A chart's numbers, whether plain lists or Plotly's typed arrays ({"dtype", "bdata", "shape"})."""
    if isinstance(value, dict):
        flat = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        shape = [int(n) for n in str(value.get("shape", len(flat))).split(",")]
        return flat.reshape(shape).astype(float)
    return np.array(value, dtype=float)


def pick(app, dataset: str):
    app.selectbox(key="dataset").set_value(dataset).run()
    assert not app.exception
    assert not [e.value for e in app.error], "the preset of each data set fits"
    return app


def test_xor_map_changes_while_the_figure_learns(app):
    pick(app, "xor")
    assert "New data" in texts(app)
    babbling = maps(app)
    assert len(babbling) == 2  # the live map in the training panel and the map under the question
    app.button(key="compile").click().run()
    app.number_input(key="epochs").set_value(2).run()
    app.button(key="train").click().run()
    early = maps(app)[0]
    app.number_input(key="epochs").set_value(40).run()
    app.button(key="train").click().run()
    late = maps(app)[0]
    assert early.shape == late.shape == (60, 60)
    assert np.abs(late - early).mean() > 0.05  # the answer over the plane moved
    status = texts(app)
    accuracy = float(re.search(r"accuracy (\d\.\d+)", status).group(1))
    assert accuracy > 0.9
    assert "validation examples" in status  # the results panel: a confusion matrix on the validation part


def test_two_sliders_ask_about_a_point_and_mark_it_on_the_map(app):
    pick(app, "gauss")
    app.slider(key="predict_x1").set_value(2.0).run()
    app.slider(key="predict_x2").set_value(2.0).run()
    spec = json.loads(app.get("plotly_chart")[1].proto.spec)
    star = spec["data"][-1]
    assert array(star["x"]).tolist() == [2.0] and array(star["y"]).tolist() == [2.0]
    assert re.search(r"Answer: \d\.\d{4} → “", texts(app))


def test_circle_with_squared_eyes_is_solved_by_one_neuron(app):
    pick(app, "circle")
    app.multiselect(key="eyes").set_value(["x1sq", "x2sq"]).run()
    app.button(key="remove_0").click().run()
    assert len(app.session_state.head) == 1
    app.button(key="compile").click().run()
    app.number_input(key="epochs").set_value(150).run()
    app.button(key="train").click().run()
    val = float(re.findall(r"accuracy (\d\.\d+)", texts(app))[0])
    assert val >= 0.9, texts(app)


def test_no_eyes_is_a_problem_not_a_crash(app):
    pick(app, "circle")
    app.multiselect(key="eyes").set_value([]).run()
    assert not app.exception
    assert any("at least one view" in e.value for e in app.error)


def test_sine_regression_shows_predicted_against_true(app):
    pick(app, "sine")
    app.button(key="compile").click().run()
    app.button(key="train").click().run()
    assert "dashed line" in texts(app)
    assert re.search(r"mean abs\. error 0\.[01]", texts(app))


def test_digits_train_and_read_a_picked_image(app):
    pick(app, "digits")
    app.button(key="compile").click().run()
    app.button(key="train").click().run()
    right = 0
    for number in range(1, 6):
        app.slider(key="predict_image").set_value(number).run()
        page = texts(app)
        truth = re.search(r"True answer: (\d)", page).group(1)
        picked = re.search(r"Answer: “(\d)” \(\d+% sure\)", page).group(1)
        right += truth == picked
    assert right >= 4
    assert "validation examples" in texts(app)


def test_korean_switches_the_data_texts(app):
    pick(app, "xor")
    app.radio(key="lang").set_value("ko").run()
    page = texts(app)
    assert "예제 300개" in page
    assert "New data" not in page
