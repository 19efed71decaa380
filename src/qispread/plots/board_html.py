"""A board summary as HTML: one row per measure with its latest value, target, variation and
assurance icons (the meaning written under each, so colour is never the only cue) and a small
chart, as an NHS integrated performance report shows them. Plain HTML with inline SVG, no
plotly.js, so a 200-measure board is a small page that prints as it shows;
`spread_plan.board_pdf.save_board_pdf` prints it with the spread plan's headless-chromium path.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from html import escape
from pathlib import Path

import numpy as np

from qispread.plots.labels import format_value
from qispread.plots.ptd_icons import (
    ASSURANCE_ICONS,
    MDC_CONCERN,
    MDC_IMPROVEMENT,
    MDC_NEUTRAL,
    MDC_TARGET,
    VARIATION_ICONS,
)

SPARK_W, SPARK_H, PAD = 180, 44, 4
POINT_COLOURS = {"special_cause_improvement": MDC_IMPROVEMENT,
                 "special_cause_concern": MDC_CONCERN,
                 "special_cause_neutral_high": MDC_NEUTRAL,
                 "special_cause_neutral_low": MDC_NEUTRAL}
# table.qis-board beats JupyterLab's own table style (which right-aligns every cell)
STYLE = """
table.qis-board { border-collapse: collapse; font-family: Arial, Helvetica, sans-serif;
  font-size: 14px; color: #1a1a1a; }
table.qis-board th, table.qis-board td { border-bottom: 1px solid #d9d9d9; padding: 4px 8px;
  text-align: left !important; vertical-align: middle; }
table.qis-board th { background: #f2f2f2; }
table.qis-board td.num { text-align: right !important; white-space: nowrap; }
table.qis-board td.chart { min-width: 190px; }
table.qis-board .meaning { font-size: 11px; max-width: 11em; line-height: 1.2; }
table.qis-board tr { page-break-inside: avoid; }
"""


def _icon(table: dict, value: str | None) -> str:
    if value not in table:
        return "<span class='meaning'>no target</span>" if table is ASSURANCE_ICONS else ""
    colour, letter, meaning = table[value]
    return (f"<svg width='30' height='30' role='img' aria-label='{escape(meaning)}'>"
            f"<circle cx='15' cy='15' r='12.5' fill='white' stroke='{colour}' stroke-width='3'/>"
            f"<text x='15' y='20' text-anchor='middle' font-size='15' font-weight='bold' "
            f"font-family='Arial' fill='{colour}'>{escape(letter)}</text></svg>"
            f"<div class='meaning'>{escape(meaning)}</div>")


def _polyline(xs: np.ndarray, ys: np.ndarray, style: str) -> str:
    keep = np.isfinite(ys)
    if keep.sum() < 2:
        return ""
    points = " ".join(map("{:.1f},{:.1f}".format, xs[keep].tolist(), ys[keep].tolist()))
    return f"<polyline points='{points}' fill='none' {style}/>"


def sparkline(chart: dict[str, np.ndarray], target: float | None, label: str) -> str:
    """A small SVG of one measure: values, mean, process limits, target, special-cause points."""
    y = chart["y"].astype(float)
    series = [y, chart["mean"].astype(float), chart["lpl"].astype(float),
              chart["upl"].astype(float)]
    values = np.concatenate([s[np.isfinite(s)] for s in series] +
                            ([np.array([target])] if target is not None else []))
    low, high = float(values.min()), float(values.max())
    span = high - low or 1.0
    n = len(y)
    xs = PAD + np.arange(n) * (SPARK_W - 2 * PAD) / max(n - 1, 1)

    def scaled(v: np.ndarray) -> np.ndarray:
        return SPARK_H - PAD - (v - low) / span * (SPARK_H - 2 * PAD)

    parts = [_polyline(xs, scaled(series[2]), "stroke='#7f7f7f' stroke-dasharray='3,2'"),
             _polyline(xs, scaled(series[3]), "stroke='#7f7f7f' stroke-dasharray='3,2'"),
             _polyline(xs, scaled(series[1]), "stroke='#000' stroke-width='1.2'"),
             _polyline(xs, scaled(y), "stroke='#8c8c8c' stroke-width='1.5'")]
    if target is not None:
        at = float(scaled(np.array([target]))[0])
        parts.append(f"<line x1='{PAD}' x2='{SPARK_W - PAD}' y1='{at:.1f}' y2='{at:.1f}' "
                     f"stroke='{MDC_TARGET}' stroke-dasharray='4,2'/>")
    kinds = chart["point_type"]
    ys = scaled(y)
    for i in np.flatnonzero(np.isin(kinds, list(POINT_COLOURS))):
        parts.append(f"<circle cx='{xs[i]:.1f}' cy='{ys[i]:.1f}' r='2.6' "
                     f"fill='{POINT_COLOURS[kinds[i]]}'/>")
    return (f"<svg width='{SPARK_W}' height='{SPARK_H}' viewBox='0 0 {SPARK_W} {SPARK_H}' "
            "style='max-width:none' role='img' "
            f"aria-label='{escape(label)}'>{''.join(parts)}</svg>")


def _when(value) -> str:
    return value.strftime("%b %Y") if hasattr(value, "strftime") else str(value)


def _row(row: dict, chart: dict[str, np.ndarray], percent: bool) -> str:
    target = row["target"]
    better = {"increase": "higher is better", "decrease": "lower is better"}.get(
        row["improvement_direction"], "neither direction is better")
    spark = sparkline(chart, target, f"{row['measure']}: {len(chart['y'])} points, "
                                      f"latest {format_value(row['latest_value'], percent)}")
    return (f"<tr><td><b>{escape(str(row['measure']))}</b><div class='meaning'>{better}</div></td>"
            f"<td class='num'>{escape(_when(row['latest_x']))}</td>"
            f"<td class='num'><b>{format_value(row['latest_value'], percent)}</b></td>"
            f"<td class='num'>{format_value(target, percent) if target is not None else '—'}</td>"
            f"<td class='num'>{format_value(row['mean'], percent)}<div class='meaning'>"
            f"{format_value(row['lpl'], percent)} to {format_value(row['upl'], percent)}</div></td>"
            f"<td>{_icon(VARIATION_ICONS, row['variation_type'])}</td>"
            f"<td>{_icon(ASSURANCE_ICONS, row['assurance_type'])}</td>"
            f"<td class='chart'>{spark}</td></tr>")


def board_table_html(result, percentage: bool | Collection[str] = False) -> str:
    """The board as an HTML table (with its style); ``percentage`` True, or the measures whose
    values are proportions to show as per cent."""
    header = ("<tr><th>Measure</th><th>Latest</th><th>Value</th><th>Target</th>"
              "<th>Mean (process limits)</th><th>Variation</th><th>Assurance</th>"
              "<th>Chart</th></tr>")
    rows = []
    for row in result.table.to_dict("records"):
        percent = percentage if isinstance(percentage, bool) else row["measure"] in percentage
        rows.append(_row(row, result.charts[row["measure"]], bool(percent)))
    return f"<style>{STYLE}</style><table class='qis-board'>{header}{''.join(rows)}</table>"


def board_document(result, title: str = "Board summary",
                   percentage: bool | Collection[str] = False) -> str:
    """A standalone HTML page: title, the plain-English reading, the table."""
    reading = "".join(f"<li>{escape(line)}</li>" for line in result.explain())
    return (f"<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'>"
            f"<title>{escape(title)}</title><style>body {{ font-family: Arial, Helvetica, "
            f"sans-serif; margin: 1.5rem; }} @page {{ size: A4 landscape; margin: 12mm; }}"
            f"</style></head><body><h1>{escape(title)}</h1><ul>{reading}</ul>"
            f"{board_table_html(result, percentage)}</body></html>")


def save_board_html(result, path: str | os.PathLike, title: str = "Board summary",
                    percentage: bool | Collection[str] = False) -> Path:
    path = Path(path)
    path.write_text(board_document(result, title, percentage), encoding="utf-8")
    return path
