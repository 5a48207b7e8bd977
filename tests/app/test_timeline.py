"""Time travel on the page: after training, the timeline slider shows the figure as it was at an earlier epoch."""

from tests.app.test_story import answer, texts


def trained(app):
    app.button(key="compile").click().run()
    app.button(key="train").click().run()
    app.slider(key="predict_input").set_value(3.0).run()
    return app


def test_scrubbing_back_to_epoch_1_shows_the_early_answer_and_back_to_now_the_trained_one(app):
    trained(app)
    now, label = answer(app)
    assert label == "small" and now < 0.2
    assert app.select_slider(key="timeline").value == 100
    assert "the figure after all 100 epochs" in texts(app)

    app.select_slider(key="timeline").set_value(0).run()
    babble, _ = answer(app)
    app.select_slider(key="timeline").set_value(1).run()
    early, _ = answer(app)
    assert not app.exception
    assert abs(early - babble) < 0.05 and early > 0.4  # one step from the untrained babble, nowhere near "small"
    shown = texts(app)
    assert "Time travel: epoch 1 of 100." in shown and "after epoch 1 of 100 (time travel)" in shown
    assert "epoch 100/100" in shown  # the status still tells the run as it ended

    assert abs(app.session_state.trainer.predict([[3.0]])[0, 0] - now) < 1e-4  # the trained weights stayed

    app.select_slider(key="timeline").set_value(100).run()
    back, label = answer(app)
    assert back == now and label == "small"
    assert "Time travel" not in texts(app)

    app.select_slider(key="timeline").set_value(10).run()
    assert answer(app)[0] != now
    app.button(key="timeline_now").click().run()
    assert app.select_slider(key="timeline").value == 100 and answer(app)[0] == now


def test_training_again_continues_the_timeline_and_reset_removes_it(app):
    app.number_input(key="epochs").set_value(5).run()
    app.button(key="compile").click().run()
    app.button(key="train").click().run()
    app.select_slider(key="timeline").set_value(2).run()
    app.button(key="train").click().run()
    slider = app.select_slider(key="timeline")
    assert slider.options == [str(e) for e in range(11)] and slider.value == 10  # a new run shows now
    app.button(key="reset").click().run()
    assert not [s for s in app.select_slider if s.key == "timeline"]
