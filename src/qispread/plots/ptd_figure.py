"""Making Data Count charts (NHS England) from a ptd() result.

Conventions follow NHSRplotthedots' plot (read for semantics, not copied): points coloured by
special-cause type, the mean solid, process limits dashed, the target red and dashed, each rebase
period drawn on its own, and the variation and assurance icons top right. Each point type also
has its own marker shape so that colour is never the only cue.
"""

from __future__ import annotations

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
    readable_name,
    value_span,
)
from qispread.plots.notes import collect_notes, describe_notes, draw_notes
from qispread.plots.panels import (
    ROW_GAP,
    Panel,
    add_trace,
    fit_panels,
    make_panels,
    segments,
    show_legend_once,
)
from qispread.plots.point_marks import PointStyle, draw_points
from qispread.plots.ptd_icons import (
    MDC_COMMON,
    MDC_CONCERN,
    MDC_IMPROVEMENT,
    MDC_MEAN,
    MDC_NEUTRAL,
    MDC_TARGET,
    add_icons,
    icon_meaning,
)
from qispread.plots.result_columns import require_columns

TITLE_WRAP = 50  # characters of a title's line: it ends before the icons at the top right
# Small multiples: their icons' size, and the gap between rows, which holds the dates of the row
# above and, over the row below, its name and icons
FACET_ICON_SIZE = 30
PANEL_GAP = ROW_GAP + FACET_ICON_SIZE + 40

POINT_STYLES = {
    "common_cause": PointStyle("Common cause", MDC_COMMON, "circle", 9, outline="white"),
    "special_cause_improvement": PointStyle("Special cause improvement", MDC_IMPROVEMENT,
                                            "diamond", 12, outline="white"),
    "special_cause_concern": PointStyle("Special cause concern", MDC_CONCERN, "square", 12,
                                        outline="white"),
    "special_cause_neutral_high": PointStyle("Special cause (high)", MDC_NEUTRAL,
                                             "triangle-up", 12, outline="white"),
    "special_cause_neutral_low": PointStyle("Special cause (low)", MDC_NEUTRAL,
                                            "triangle-down", 12, outline="white"),
}

REQUIRED_COLUMNS = ("x", "y", "facet", "rebase_group", "mean", "lpl", "upl", "target",
                    "point_type")

VALUE_LINE = "#8C8C8C"  # a shade darker than MDC's #a6a6a6 line, for contrast on white
LIMIT_LINE = "#7F7F7F"


def _check(result) -> pd.DataFrame:
    data = getattr(result, "data", None)
    if not isinstance(data, pd.DataFrame) or not callable(getattr(result, "summary", None)):
        raise DataProblem(
            "ptd_figure needs the result of ptd(), for example ptd_figure(ptd(data, y='value', "
            f"x='month')); it was given {type(result).__name__}."
        )
    require_columns(data, REQUIRED_COLUMNS, "ptd")
    unknown = set(data["point_type"].dropna()) - set(POINT_STYLES)
    if unknown:
        raise DataProblem(f"Unknown point_type value(s) {sorted(unknown)} in the ptd() result.")
    return data


def _hover(y_format: str) -> str:
    return "%{x}<br>%{y" + y_format + "}<extra>%{fullData.name}</extra>"


def _line(fig, panel, group, column, name, colour, dash, y_format, width=2.0) -> None:
    if group[column].isna().all():
        return
    add_trace(fig, panel, go.Scatter(
        x=group["x"], y=group[column], mode="lines", name=name, legendgroup=name,
        line={"color": colour, "dash": dash, "width": width}, connectgaps=False,
        hovertemplate=_hover(y_format), meta={"role": column},
    ))


def _draw_group(fig, panel: Panel, group: pd.DataFrame, y_format: str) -> None:
    _line(fig, panel, group, "upl", "Process limits", LIMIT_LINE, "dash", y_format)
    _line(fig, panel, group, "lpl", "Process limits", LIMIT_LINE, "dash", y_format)
    _line(fig, panel, group, "target", "Target", MDC_TARGET, "dash", y_format)
    if "trajectory" in group.columns:
        _line(fig, panel, group, "trajectory", "Trajectory", MDC_NEUTRAL, "dot", y_format)
    _line(fig, panel, group, "mean", "Mean", MDC_MEAN, "solid", y_format, width=2.5)
    kinds = group["point_type"].fillna("common_cause").to_numpy(dtype=str)
    draw_points(fig, panel, group, kinds, POINT_STYLES, VALUE_LINE, y_format,
                line_in_legend=False)


def _summary_rows(result) -> dict:
    summary = result.summary()
    return {(None if pd.isna(row["facet"]) else str(row["facet"])): row
            for _, row in summary.iterrows()}


def _summary_for(rows: dict, panel: Panel):
    if panel.label in rows:
        return rows[panel.label]
    return next(iter(rows.values())) if len(rows) == 1 else None


def _label_edges(fig, panel: Panel, percent: bool, span: float) -> None:
    last = panel.data.iloc[-1]
    labels = [(last["mean"], f"Mean {format_value(last['mean'], percent)}", MDC_MEAN),
              (last["upl"], f"UPL {format_value(last['upl'], percent)}", LIMIT_LINE),
              (last["lpl"], f"LPL {format_value(last['lpl'], percent)}", LIMIT_LINE),
              (last["target"], f"Target {format_value(last['target'], percent)}", MDC_TARGET)]
    labels = [lab for lab in labels if not pd.isna(lab[0])]
    add_edge_labels(fig, panel, labels, span)


