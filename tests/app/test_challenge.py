"""A challenge link walked through the page: the goal is shown, hidden controls are not drawn, the limits are
enforced, training to the goal is praised; a hostile link is refused and the page opens as usual."""

import html
import re

from streamlit.testing.v1 import AppTest

from minifig import challenge, signing
from minifig.cards import brick
from tests.app.conftest import APP
from tests.app.test_take_home import texts

LINK = re.compile(r'<code class="minifig-link">([^<]*)</code>')
GAUSS = challenge.Challenge(
    "gauss",
    "val_accuracy",
    0.9,
    validation_split=0.2,
    max_bricks=1,
    max_units=4,
    legs=brick("adam", learning_rate=0.05),
    hidden=("legs", "compare"),
)
ADDRESS = {
    "data": "gauss",
    "layer": ["dense-1-sigmoid"],
    "torso": "binary_crossentropy",
    "legs": "adam-0.05",
    "epochs": "30",
    "batch": "16",
    "val": "0.2",
    **signing.learners_query(GAUSS, "room-app-test", signing.server_secret()),
}


def opened(query: dict) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=120)
    app.query_params.update(query)
    return app.run()


def test_a_challenge_link_shows_the_goal_hides_controls_and_praises_the_goal_reached():
    app = opened(ADDRESS)
    assert not app.exception
    banner = texts(app)
    assert "reach **validation accuracy ≥ 0.9**" in banner and "head bricks: at most 1" in banner
    keys = {widget.key for widget in [*app.selectbox, *app.number_input]}
    assert "legs" not in keys and "lr" not in keys and "torso" in keys  # legs hidden, torso shown
    assert "lesson_next" not in {button.key for button in app.button}  # the guided lesson would replace the figure
    assert app.session_state.validation_split == 0.2 and app.session_state.legs == "adam"

    app.button(key="add_dense").click().run()  # a second brick would break the limit
    assert len(app.session_state.head) == 1
    assert any("Head bricks are limited to 1" in w.value for w in app.warning)

    app.button(key="compile").click().run()
    app.button(key="train").click().run()
    assert not app.exception
    assert "epoch 30/30" in texts(app)
    done = [s.value for s in app.success if "Goal reached" in s.value]
    assert done and "validation accuracy ≥ 0.9" in done[0]
    assert app.query_params["challenge"] == ADDRESS["challenge"]  # the address keeps the challenge


def test_a_broken_limit_is_named_and_blocks_compile():
    app = opened(ADDRESS)
    app.number_input(key="p1_units").set_value(8).run()
    assert any("Brick 1 has 8 units; the challenge allows at most 4." in e.value for e in app.error)
    app.button(key="compile").click().run()
    assert app.session_state.trainer is None


def test_a_hostile_challenge_link_is_refused_and_the_page_opens_as_usual():
    app = opened({"challenge": "eyJ2IjoxLCJkYXRhIjoiPHNjcmlwdD4ifQ" + "A" * 3000})
    assert not app.exception
    assert any("This challenge link could not be used" in e.value for e in app.error)
    assert app.session_state.challenge_card is None
    assert "legs" in {widget.key for widget in app.selectbox}
    assert len(app.session_state.head) == 5


def shown_links(app) -> list[str]:
    """The links the page shows to hand out (`components.copy.render_link`)."""
    return [html.unescape(found) for block in app.html for found in LINK.findall(block.value)]


def test_the_teacher_panel_writes_a_link_the_learner_page_reads():
    app = AppTest.from_file(APP, default_timeout=120).run()
    app.selectbox(key="dataset").set_value("gauss").run()
    app.number_input(key="challenge_make_bricks").set_value(2).run()
    app.multiselect(key="challenge_make_hidden").set_value(["compare"]).run()
    link = next(link for link in shown_links(app) if "challenge=" in link)
    value = link.split("challenge=")[1].split("&")[0]
    made = challenge.parse(value)
    assert made.dataset == "gauss" and made.max_bricks == 2 and made.hidden == ("compare",)
    assert "layer=" not in link  # learners start with an empty head unless the teacher gives theirs


def test_every_hideable_control_can_be_hidden_and_keeps_its_value_until_the_learner_leaves():
    hidden = challenge.Challenge("gauss", "loss", 0.3, torso=brick("binary_crossentropy"), hidden=challenge.HIDEABLE)
    app = opened({**ADDRESS, **signing.learners_query(hidden, "room-app-test", signing.server_secret())})
    assert not app.exception
    keys = {widget.key for widget in [*app.selectbox, *app.number_input, *app.slider]}
    assert not keys & {"dataset", "validation_split", "torso", "legs", "lr", "epochs", "batch_size"}
    assert not [link for link in shown_links(app) if "challenge=" in link]  # no teacher's panel
    app.button(key="compile").run()  # a rerun: hidden controls keep the values the link gave
    ss = app.session_state
    assert (ss.dataset, ss.torso, ss.legs, ss.lr, ss.epochs, ss.validation_split) == (
        "gauss",
        "binary_crossentropy",
        "adam",
        0.05,
        30,
        0.2,
    )
    app.button(key="challenge_leave").click().run()
    assert app.session_state.challenge_card is None
    assert not {"challenge", "room", "seal"} & set(app.query_params)
    assert {"dataset", "legs", "epochs"} <= {widget.key for widget in [*app.selectbox, *app.number_input]}


def test_the_teacher_panel_refuses_a_challenge_no_figure_can_win():
    """A fixed, hidden MSE torso on yes/no data with an accuracy goal would block Compile forever: no link."""
    app = AppTest.from_file(APP, default_timeout=120).run()
    app.selectbox(key="dataset").set_value("circle").run()
    app.selectbox(key="torso").set_value("mse").run()
    app.checkbox(key="challenge_make_torso").check().run()
    app.multiselect(key="challenge_make_hidden").set_value(["torso"]).run()
    assert not app.exception
    assert not any("challenge=" in link for link in shown_links(app))
    refusal = [e.value for e in app.error if "No figure can win this challenge" in e.value]
    assert refusal and "Mean squared error" in refusal[0]
    app.selectbox(key="torso").set_value("binary_crossentropy").run()  # a torso that fits: the link is made
    assert any("challenge=" in link for link in shown_links(app))
