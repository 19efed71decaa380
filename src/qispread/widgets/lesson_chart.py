"""What a lesson shows for a worked example, so that its cell is one call and not code to read.

    lesson_chart(theatre, "theatre_start_delay", x="date", y="minutes_late", chart="i")

shows where the data come from, the chart and, under it, the engine's plain-English reading. The
choices are the chart explorer's (a ChartSpec), so a worked example and a learner's own chart are
drawn alike.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML, display

from qispread.models.chart_spec import ChartSpec, x_texts
from qispread.plots.chart_outcome import analyse
from qispread.widgets.reading import explanation, source_text


def lesson_chart(frame: pd.DataFrame, source: str, notes_column: str | None = None,
                 **choices) -> None:
    """Display the source of `frame` (a course data set's name), the chart and its reading.
    `notes_column` names a column of notes to mark on the chart at their points."""
    if notes_column:
        choices["notes"] = _notes(frame, choices["x"], notes_column)
    outcome = analyse(ChartSpec(**choices), frame)
    display(source_note(source))
    display(outcome.figure)
    display(explanation(outcome.explanation))  # under the chart, as in the explorer and the plan


def source_note(source: str) -> HTML:
    """Where a course data set comes from (and whether it is synthetic), as a small caption."""
    return HTML(f"<p style='font-size:14px;color:#333;max-width:60em'>{source_text(source)}</p>")


def _notes(frame: pd.DataFrame, x: str, column: str) -> dict[str, str]:
    """The chart explorer's notes (keyed by the x value as text) from a column of the data."""
    return {at: str(note) for at, note in zip(x_texts(frame[x]), frame[column], strict=True)
            if pd.notna(note) and str(note).strip()}
