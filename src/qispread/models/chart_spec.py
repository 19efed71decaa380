"""A learner's chart: which data, which columns, which chart, baseline, breaks and notes.

A ChartSpec holds choices only; it does no analysis. `qic_arguments()` and `ptd_arguments()` turn it
into keyword arguments for qispread.spc.qic / ptd, so a graded notebook can re-run a learner's chart
from the saved file: `qic(data=spec.load_frame(), **spec.qic_arguments())`.
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
import warnings
from dataclasses import asdict, dataclass, field, fields
from typing import Any

import pandas as pd

from qispread.errors import DataProblem
from qispread.models.storage import load_json, save_json
from qispread.spc.vocabulary import CHART_NAMES, DIRECTIONS, METHODS, NEEDS_DENOMINATOR

CHART_TYPES = CHART_NAMES
CHARTS_NEEDING_DENOMINATOR = NEEDS_DENOMINATOR
IMPROVEMENT_DIRECTIONS = tuple(DIRECTIONS)
SPEC_KIND = "chart"
SPEC_VERSION = 1


@dataclass
class ChartSpec:
    """Everything a learner chose for one chart, saved as JSON beside their notebook."""

    source: str | None = None
    own_data_csv: str | None = None
    own_data_name: str | None = None
    x: str | None = None
    y: str | None = None
    n: str | None = None
    chart: str = "run"
    method: str = "anhoej"
    freeze: int | None = None
    parts: list[int] = field(default_factory=list)
    exclude: list[int] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    multiply: float = 1
    making_data_count: bool = False
    improvement_direction: str = "increase"
    target: float | None = None
    title: str = ""
    ylab: str = ""
    interpretation: str = ""

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        """Raise DataProblem naming the first choice that cannot be used."""
        if self.source is not None and self.own_data_csv is not None:
            raise DataProblem(
                "A chart uses either a course data set or your own data, not both. Choose one."
            )
        if self.chart not in CHART_TYPES:
            raise DataProblem(
                f"'{self.chart}' is not a chart type. Choose one of: {', '.join(CHART_TYPES)}."
            )
        if self.method not in METHODS:
            raise DataProblem(
                f"'{self.method}' is not a set of run rules. Choose 'anhoej' or 'ihi'."
            )
        if self.improvement_direction not in IMPROVEMENT_DIRECTIONS:
            raise DataProblem(
                f"The improvement direction '{self.improvement_direction}' is not known. Choose "
                "'increase', 'decrease' or 'neutral'."
            )
        if self.freeze is not None:
            self.freeze = _point_number(self.freeze, "The baseline length")
        self.parts = sorted(set(_point_number(p, "A phase break") for p in self.parts))
        self.exclude = sorted(set(_point_number(p, "A point to leave out") for p in self.exclude))
        self.notes = {str(k): str(v) for k, v in self.notes.items() if str(v).strip()}
        if self.target is not None:
            self.target = _finite_number(self.target, "The target")
        self.multiply = _finite_number(self.multiply, "The multiplier")
        if self.multiply <= 0:
            raise DataProblem(
                "The multiplier must be more than zero, for example 100 for a percentage."
            )

    # --- data -------------------------------------------------------------------------------
    def load_frame(self) -> pd.DataFrame:
        """The data this chart is drawn from: a course data set, or the learner's own."""
        if self.own_data_csv is not None:
            return read_pasted_table(self.own_data_csv)
        if self.source is None:
            raise DataProblem(
                "No data chosen yet. Pick a course data set, or upload or paste your own."
            )
        from qispread import data as course_data

        return course_data.load(self.source)

    # --- analysis arguments -----------------------------------------------------------------
    def check_columns_chosen(self) -> None:
        if not self.y:
            raise DataProblem("Choose the column that holds the values to chart (y).")
        if self.chart in CHARTS_NEEDING_DENOMINATOR and not self.n:
            raise DataProblem(
                f"A {CHART_TYPES[self.chart]} needs a denominator: choose the column that holds "
                "the number of cases or the area of opportunity (n)."
            )

    def qic_arguments(self) -> dict[str, Any]:
        """Keyword arguments for qispread.spc.qic, apart from `data`."""
        self.check_columns_chosen()
        arguments: dict[str, Any] = {"y": self.y, "chart": self.chart, "method": self.method}
        if self.x:
            arguments["x"] = self.x
        if self.n:
            arguments["n"] = self.n
        if self.freeze is not None:
            arguments["freeze"] = self.freeze
        if self.parts:
            arguments["part"] = list(self.parts)
        if self.exclude:
            arguments["exclude"] = list(self.exclude)
        if self.multiply != 1:
            arguments["multiply"] = self.multiply
        return arguments

    def ptd_arguments(self, frame: pd.DataFrame | None = None) -> dict[str, Any]:
        """Keyword arguments for qispread.spc.ptd, apart from `data`.

        Phase breaks are stored as point counts (qicharts2's `part`); ptd's `rebase` wants the x
        value where each new phase starts, so pass the frame when the chart has breaks.
        """
        if not self.y:
            raise DataProblem("Choose the column that holds the values to chart (y).")
        arguments: dict[str, Any] = {
            "y": self.y,
            "improvement_direction": self.improvement_direction,
        }
        if self.x:
            arguments["x"] = self.x
        if self.target is not None:
            arguments["target"] = self.target
        if self.freeze is not None:
            arguments["fix_after_n_points"] = self.freeze
        if self.parts:
            if frame is None or not self.x:
                raise DataProblem(
                    "Phase breaks in a Making Data Count chart need an x column (dates) to say "
                    "where each new phase starts. Choose the x column."
                )
            starts = [count for count in self.parts if count < len(frame)]
            arguments["rebase"] = [frame[self.x].iloc[count] for count in starts]
        return arguments

    def notes_for(self, x_values: pd.Series) -> dict[Any, str]:
        """Notes keyed by the chart's own x values (they are saved as text)."""
        if not self.notes:
            return {}
        by_text = dict(zip(x_texts(x_values), x_values, strict=True))
        return {by_text[key]: text for key, text in self.notes.items() if key in by_text}

    # --- files ------------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {"kind": SPEC_KIND, "version": SPEC_VERSION, **asdict(self)}

    @classmethod
    def from_json(cls, payload: dict[str, Any]) -> ChartSpec:
        if payload.get("kind") != SPEC_KIND:
            raise DataProblem("This file does not hold a chart. Check the file name.")
        known = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in payload.items() if key in known})

    def save(self, path: str | os.PathLike) -> None:
        self.validate()
        save_json(path, self.to_json())


