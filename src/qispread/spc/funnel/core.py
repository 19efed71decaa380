"""funnel(): compare units (sites, trusts, departments) with funnel plots, with FunnelPlotR's
arguments (NHS-R Community) in snake_case and Spiegelhalter's (2005) overdispersion adjustment."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from qispread.spc.argument_types import Column
from qispread.spc.frames import table_of
from qispread.spc.funnel import dispersion
from qispread.spc.funnel.inputs import (
    ADJUSTMENTS,
    DATA_TYPES,
    SR_METHODS,
    Units,
    check_choice,
    check_limit,
    check_trim,
    read_units,
)
from qispread.spc.funnel.limits import limit_table
from qispread.spc.funnel.result import LIMIT_COLUMNS, FunnelResult
from qispread.spc.funnel.scales import Scale

CURVE_POINTS = 400


def funnel(
    data: pd.DataFrame | None = None,
    numerator: Column | None = None,
    denominator: Column | None = None,
    group: Column | None = None,
    data_type: str = "SR",
    limit: Any = 99,
    draw_unadjusted: bool = False,
    draw_adjusted: bool = True,
    sr_method: str = "SHMI",
    trim_by: float = 0.1,
    multiplier: float = 1,
    adjustment: str = "additive",
) -> FunnelResult:
    """Funnel plot analysis of ``numerator / denominator`` for each unit named by ``group``.

    Arguments are FunnelPlotR's funnel_plot(): ``data_type`` "SR" (observed / expected, target
    1), "PR" (proportions) or "RC" (ratios of counts); ``limit`` 95 or 99 (the 99.8% limits) to
    judge outliers; ``draw_adjusted`` adjusts the limits for overdispersion (when there is any)
    and judges outliers by them; ``sr_method`` "SHMI" (log scale, truncation) or "CQC" (square
    root, winsorisation) for "SR"; ``trim_by`` the share trimmed at each end before estimating
    overdispersion; ``multiplier`` scales the indicator (100 for per cent). ``adjustment``
    (qispread's addition) chooses Spiegelhalter's additive random-effects model ("additive",
    FunnelPlotR's) or the multiplicative one ("multiplicative": limits × sqrt(φ)).
    Columns may be column names of ``data`` or the values themselves.
    """
    data_type = check_choice(data_type, list(DATA_TYPES), "data_type",
                             "Use 'SR' for observed / expected, 'PR' for proportions, 'RC' for "
                             "ratios of counts.")
    sr_method = check_choice(sr_method, SR_METHODS, "sr_method",
                             "'SHMI' (NHS Digital's method) or 'CQC' (Spiegelhalter's).")
    adjustment = check_choice(adjustment, ADJUSTMENTS, "adjustment",
                              "'additive' (random effects, as FunnelPlotR) or 'multiplicative'.")
    level = check_limit(limit)
    trim = check_trim(trim_by)
    units = read_units(data, numerator, denominator, group, data_type)
    shmi = data_type == "SR" and sr_method == "SHMI"
    den = np.round(units.denominator, 2) if shmi else units.denominator  # as SHMI (2 d.p.)
    num = units.numerator
    target = 1.0 if data_type == "SR" else float(num.sum() / den.sum())
    scale = Scale(data_type, sr_method, target)

    z, s = scale.z_scores(num, den)
    trimmed = dispersion.truncated(z, trim) if shmi else dispersion.winsorised(z, trim)
    phi = dispersion.phi(trimmed)
    tau2 = dispersion.tau2(trimmed, s, phi)
    overdispersed = tau2 > 0 if adjustment == "additive" else phi > 1
    adjusted = bool(draw_adjusted and overdispersed)

    columns = limit_table(scale, den, tau2, phi, adjustment)
    table = _unit_table(units, den, z, trimmed, columns, multiplier)
    grid = np.geomspace(max(den.min() * 0.5, 0.1), den.max() * 1.05, CURVE_POINTS)
    curves = limit_table(scale, grid, tau2, phi, adjustment)
    limits = table_of({"denominator": grid,
                       **{c: curves[c] * multiplier for c in LIMIT_COLUMNS}})
    lower, upper = (f"od{level}lcl", f"od{level}ucl") if adjusted else (f"lcl{level}",
                                                                          f"ucl{level}")
    table["position"] = positions(table["rr"].to_numpy(), table[lower].to_numpy(),
                                  table[upper].to_numpy())
    table["outlier"] = table["position"].to_numpy() != "inside"
    return FunnelResult(
        data=table, limits=limits, phi=phi, tau2=tau2, target=target * multiplier,
        data_type=data_type, sr_method=sr_method, limit=level, adjustment=adjustment,
        draw_adjusted=adjusted, draw_unadjusted=bool(draw_unadjusted or not adjusted),
        multiplier=float(multiplier), numerator_name=units.numerator_name,
        denominator_name=units.denominator_name)


def positions(rr: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> np.ndarray:
    """"above", "below" or "inside" each unit's limits; a value on a limit is inside."""
    return np.where(rr > upper, "above", np.where(rr < lower, "below", "inside")).astype(object)


def _unit_table(units: Units, den: np.ndarray, z: np.ndarray, trimmed: np.ndarray,
                columns: dict[str, np.ndarray], multiplier: float) -> pd.DataFrame:
    return table_of({
        "group": units.group,
        "numerator": units.numerator,
        "denominator": den,
        "rr": units.numerator / den * multiplier,
        "z": z,
        "z_trimmed": trimmed,
        **{c: columns[c] * multiplier for c in LIMIT_COLUMNS},
    })
