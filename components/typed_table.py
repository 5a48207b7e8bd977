"""Type your own table: an editable table (prefilled with the lesson's 1–10 → 0/1) that the figure learns.

Every good change is used at once as the learner's own data (the CSV slot, `CSV_ID`); a table that
cannot be used gets its reasons and the last good table stays in use. Picking "Type your own table"
among the data sets uses the table as it stands.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from components import state
from components.state import tr
from minifig import fit_check, spec, typed_table
from minifig.datasets import CSV_ID
from minifig.spec import preset_figure

TABLE_CHOICE = "table"  # the data set choice that switches to the typed table
ROW_PX = 35  # the height of a row of the data editor
MAX_ROWS_SHOWN = 15  # a longer table scrolls


def holds_table() -> bool:
    """True when the learner's own data (the CSV slot) is the typed table, not a file."""
    ss = st.session_state
    return ss.table_data is not None and ss.csv_data is ss.table_data


def in_use() -> bool:
    return st.session_state.dataset == CSV_ID and holds_table()


def choices() -> list[str]:
    """The data set choice to offer, unless the CSV slot holds the table already (it is offered as that)."""
    return [] if holds_table() else [TABLE_CHOICE]


def title(dataset_id: str) -> str | None:
    """The choice's name when it is the typed table's, else None."""
    if dataset_id == TABLE_CHOICE:
        return tr("dataset.table")
    if dataset_id == CSV_ID and holds_table():
        return tr("dataset.table_in_use")
    return None


def picked() -> bool:
    """In the data set choice's callback: when the table was picked, learn it as it stands (or the last good one).

    Returns:
        True when the choice was the table's (and is handled), False for any other data set.
    """
    ss = st.session_state
    if ss.dataset != TABLE_CHOICE and not (ss.dataset == CSV_ID and holds_table()):
        return False
    if not _read_and_use():
        if ss.table_data is not None:
            _use(ss.table_data)
        else:
            ss.dataset = state.DEFAULTS["dataset"]
            state.apply_figure(preset_figure(ss.dataset))
    return True


def render_typed_table() -> None:
    """The panel: its help, the number of input columns, and the editor, drawn only while the panel is open (the
    browser's data grid is ~1.3 MB of script that every element of a first page would wait for)."""
    ss = st.session_state
    panel = st.container(key="table_panel")  # the panel's key, whatever the language
    shown = panel.expander(
        tr("table.title"), expanded=in_use() or bool(ss.table_problems), key="open_typed_table", on_change="rerun"
    )
    with shown:
        st.caption(tr("table.help"))
        state.show_notices("table")
        st.number_input(
            tr("table.inputs"), 1, typed_table.MAX_INPUTS, step=1, key="table_inputs", on_change=_reshape, width=200
        )
        with st.container(key="typed_table"):
            if shown.open:
                _render_editor()
            else:
                _keep_edits()
        if ss.table_problems:
            intro = tr("table.refused" if in_use() else "table.refused_none")
            st.error("  \n".join([intro, *(f"- {p.text(ss.lang)}" for p in ss.table_problems)]))
        if in_use():
            data = ss.table_data
            kind = tr(f"label_kind.{data.label_kind}")
            st.success(tr("table.in_use", rows=len(data.x), inputs=data.n_features, kind=kind))
        else:
            st.caption(tr("table.not_in_use"))


def _render_editor() -> None:
    import pandas as pd  # only when the panel is drawn, after the page has painted

    columns, rows = _base()
    frame = pd.DataFrame(rows, columns=list(columns), index=pd.RangeIndex(1, len(rows) + 1), dtype=object)
    st.data_editor(
        frame,
        key=_editor_key(),
        num_rows="dynamic",
        hide_index=False,  # the rows' numbers, as the messages name them
        height=ROW_PX * (min(len(_typed()[1]), MAX_ROWS_SHOWN) + 2) + 3,  # the header, the rows, a new row
        column_config={name: st.column_config.TextColumn(name) for name in columns},
        on_change=_edited,
        width="stretch",
    )


def _keep_edits() -> None:
    """In a run that does not draw the editor: its changes (Streamlit forgets a widget's state after a run that does
    not draw it) become the rows the next editor starts from."""
    ss = st.session_state
    if ss.get(_editor_key()):
        ss.table_base = _typed()
        ss.table_version += 1


def _base() -> tuple[tuple[str, ...], list[list[str]]]:
    """The rows the editor started from (its changes are kept by Streamlit under `_editor_key()`)."""
    base = st.session_state.table_base
    return (typed_table.columns_for(1), typed_table.seed_rows()) if base is None else base


def _editor_key() -> str:
    return f"table_editor_{st.session_state.table_version}"


def _typed() -> tuple[tuple[str, ...], list[list]]:
    columns, rows = _base()
    return columns, typed_table.edited(columns, rows, st.session_state.get(_editor_key()))


def _edited() -> None:
    _read_and_use()


def _reshape() -> None:
    """A new number of input columns: the rows so far become the editor's new start."""
    ss = st.session_state
    columns, rows = typed_table.reshaped(*_typed(), int(ss.table_inputs))
    ss.table_base = (columns, rows)
    ss.table_version += 1
    _read_and_use()


def _read_and_use() -> bool:
    ss = st.session_state
    result = typed_table.read_table(*_typed())
    ss.table_problems = result.problems
    if result.ok:
        _use(result.dataset)
    return result.ok


def _use(data) -> None:
    """Make `data` the data in use; keep the figure when it still fits, else put in one that does."""
    from minifig.csv_data import starting_figure

    ss = st.session_state
    figure = replace(state.figure(), dataset=CSV_ID)
    fits = not spec.problems(figure) and not fit_check.misfits(figure, data)
    ss.table_data = ss.csv_data = data
    ss.csv_version += 1  # new data: the compiled model of the old one is dropped
    ss.dataset = CSV_ID
    if fits:
        state.notify("table", "info", [tr("table.kept_figure")])
    else:
        state.apply_figure(starting_figure(data, seed=int(ss.seed)))
        state.notify("table", "info", [tr("table.new_figure")])
