"""A learner's own table (an uploaded CSV or Excel file, or a pasted table) read right or refused.

    read_upload("falls.csv", content)     -> TableRead(frame, notes)
    read_pasted(text)                     -> TableRead(frame, notes)
    read_saved(csv_text)                  -> the frame, from the copy a chart saved

What this promises a learner:

* A column of numbers is read as numbers in any locale's export: "4.5" or "4,5" (the decimal mark is
  detected for the whole file, or the learner is asked when the file cannot tell), "1,234.5",
  "1.234,5", "80%" (read as 80, with a note) and "£1,250". A column that is mostly numbers with a
  few words ("n/a", "*") is refused, naming the rows, never charted with holes the learner did not
  choose.
* Nothing is read as a date here: text stays text until the learner chooses it as the chart's time
  column (date_column.py).
* Title rows above the column names, notes under the table ("Source: NHS England") and totals rows
  ("Total") are left out, each named in a note; column names on two rows (a merged header) are
  joined, with a note; an empty column is left out, with a note.
* Rows are numbered as a spreadsheet numbers them: the first row of the file is row 1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from io import StringIO

import pandas as pd

from qispread.errors import DataProblem
from qispread.models.number_text import COMMA, POINT, DecimalMark, mark_evidence, read_number
from qispread.models.spreadsheet_cells import (
    SEPARATORS,
    Cell,
    Grid,
    Row,
    is_blank,
    is_numberlike,
    read_file_cells,
    read_text_cells,
)

DECIMAL_CHOICE = "Decimal mark"
"""The label of the control where a learner chooses the decimal mark (named in messages)."""
DECIMAL_NAMES = {POINT: "a decimal point (4.5)", COMMA: "a decimal comma (4,5)"}
_TOTALS = re.compile(r"^((grand|sub)[- ]?)?totals?( for .*| \(.*\))?:?$|^(sum|average|mean)$",
                     re.IGNORECASE)
_FOOTNOTE = re.compile(r"^(sources?|notes?|footnotes?|\*|†|‡|produced|published|copyright|©|"
                       r"contains|crown|please|provisional|revised|data (source|from)|"
                       r"\d{1,2}[.)] |\(\d{1,2}\))", re.IGNORECASE)
_SHOWN_ROWS = 5


@dataclass(frozen=True)
class ReadingChoices:
    """What the learner chose when a file cannot tell: None means detect."""

    separator: str | None = None
    decimal: DecimalMark | None = None


@dataclass(frozen=True)
class TableRead:
    frame: pd.DataFrame  # number columns are numbers; every other column is text
    notes: tuple[str, ...]  # what was left out or converted, in plain words
    rows: tuple[int, ...] = ()  # each frame row's number in the file, as a spreadsheet counts


def read_upload(filename: str, content: bytes, choices: ReadingChoices = ReadingChoices()
                ) -> TableRead:
    """An uploaded .csv or .xlsx file (first sheet), with a header row."""
    return _table(read_file_cells(filename, content, choices.separator), choices)


def read_pasted(text: str, choices: ReadingChoices = ReadingChoices()) -> TableRead:
    """A table pasted from a spreadsheet (tabs) or typed as CSV, with a header row."""
    if not text.strip():
        raise DataProblem("There is no data to read. Paste a table with a header row first.")
    return _table(read_text_cells(text, choices.separator), choices)


def read_saved(text: str) -> pd.DataFrame:
    """The table a chart saved (written by `to_saved`): commas, decimal points, header row 1."""
    frame = pd.read_csv(StringIO(text), keep_default_na=False, na_values=[""])
    frame.columns = [str(name) for name in frame.columns]
    return frame


def to_saved(frame: pd.DataFrame) -> str:
    return frame.to_csv(index=False)


# --- the layout: titles, column names, notes under the table, totals --------------------------


def _table(grid: Grid, choices: ReadingChoices) -> TableRead:
    notes = list(grid.notes)
    rows = [row for row in grid.rows if not row.blank()]
    if not rows:
        raise DataProblem("The file is empty. Upload a table with a header row and data under it.")
    header_at = _header_position(rows)
    titles, header, data = rows[:header_at], rows[header_at], rows[header_at + 1:]
    names, titles = _column_names(titles, header, notes)
    if titles:
        notes.append(f"Left out {rows_named([r.number for r in titles])} above the column names "
                     f"(titles): {_quoted(titles[0])}.")
    data, footnotes = _without_footnotes(data)
    data, totals = _without_totals(data)
    if not data:
        raise DataProblem(f"The table has no rows of data under its column names (row "
                          f"{header.number}). Add some data.")
    for left_out, what in ((totals, "totals"), (footnotes, "notes under the table")):
        if left_out:
            notes.append(f"Left out {rows_named([r.number for r in left_out])} ({what}): "
                         f"{_quoted(left_out[0])}.")
    _check_widths(data, names, header)
    mark = _decimal_mark(data, names, choices.decimal)
    frame = _columns(data, names, header, mark, grid, notes)
    if mark == COMMA:
        notes.append("Numbers were read with a decimal comma: 4,5 is four and a half.")
    return TableRead(frame, tuple(notes), tuple(row.number for row in data))


def _header_position(rows: list[Row]) -> int:
    """The row just above the first row of data (or the first row, if no row holds a number).

    A row of data holds a number, fills at least half as many cells as most rows holding numbers
    do, and is not followed by a wider row of words (the column names): so a title such as
    'Year, 2024' above the column names is not taken for data."""
    numbered = [any(map(is_numberlike, row.cells)) for row in rows]
    counts = [_filled(row) for row, has in zip(rows, numbered, strict=True) if has]
    typical = max(set(counts), key=counts.count) if counts else 0

    def names_follow(i: int) -> bool:
        return i + 1 < len(rows) and not numbered[i + 1] and _filled(rows[i + 1]) > _filled(rows[i])

    first_data = next((i for i, row in enumerate(rows)
                       if numbered[i] and _filled(row) * 2 >= typical and not names_follow(i)),
                      None)
    if first_data is None:
        return 0
    if first_data == 0:
        raise DataProblem(
            f"Row {rows[0].number} holds numbers, not column names. Add a header row naming each "
            "column (for example: Week, Falls) above your data.")
    return first_data - 1


def _filled(row: Row) -> int:
    return sum(not is_blank(cell) for cell in row.cells)


def _column_names(titles: list[Row], header: Row, notes: list[str]) -> tuple[list[str], list[Row]]:
    """The names in the header row, joined with the row above when the names are on two rows."""
    names = [_text(cell).strip() for cell in header.cells]
    above = titles[-1] if titles else None
    if above is not None and above.number == header.number - 1 and _is_upper_header(above, names):
        upper = _filled_right([_text(cell).strip() for cell in above.cells], len(names))
        joined = [" ".join(part for part in (top, low) if part) for top, low in zip(upper, names,
                                                                                  strict=False)]
        joined += names[len(joined):]
        notes.append(f"The column names are on two rows ({above.number} and {header.number}) "
                     f"and were joined: {', '.join(repr(n) for n in joined if n)}.")
        return joined, titles[:-1]
    return names, titles


def _is_upper_header(above: Row, names: list[str]) -> bool:
    """A row of names directly above the header row, over columns the header leaves unclear
    (repeated or missing names) or starting with an empty cell, as a merged cell leaves it."""
    texts = [_text(cell).strip() for cell in above.cells]
    if any(is_numberlike(cell) for cell in above.cells) or not any(texts):
        return False
    present = [name for name in names if name]
    last = max((i for i, name in enumerate(names) if name), default=-1)
    unclear = len(set(present)) < len(present) or "" in names[: last + 1]
    return unclear or not texts[0]


def _filled_right(texts: list[str], width: int) -> list[str]:
    """A merged cell's name spread over the columns it covers (blank cells to its right)."""
    filled, last = [], ""
    for index in range(width):
        text = texts[index] if index < len(texts) else ""
        last = text or last
        filled.append(last)
    return filled


