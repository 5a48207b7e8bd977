"""The learner's own data: a CSV file read into a `Dataset`, or every reason it cannot be.

Size: one reader of a learner's file, with a reason for each way a file can be wrong (and the figure that
starts on it).

`read_csv` never raises on a bad file: it returns a `CsvResult` whose `problems` are messages the
learner can act on (in English and Korean), so the page can keep the current data untouched. As
soon as the file reads as a table, the result also carries its columns and first rows, so the page
can show a preview and let the learner pick another answer column.

The answer column is the last one unless chosen; every other column is an input and must hold
numbers. What kind of answer it is (yes/no, classes or a number) is guessed from its values and
can be overridden.
"""

from __future__ import annotations

import csv
import io
import re
import string
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from minifig.cards import brick
from minifig.datasets import CSV_ID, Dataset
from minifig.fit_check import uneven_inputs
from minifig.i18n import Message
from minifig.spec import FigureSpec, Training

MAX_BYTES = 2_000_000
MAX_ROWS = 5_000
MAX_FEATURES = 64
MAX_CLASSES = 20  # at most this many classes; whole-number answers from 0 to this are guessed to be classes
PREVIEW_ROWS = 5
LABEL_KINDS = ("binary", "classes", "number")
MISSING_MARKS = {"", "?", "NA", "N/A", "n/a", "#N/A", "NaN", "nan", "null", "NULL", "None"}  # an empty cell
MAX_MAGNITUDE = 1e15  # bigger numbers overflow float32 (3.4e38) once the figure squares and sums them
NUMBER = r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"  # a number as written in a table: 3, -0.5, 1e6
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class CsvResult:
    """What became of one file: a data set, or the problems that stop it.

    `columns`, `preview` (the first rows, as written) and `answer_column` are filled whenever the
    file reads as a table, even with problems. `missing_rows` counts the rows with an empty cell
    in a column that is used; with `drop_missing` they were left out of the data set.
    """

    dataset: Dataset | None = None
    problems: list[Message] = field(default_factory=list)
    columns: tuple[str, ...] = ()
    preview: pd.DataFrame | None = None
    answer_column: str | None = None
    inferred_kind: str | None = None
    missing_rows: int = 0

    @property
    def ok(self) -> bool:
        return self.dataset is not None


def read_csv(
    raw: bytes,
    filename: str,
    answer_column: str | None = None,
    label_kind: str | None = None,
    drop_missing: bool = False,
) -> CsvResult:
    """The learner's CSV file as a data set with id "csv", or the problems that stop it.

    Args:
        raw: the file's bytes, as uploaded.
        filename: the file's name; it must end in ".csv".
        answer_column: the column holding the answers; None for the last column.
        label_kind: "binary", "classes" or "number" to override the guessed kind; None to keep the guess.
        drop_missing: leave out the rows with empty cells instead of refusing them.

    Returns:
        A `CsvResult`; `problems` is empty exactly when `dataset` is set.

    Raises:
        ValueError: `label_kind` is not one of the kinds (a programmer error, never the file's).
    """
    if label_kind is not None and label_kind not in LABEL_KINDS:
        raise ValueError(
            f"Received an invalid value for `label_kind`, expected one of {LABEL_KINDS} or None. "
            f"Received: label_kind={label_kind!r}"
        )
    table, problem = _table(raw, filename)
    if problem is not None:
        return CsvResult(problems=[problem])
    columns = tuple(table.columns)
    answer = columns[-1] if answer_column is None else answer_column
    seen = {"columns": columns, "preview": table.head(PREVIEW_ROWS), "answer_column": answer}
    if len(table) == 0:
        return CsvResult(problems=[Message("csv.no_rows")], **seen)
    problems = []

    numbers = table.apply(_numbers)
    not_numbers = numbers.isna() & table.notna()
    if not any(table[c].notna().any() and not not_numbers[c].any() for c in columns):
        return CsvResult(problems=[Message("csv.no_numbers")], **seen)
    if answer not in columns:
        return CsvResult(
            problems=[Message("csv.unknown_column", {"column": _short(answer), "columns": _list(columns)})], **seen
        )
    features = [c for c in columns if c != answer]
    if not features:
        return CsvResult(problems=[Message("csv.no_features", {"column": _short(answer)})], **seen)

    for column in features:
        if not_numbers[column].any():
            where = not_numbers[column].idxmax()  # the first cell that is not a number
            value, row = table.at[where, column], int(where)
            problems.append(
                Message("csv.text_in_feature", {"column": _short(column), "value": _short(value), "row": row})
            )
    gaps = table.isna()
    missing = gaps.any(axis=1)
    missing_rows = int(missing.sum())
    if missing_rows and not drop_missing:
        gap_columns = [c for c in columns if gaps[c].any()]
        problems.append(Message("csv.missing", {"rows": missing_rows, "columns": _list(gap_columns)}))
    seen["missing_rows"] = missing_rows
    problems.extend(_too_big(table, numbers, features))
    if problems:
        return CsvResult(problems=problems, **seen)
    kept = ~missing.to_numpy()
    if not kept.any():
        return CsvResult(problems=[Message("csv.nothing_left")], **seen)

    answers = table[answer][kept]
    answer_numbers = numbers[answer][kept]
    is_number = not not_numbers[answer][kept].any()
    values = answer_numbers if is_number else answers
    distinct = sorted(values.unique())
    inferred = _guess_kind(distinct, is_number)
    seen["inferred_kind"] = inferred
    kind = label_kind or inferred
    problem = _answer_problem(kind, distinct, is_number, answer, answers)
    if problem is None and kind == "number":
        problem = next(iter(_too_big(table[kept], numbers[kept], [answer])), None)
    if problem is not None:
        return CsvResult(problems=[problem], **seen)

    x = numbers[features][kept].to_numpy(dtype="float32")
    if kind == "number":
        y, classes = answer_numbers.to_numpy(dtype="float32"), {}
    else:
        index = {value: i for i, value in enumerate(distinct)}
        y = values.map(index).to_numpy(dtype="float32")
        classes = {"n_classes": len(distinct), "class_names": tuple(_name(v) for v in distinct)}
    dataset = Dataset(
        CSV_ID,
        "dataset.csv",
        x,
        y,
        kind,
        feature_key="feature.csv",
        feature_names=tuple(features),
        answer_name=answer,
        **classes,
    )
    return CsvResult(dataset=dataset, **seen)