def ptd_figure(result, title: str | None = None, ylab: str | None = None,
               xlab: str | None = None, percentage: bool = False,
               notes: dict | None = None, icons: bool = True) -> go.Figure:
    """A plotly figure of a ptd() result in NHS England's Making Data Count style.

    ``percentage=True`` shows the y axis as percentages (values as proportions, 0.95 = 95%).
    ``notes`` maps x values to short texts (e.g. ``{"2024-03-01": "PDSA 1: new form"}``).
    ``icons=False`` leaves out the variation and assurance icons (an exercise asking for them).
    """
    data = _check(result)
    y_format = ":.1%" if percentage else ""
    fig, panels = make_panels(data, row_gap=PANEL_GAP)
    rows = _summary_rows(result)
    icon_size = 44 if len(panels) == 1 else FACET_ICON_SIZE
    for panel in panels:
        for group in segments(panel.data, "rebase_group"):
            _draw_group(fig, panel, group, y_format)
        _label_edges(fig, panel, percentage, value_span(data, ("y", "lpl", "upl", "target")))
        row = _summary_for(rows, panel)
        if row is not None and icons:
            add_icons(fig, panel, row["variation_type"], row["assurance_type"], size=icon_size,
                      caption_size=13 if len(panels) == 1 else 11)
    all_notes = collect_notes(data, notes)
    draw_notes(fig, panels, all_notes)
    show_legend_once(fig)
    y_name = getattr(result, "y_name", None)
    default = f"Making Data Count chart{f': {readable_name(y_name)}' if y_name else ''}"
    # the title keeps left of the icons, top right
    style.apply_style(fig, style.wrap_title(title or default, TITLE_WRAP), xlab, ylab)
    lines = 1 + style.room_for_title(fig, 100 if len(panels) == 1 else 140,
                                     grow=len(panels) == 1)  # small multiples: fit_panels
    fig.update_layout(showlegend=True, margin={"r": edge_margin(fig)},
                      title=_title_at_top(lines, fig.layout.height or style.DEFAULT_HEIGHT))
    legend_below(fig, bool(xlab))
    if len(panels) > 1:
        # panel titles sit left, above the icons, so the icons' captions never cover them
        for annotation in fig.layout.annotations:
            if annotation.name is None and annotation.text in {p.label for p in panels}:
                panel = next(p for p in panels if p.label == annotation.text)
                annotation.update(x=fig.layout[panel.xref.replace("x", "xaxis")].domain[0],
                                  xanchor="left", yshift=icon_size + 12,
                                  font_size=style.FONT_SIZE)
        fit_panels(fig, ylab)
    if percentage:
        fig.update_yaxes(tickformat=".0%")
    set_summary(fig, ptd_summary(result, percentage, all_notes))
    return fig


def _title_at_top(lines: int, height: int) -> dict:
    """The title near the figure's top edge. A title of several lines is placed by its middle:
    plotly sets one anchored by its top a line too high, cut off by the edge."""
    if lines == 1:
        return {"y": 0.98, "yanchor": "top"}
    return {"y": 1 - (8 + style.TITLE_LINE_PX * lines / 2) / height, "yanchor": "middle"}


def _facet_sentence(rows: pd.DataFrame, row, percent: bool) -> str:
    bits = [f"{len(rows)} points from {format_x(rows['x'].iloc[0])} to "
            f"{format_x(rows['x'].iloc[-1])}"]
    if rows["rebase_group"].nunique() > 1:
        bits.append(f"{rows['rebase_group'].nunique()} periods with their own limits (rebased)")
    last = rows.iloc[-1]
    bits.append(f"latest mean {format_value(last['mean'], percent)}, process limits "
                f"{format_value(last['lpl'], percent)} to {format_value(last['upl'], percent)}")
    if not pd.isna(last["target"]):
        bits.append(f"target {format_value(last['target'], percent)}")
    for point_type, look in POINT_STYLES.items():
        if point_type == "common_cause":
            continue
        at = rows.loc[rows["point_type"] == point_type, "x"]
        if len(at):
            bits.append(f"{look.name.lower()} at {len(at)} point(s) ({look.symbol}s): "
                        f"{format_x_list(at)}")
    if row is not None:
        bits.append("icons: " + " and ".join(icon_meaning(row["variation_type"],
                                                         row["assurance_type"])).lower())
    return "; ".join(bits)


def ptd_summary(result, percent: bool = False,
                notes: list[tuple[object, str, object]] | None = None) -> str:
    """Plain-English description of what the chart shows, for screen readers."""
    data = result.data
    rows = _summary_rows(result)
    sentences = ["Making Data Count chart (XmR)."]
    facets = list(pd.unique(data["facet"].dropna()))
    if len(facets) > 1:
        sentences.append(f"{len(facets)} panels: {format_x_list(facets)}.")
        for facet in facets:
            sentences.append(f"{facet}: " + _facet_sentence(
                data[data["facet"] == facet], rows.get(str(facet)), percent) + ".")
    else:
        row = next(iter(rows.values())) if rows else None
        sentence = _facet_sentence(data, row, percent)
        sentences.append(sentence[:1].upper() + sentence[1:] + ".")
    sentences.extend(describe_notes(notes or []))
    sentences.append(explanation_text(result))
    return " ".join(s for s in sentences if s)