def _without_footnotes(data: list[Row]) -> tuple[list[Row], list[Row]]:
    """Rows at the foot of the table that are notes: 'Source: …', '* provisional', or one cell
    of words alone."""
    notes: list[Row] = []
    while data and _is_footnote(data[-1]):
        notes.insert(0, data.pop())
    return data, notes


def _is_footnote(row: Row) -> bool:
    filled = [cell for cell in row.cells if not is_blank(cell)]
    first = filled[0] if filled else ""
    if isinstance(first, str) and _FOOTNOTE.match(first.strip()):
        return True
    return len(filled) == 1 and isinstance(first, str) and len(row.cells) > 1 \
        and not is_numberlike(first) and len(first.split()) > 2


def _without_totals(data: list[Row]) -> tuple[list[Row], list[Row]]:
    totals = [row for row in data if any(isinstance(cell, str) and _TOTALS.match(cell.strip())
                                         for cell in row.cells)]
    return [row for row in data if row not in totals], totals


def _check_widths(data: list[Row], names: list[str], header: Row) -> None:
    wide = [row.number for row in data
            if any(not is_blank(cell) for cell in row.cells[len(names):])]
    if wide:
        raise DataProblem(
            f"{rows_named(wide).capitalize()} {'has' if len(wide) == 1 else 'have'} more values "
            f"than there are column names in row {header.number}. Give every column a name; if "
            "your numbers have a decimal comma (4,5), save the file with semicolons between the "
            "columns, or as an Excel workbook.")


# --- the decimal mark and the columns ----------------------------------------------------------


