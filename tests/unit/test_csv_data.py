"""The learner's CSV: a good file becomes a data set; each bad file gets its own message and never an exception."""

import random

import numpy as np
import pytest

from minifig.cards import brick
from minifig.csv_data import MAX_BYTES, MAX_CLASSES, MAX_FEATURES, MAX_ROWS, read_csv
from minifig.fit_check import misfits
from minifig.spec import FigureSpec

GOOD = b"height,weight,tall\n150,50,0\n185,80,1\n160,55,0\n190,85,1\n"


def problem_keys(raw: bytes, filename: str = "data.csv", **options) -> list[str]:
    result = read_csv(raw, filename, **options)
    assert result.dataset is None
    return [p.key for p in result.problems]


def rows(header: str, *lines: str) -> bytes:
    return "\n".join((header, *lines)).encode()


def test_a_good_file_becomes_a_data_set():
    result = read_csv(GOOD, "people.csv")
    assert result.ok and result.problems == []
    data = result.dataset
    assert data.id == "csv" and data.title_key == "dataset.csv"
    assert data.x.tolist() == [[150, 50], [185, 80], [160, 55], [190, 85]] and data.x.dtype == np.float32
    assert data.y.tolist() == [0, 1, 0, 1]
    assert data.label_kind == "binary" and data.n_classes == 2 and data.class_names == ("0", "1")
    assert data.feature_names == ("height", "weight") and data.answer_name == "tall"
    assert result.columns == ("height", "weight", "tall") and result.answer_column == "tall"
    assert result.inferred_kind == "binary" and result.missing_rows == 0
    assert result.preview.shape == (4, 3)
    assert result.preview.iloc[1].tolist() == ["185", "80", "1"]


def test_the_answer_column_can_be_chosen():
    data = read_csv(GOOD, "people.csv", answer_column="weight").dataset
    assert data.feature_names == ("height", "tall") and data.answer_name == "weight"
    assert data.label_kind == "number" and data.y.tolist() == [50, 80, 55, 85]


@pytest.mark.parametrize(
    "answers, kind, names",
    [
        (["0", "1", "1", "0"], "binary", ("0", "1")),
        (["yes", "no", "yes", "no"], "binary", ("no", "yes")),
        (["cat", "dog", "bird", "cat"], "classes", ("bird", "cat", "dog")),
        (["0", "2", "1", "3"], "classes", ("0", "1", "2", "3")),
        (["0.5", "1.25", "2", "3"], "number", ()),
    ],
)
def test_the_kind_of_answer_is_guessed_from_its_values(answers, kind, names):
    raw = rows("x,answer", *(f"{i},{a}" for i, a in enumerate(answers)))
    result = read_csv(raw, "a.csv")
    assert result.inferred_kind == kind and result.dataset.label_kind == kind
    assert result.dataset.class_names == names
    if kind != "number":
        assert [names[int(i)] for i in result.dataset.y] == answers


def test_the_guessed_kind_can_be_overridden():
    raw = rows("x,answer", "1,0", "2,2", "3,1", "4,3")
    result = read_csv(raw, "a.csv", label_kind="number")
    assert result.inferred_kind == "classes" and result.dataset.label_kind == "number"
    assert result.dataset.y.tolist() == [0, 2, 1, 3]
    binary = read_csv(rows("x,answer", "1,0.5", "2,3.5", "3,0.5"), "a.csv", label_kind="classes").dataset
    assert binary.label_kind == "classes" and binary.class_names == ("0.5", "3.5")


def test_a_guess_that_cannot_be_kept_says_why():
    three = rows("x,answer", "1,a", "2,b", "3,c")
    assert problem_keys(three, label_kind="binary") == ["csv.not_two_classes"]
    assert problem_keys(three, label_kind="number") == ["csv.answer_not_number"]
    many = rows("x,answer", *(f"{i},{i}.5" for i in range(MAX_CLASSES + 1)))
    assert problem_keys(many, label_kind="classes") == ["csv.too_many_classes"]


def test_a_class_csv_fits_a_softmax_head_with_sparse_categorical_cross_entropy():
    data = read_csv(rows("a,b,kind", "1,2,cat", "3,4,dog", "5,6,bird"), "a.csv").dataset
    spec = FigureSpec(
        (brick("dense", units=3, activation="softmax"),), brick("sparse_categorical_crossentropy"), brick("adam")
    )
    assert misfits(spec, data) == []


def test_korean_excel_files_semicolons_and_files_without_a_header_are_read():
    korean = "키,몸무게,합격\n150,50,아니오\n185,80,예\n".encode("cp949")
    data = read_csv(korean, "합격.csv").dataset
    assert data.feature_names == ("키", "몸무게") and data.class_names == ("아니오", "예")
    with_bom = "\ufeffa,y\n1,0\n2,1\n".encode()
    assert read_csv(with_bom, "a.csv").dataset.feature_names == ("a",)
    semicolons = read_csv(b"a;b;y\n1.5;2;0\n3;4;1\n", "a.csv").dataset
    assert semicolons.x.tolist() == [[1.5, 2], [3, 4]]
    headerless = read_csv(b"1,2,0\n3,4,1\n5,6,0\n", "a.csv")
    assert headerless.columns == ("A", "B", "C") and len(headerless.dataset.x) == 3


