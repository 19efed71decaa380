"""Run charts and Shewhart control charts in the style of qicharts2, from a QicResult.

What the chart shows follows qicharts2's plot method (read to learn its conventions, not copied):
the centre line turns dashed and coloured when its part has a runs signal, points outside the
limits are highlighted, excluded points are drawn apart, notes get a dotted line and a label,
and the centre line and limits carry their values at the right edge. Colours are colour-blind
safe (see style.py) and a signal also changes the marker's shape.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from qispread.errors import DataProblem
from qispread.plots import style
from qispread.plots.export import set_summary
from qispread.plots.labels import (
    add_edge_labels,
    edge_margin,
    explanation_text,
    format_value,
    format_x,
    format_x_list,
    legend_below,
    value_span,
)
from qispread.plots.notes import collect_notes, describe_notes, draw_notes
from qispread.plots.panels import (
    Panel,
    add_trace,
    fit_panels,
    make_panels,
    segments,
    show_legend_once,
)
from qispread.plots.point_marks import PointStyle, draw_points
from qispread.plots.result_columns import require_columns
from qispread.spc.vocabulary import CHART_NAMES

REQUIRED_COLUMNS = ("x", "y", "cl", "lcl", "ucl", "part", "baseline", "include",
                    "runs_signal", "sigma_signal")

LIMIT_FILL = "rgba(160, 160, 160, 0.15)"


def centre_line_name(chart: str) -> str:
    """What the centre line is: the median on run and g charts, the mean on most others."""
    if chart in ("run", "g"):
        return "Median"
    if chart in ("mr", "s", "t"):
        return "Centre line"
    return "Mean"


def _check(result) -> pd.DataFrame:
    data = getattr(result, "data", None)
    chart = getattr(result, "chart", None)
    if not isinstance(data, pd.DataFrame) or chart not in CHART_NAMES:
        raise DataProblem(
            "qic_figure needs the result of qic(), for example qic_figure(qic(x=..., y=..., "
            f"chart='i')); it was given {type(result).__name__}."
        )
    require_columns(data, REQUIRED_COLUMNS, "qic")
    return data


def _uses_percent_axis(result, data: pd.DataFrame) -> bool:
    multiply = getattr(result, "multiply", 1) or 1
    if result.chart not in ("p", "pp") or multiply != 1:
        return False
    values = pd.concat([data["y"], data["ucl"]]).dropna()
    return values.empty or values.max() <= 1.0


def _all_missing(series: pd.Series) -> bool:
    return series.isna().all()


def _midpoint(a, b):
    try:
        return a + (b - a) / 2
    except TypeError:  # text labels on the x axis
        return a


POINT_STYLES = {
    "normal": PointStyle("Data", style.DATA_LINE_COLOUR, style.MARKER_NORMAL, style.MARKER_SIZE),
    "signal": PointStyle("Outside the limits", style.SIGNAL_COLOUR,
                         style.MARKER_SIGNAL, style.MARKER_SIGNAL_SIZE),
    "excluded": PointStyle("Left out", style.GREY, style.MARKER_EXCLUDED,
                           style.MARKER_SIZE),
    # an excluded point outside the limits stays visible as both: a hollow diamond
    "signal_excluded": PointStyle("Left out, outside the limits", style.SIGNAL_COLOUR,
                                  style.MARKER_SIGNAL_EXCLUDED, style.MARKER_SIGNAL_SIZE),
}


def point_kinds(part: pd.DataFrame) -> np.ndarray:
    """Each row's key in POINT_STYLES."""
    signal = part["sigma_signal"].fillna(False).astype(bool).to_numpy()
    include = part["include"].fillna(True).astype(bool).to_numpy()
    return np.where(signal, np.where(include, "signal", "signal_excluded"),
                    np.where(include, "normal", "excluded"))


def _hover(y_format: str) -> str:
    return "%{x}<br>%{y" + y_format + "}<extra>%{fullData.name}</extra>"


def _draw_limits(fig, panel, part, show_95: bool, y_format: str) -> None:
    if _all_missing(part["ucl"]) and _all_missing(part["lcl"]):
        return
    for col, fill in (("lcl", None), ("ucl", "tonexty")):
        add_trace(fig, panel, go.Scatter(
            x=part["x"], y=part[col], mode="lines", name="Control limits",
            line={"color": style.LIMIT_COLOUR, "width": style.LINE_WIDTH, "shape": "hvh"},
            fill=fill, fillcolor=LIMIT_FILL, connectgaps=False, legendgroup="limits",
            hovertemplate=_hover(y_format), meta={"role": col},
        ))
    if show_95 and {"lcl_95", "ucl_95"} <= set(part.columns):
        for col in ("lcl_95", "ucl_95"):
            add_trace(fig, panel, go.Scatter(
                x=part["x"], y=part[col], mode="lines", name="2-sigma (95%) limits",
                line={"color": style.LIMIT_COLOUR, "width": 1, "dash": "dot", "shape": "hvh"},
                legendgroup="limits95", hovertemplate=_hover(y_format), meta={"role": col},
            ))


