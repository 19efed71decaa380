"""A funnel plot from a funnel() result: units as points against their denominators, the centre
line, and the 95% and 99.8% limits, unadjusted and adjusted for overdispersion.

Conventions follow FunnelPlotR's plot (read for semantics, not copied): 99.8% limits solid, 95%
dashed, adjusted and unadjusted limits in different colours (neither red nor green). A unit
outside the limits that judge outliers is marked by shape as well as colour (a triangle pointing
up above the funnel, down below it) and named beside it when there are few enough to read.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from qispread.errors import DataProblem
from qispread.plots import style
from qispread.plots.export import set_summary
from qispread.plots.funnel_labels import label_places
from qispread.plots.labels import legend_below, readable_name

ADJUSTED_COLOUR = style.BLUE
UNADJUSTED_COLOUR = style.ORANGE
INSIDE_COLOUR = "#595959"
HEIGHT = 540  # fixed, so that the legend under the axis title never meets it in a short cell
MOST_NAMED = 12
"""Above this many units outside the limits, only the hover box names them (names would pile up)."""

POINTS = {  # position -> (legend name, colour, symbol, size)
    "inside": ("Inside the limits", INSIDE_COLOUR, "circle", 8),
    "above": ("Above the limits", style.VERMILLION, "triangle-up", 13),
    "below": ("Below the limits", style.VERMILLION, "triangle-down", 13),
}


def _check(result) -> None:
    if not isinstance(getattr(result, "data", None), pd.DataFrame) or \
            not hasattr(result, "limits") or not hasattr(result, "tau2"):
        raise DataProblem("funnel_figure needs the result of funnel(), for example "
                          "funnel_figure(funnel(data, numerator=..., denominator=..., "
                          f"group=...)); it was given {type(result).__name__}.")


def _pair(curves: pd.DataFrame, lower: str, upper: str) -> tuple[list, list]:
    """Both limits as one line with a break between them (one legend entry for the pair)."""
    x = curves["denominator"].tolist()
    return x + [None] + x, curves[lower].tolist() + [None] + curves[upper].tolist()


def _limit_lines(fig: go.Figure, result, adjusted: bool) -> None:
    colour = ADJUSTED_COLOUR if adjusted else UNADJUSTED_COLOUR
    kind = "adjusted" if adjusted else "unadjusted"
    for level, words, dash in (("99", "99.8%", "solid"), ("95", "95%", "dash")):
        lower, upper = (f"od{level}lcl", f"od{level}ucl") if adjusted else (f"lcl{level}",
                                                                          f"ucl{level}")
        x, y = _pair(result.limits, lower, upper)
        fig.add_trace(go.Scatter(
            x=x, y=y, mode="lines", name=f"{words}, {kind}",
            line={"color": colour, "dash": dash, "width": style.LINE_WIDTH},
            hoverinfo="skip", meta={"role": "limits", "level": level, "adjusted": adjusted}))


def _places(result, y_range: list[float]) -> dict[str, str | None]:
    """Each outlier's name -> where its label goes (None: left to the hover box)."""
    out = result.data[result.data["outlier"]]
    if out.empty or len(out) > MOST_NAMED:
        return {}
    grid = result.limits["denominator"]
    z = out["z"].abs().to_numpy()
    names = out["group"].astype(str).tolist()
    places = label_places(out["denominator"].to_numpy(), out["rr"].to_numpy(), names,
                          (out["position"] == "above").to_numpy(),
                          (float(grid.iloc[0]), float(grid.iloc[-1])),
                          (y_range[0], y_range[1]), np.argsort(-z, kind="stable"))
    return dict(zip(names, places, strict=True))


def _points(fig: go.Figure, result, value_format: str, places: dict[str, str | None]) -> None:
    data = result.data
    for position, (name, colour, symbol, size) in POINTS.items():
        rows = data[data["position"] == position]
        if rows.empty:
            continue
        where = [places.get(str(g)) for g in rows["group"]]
        label = any(where)
        fig.add_trace(go.Scatter(
            x=rows["denominator"], y=rows["rr"], name=name,
            mode="markers+text" if label else "markers",
            text=[str(g) if p else "" for g, p in zip(rows["group"], where, strict=True)]
            if label else None,
            textposition=[p or "top center" for p in where] if label else None,
            textfont={"size": 12, "color": colour}, cliponaxis=False,
            marker={"symbol": symbol, "color": colour, "size": size,
                    "line": {"width": 1, "color": "white"}},
            customdata=np.column_stack([rows["group"].astype(str), rows["numerator"]]),
            hovertemplate=("<b>%{customdata[0]}</b><br>value %{y" + value_format + "}<br>"
                           f"{_column_name(result.numerator_name)}: %{{customdata[1]:,.0f}}<br>"
                           f"{_column_name(result.denominator_name)}: %{{x:,.0f}}"
                           f"<extra>{name}</extra>"),
            meta={"role": "points", "position": position}))


