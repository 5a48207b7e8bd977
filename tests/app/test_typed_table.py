"""Type your own table: picked as a data set, it is learnt like the lesson's data; bad cells get a message."""

from minifig.datasets import CSV_ID
from minifig.typed_table import columns_for, seed_rows
from tests.app.test_story import answer


def test_picking_the_table_keeps_the_seed_figure_and_it_learns_the_typed_rows(app):
    app.selectbox(key="dataset").set_value("table").run()
    assert not app.exception
    assert app.session_state.dataset == CSV_ID and app.selectbox(key="dataset").value == CSV_ID
    assert "Your typed table" in app.selectbox(key="dataset").options
    assert any("figure still fits" in i.value for i in app.info)
    assert any("Your table is in use: 10 examples, input columns: 1" in s.value for s in app.success)
    app.number_input(key="epochs").set_value(60).run()
    app.button(key="compile").click().run()
    app.button(key="train").click().run()
    app.slider(key="predict_input").set_value(8.0).run()
    value, label = answer(app)
    assert value > 0.5 and label == "1"  # the table's own answers name the classes


def test_a_bad_table_gets_its_reasons_and_the_last_good_table_stays(app):
    app.selectbox(key="dataset").set_value("table").run()
    good = app.session_state.table_data
    rows = seed_rows()
    rows[2][0] = "three"
    app.session_state["table_base"] = (columns_for(1), rows)
    app.selectbox(key="dataset").set_value("circle").run()
    app.selectbox(key="dataset").set_value(CSV_ID).run()  # named "Your typed table" now
    assert not app.exception
    errors = [e.value for e in app.error]
    assert any("last good table stays in use" in e and "row 3 has “three”" in e for e in errors)
    assert app.session_state.csv_data is good and app.session_state.dataset == CSV_ID


def test_a_bad_table_before_any_good_one_leaves_the_lessons_data(app):
    app.session_state["table_base"] = (columns_for(1), [["1", "0"], ["2", ""]])
    app.selectbox(key="dataset").set_value("table").run()
    assert not app.exception
    assert app.session_state.dataset == "seed"
    assert any("your data is unchanged" in e.value and "empty cells" in e.value for e in app.error)


def test_another_input_column_starts_empty_and_is_asked_for(app):
    app.number_input(key="table_inputs").set_value(2).run()
    assert not app.exception
    assert any("Rows with empty cells: 10 (in x2)" in e.value for e in app.error)
    assert app.session_state.dataset == "seed"  # nothing good to learn yet: the data stays
    assert app.session_state.table_base[0] == ("x1", "x2", "y")
    app.number_input(key="table_inputs").set_value(1).run()
    assert not app.error and app.session_state.dataset == CSV_ID  # back to one input: a good table, learnt
