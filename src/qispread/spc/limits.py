"""Centre lines and control limits for each chart type, one part of one facet at a time.

Formulas follow qicharts2 0.8.1 (R/helper.functions.R), which cites Montgomery, *Introduction to
Statistical Quality Control*. Each function takes a `Subgroups` (arrays with one entry per
subgroup) and returns `Lines`: the values to plot and the centre and limit lines for them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qispread.spc.special import log_gamma

D2 = 1.128  # expected range of two normal values in sigma units (Montgomery Table VI)
MR_UPPER = 3.267  # D4 for n = 2: moving ranges at or above 3.267 x average are screened out
T_POWER = 3.6  # Nelson's transformation of times between events towards normality


@dataclass
class Subgroups:
    """Aggregated data of one part of one facet; `base` marks the points used for the lines
    (a boolean mask, or a slice when every point is used)."""

    y: np.ndarray
    n: np.ndarray
    y_sum: np.ndarray
    y_length: np.ndarray
    y_sd: np.ndarray
    base: np.ndarray | slice
    cl: float | None = None
    screen_mr: bool = True
    categorical_x: bool = False


@dataclass
class Lines:
    y: np.ndarray
    cl: np.ndarray
    lcl: np.ndarray
    ucl: np.ndarray
    lcl_95: np.ndarray
    ucl_95: np.ndarray


def _nanmean(values) -> float:
    values = np.asarray(values, dtype=float)
    values = values[~np.isnan(values)]
    return float(values.mean()) if values.size else float("nan")


def _nanmedian(values) -> float:
    values = np.asarray(values, dtype=float)
    values = values[~np.isnan(values)]  # a copy, so the median may reorder it
    return float(np.median(values, overwrite_input=True)) if values.size else float("nan")


def _nansum(values) -> float:
    return float(np.nansum(np.asarray(values, dtype=float)))


def average_moving_range(values, screen: bool) -> float:
    """Mean of |differences| of consecutive values; screening drops MRs >= 3.267 x the mean."""
    mr = np.abs(np.diff(np.asarray(values, dtype=float)))
    mr = mr[~np.isnan(mr)]
    amr = float(mr.mean()) if mr.size else float("nan")
    kept = mr[mr < MR_UPPER * amr]
    # When every MR is 0 nothing passes the screen; qicharts2 then has no limits at all, but
    # zero-width limits (any change is a signal) are what the data say.
    if screen and kept.size:
        amr = float(kept.mean())
    return amr


def _around(y, cl, stdev, floor=None, ceiling=None) -> Lines:
    size = np.shape(y)
    cl = np.broadcast_to(np.asarray(cl, dtype=float), size).copy()
    stdev = np.broadcast_to(np.asarray(stdev, dtype=float), size)
    out = [cl - 3 * stdev, cl + 3 * stdev, cl - 2 * stdev, cl + 2 * stdev]
    with np.errstate(invalid="ignore"):
        for line in out:
            if floor is not None:
                line[np.isfinite(line) & (line < floor)] = floor
            if ceiling is not None:
                line[np.isfinite(line) & (line > ceiling)] = ceiling
    lcl, ucl, lcl_95, ucl_95 = out
    return Lines(np.asarray(y, dtype=float), cl, lcl, ucl, lcl_95, ucl_95)


def _given_or(s: Subgroups, compute) -> float:
    return float(s.cl) if s.cl is not None else compute()


def run_chart(s: Subgroups) -> Lines:
    cl = _given_or(s, lambda: _nanmedian(s.y[s.base]))
    nan = np.full(s.y.shape, np.nan)
    return Lines(s.y, np.full(s.y.shape, cl), nan, nan.copy(), nan.copy(), nan.copy())


def i_chart(s: Subgroups) -> Lines:
    cl = _given_or(s, lambda: _nanmean(s.y[s.base]))
    stdev = average_moving_range(s.y[s.base], s.screen_mr) / D2
    return _around(s.y, cl, stdev)


def mr_chart(s: Subgroups) -> Lines:
    y = np.r_[np.nan, np.abs(np.diff(s.y))]
    cl = _given_or(s, lambda: _nanmean(y[s.base]))
    size = y.shape
    zero = np.zeros(size)
    return Lines(
        y, np.full(size, cl), zero, np.full(size, MR_UPPER * cl), zero.copy(),
        np.full(size, MR_UPPER / 3 * 2 * cl),
    )


def t_chart(s: Subgroups) -> Lines:
    transformed = Subgroups(
        y=s.y ** (1 / T_POWER), n=s.n, y_sum=s.y_sum, y_length=s.y_length, y_sd=s.y_sd,
        base=s.base, cl=None if s.cl is None else s.cl ** (1 / T_POWER), screen_mr=s.screen_mr,
    )
    lines = i_chart(transformed)
    with np.errstate(invalid="ignore"):
        back = [np.power(v, T_POWER) for v in
                (lines.cl, lines.lcl, lines.ucl, lines.lcl_95, lines.ucl_95)]
    cl, lcl, ucl, lcl_95, ucl_95 = back
    # qicharts2 floors only the 3-sigma lower limit; a negative root back-transforms to NaN.
    lcl[(lines.lcl < 0) | np.isnan(lcl)] = 0
    return Lines(s.y, cl, lcl, ucl, lcl_95, ucl_95)


def _c4(n):
    n = np.where(np.asarray(n, dtype=float) <= 1, np.nan, n)
    with np.errstate(invalid="ignore"):
        return np.sqrt(2 / (n - 1)) * np.exp(log_gamma(n / 2) - log_gamma((n - 1) / 2))


def pooled_sd(s: Subgroups) -> float:
    """Centre line of an S chart: mean SD, or pooled SD when subgroup sizes vary (Montgomery)."""
    sizes = s.y_length[s.base]
    sds = s.y_sd[s.base]
    if np.unique(s.y_length).size > 1:
        ok = ~np.isnan(sds)
        return float(np.sqrt(np.sum((sizes[ok] - 1) * sds[ok] ** 2) / np.sum(sizes[ok] - 1)))
    return _nanmean(sds)


def xbar_chart(s: Subgroups) -> Lines:
    def weighted_mean():
        ok = ~np.isnan(s.y[s.base])
        return float(np.sum((s.y_length[s.base] * s.y[s.base])[ok]) /
                     np.sum(s.y_length[s.base][ok]))

    cl = _given_or(s, weighted_mean)
    with np.errstate(invalid="ignore", divide="ignore"):
        sigma_of_mean = pooled_sd(s) / (_c4(s.y_length) * np.sqrt(s.y_length))
    return _around(s.y, cl, sigma_of_mean)


def s_chart(s: Subgroups) -> Lines:
    cl = _given_or(s, lambda: pooled_sd(s))
    c4 = _c4(s.y_length)
    with np.errstate(invalid="ignore"):
        spread = np.sqrt(1 - c4**2) / c4
    size = s.y_sd.shape
    lines = [np.maximum(0, 1 - k * spread) * cl for k in (3, 2)]
    lines += [(1 + k * spread) * cl for k in (3, 2)]
    lcl, lcl_95, ucl, ucl_95 = lines
    return Lines(s.y_sd, np.full(size, cl), lcl, ucl, lcl_95, ucl_95)


def _ratio_cl(s: Subgroups) -> float:
    return _given_or(s, lambda: _nansum(s.y_sum[s.base]) / _nansum(s.n[s.base]))


def p_chart(s: Subgroups) -> Lines:
    cl = _ratio_cl(s)
    with np.errstate(divide="ignore", invalid="ignore"):
        stdev = np.sqrt(cl * (1 - cl) / s.n)
    return _around(s.y, cl, stdev, floor=0, ceiling=1)


def u_chart(s: Subgroups) -> Lines:
    cl = _ratio_cl(s)
    with np.errstate(divide="ignore", invalid="ignore"):
        stdev = np.sqrt(cl / s.n)
    return _around(s.y, cl, stdev, floor=0)


def laney_sigma_z(s: Subgroups, cl: float, stdev: np.ndarray) -> float:
    """Laney's between-subgroup factor: spread of the z-scores (MR-based unless x is a category)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (s.y[s.base] - cl) / stdev[s.base]
    if s.categorical_x:
        return float(np.nanstd(z, ddof=1))
    return average_moving_range(z, s.screen_mr) / D2