def _table(raw: bytes, filename: str) -> tuple[pd.DataFrame | None, Message | None]:
    """The file as a table of text cells (empty cells missing), indexed by file row (header: row 1), or why not.

    A file over the row or column cap is refused before its cells become a table: every file up to
    `MAX_BYTES` is answered in a fraction of a second, whatever its shape.
    """
    if len(raw) > MAX_BYTES:
        return None, Message("csv.too_big", {"mb": _number(MAX_BYTES / 1_000_000)})
    if not str(filename).lower().endswith(".csv"):
        return None, Message("csv.not_csv")
    text = _decode(raw)
    if text is None:
        return None, Message("csv.not_csv")
    if not text.strip():
        return None, Message("csv.empty")
    first_line = text.strip().splitlines()[0]
    reader = csv.reader(io.StringIO(text), delimiter=max(",;\t", key=first_line.count), strict=True)
    records, rows = [], 0
    try:
        for row in reader:
            if len(records) <= MAX_ROWS:  # the header and one row past the cap: enough to say what is wrong
                row = _trimmed(row)
                if row:  # blank lines and rows of empty cells are left out
                    records.append((reader.line_num, row))
                    rows += 1
            elif "".join(row).strip():
                rows += 1
    except csv.Error:  # an unclosed quote, a field too long for a table of numbers
        return None, Message("csv.not_csv")
    if not records:
        return None, Message("csv.empty")
    header = records[0][1]
    if len(header) - 1 > MAX_FEATURES:  # counted before the columns are named
        return None, Message("csv.too_many_columns", {"columns": len(header), "max": MAX_FEATURES + 1})
    if all(_is_number(name) for name in header):  # no header: the first line is data already
        header = [""] * len(header)
    else:
        records, rows = records[1:], rows - 1
    if rows > MAX_ROWS:
        return None, Message("csv.too_many_rows", {"rows": rows, "max": MAX_ROWS})
    for line, row in records:
        if len(row) > len(header):
            return None, Message("csv.ragged", {"row": line, "cells": len(row), "columns": len(header)})
    cells = [[_cell(c) for c in row] + [None] * (len(header) - len(row)) for _, row in records]
    table = pd.DataFrame(cells, columns=_names(header), index=[line for line, _ in records], dtype=object)
    return table, None


def _trimmed(row: list[str]) -> list[str]:
    """The row's cells without spaces around them, and without the empty cells a stray separator leaves at its end."""
    row = [cell.strip() for cell in row]
    while row and not row[-1]:
        row.pop()
    return row


def _cell(text: str) -> str | None:
    return None if text in MISSING_MARKS else text


