"""A learner's chart: which data, which columns, which chart, baseline, breaks and notes.

A ChartSpec holds choices only; it does no analysis. `qic_arguments()` and `ptd_arguments()` turn it
into keyword arguments for qispread.spc.qic / ptd, so a graded notebook can re-run a learner's chart
from the saved file: `qic(data=spec.load_frame(), **spec.qic_arguments())`.
"""

from __future__ import annotations

import math
import os
from dataclasses import asdict, dataclass, field, fields
from typing import Any

import pandas as pd

from qispread.errors import DataProblem
from qispread.models.date_column import looks_like_dates, with_date_column
from qispread.models.spreadsheet import read_saved, rows_named, to_saved
from qispread.models.storage import load_json, save_json
from qispread.models.typed_values import typed_number, typed_point_numbers
from qispread.spc.vocabulary import CHART_NAMES, DIRECTIONS, METHODS, NEEDS_DENOMINATOR

CHART_TYPES = CHART_NAMES
CHARTS_NEEDING_DENOMINATOR = NEEDS_DENOMINATOR
IMPROVEMENT_DIRECTIONS = tuple(DIRECTIONS)
SPEC_KIND = "chart"
SPEC_VERSION = 1
OWN_DATA_DETAILS = ("own_data_notes", "own_data_rows")


@dataclass
class ChartSpec:
    """Everything a learner chose for one chart, saved as JSON beside their notebook."""

    source: str | None = None
    own_data_csv: str | None = None
    own_data_name: str | None = None
    own_data_notes: list[str] = field(default_factory=list)
    own_data_rows: list[int] = field(default_factory=list)
    """Each row's number in the learner's file, as a spreadsheet counts (header row 1)."""
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
        self.own_data_notes = [str(note) for note in self.own_data_notes]
        self.own_data_rows = [int(number) for number in self.own_data_rows]
        if self.target is not None:
            self.target = _finite_number(self.target, "The target")
        self.multiply = _finite_number(self.multiply, "The multiplier")
        if self.multiply <= 0:
            raise DataProblem(
                "The multiplier must be more than zero, for example 100 for a percentage."
            )

    # --- data -------------------------------------------------------------------------------
    def load_table(self) -> pd.DataFrame:
        """The data as read: a course data set, or the learner's own (dates still text)."""
        if self.own_data_csv is not None:
            return read_saved(self.own_data_csv)
        if self.source is None:
            raise DataProblem(
                "No data chosen yet. Pick a course data set, or upload or paste your own."
            )
        from qispread import data as course_data

        return course_data.load(self.source)

    def dated(self, table: pd.DataFrame) -> pd.DataFrame:
        """The table with the chosen time column (x) read as dates, when it holds dates; never a
        column chosen for values."""
        if self.x in (self.y, self.n):
            return table
        return with_date_column(table, self.x)

    def check_values(self, table: pd.DataFrame) -> None:
        """Raise DataProblem when the column chosen for values (y) or the denominator (n) holds
        words or dates, naming the rows as the learner's spreadsheet numbers them."""
        if self.x and self.x in (self.y, self.n):
            raise DataProblem(
                f"'{self.x}' is chosen both for time (x) and for values. Choose a column of dates "
                "or order for x, and a column of numbers for the values.")
        for role, column in (("values (y)", self.y), ("denominator (n)", self.n)):
            if not column or column not in table or pd.api.types.is_numeric_dtype(table[column]):
                continue
            values = table[column]
            bad = [i for i, value in enumerate(values) if not pd.isna(value)
                   and not _is_number_text(value)]
            if not bad:
                continue
            numbers = [self.own_data_rows[i] if i < len(self.own_data_rows) else i + 2
                       for i in bad]
            raise DataProblem(
                f"The column '{column}' holds words or dates, not numbers ({rows_named(numbers)}: "
                f"{', '.join(repr(str(values.iloc[i])) for i in bad[:3])}), so it cannot be the "
                f"{role}. Choose a column of numbers for the {role}.")

    def load_frame(self) -> pd.DataFrame:
        """The data this chart is drawn from, its time column (x) read as dates."""
        return self.dated(self.load_table())

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
        fields_ = asdict(self)
        for key in OWN_DATA_DETAILS:  # written only with own data: other charts' files unchanged
            if not fields_[key]:
                del fields_[key]
        return {"kind": SPEC_KIND, "version": SPEC_VERSION, **fields_}

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


def parse_point_numbers(text: str, last: int | None = None) -> list[int]:
    """'3, 7 10' -> [3, 7, 10]: point numbers typed by a learner (counting from 1, up to last)."""
    return typed_point_numbers(text, last)


def parse_target(text: str) -> float | None:
    """A target typed by a learner ("95", "92,5" or "80%"): blank for none."""
    return typed_number(text, "The target", "95").value


def table_to_csv(frame: pd.DataFrame) -> str:
    return to_saved(frame)


def suggest_columns(frame: pd.DataFrame) -> dict[str, Any]:
    """A first guess: x is the first column of dates (else the first), y the first other number."""
    dates = [c for c in frame.columns if looks_like_dates(frame[c])]
    numbers = [
        c
        for c in frame.columns
        if pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
    ]
    x = dates[0] if dates else frame.columns[0]
    y = next((c for c in numbers if c != x), None)
    if y is None and x in numbers:  # one column of numbers: its values, in the file's order
        x, y = None, x
    return {"x": x, "y": y}


def _is_number_text(value: Any) -> bool:
    try:
        return math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


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
