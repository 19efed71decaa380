"""A learner's file as a grid of cells, each row with its number as a spreadsheet counts it.

Reads an Excel workbook (.xlsx, first sheet) or text: UTF-8 with or without a byte-order mark,
UTF-16 (Excel's "Unicode text") or Windows-1252 (older Excel exports in the UK and Europe),
separated by commas, semicolons or tabs. The separator is detected, or chosen by the learner when
the text cannot tell. What the cells mean is spreadsheet.py's job.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from qispread.errors import DataProblem
from qispread.models.number_text import any_number

Cell = str | float | datetime
"""Text, a number or a date-time (dates come only from Excel cells formatted as dates)."""

SEPARATORS = {",": "commas", ";": "semicolons", "\t": "tabs"}
SEPARATOR_CHOICE = "Columns separated by"
"""The label of the control where a learner chooses the separator (named in messages)."""
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
TEXT_SUFFIXES = (".csv", ".txt", ".tsv", ".tab")
_ZIP = b"PK\x03\x04"


@dataclass(frozen=True)
class Row:
    number: int  # as a spreadsheet counts it: the first row is 1
    cells: Sequence[Cell]

    def blank(self) -> bool:
        return all(is_blank(cell) for cell in self.cells)


@dataclass(frozen=True)
class Grid:
    rows: list[Row]
    separator: str | None = None  # None for a workbook, or for text with one column
    percent_cells: frozenset[tuple[int, int]] = frozenset()
    """(row number, column index) of Excel cells formatted as percentages, already × 100."""
    notes: tuple[str, ...] = ()


def is_blank(cell: Cell) -> bool:
    return isinstance(cell, str) and not cell.strip()


def is_numberlike(cell: Cell) -> bool:
    return isinstance(cell, float) or (isinstance(cell, str) and any_number(cell))


def read_file_cells(filename: str, content: bytes, separator: str | None = None) -> Grid:
    """The cells of an uploaded file; DataProblem in plain words if it cannot be read."""
    lower = filename.lower()
    if content.startswith(_ZIP) or lower.endswith(EXCEL_SUFFIXES):
        return _workbook_cells(filename, content)
    if lower.endswith((".xls", ".ods", ".numbers")):
        raise DataProblem(
            f"'{filename}' is a spreadsheet format this tool cannot read. Open it in your "
            "spreadsheet program and save a copy as an Excel workbook (.xlsx) or as CSV, then "
            "upload that.")
    if not lower.endswith(TEXT_SUFFIXES):
        raise DataProblem(
            f"'{filename}' is not a CSV or Excel file. Upload a .csv or .xlsx file, or paste the "
            "table.")
    return read_text_cells(_decoded(filename, content), separator)


def _decoded(filename: str, content: bytes) -> str:
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = content.decode("utf-16")
    else:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Windows-1252 leaves five bytes undefined; Latin-1 reads those as themselves
            text = content.decode("cp1252", errors="strict") if _is_cp1252(content) \
                else content.decode("latin-1")
    if "\x00" in text:
        raise DataProblem(
            f"'{filename}' does not hold text. Save your table from your spreadsheet program as "
            "CSV, or as an Excel workbook (.xlsx), and upload that.")
    return text


def _is_cp1252(content: bytes) -> bool:
    try:
        content.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def read_text_cells(text: str, separator: str | None = None) -> Grid:
    """Text with a header row, its separator detected unless given."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n")
    first, _, rest = lines.partition("\n")
    if first.strip().lower().startswith("sep=") and len(first.strip()) == 5:
        separator = separator or first.strip()[4]  # Excel's "sep=;" line names the separator
        lines = "\n" + rest  # keep the row numbers
    if separator is None:
        separator = _detected_separator(lines)
    rows = _split(lines, separator or "\x1f")
    return Grid([Row(number, cells) for number, cells in enumerate(rows, start=1)], separator)


def _split(text: str, separator: str) -> list[list[str]]:
    return [row or [""] for row in csv.reader(io.StringIO(text), delimiter=separator)]


def _detected_separator(text: str) -> str | None:
    """The separator giving the biggest block of rows of one width (more than one column) that
    starts with a row of names; None for one column; DataProblem when two separators fit."""
    blocks = {}
    for separator in SEPARATORS:
        if separator not in text:
            continue
        rows = [row for row in _split(text, separator) if any(cell.strip() for cell in row)]
        size = _named_block_size(rows)
        if size:
            blocks[separator] = size
    if not blocks:
        return None
    best = max(blocks.values())
    fitting = [separator for separator, size in blocks.items() if size == best]
    if len(fitting) > 1:
        names = " or ".join(SEPARATORS[separator] for separator in fitting)
        raise DataProblem(
            f"The columns could be separated by {names}: the file fits both. Choose which under "
            f"'{SEPARATOR_CHOICE}' on the Data tab, and the file is read again.")
    return fitting[0]


def _named_block_size(rows: list[list[str]]) -> int:
    """The number of rows, from a row of names (no numbers) on, in the longest run of rows of
    one width (more than one cell); 0 if there is none."""
    best, start = 0, 0
    for end in range(1, len(rows) + 1):
        if end == len(rows) or len(rows[end]) != len(rows[start]):
            names = next((i for i in range(start, end)
                          if not any(is_numberlike(cell) for cell in rows[i])), None)
            if len(rows[start]) > 1 and names is not None:
                best = max(best, end - names)
            start = end
    return best


def _workbook_cells(filename: str, content: bytes) -> Grid:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as err:
        raise DataProblem(
            f"'{filename}' could not be opened as an Excel workbook. Open it in Excel and save it "
            "again as an Excel workbook (.xlsx), or as CSV, then upload that.") from err
    sheet = book.worksheets[0]
    rows, percent = [], set()
    for number, cells in enumerate(sheet.iter_rows(min_row=1), start=1):
        values: list[Cell] = []
        for index, cell in enumerate(cells):
            value = _cell_value(cell.value)
            if isinstance(value, float) and "%" in str(getattr(cell, "number_format", "")):
                value = round(value * 100, 10)
                percent.add((number, index))
            values.append(value)
        rows.append(Row(number, values or [""]))
    notes: tuple[str, ...] = ()
    if len(book.worksheets) > 1:
        notes = (f"The workbook has {len(book.worksheets)} sheets; the first, "
                 f"'{sheet.title}', was read.",)
    book.close()
    return Grid(rows, None, frozenset(percent), notes)


def _cell_value(value: object) -> Cell:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, time):
        return value.isoformat()
    return str(value)
