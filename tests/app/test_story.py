"""The seed's story walked through the page by widget keys (ui-contract.md)."""

import re

import pytest


def texts(app) -> str:
    parts = [m.value for m in app.markdown] + [m.value for m in app.caption]
    for kind in (app.error, app.warning, app.info, app.success):
        parts += [e.value for e in kind]
    return "\n".join(parts)


def answer(app) -> tuple[float, str]:
    found = next(filter(None, (re.search(r"(\d+\.\d+) → “(.+)”", m.value) for m in app.markdown)))
    number, label = found.groups()
    return float(number), label


def test_untrained_head_babbles_before_compile(app):
    assert not app.exception
    assert any("random guess" in w.value for w in app.warning)
    value, label = answer(app)
    assert 0.0 < value < 1.0 and label in ("small", "big")


def test_seed_story_compile_train_and_ask(app):
    app.button(key="compile").click().run()
    assert any("Compiled" in s.value for s in app.success)
    app.button(key="train").click().run()
    assert not app.exception
    status = texts(app)
    assert "epoch 100/100" in status
    assert re.search(r"loss 0\.\d+ · accuracy 1\.0000", status)
    app.slider(key="predict_input").set_value(3.0).run()
    value, label = answer(app)
    assert label == "small" and value < 0.2
    assert not any("random guess" in w.value for w in app.warning)
    app.slider(key="predict_input").set_value(8.0).run()
    value, label = answer(app)
    assert label == "big" and value > 0.8


def test_training_again_continues_and_reset_starts_over(app):
    app.button(key="compile").click().run()
    app.number_input(key="epochs").set_value(5).run()
    app.button(key="train").click().run()
    app.button(key="train").click().run()
    assert "10 epochs trained so far" in texts(app)
    app.button(key="reset").click().run()
    assert "epoch 0/5" in texts(app)
    assert any("random guess" in w.value for w in app.warning)


def test_a_misfit_blocks_compile_with_its_reason(app):
    app.number_input(key="p5_units").set_value(64).run()  # the last Dense now gives 64 numbers
    reasons = [e.value for e in app.error]
    assert any("gives 64 numbers" in r and "Dense(1, sigmoid)" in r for r in reasons)
    app.button(key="compile").click().run()
    refused = [e.value for e in app.error if e.value.startswith("The figure does not fit yet: head: ")]
    assert len(refused) == 1 and "gives 64 numbers" in refused[0]
    assert app.session_state.trainer is None


def test_train_refused_for_a_legs_problem_says_the_real_reason(app):
    app.number_input(key="lr").set_value(10.0).run()
    too_large = "Learning rate is 10, but it can be at most 1."
    assert [e.value for e in app.error if too_large in e.value] == [too_large]  # once: on the legs' card
    app.button(key="train").click().run()
    refused = [e.value for e in app.error if e.value.startswith("The figure does not fit yet")]
    assert refused == [f"The figure does not fit yet: legs: {too_large}"]
    assert not any("Compile the figure" in e.value for e in app.error)


def test_wrong_torso_is_explained_and_fixed_by_the_fix(app):
    app.selectbox(key="torso").set_value("mse").run()
    assert any("made for number answers" in e.value for e in app.error)
    app.selectbox(key="torso").set_value("binary_crossentropy").run()
    assert not app.error


def test_training_an_uncompiled_figure_says_compile_first(app):
    app.button(key="train").click().run()
    assert any("Compile the figure before training" in e.value for e in app.error)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("p1_units", 0, "at least 1"),
        ("p1_units", 10**7, "at most 512"),
        ("epochs", 10**9, "at most 5000"),
        ("batch_size", 0, "at least 1"),
        ("lr", 5.0, "at most 1"),
    ],
)
def test_out_of_range_numbers_get_a_clear_message_not_a_traceback(app, key, value, message):
    app.number_input(key=key).set_value(value).run()
    assert not app.exception
    assert any(message in e.value for e in app.error)
    app.button(key="compile").click().run()
    assert app.session_state.trainer is None


def test_empty_head_is_explained(app):
    for _ in range(5):
        app.button(key="remove_0").click().run()
    assert any("no bricks" in e.value for e in app.error)
    assert not app.exception


def test_click_ways_to_add_move_and_remove_bricks(app):
    app.button(key="add_dropout").click().run()
    assert app.session_state.head[-1]["card"] == "dropout"
    app.button(key="up_5").click().run()
    assert [item["card"] for item in app.session_state.head][4:] == ["dropout", "dense"]
    app.button(key="remove_4").click().run()
    assert [item["card"] for item in app.session_state.head] == ["dense"] * 5


def test_changing_a_piece_after_compile_asks_to_compile_again(app):
    app.button(key="compile").click().run()
    app.selectbox(key="legs").set_value("sgd").run()
    assert app.session_state.trainer is None
    assert app.number_input(key="lr").value == pytest.approx(0.01)
    assert any("Not compiled yet" in i.value for i in app.info)


def test_language_switch_changes_every_text(app):
    english = texts(app)
    app.radio(key="lang").set_value("ko").run()
    korean = texts(app)
    assert "머리" in korean and "옹알이" in korean
    assert "Head (network)" not in korean
    assert "Walks downhill on the loss" in english and "손실의 내리막" in korean
    app.number_input(key="p1_units").set_value(0).run()
    assert any("이상이어야" in e.value for e in app.error)


def test_coach_speaks_after_training(app):
    app.button(key="compile").click().run()
    app.button(key="train").click().run()
    assert any("Coach" in i.value and "Every training answer is right" in i.value for i in app.info)


@pytest.mark.parametrize("ending", ["trained", "stopped"])
def test_a_run_that_trains_keeps_the_values_in_the_tabs(app, monkeypatch, ending):
    """A Train click's run draws the tabs only once trained (in the run after it): whether it ends trained or
    stopped, the values in the tabs are kept and the tabs are drawn again."""
    if ending == "stopped":  # the learner left the training gate's line (Stop) before a slot was free
        from minifig.engine import Trainer

        monkeypatch.setattr(Trainer, "train", lambda *args, **kwargs: None)
    app.checkbox(key="challenge_make_head").check().run()
    app.button(key="compile").click().run()
    app.button(key="train").click().run()
    assert not app.exception
    assert app.checkbox(key="challenge_make_head").value is True
    assert ("epoch 100/100" in texts(app)) == (ending == "trained")