def pp_chart(s: Subgroups) -> Lines:
    cl = _ratio_cl(s)
    with np.errstate(divide="ignore", invalid="ignore"):
        stdev = np.sqrt(cl * (1 - cl) / s.n)
    return _around(s.y, cl, stdev * laney_sigma_z(s, cl, stdev), floor=0, ceiling=1)


def up_chart(s: Subgroups) -> Lines:
    cl = _ratio_cl(s)
    with np.errstate(divide="ignore", invalid="ignore"):
        stdev = np.sqrt(cl / s.n)
    return _around(s.y, cl, stdev * laney_sigma_z(s, cl, stdev), floor=0)


def c_chart(s: Subgroups) -> Lines:
    cl = _given_or(s, lambda: _nanmean(s.y_sum[s.base]))
    return _around(s.y_sum, cl, np.sqrt(cl), floor=0)


def g_chart(s: Subgroups) -> Lines:
    """Limits from the mean (geometric distribution); the centre line drawn is the median."""
    mean = _given_or(s, lambda: _nanmean(s.y[s.base]))
    lines = _around(s.y, mean, np.sqrt(mean * (mean + 1)), floor=0)
    centre = 0.693 * mean if s.cl is not None else _nanmedian(s.y[s.base])
    lines.cl = np.full(s.y.shape, centre)
    return lines


CHARTS = {
    "run": run_chart, "i": i_chart, "mr": mr_chart, "xbar": xbar_chart, "s": s_chart,
    "t": t_chart, "p": p_chart, "pp": pp_chart, "c": c_chart, "u": u_chart, "up": up_chart,
    "g": g_chart,
}
