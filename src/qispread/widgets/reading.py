"""What a lesson shows under a chart, for people rather than programmers: the engine's explanation
as a bulleted list (printed text would break mid-word in JupyterLab), and a summary table with
plain column names and values rounded as the chart labels them."""

from __future__ import annotations

import os
from html import escape
from pathlib import Path
from urllib.parse import quote

import pandas as pd
from IPython.display import HTML

from qispread import data as course_data
from qispread.plots.labels import format_value

SUMMARY_NAMES = {
    "facet": "Panel",
    "part": "Phase",
    "n_obs": "Points",
    "n_useful": "Useful points (not on the centre line)",
    "longest_run": "Longest run",
    "longest_run_max": "Longest run allowed",
    "n_crossings": "Crossings",
    "n_crossings_min": "Fewest crossings expected",
    "runs_signal": "Unusual runs?",
    "lcl": "Lower limit",
    "cl": "Centre line",
    "ucl": "Upper limit",
    "sigma_signal": "Points outside the limits",
}
VALUE_COLUMNS = ("lcl", "cl", "ucl")


def explanation(result_or_lines) -> HTML:
    """The engine's explanation (a qic/ptd result, or its sentences) as a bulleted list."""
    lines = result_or_lines.explain() if hasattr(result_or_lines, "explain") else result_or_lines
    if isinstance(lines, str):
        lines = [line for line in lines.splitlines() if line.strip()]
    items = "".join(f"<li>{escape(str(line))}</li>" for line in lines)
    return HTML(f"<ul style='font-size:15px;line-height:1.5;max-width:60em'>{items}</ul>")


def summary_table(result, columns: list[str] | None = None) -> HTML:
    """qic's summary() with plain column names, yes/no for signals and rounded values, shown
    without pandas' row numbers (a lone "0" beside the only row means nothing to a reader)."""
    return HTML(summary_frame(result, columns).to_html(index=False))


def summary_frame(result, columns: list[str] | None = None) -> pd.DataFrame:
    """The table summary_table shows, as a DataFrame."""
    table = result.summary()
    table = table[[c for c in (columns or SUMMARY_NAMES) if c in table.columns]]
    if "facet" in table and table["facet"].isna().all():
        table = table.drop(columns="facet")
    if "part" in table and table["part"].nunique() == 1:
        table = table.drop(columns="part")
    for column in VALUE_COLUMNS:
        if column in table:
            table[column] = [format_value(v) if pd.notna(v) else "—" for v in table[column]]
    if "runs_signal" in table:
        table["runs_signal"] = table["runs_signal"].map({True: "yes", False: "no"})
    return table.rename(columns=SUMMARY_NAMES).reset_index(drop=True)


def source_text(source: str) -> str:
    """The data set's credit as HTML, linked to the course's guide to its data when the guide is
    there (a link relative to the notebook's folder, which JupyterLab opens in a tab)."""
    text = escape(course_data.attribution(source))
    guide = course_data.guide()
    if guide is None:
        return text
    href = quote(os.path.relpath(guide, Path.cwd()).replace(os.sep, "/"))
    return f"{text} <a href='{href}' target='_blank'>How the course's data were made</a>."