def _names(header: list[str]) -> list[str]:
    """Column names: as written, a spreadsheet letter where there is none, and "name.2" for the second "name"."""
    names: list[str] = []
    taken: set[str] = set()
    last: dict[str, int] = {}  # the last number given to each name written more than once
    for i, name in enumerate(header):
        base = name = name or _letters(i)
        n = last.get(base, 1)
        while name in taken:
            n += 1
            name = f"{base}.{n}"
        last[base] = n
        taken.add(name)
        names.append(name)
    return names


def _decode(raw: bytes) -> str | None:
    """The bytes as text (UTF-8, or CP949 as Korean Excel saves), or None for a file that is not text."""
    for encoding in ("utf-8-sig", "cp949"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _CONTROL.search(text):
            return None
        return text
    return None


def _guess_kind(distinct: list, is_number: bool) -> str:
    """Two values: yes/no. Text, or small whole numbers (class codes 0–20): classes. Anything else: a number."""
    if len(distinct) == 2:
        return "binary"
    if not is_number:
        return "classes"
    codes = len(distinct) <= MAX_CLASSES and all(float(v).is_integer() and 0 <= v <= MAX_CLASSES for v in distinct)
    return "classes" if codes else "number"


def _answer_problem(kind: str, distinct: list, is_number: bool, answer: str, answers: pd.Series) -> Message | None:
    """Why the answers cannot be of `kind`, or None when they can."""
    if len(distinct) == 1:
        return Message("csv.one_class", {"column": _short(answer), "value": _short(_name(distinct[0]))})
    if kind == "number" and not is_number:
        text = next(v for v in answers if not _is_number(v))
        return Message("csv.answer_not_number", {"column": _short(answer), "value": _short(text)})
    if kind == "binary" and len(distinct) != 2:
        return Message("csv.not_two_classes", {"column": _short(answer), "n": len(distinct)})
    if kind == "classes" and len(distinct) > MAX_CLASSES:
        return Message("csv.too_many_classes", {"column": _short(answer), "n": len(distinct), "max": MAX_CLASSES})
    return None


def _is_number(text: object) -> bool:
    """Whether a cell is a number as written in a table (however big: `_too_big` says which are too big)."""
    return re.fullmatch(NUMBER, str(text)) is not None


def _numbers(column: pd.Series) -> pd.Series:
    """Each cell's number (float64, inf where it is too big even for that), NaN where it is not a number."""
    return column.where(column.str.fullmatch(NUMBER, na=False)).astype(float)


def _too_big(table: pd.DataFrame, numbers: pd.DataFrame, columns: list[str]) -> list[Message]:
    """A message for each column holding a number the figure cannot compute with, naming the first such cell."""
    problems = []
    for column in columns:
        big = numbers[column].abs() > MAX_MAGNITUDE
        if big.any():
            where = big.idxmax()
            values = {"column": _short(column), "value": _short(table.at[where, column]), "row": int(where)}
            problems.append(Message("csv.number_too_big", {**values, "max": f"{MAX_MAGNITUDE:,.0f}"}))
    return problems


def _letters(index: int) -> str:
    """A spreadsheet's column name: A, B, …, Z, AA, AB, …"""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = string.ascii_uppercase[rest] + name
    return name


def _name(value: object) -> str:
    return _number(value) if isinstance(value, int | float | np.number) else str(value)


def _number(value: float) -> str:
    return f"{float(value):g}"


def _list(names) -> str:
    names = [_short(n) for n in names]
    return ", ".join(names[:5]) + (", …" if len(names) > 5 else "")


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= 30 else text[:27] + "…"


_ENDINGS = {  # the last brick and the torso that fit each kind of answer
    "binary": ("sigmoid", "binary_crossentropy"),
    "classes": ("softmax", "sparse_categorical_crossentropy"),
    "number": ("linear", "mse"),
}


def starting_figure(data: Dataset, seed: int = 42) -> FigureSpec:
    """A figure that fits the learner's data: two hidden layers and the ending its kind of answer needs,
    after a Normalization brick when the inputs' sizes call for one (`fit_check.uneven_inputs`)."""
    activation, torso = _ENDINGS[data.label_kind]
    width = data.n_classes if data.label_kind == "classes" else 1
    head = (brick("dense", units=16, activation="relu"), brick("dense", units=16, activation="relu"))
    if uneven_inputs(data) is not None:
        head = (brick("normalization"), *head)
    return FigureSpec(
        head=(*head, brick("dense", units=width, activation=activation)),
        torso=brick(torso),
        legs=brick("adam", learning_rate=0.01),
        dataset=CSV_ID,
        training=Training(epochs=100, batch_size=16, validation_split=0.2 if len(data.x) >= 10 else 0.0, seed=seed),
    )