def load_chart_spec(path: str | os.PathLike) -> ChartSpec:
    """Read a chart saved by ChartExplorer (or by ChartSpec.save)."""
    return ChartSpec.from_json(load_json(path, "chart"))


def x_text(value: Any) -> str:
    """How an x value is written in saved notes and in the widget's pickers."""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def x_texts(values: pd.Series) -> list[str]:
    """x_text of every value; whole-day dates are formatted in one step (a 10,000-point series
    is labelled on every redraw)."""
    values = pd.Series(values)
    if pd.api.types.is_datetime64_any_dtype(values) and (values == values.dt.normalize()).all():
        return list(values.dt.strftime("%Y-%m-%d"))
    return [x_text(value) for value in values]


def parse_point_numbers(text: str) -> list[int]:
    """'3, 7 10' -> [3, 7, 10]: point numbers typed by a learner (counting from 1)."""
    pieces = [piece for piece in re.split(r"[\s,;]+", text.strip()) if piece]
    numbers = []
    for piece in pieces:
        if not piece.isdigit() or int(piece) < 1:
            raise DataProblem(
                f"'{piece}' is not a point number. Type whole numbers counting from 1, separated "
                "by commas, for example: 3, 7"
            )
        numbers.append(int(piece))
    return sorted(set(numbers))