def _decimal_mark(data: list[Row], names: list[str], chosen: DecimalMark | None) -> DecimalMark:
    if chosen is not None:
        return chosen
    examples: dict[str, list[tuple[str, int, str]]] = {POINT: [], COMMA: [], "ambiguous": []}
    for row in data:
        for index, cell in enumerate(row.cells[: len(names)]):
            if isinstance(cell, str) and (kind := mark_evidence(cell)) in examples:
                examples[kind].append((cell.strip(), row.number, names[index]))
    if examples[POINT] and examples[COMMA]:
        (point, p_row, _), (comma, c_row, _) = examples[POINT][0], examples[COMMA][0]
        raise DataProblem(
            f"Some numbers have a decimal point ('{point}', row {p_row}) and some a decimal comma "
            f"('{comma}', row {c_row}). Choose which this file uses under '{DECIMAL_CHOICE}' on "
            "the Data tab, or correct the numbers written the other way.")
    if examples[POINT]:
        return POINT
    if examples[COMMA]:
        return COMMA
    if examples["ambiguous"]:
        text, row_number, column = examples["ambiguous"][0]
        as_point, as_comma = read_number(text, POINT), read_number(text, COMMA)
        assert as_point is not None and as_comma is not None
        raise DataProblem(
            f"'{text}' (row {row_number}, column '{column}') could be {as_point.value:g} or "
            f"{as_comma.value:g}. Choose the decimal mark under '{DECIMAL_CHOICE}' on the Data "
            "tab: a point (1,234.5) or a comma (1.234,5).")
    return POINT


def _columns(data: list[Row], names: list[str], header: Row, mark: DecimalMark, grid: Grid,
             notes: list[str]) -> pd.DataFrame:
    columns: dict[str, pd.Series] = {}
    for index, name in enumerate(names):
        cells = [row.cells[index] if index < len(row.cells) else "" for row in data]
        letter = _letter(index)
        if all(is_blank(cell) for cell in cells):
            if name:
                notes.append(f"Left out column {letter} ('{name}'): it is empty.")
            continue
        if not name:
            raise DataProblem(
                f"Column {letter} has values but no name in row {header.number}. Type a name for "
                f"it in row {header.number}, then upload the file again.")
        if name in columns:
            raise DataProblem(
                f"Two columns are called '{name}'. Give every column a different name in row "
                f"{header.number}.")
        columns[name] = _column(name, letter, cells, [row.number for row in data], mark,
                                {r for r, i in grid.percent_cells if i == index}, notes)
    return pd.DataFrame(columns)


def _column(name: str, letter: str, cells: list[Cell], numbers: list[int], mark: DecimalMark,
            percent_rows: set[int], notes: list[str]) -> pd.Series:
    values: list[float | None] = []
    words: list[int] = []
    percent = currency = False
    for cell, row_number in zip(cells, numbers, strict=True):
        if is_blank(cell):
            values.append(None)
        elif isinstance(cell, float):
            values.append(cell)
            percent |= row_number in percent_rows
        elif isinstance(cell, str) and (number := read_number(cell, mark)) is not None:
            values.append(number.value)
            percent |= number.percent
            currency |= number.currency
        else:
            values.append(None)
            words.append(row_number)
    counted = len(values) - values.count(None) + len(words)
    if not words:
        if percent:
            notes.append(f"Column '{name}': percentages (80%) were read as the numbers (80).")
        if currency:
            notes.append(f"Column '{name}': amounts of money (£1,250) were read as numbers.")
        return _numbers(values)
    if len(words) * 2 < counted:
        shown = ", ".join(f"{_text(cells[numbers.index(r)]).strip()!r}" for r in words[:3])
        raise DataProblem(
            f"Column {letter} ('{name}') holds numbers, except in {rows_named(words)} ({shown}). "
            "Every value must be a number: type it, or leave the cell empty if there is none, "
            "then upload the file again.")
    return pd.Series([_text(cell) if not is_blank(cell) else None for cell in cells],
                     dtype=object)


def _numbers(values: list[float | None]) -> pd.Series:
    series = pd.Series(values, dtype=float)
    if series.notna().all() and (series == series.round()).all() and series.abs().max() < 2**53:
        return series.astype("int64")
    return series


# --- words --------------------------------------------------------------------------------------


def _text(cell: Cell) -> str:
    if isinstance(cell, datetime):
        return cell.strftime("%Y-%m-%d") if cell == datetime(cell.year, cell.month, cell.day) \
            else cell.isoformat(sep=" ")
    if isinstance(cell, float):
        return f"{cell:g}" if cell != int(cell) or abs(cell) < 1e15 else str(cell)
    return cell


def rows_named(numbers: list[int]) -> str:
    """'row 7', 'rows 7 and 12', 'rows 1 to 3', 'rows 7, 12, 15, 18, 20 and 4 more'."""
    if len(numbers) == 1:
        return f"row {numbers[0]}"
    if numbers == list(range(numbers[0], numbers[-1] + 1)) and len(numbers) > 2:
        return f"rows {numbers[0]} to {numbers[-1]}"
    shown = [str(n) for n in numbers[:_SHOWN_ROWS]]
    if len(numbers) > _SHOWN_ROWS:
        return f"rows {', '.join(shown)} and {len(numbers) - _SHOWN_ROWS} more"
    return f"rows {', '.join(shown[:-1])} and {shown[-1]}"


def _quoted(row: Row) -> str:
    text = " ".join(_text(cell).strip() for cell in row.cells if not is_blank(cell))
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


__all__ = ["DECIMAL_CHOICE", "DECIMAL_NAMES", "SEPARATORS", "ReadingChoices", "TableRead",
           "read_pasted", "read_saved", "read_upload", "rows_named", "to_saved"]
