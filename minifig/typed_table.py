"""A little table the learner types on the page: rows of inputs x and an answer y, read like a CSV file.

The rows go through the very checks and answer-kind guess of `minifig.csv_data.read_csv`, so a typed
table and an uploaded file mean the same thing; only the wording of a few messages differs (a table
has rows, not a file). Row numbers in messages are the table's own (the first row is 1).

`edited` applies the changes Streamlit's data editor reports (edited, deleted and added rows) to the
rows it started from; a deleted row stays as a blank placeholder, so later rows keep their numbers.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from minifig.i18n import Message

if TYPE_CHECKING:  # csv_data imports pandas: only when a table is read, after the page has painted
    from minifig.csv_data import CsvResult

ANSWER = "y"
MAX_TABLE_ROWS = 200
MAX_INPUTS = 4
_TABLE_WORDING = {  # the file's words, said of a table
    "csv.no_rows": "table.empty",
    "csv.empty": "table.empty",
    "csv.too_many_rows": "table.too_many_rows",
    "csv.no_numbers": "table.no_numbers",
    "csv.missing": "table.missing",
}


def columns_for(n_inputs: int) -> tuple[str, ...]:
    """The table's columns: "x" (or "x1", "x2", …) then the answer "y".

    Raises:
        ValueError: `n_inputs` is not from 1 to `MAX_INPUTS`.
    """
    if not isinstance(n_inputs, int) or not 1 <= n_inputs <= MAX_INPUTS:
        raise ValueError(
            f"Received an invalid value for `n_inputs`, expected an integer from 1 to {MAX_INPUTS}. "
            f"Received: n_inputs={n_inputs!r}"
        )
    inputs = ("x",) if n_inputs == 1 else tuple(f"x{i}" for i in range(1, n_inputs + 1))
    return (*inputs, ANSWER)


def seed_rows() -> list[list[str]]:
    """The lesson's data as a table to start from: 1–5 are small (0), 6–10 are big (1)."""
    return [[str(n), "0" if n <= 5 else "1"] for n in range(1, 11)]


def reshaped(columns: Sequence[str], rows: Sequence[Sequence[object]], n_inputs: int) -> tuple[tuple, list]:
    """The same rows with `n_inputs` input columns: inputs kept from the left, new ones empty, the answer last."""
    new_columns = columns_for(n_inputs)
    kept = len(columns) - 1
    new_rows = []
    for row in rows:
        inputs = [*row[: min(kept, n_inputs)], *[""] * max(0, n_inputs - kept)]
        new_rows.append([*inputs, row[-1] if row else ""])
    return new_columns, new_rows


def edited(columns: Sequence[str], rows: Sequence[Sequence[object]], changes: Mapping | None) -> list[list]:
    """The rows after the data editor's `changes` ({"edited_rows", "deleted_rows", "added_rows"}), in order.

    Edited and deleted rows are given by their position in `rows`; added rows are dicts by column name.
    """
    changes = changes or {}
    result = [list(row) for row in rows]
    for position, cells in (changes.get("edited_rows") or {}).items():
        position = int(position)
        if 0 <= position < len(result):
            for name, value in cells.items():
                if name in columns:
                    result[position][list(columns).index(name)] = value
    for position in changes.get("deleted_rows") or []:
        if 0 <= int(position) < len(result):
            result[int(position)] = [""] * len(columns)
    for added in changes.get("added_rows") or []:
        result.append([added.get(name, "") for name in columns])
    return result


def read_table(columns: Sequence[str], rows: Sequence[Sequence[object]]) -> CsvResult:
    """The typed rows as a data set (the answer is the last column, its kind guessed), or what stops them.

    Blank rows are left out. Never raises on the learner's cells: text in an input, an empty cell,
    a number that is not finite, one answer only or too many rows come back as `problems`.

    Args:
        columns: the column names, inputs first and the answer last.
        rows: the rows as typed, one cell per column (text, numbers or None).

    Returns:
        A `CsvResult` whose dataset is titled as a typed table.
    """
    from minifig.csv_data import CsvResult, read_csv

    cells = [[_cell(value) for value in row] for row in rows]
    filled = sum(any(row) for row in cells)
    if filled == 0:
        return CsvResult(problems=[Message("table.empty")])
    if filled > MAX_TABLE_ROWS:
        return CsvResult(problems=[Message("table.too_many_rows", {"rows": filled, "max": MAX_TABLE_ROWS})])
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(cells)
    result = read_csv(text.getvalue().encode(), "table.csv")
    problems = [_said_of_a_table(problem) for problem in result.problems]
    dataset = result.dataset and replace(result.dataset, title_key="dataset.table_in_use", feature_key="feature.table")
    return replace(result, dataset=dataset, problems=problems)


def _cell(value: object) -> str:
    if value is None or isinstance(value, float) and math.isnan(value):
        return ""
    return str(value).strip()


def _said_of_a_table(problem: Message) -> Message:
    values = dict(problem.values)
    if "row" in values:
        values["row"] = int(values["row"]) - 1  # the file's header is its row 1; the table has none
    return Message(_TABLE_WORDING.get(problem.key, problem.key), values)