def _draw_centre(fig, panel, part, chart: str, y_format: str) -> None:
    signal = bool(part["runs_signal"].fillna(False).any())
    add_trace(fig, panel, go.Scatter(
        x=part["x"], y=part["cl"], mode="lines",
        name=f"{centre_line_name(chart)}{UNUSUAL_RUNS if signal else ''}",
        line={"color": style.RUNS_SIGNAL_COLOUR if signal else style.CENTRE_COLOUR,
              "width": style.LINE_WIDTH, "dash": "dash" if signal else "solid", "shape": "hvh"},
        hovertemplate=_hover(y_format), meta={"role": "cl", "runs_signal": signal},
    ))


# a dashed centre line is named for its signal in the legend: "Median (runs show a change)"
UNUSUAL_RUNS = " (runs show a change)"


def _shade_baseline(fig, panel: Panel, fixed: str) -> None:
    """Shade each part's frozen baseline (the points its limits come from) and label it."""
    for part in segments(panel.data, "part"):
        base = part["baseline"].fillna(True).astype(bool)
        if base.all() or not base.any():
            continue
        xs = list(part["x"])
        last = int(np.flatnonzero(base.to_numpy())[-1])
        first = int(np.flatnonzero(base.to_numpy())[0])
        x0 = _midpoint(xs[first - 1], xs[first]) if first > 0 else xs[first]
        x1 = _midpoint(xs[last], xs[last + 1]) if last + 1 < len(xs) else xs[last]
        fig.add_shape(opacity=1, type="rect", x0=x0, x1=x1, y0=0, y1=1, xref=panel.xref,
                      yref=panel.ydomain, fillcolor=style.BASELINE_SHADE, line={"width": 0},
                      layer="below", name="baseline")
        fig.add_shape(opacity=1, type="line", x0=x1, x1=x1, y0=0, y1=1, xref=panel.xref,
                      yref=panel.ydomain, line={"color": style.GREY, "width": 1.5, "dash": "dash"},
                      name="freeze")
        fig.add_annotation(x=x0, xref=panel.xref, xanchor="left", y=0.0, yref=panel.ydomain,
                           yanchor="bottom", showarrow=False, name="baseline_label",
                           text=f"Baseline: {fixed} fixed from these points",
                           font={"size": style.LABEL_SIZE - 2, "color": style.BLUE})