def parse_target(text: str) -> float | None:
    """A target typed by a learner: blank for none."""
    if not text.strip():
        return None
    try:
        return _finite_number(float(text.strip().rstrip("%")), "The target")
    except ValueError as err:
        raise DataProblem(
            f"The target '{text.strip()}' is not a number. Type a number such as 95, or leave it "
            "blank for no target."
        ) from err


def read_pasted_table(text: str) -> pd.DataFrame:
    """A table pasted from a spreadsheet (tabs) or typed as CSV (commas), with a header row."""
    if not text.strip():
        raise DataProblem("There is no data to read. Paste a table with a header row first.")
    try:
        frame = pd.read_csv(io.StringIO(text.strip()), sep=None, engine="python")
    except (pd.errors.ParserError, csv.Error, UnicodeDecodeError) as err:
        raise DataProblem(
            "This does not look like a table. Paste rows with a header row first and the same "
            f"number of columns on every row, separated by commas or tabs ({err})."
        ) from err
    return _checked_table(frame)


def read_table_file(filename: str, content: bytes) -> pd.DataFrame:
    """An uploaded .csv or Excel (.xlsx) file, first sheet, with a header row."""
    lower = filename.lower()
    if lower.endswith((".xlsx", ".xlsm")):
        try:
            frame = pd.read_excel(io.BytesIO(content), sheet_name=0)
        except Exception as err:  # openpyxl raises many kinds for a damaged file
            raise DataProblem(
                f"'{filename}' could not be opened as an Excel workbook ({err}). Save it again "
                "from Excel as .xlsx, or as .csv."
            ) from err
        return _checked_table(frame)
    if lower.endswith((".csv", ".txt", ".tsv")):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = content.decode("cp1252", errors="replace")
        return read_pasted_table(text)
    raise DataProblem(
        f"'{filename}' is not a CSV or Excel file. Upload a .csv or .xlsx file, or paste the table."
    )


def table_to_csv(frame: pd.DataFrame) -> str:
    return frame.to_csv(index=False)


def suggest_columns(frame: pd.DataFrame) -> dict[str, Any]:
    """A first guess: x is the first date column (else the first), y the first other number."""
    dates = [c for c in frame.columns if pd.api.types.is_datetime64_any_dtype(frame[c])]
    numbers = [
        c
        for c in frame.columns
        if pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
    ]
    x = dates[0] if dates else frame.columns[0]
    y = next((c for c in numbers if c != x), None)
    return {"x": x, "y": y}


def _checked_table(frame: pd.DataFrame) -> pd.DataFrame:
    if frame.shape[1] < 1 or frame.empty:
        raise DataProblem("The table has no rows of data under its header row. Add some data.")
    if any(str(name).startswith("Unnamed:") for name in frame.columns):
        raise DataProblem(
            "Some columns have no name in the header row. Give every column a name in the "
            "first row."
        )
    frame.columns = [str(name).strip() for name in frame.columns]
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            frame[column] = _dates_if_all_dates(frame[column])
    return frame


def _dates_if_all_dates(values: pd.Series) -> pd.Series:
    """Text that is all dates (2024-01-31, 31/01/2024: UK day first) becomes dates."""
    present = values.dropna().astype(str).str.strip()
    if present.empty or not present.str.contains(r"\d", regex=True).all():
        return values
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        iso = present.str.match(r"^\d{4}-\d{1,2}(-\d{1,2})?")
        parsed = pd.to_datetime(values, errors="coerce", dayfirst=not iso.all(), format="mixed")
    return parsed if parsed.notna().sum() == len(present) else values


def _point_number(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise DataProblem(f"{what} must be a whole number of points, not '{value}'.")
    if value < 1:
        raise DataProblem(f"{what} must be at least 1 point, not {value}.")
    return int(value)


def _finite_number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise DataProblem(f"{what} must be a number, not '{value}'.")
    return value
