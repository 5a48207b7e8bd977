import numpy as np
import pytest

from minifig.datasets import CSV_ID, load
from minifig.i18n import t
from minifig.typed_table import (
    MAX_TABLE_ROWS,
    columns_for,
    edited,
    read_table,
    reshaped,
    seed_rows,
)

SEED = (columns_for(1), seed_rows())


def keys(result) -> list[str]:
    return [problem.key for problem in result.problems]


def test_the_prefilled_table_is_the_lessons_data_as_yes_no():
    result = read_table(*SEED)
    assert result.ok and not result.problems
    data, seed = result.dataset, load("seed")
    assert data.id == CSV_ID and data.label_kind == "binary" and data.feature_names == ("x",)
    assert np.array_equal(data.x, seed.x) and np.array_equal(data.y, seed.y)
    assert t(data.title_key, "en") == "Your typed table"


def test_an_empty_table_or_only_blank_rows_is_refused():
    assert keys(read_table(columns_for(1), [])) == ["table.empty"]
    assert keys(read_table(columns_for(1), [["", None], [None, float("nan")]])) == ["table.empty"]


def test_text_in_an_input_cell_names_the_column_row_and_value():
    rows = seed_rows()
    rows[2][0] = "three"
    (problem,) = read_table(columns_for(1), rows).problems
    assert problem.key == "csv.text_in_feature"
    assert problem.values == {"column": "x", "value": "three", "row": 3}  # the table's own row number
    assert "row 3 has “three”" in problem.text("en")


@pytest.mark.parametrize("value", ["inf", "-inf", "∞"])
def test_words_for_infinity_are_not_numbers(value):
    rows = seed_rows()
    rows[0][0] = value
    assert keys(read_table(columns_for(1), rows)) == ["csv.text_in_feature"]


@pytest.mark.parametrize("value", ["1e400", "1e39", "-3.5e38", 1e39, "1" * 400])
def test_numbers_too_big_for_the_figure_are_refused_with_their_row(value):
    """1e39 became inf in float32, and the page's slider raised StreamlitJSNumberBoundsError (issue 11, item 5)."""
    rows = seed_rows()
    rows[3][0] = value
    (problem,) = read_table(columns_for(1), rows).problems
    assert problem.key == "csv.number_too_big" and problem.values["row"] == 4 and problem.values["column"] == "x"
    assert "too big" in problem.text("en") and "너무 큰" in problem.text("ko")


def test_missing_values_are_named_with_the_tables_words():
    rows = seed_rows()
    rows[4][1] = ""
    rows[6][0] = None
    (problem,) = read_table(columns_for(1), rows).problems
    assert problem.key == "table.missing" and problem.values["rows"] == 2
    assert "delete those rows" in problem.text("en") and "지우세요" in problem.text("ko")


def test_one_class_only_is_nothing_to_learn():
    rows = [[str(n), "1"] for n in range(1, 6)]
    assert keys(read_table(columns_for(1), rows)) == ["csv.one_class"]


def test_too_many_rows_are_refused():
    rows = [[str(n), str(n % 2)] for n in range(MAX_TABLE_ROWS + 1)]
    result = read_table(columns_for(1), rows)
    assert keys(result) == ["table.too_many_rows"] and f"at most {MAX_TABLE_ROWS}" in result.problems[0].text("en")
    assert read_table(columns_for(1), rows[:MAX_TABLE_ROWS]).ok


def test_a_problem_of_its_own_with_two_inputs_and_words_as_answers():
    rows = [["1", "2", "cat"], ["3", "1", "dog"], ["0.5", "4", "cat"], ["2", "2", "bird"]]
    data = read_table(columns_for(2), rows).dataset
    assert data.feature_names == ("x1", "x2") and data.label_kind == "classes"
    assert data.class_names == ("bird", "cat", "dog") and data.y.tolist() == [1, 2, 1, 0]


def test_editor_changes_apply_in_place_deleted_rows_keep_later_numbers():
    columns, rows = SEED
    changes = {
        "edited_rows": {2: {"y": "1"}, "4": {"x": "4.5"}},
        "deleted_rows": [0],
        "added_rows": [{"x": "11", "y": "1"}, {"x": "12"}],
    }
    after = edited(columns, rows, changes)
    assert after[0] == ["", ""] and after[2] == ["3", "1"] and after[4] == ["4.5", "0"]
    assert after[-2:] == [["11", "1"], ["12", ""]]
    assert rows[2] == ["3", "0"]  # the starting rows are left alone
    (problem,) = read_table(columns, after).problems
    assert problem.key == "table.missing" and problem.values["rows"] == 1


def test_more_input_columns_start_empty_and_fewer_keep_the_left_ones():
    columns, rows = reshaped(*SEED, 2)
    assert columns == ("x1", "x2", "y") and rows[0] == ["1", "", "0"]
    assert keys(read_table(columns, rows)) == ["table.missing"]
    columns, rows = reshaped(columns, rows, 1)
    assert columns == ("x", "y") and rows == seed_rows()
    with pytest.raises(ValueError, match="n_inputs=5"):
        columns_for(5)