def test_stray_separators_and_blank_lines_from_spreadsheets_are_ignored():
    result = read_csv(b"a,b,y,\r\n1,2,0,\r\n\r\n3,4,1,\r\n,,,\r\n", "a.csv")
    assert result.columns == ("a", "b", "y")
    assert result.dataset.x.tolist() == [[1, 2], [3, 4]]


BAD_FILES = {
    "empty": (b"", "csv.empty"),
    "only blank lines": (b"\n  \n\n", "csv.empty"),
    "names but no rows": (b"a,b,y\n", "csv.no_rows"),
    "binary junk": (bytes(range(256)) * 4, "csv.not_csv"),
    "an unclosed quote": (b'a,b\n"1,2\n', "csv.not_csv"),
    "no numeric columns": (rows("name,colour", "ann,red", "bob,blue"), "csv.no_numbers"),
    "only the answer": (rows("y", "0", "1"), "csv.no_features"),
    "a row with too many cells": (rows("a,y", "1,0", "2,1,7"), "csv.ragged"),
    "one class only": (rows("a,y", "1,0", "2,0", "3,0"), "csv.one_class"),
    "too many rows": (rows("a,y", *(f"{i},{i % 2}" for i in range(MAX_ROWS + 1))), "csv.too_many_rows"),
    "too many columns": (
        rows(",".join(f"c{i}" for i in range(MAX_FEATURES + 2)), ",".join(["1"] * (MAX_FEATURES + 2))),
        "csv.too_many_columns",
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_each_bad_file_gets_its_own_message(case):
    raw, key = BAD_FILES[case]
    assert problem_keys(raw) == [key]


@pytest.mark.parametrize("filename", ["table.xlsx", "table.txt", "table", "table.csv.exe"])
def test_a_file_that_is_not_named_csv_is_refused(filename):
    assert problem_keys(GOOD, filename) == ["csv.not_csv"]


def test_a_file_over_the_size_cap_is_refused_before_it_is_read():
    raw = GOOD + b"1,2,0\n" * (MAX_BYTES // 6)
    assert len(raw) > MAX_BYTES
    result = read_csv(raw, "big.csv")
    assert [p.key for p in result.problems] == ["csv.too_big"]
    assert result.problems[0].text("en") == "This file is too big: a CSV file can be at most 2 MB."
    assert result.columns == ()


def test_text_in_a_feature_column_names_the_column_the_row_and_the_value():
    raw = rows("height,colour,tall", "150,1,0", "185,red,1")
    result = read_csv(raw, "a.csv")
    assert [p.key for p in result.problems] == ["csv.text_in_feature"]
    english, korean = result.problems[0].text("en"), result.problems[0].text("ko")
    assert "“colour”" in english and "row 3" in english and "“red”" in english
    assert "“colour”" in korean and "3번째 줄" in korean and "“red”" in korean
    assert result.columns == ("height", "colour", "tall")  # the page can still show the file


def test_missing_values_say_how_many_rows_and_can_be_dropped():
    raw = rows("a,b,y", "1,,0", "3,4,1", "5,6,", "7,8,1", "9,10,0")
    refused = read_csv(raw, "a.csv")
    assert [p.key for p in refused.problems] == ["csv.missing"] and refused.missing_rows == 2
    assert "Rows with empty cells: 2 (in b, y)" in refused.problems[0].text("en")
    assert "2줄" in refused.problems[0].text("ko")
    dropped = read_csv(raw, "a.csv", drop_missing=True)
    assert dropped.ok and dropped.missing_rows == 2
    assert dropped.dataset.x.tolist() == [[3, 4], [7, 8], [9, 10]] and dropped.dataset.y.tolist() == [1, 1, 0]


def test_missing_marks_count_as_empty_cells():
    assert read_csv(rows("a,y", "1,0", "NA,1", "?,0", "4,1"), "a.csv").missing_rows == 2


def test_dropping_every_row_leaves_nothing_to_learn():
    assert problem_keys(rows("a,b,y", "1,,0", ",2,1"), drop_missing=True) == ["csv.nothing_left"]


def test_an_unknown_answer_column_lists_the_columns():
    result = read_csv(GOOD, "a.csv", answer_column="age")
    assert [p.key for p in result.problems] == ["csv.unknown_column"]
    assert result.problems[0].text("en") == "There is no column called “age”. The columns are: height, weight, tall."
    assert result.columns == ("height", "weight", "tall")


def test_every_message_reads_in_english_and_korean():
    cases = [raw for raw, _ in BAD_FILES.values()] + [rows("a,b,y", "1,x,0", "2,,1")]
    for raw in cases:
        for problem in read_csv(raw, "a.csv").problems:
            assert problem.text("en") and problem.text("ko")
            assert problem.text("en") != problem.text("ko")


def test_a_wrong_label_kind_is_a_programmer_error():
    with pytest.raises(ValueError, match="label_kind"):
        read_csv(GOOD, "a.csv", label_kind="yes/no")


def test_random_bytes_and_broken_tables_never_raise():
    rng = random.Random(0)
    pieces = [b"1", b"2.5", b"-3", b"x", b"", b"NA", b"inf", b",", b";", b"\n", b'"', b"\xc3", b"\xff", b"\x00"]
    for _ in range(300):
        raw = b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        for kind in (None, "binary", "classes", "number"):
            result = read_csv(raw, "fuzz.csv", label_kind=kind, drop_missing=rng.random() < 0.5)
            assert result.ok != bool(result.problems)
            if result.ok:
                assert np.isfinite(result.dataset.x).all() and np.isfinite(result.dataset.y).all()


@pytest.mark.parametrize("value", ["1e39", "-1e39", "1e400", "2e15"])
def test_a_number_too_big_for_float32_arithmetic_is_refused_in_an_input_or_a_number_answer(value):
    """1e39 became inf in float32 and the page's slider raised StreamlitJSNumberBoundsError (issue 11, item 5)."""
    as_input = read_csv(rows("x,y", "1,0", f"{value},1", "3,0"), "a.csv")
    (problem,) = as_input.problems
    assert problem.key == "csv.number_too_big" and problem.values == {
        "column": "x",
        "value": value,
        "row": 3,
        "max": "1,000,000,000,000,000",
    }
    as_answer = read_csv(rows("x,y", "1,0.5", "2,1.5", f"3,{value}"), "a.csv", label_kind="number")
    assert [p.key for p in as_answer.problems] == ["csv.number_too_big"] and as_answer.problems[0].values["row"] == 4


def test_big_numbers_are_fine_as_class_names_and_up_to_the_limit():
    data = read_csv(rows("x,y", "1e15,1e39", "-1e15,5", "0,1e39"), "a.csv").dataset
    assert data.label_kind == "binary" and data.class_names == ("5", "1e+39")
    assert np.isfinite(data.x).all() and data.input_range == pytest.approx((-1e15, 1e15), rel=1e-7)


def test_one_input_value_reads_with_a_range_a_slider_can_span():
    """x,y / 5,0 / 5,1 / 5,0 / 5,1 was 'ready' and the slider raised StreamlitInvalidMinMaxError (issue 11, item 5)."""
    data = read_csv(rows("x,y", "5,0", "5,1", "5,0", "5,1"), "a.csv").dataset
    low, high = data.input_range
    assert low < 5 < high and np.isfinite([low, high]).all()


def test_a_number_as_python_reads_it_is_a_number_as_the_table_reads_it():
    """`float()` takes 1_000 and Arabic-Indic digits, the table did not: a number answer raised StopIteration."""
    for odd in ("1_000", "\u0663", " 1e5x", "0x10"):
        result = read_csv(rows("x,y", "1,2", f"2,{odd}", "3,4.5"), "a.csv", label_kind="number")
        assert [p.key for p in result.problems] == ["csv.answer_not_number"], odd
        assert [p.key for p in read_csv(rows("x,y", f"{odd},1", "2,0"), "a.csv").problems] == ["csv.text_in_feature"]


@pytest.mark.parametrize("repeats", [2000, 3000])
def test_a_header_of_repeated_names_is_counted_before_it_is_named(repeats):
    """`a,a,a,…` × 2000 took 10 s and × 3000 33 s of CPU in read_csv (issue 11, item 4); the rule is ≤ 1 s."""
    import time

    header = ",".join(["a"] * repeats)
    started = time.thread_time()
    result = read_csv(f"{header}\n{header.replace('a', '1')}\n".encode(), "wide.csv")
    spent = time.thread_time() - started
    assert [p.key for p in result.problems] == ["csv.too_many_columns"]
    assert result.problems[0].values == {"columns": repeats, "max": MAX_FEATURES + 1}
    assert spent <= 1.0, f"{spent:.1f} s of CPU"


def test_repeated_names_within_the_cap_get_numbers_that_are_not_taken():
    data = read_csv(rows("a,a,a.2,a,y", "1,2,3,4,0", "5,6,7,8,1"), "a.csv").dataset
    assert data.feature_names == ("a", "a.2", "a.2.2", "a.3")  # in order, each name once


def test_a_table_of_very_different_sizes_starts_with_a_normalization_brick_and_an_even_one_does_not():
    from minifig.csv_data import starting_figure

    uneven = read_csv(b"alcohol,proline,kind\n12.4,520,a\n13.1,1035,b\n14.2,1510,a\n12.9,680,b\n", "wine.csv")
    even = read_csv(b"height,weight,answer\n0.3,1.5,yes\n0.8,-1.5,no\n0.3,-2.4,no\n-1.3,0.6,no\n", "good.csv")
    assert [b.card for b in starting_figure(uneven.dataset).head] == ["normalization", "dense", "dense", "dense"]
    assert [b.card for b in starting_figure(even.dataset).head] == ["dense", "dense", "dense"]
    for result in (uneven, even):
        assert misfits(starting_figure(result.dataset), result.dataset) == []
