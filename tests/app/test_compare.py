"""Issue 6: three figures that differ only in their legs, trained together and ranked."""

import json

from tests.app.test_data import array, maps

LEGS = ("adam", "sgd", "rmsprop")


def keep_with_legs(app, legs: str):
    app.selectbox(key="legs").set_value(legs).run()
    app.text_input(key="compare_name").set_value(legs.upper()).run()
    app.button(key="compare_keep").click().run()
    assert not app.exception


def test_three_figures_train_together_and_are_ranked(app):
    for legs in LEGS:
        keep_with_legs(app, legs)
    assert any("Kept figures (3/6)" in m.value for m in app.markdown)
    app.number_input(key="epochs").set_value(30).run()
    app.button(key="compare_train").click().run()
    assert not app.exception
    assert any("Trained together: epoch 30/30" in m.value for m in app.markdown)
    charts = [json.loads(c.proto.spec) for c in app.get("plotly_chart")]
    chart = next(c for c in charts if any(trace.get("name") == "ADAM · training" for trace in c["data"]))
    losses = [trace for trace in chart["data"] if trace["name"].endswith("training")]
    assert [trace["name"] for trace in losses] == [f"{legs.upper()} · training" for legs in LEGS]
    assert all(len(array(trace["y"])) == 30 for trace in losses)
    accuracies = [trace for trace in chart["data"] if trace["name"].endswith("accuracy")]
    assert [trace["xaxis"] for trace in accuracies] == ["x2"] * 3  # beside the losses, in the same chart
    assert all(len(array(trace["y"])) == 30 and max(array(trace["y"])) <= 1 for trace in accuracies)
    answers = next(c for c in charts if any(trace.get("name") == "SGD" for trace in c["data"]))
    curves = [trace for trace in answers["data"] if trace["mode"] == "lines"]
    assert [trace["name"] for trace in curves] == [legs.upper() for legs in LEGS]  # answers side by side
    adam = array(curves[0]["y"])
    assert adam[0] < 0.5 < adam[-1]  # Adam's figure has learnt: 1 is small, 10 is big
    table = next(frame.value for frame in app.dataframe if "Rank" in frame.value.columns)
    assert list(table["Rank"]) == [1, 2, 3]
    final = list(table["Final loss (validation if any)"])
    assert final == sorted(final)
    assert set(table["Figure"]) == {"ADAM", "SGD", "RMSPROP"}
    # Adam at 0.001 learns the lesson's numbers; plain SGD at its default rate is slower: the ranking says so.
    assert table["Figure"].iloc[0] != "SGD"


def test_one_figure_is_not_a_comparison(app):
    keep_with_legs(app, "adam")
    app.button(key="compare_train").click().run()
    assert any("at least two" in w.value for w in app.warning)


def test_a_figure_that_does_not_fit_cannot_be_kept(app):
    app.number_input(key="p5_units").set_value(64).run()  # the last Dense gives 64 numbers: a misfit
    app.button(key="compare_keep").click().run()
    assert any("cannot be kept" in e.value for e in app.error)
    assert any("Kept figures (0/6)" in m.value for m in app.markdown)


def test_figures_on_the_plane_show_their_maps_side_by_side(app):
    app.selectbox(key="dataset").set_value("xor").run()
    keep_with_legs(app, "adam")
    keep_with_legs(app, "sgd")
    app.number_input(key="epochs").set_value(3).run()
    app.button(key="compare_train").click().run()
    assert not app.exception
    assert len(maps(app)) == 2 + 2  # the page's own two maps, then one per kept figure
    assert "Their answers side by side" in "\n".join(m.value for m in app.markdown)


def test_training_together_waits_in_the_training_line_like_train(app):
    """Compare takes a slot of the server's training gate: while every slot is taken, it waits in line."""
    import threading
    import time

    from components.gate import gate

    keep_with_legs(app, "adam")
    keep_with_legs(app, "sgd")
    app.number_input(key="epochs").set_value(3).run()
    line, release, seen_waiting = gate(), threading.Event(), []

    def other_learner(name: str) -> None:
        with line.turn(name):
            release.wait(60)

    holders = [threading.Thread(target=other_learner, args=(f"other {i}",)) for i in range(line.slots)]
    for holder in holders:
        holder.start()
    deadline = time.monotonic() + 10
    while line.running < line.slots and time.monotonic() < deadline:
        time.sleep(0.01)

    def watch() -> None:  # free the slots once the comparison stands in line (or after a while, if it never does)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not seen_waiting:
            if line.waiting:
                seen_waiting.append(line.waiting)
            time.sleep(0.01)
        release.set()

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        app.button(key="compare_train").click().run()
    finally:
        release.set()
        watcher.join(30)
        for holder in holders:
            holder.join(30)
    assert seen_waiting, "the comparison trained while every training slot was taken"
    assert any("Trained together: epoch 3/3" in m.value for m in app.markdown)