def _y_range(result) -> list[float]:
    """The units, the target and the limits at the units' sizes in view, but only the limits
    within twice the span of FunnelPlotR's automatic range (70% to 130% of the target, 90% to 110%
    of the lowest and highest unit): with very large overdispersion a limit at a small unit is
    astronomically wide (10^195 with tau-squared near 53,000), and it runs off the chart instead
    of flattening every point onto one line."""
    data = result.data
    points = np.r_[data["rr"].to_numpy(), result.target]
    points = points[np.isfinite(points)]
    view_low = min(0.7 * result.target, 0.9 * points.min())
    view_high = max(1.3 * result.target, 1.1 * points.max())
    span = _span(view_low, view_high)
    limits = data[list(result.limit_columns(False)) + list(result.limit_columns(True))]
    limits = limits.to_numpy().ravel()
    limits = limits[np.isfinite(limits) & (limits > view_low - span) & (limits < view_high + span)]
    values = np.r_[points, limits]
    low, high = float(values.min()), float(values.max())
    pad = 0.08 * _span(low, high)
    low, high = low - pad, high + pad
    if result.data_type == "PR":
        low, high = max(low, 0.0), min(high, result.multiplier)
    return [max(low, 0.0), high]


def _span(low: float, high: float) -> float:
    """The distance between low and high, or a scale to pad by when they are equal."""
    return high - low or abs(high) or 1


def funnel_figure(result, title: str | None = None, xlab: str | None = None,
                  ylab: str | None = None, units: str = "units", decimals: int = 1) -> go.Figure:
    """A plotly funnel plot of a funnel() result; ``units`` names the units in the summary
    ("departments"); ``decimals`` sets the digits shown for values in hover boxes and labels."""
    _check(result)
    value_format = f":.{decimals}f"
    fig = go.Figure()
    if result.draw_unadjusted:
        _limit_lines(fig, result, adjusted=False)
    if result.draw_adjusted:
        _limit_lines(fig, result, adjusted=True)
    grid = result.limits["denominator"]
    fig.add_trace(go.Scatter(
        x=[grid.iloc[0], grid.iloc[-1]], y=[result.target] * 2, mode="lines",
        name=f"Overall {result.target:{value_format[1:]}}{_suffix(result)}", hoverinfo="skip",
        line={"color": style.CENTRE_COLOUR, "width": style.LINE_WIDTH}, meta={"role": "centre"}))
    y_range = _y_range(result)
    _points(fig, result, value_format, _places(result, y_range))
    kind = "adjusted for overdispersion" if result.draw_adjusted else "unadjusted"
    style.apply_style(fig, title or f"Funnel plot ({kind})",
                      xlab or readable_name(_column_name(result.denominator_name)),
                      ylab or _default_ylab(result))
    fig.update_layout(showlegend=True, margin={"t": 80, "r": 30}, height=HEIGHT)
    fig.update_xaxes(tickformat=",")
    fig.update_yaxes(range=y_range)
    fig.update_yaxes(ticksuffix=_suffix(result))
    legend_below(fig, True)
    set_summary(fig, funnel_summary(result, units))
    return fig


def _suffix(result) -> str:
    return "%" if result.data_type == "PR" and result.multiplier == 100 else ""


def _column_name(name: str) -> str:
    """'column "attendances"' (how funnel() names a column) -> 'attendances'."""
    return name.removeprefix("column ").strip('"')


def _default_ylab(result) -> str:
    words = {"SR": "Observed / expected", "PR": "Proportion", "RC": "Ratio"}[result.data_type]
    return f"{words} (per cent)" if result.multiplier == 100 else words


def funnel_summary(result, units: str = "units") -> str:
    """The figure in words, for screen readers: what is drawn, then the engine's reading."""
    drawn = " and ".join(k for k, shown in (("unadjusted", result.draw_unadjusted),
                                            ("adjusted", result.draw_adjusted)) if shown)
    first = (f"Funnel plot of {len(result.data)} {units}: each {units.rstrip('s')}'s value "
             f"against its {_column_name(result.denominator_name)}, with the {drawn} 95% "
             "(dashed) and 99.8% (solid) limits; units outside are triangles, pointing up "
             "above the funnel and down below it.")
    return " ".join([first, *result.explain(units)])