def _label_edges(fig, panel: Panel, chart: str, percent: bool, span: float) -> None:
    parts = [p for p in segments(panel.data, "part") if not _all_missing(p["cl"])]
    if not parts:
        return
    for part in parts[:-1]:  # earlier parts: their centre value above the part, over no point
        middle = part["x"].iloc[len(part) // 2]
        end = part.dropna(subset=["cl"]).iloc[-1]
        fig.add_annotation(x=middle, xref=panel.xref, xanchor="center", y=1.0,
                           yref=panel.ydomain, yanchor="bottom", showarrow=False,
                           text=f"{centre_line_name(chart)} {format_value(end['cl'], percent)}",
                           name="part_label",
                           font={"size": style.LABEL_SIZE, "color": style.CENTRE_COLOUR})
    last = parts[-1]
    row = last.iloc[-1]
    labels = [(row["cl"], f"{centre_line_name(chart)} {format_value(row['cl'], percent)}",
               style.CENTRE_COLOUR)]
    for col, name in (("ucl", "UCL"), ("lcl", "LCL")):
        value = row[col]
        if value is not None and not (isinstance(value, float) and math.isnan(value)):
            labels.append((value, f"{name} {format_value(value, percent)}", style.GREY))
    add_edge_labels(fig, panel, [lab for lab in labels if not pd.isna(lab[0])], span)


def qic_figure(result, title: str | None = None, ylab: str | None = None,
               xlab: str | None = None, notes: dict | None = None,
               show_95: bool = False, note_rows: int = 2) -> go.Figure:
    """A plotly figure of a qic() result: run chart or control chart, qicharts2 style.

    ``notes`` maps x values to short texts (e.g. ``{"2024-03-01": "PDSA 1: new form"}``); notes
    held in the result's own ``notes`` column are drawn too, their labels staggered over
    ``note_rows`` heights. ``show_95`` adds the 2-sigma lines.
    """
    data = _check(result)
    percent = _uses_percent_axis(result, data)
    y_format = ":.1%" if percent else ""
    fig, panels = make_panels(data)
    for panel in panels:
        _shade_baseline(fig, panel, "median" if result.chart == "run" else "limits")
        for part in segments(panel.data, "part"):
            _draw_limits(fig, panel, part, show_95, y_format)
            _draw_centre(fig, panel, part, result.chart, y_format)
            draw_points(fig, panel, part, point_kinds(part), POINT_STYLES,
                        style.DATA_LINE_COLOUR, y_format, style.LINE_WIDTH)
        # panels share the y axis, so labels are spaced on the whole figure's range
        _label_edges(fig, panel, result.chart, percent,
                     value_span(data, ("y", "lcl", "ucl", "cl")))
    all_notes = collect_notes(data, notes)
    draw_notes(fig, panels, all_notes, note_rows)
    show_legend_once(fig)
    style.apply_style(fig, title or CHART_NAMES[result.chart], xlab, ylab)
    fig.update_layout(showlegend=True, margin={"r": edge_margin(fig)})
    style.room_for_title(fig, 70, grow=len(panels) == 1)  # small multiples grow in fit_panels
    legend_below(fig, bool(xlab))
    if percent:
        fig.update_yaxes(tickformat=".0%")
    if len(panels) > 1:
        fig.update_annotations(selector={"name": None}, font_size=style.FONT_SIZE)
        fit_panels(fig, ylab)
    set_summary(fig, qic_summary(result, all_notes))
    return fig


def _runs_in_words(row: pd.Series, line: str) -> str:
    """The two run-chart counts behind the verdict, in words a sponsor reads without the rules."""
    return (f": the longest run of points on one side of the {line} is {row['longest_run']} "
            f"(more than {row['longest_run_max']} would be unusual), and the points cross the "
            f"{line} {row['n_crossings']} times (fewer than {row['n_crossings_min']} would be "
            "unusual)")


def _part_sentence(part: pd.DataFrame, chart: str, percent: bool) -> str:
    first = part.iloc[0]
    where = f"{format_x(part['x'].iloc[0])} to {format_x(part['x'].iloc[-1])}"
    bits = [f"{len(part)} points from {where}"]
    if not _all_missing(part["cl"]):
        centre = format_value(part["cl"].iloc[-1], percent)
        bits.append(f"{centre_line_name(chart).lower()} {centre}")
    if not (_all_missing(part["lcl"]) and _all_missing(part["ucl"])):
        variable = part["ucl"].nunique(dropna=True) > 1
        bits.append(
            f"control limits {format_value(part['lcl'].iloc[-1], percent)} to "
            f"{format_value(part['ucl'].iloc[-1], percent)}"
            + (" at the last point (they vary with the subgroup size)" if variable else "")
        )
    runs = bool(part["runs_signal"].fillna(False).any())
    detail = ""
    if {"longest_run", "longest_run_max", "n_crossings", "n_crossings_min"} <= set(part.columns):
        detail = _runs_in_words(first, centre_line_name(chart).lower())
    if runs:
        bits.append("the runs show a change beyond chance, so the centre line is drawn dashed"
                    + detail)
    elif not _all_missing(part["cl"]):
        bits.append("the runs show no change beyond chance" + detail)
    signal_x = part.loc[part["sigma_signal"].fillna(False).astype(bool), "x"]
    if len(signal_x):
        bits.append(f"{len(signal_x)} point(s) outside the control limits, at "
                    f"{format_x_list(signal_x)}, drawn as diamonds")
    elif not _all_missing(part["ucl"]):
        bits.append("no points outside the control limits")
    return "; ".join(bits)


def qic_summary(result, notes: list[tuple[object, str, object]] | None = None) -> str:
    """Plain-English description of what the chart shows, for screen readers."""
    data = result.data
    percent = _uses_percent_axis(result, data)
    sentences = [f"{CHART_NAMES[result.chart]}."]
    facets = [None]
    if "facet" in data.columns and data["facet"].nunique(dropna=True) > 1:
        facets = list(pd.unique(data["facet"].dropna()))
        sentences.append(f"{len(facets)} panels: {format_x_list(facets)}.")
    for facet in facets:
        rows = data if facet is None else data[data["facet"] == facet]
        parts = segments(rows, "part")
        for i, part in enumerate(parts):
            label = "" if facet is None else f"{facet}: "
            if len(parts) > 1:
                label += f"part {i + 1}: "
            sentences.append(label[:1].upper() + label[1:] + _part_sentence(part, result.chart,
                                                                             percent) + ".")
        base = rows["baseline"].fillna(True).astype(bool)
        if base.any() and not base.all():
            fixed = "The median is" if result.chart == "run" else "Limits are"
            sentences.append(f"{fixed} fixed from the baseline up to "
                             f"{format_x(rows.loc[base, 'x'].iloc[-1])} (shaded).")
    excluded = data.loc[~data["include"].fillna(True).astype(bool), "x"]
    if len(excluded):
        sentences.append(f"Excluded from the calculations (hollow points): "
                         f"{format_x_list(excluded)}.")
    missing = data.loc[data["y"].isna(), "x"]
    if len(missing):
        sentences.append(f"Missing values (gaps in the line): {format_x_list(missing)}.")
    sentences.extend(describe_notes(notes or []))
    sentences.append(explanation_text(result))
    return " ".join(s for s in sentences if s)
