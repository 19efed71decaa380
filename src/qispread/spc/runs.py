"""Run-chart statistics with the Anhøj rules, usable on their own.

A *useful* observation is one that is not missing and does not lie exactly on the centre line:
points on the centre line neither extend nor break a run, so they are dropped before counting.

Anhøj rules (Anhøj & Olesen 2014; as implemented in qicharts2): with n useful observations, the
longest run signals when it is longer than round(log2(n)) + 3, and the number of crossings signals
when it is below the 5th percentile of Binomial(n - 1, 0.5).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qispread.spc.special import fair_binomial_quantile


@dataclass(frozen=True)
class RunsAnalysis:
    """The Anhøj runs analysis of one series against its centre line."""

    n_obs: int
    n_useful: int
    longest_run: float
    longest_run_max: float
    n_crossings: float
    n_crossings_min: float
    runs_signal: bool


def median(values) -> float:
    """Median of the non-missing values (NaN when there are none)."""
    values = np.asarray(values, dtype=float)
    values = values[~np.isnan(values)]
    return float(np.median(values)) if values.size else float("nan")


def useful_sides(y, cl) -> np.ndarray:
    """+1 (above) or -1 (below) for each useful observation, in order; others are dropped."""
    with np.errstate(invalid="ignore"):
        sides = np.sign(np.asarray(y, dtype=float) - np.asarray(cl, dtype=float))
    return sides[(sides != 0) & ~np.isnan(sides)]


def useful_mask(y, cl) -> np.ndarray:
    """True where an observation is useful (not missing, not on the centre line)."""
    with np.errstate(invalid="ignore"):
        diff = np.asarray(y, dtype=float) - np.asarray(cl, dtype=float)
    return ~np.isnan(diff) & (diff != 0)


def run_lengths(sides) -> np.ndarray:
    """Lengths of the runs (consecutive equal values) in a sequence of sides."""
    sides = np.asarray(sides)
    if sides.size == 0:
        return np.zeros(0, dtype=int)
    starts = np.flatnonzero(np.r_[True, sides[1:] != sides[:-1], True])
    return np.diff(starts)


def longest_run(sides) -> int:
    """Length of the longest run of useful observations on one side of the centre line."""
    lengths = run_lengths(sides)
    return int(lengths.max()) if lengths.size else 0


def n_crossings(sides) -> int:
    """How many times consecutive useful observations switch side (runs - 1)."""
    sides = np.asarray(sides)
    return int(np.count_nonzero(sides[1:] != sides[:-1])) if sides.size > 1 else 0


def longest_run_max(n_useful: int) -> int:
    """Anhøj limit: a longest run above this is a signal. R's round() rounds half to even."""
    return int(np.round(np.log2(n_useful))) + 3


def n_crossings_min(n_useful: int) -> int:
    """Anhøj limit: fewer crossings than this is a signal (qbinom(0.05, n - 1, 0.5))."""
    return fair_binomial_quantile(0.05, max(n_useful - 1, 0))


def anhoej_signal(n_useful: int, crossings: int, longest: int) -> bool:
    """True when the longest run is too long or there are too few crossings."""
    return longest > longest_run_max(n_useful) or crossings < n_crossings_min(n_useful)


def runs_analysis(y, cl, include=None) -> RunsAnalysis:
    """Anhøj runs analysis of y against centre line cl, using only the points in include.

    n_obs counts every included point, missing or not, as qicharts2 does.
    """
    y = np.asarray(y, dtype=float)
    cl = np.broadcast_to(np.asarray(cl, dtype=float), y.shape)
    if include is not None:
        include = np.asarray(include, dtype=bool)
        if not include.all():
            y, cl = y[include], cl[include]
    sides = useful_sides(y, cl)
    n_useful = int(sides.size)
    if n_useful == 0:
        nan = float("nan")
        return RunsAnalysis(int(y.size), 0, nan, nan, nan, nan, False)
    crossings = n_crossings(sides)
    longest = longest_run(sides)
    return RunsAnalysis(
        n_obs=int(y.size),
        n_useful=n_useful,
        longest_run=longest,
        longest_run_max=longest_run_max(n_useful),
        n_crossings=crossings,
        n_crossings_min=n_crossings_min(n_useful),
        runs_signal=anhoej_signal(n_useful, crossings, longest),
    )
