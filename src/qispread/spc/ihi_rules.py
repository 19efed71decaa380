"""Run-chart rules of Perla, Provost & Murray (2011), as taught by the IHI.

Perla RJ, Provost LP, Murray SK. The run chart: a simple analytical tool for learning from
variation in healthcare processes. BMJ Qual Saf 2011;20:46-51. The four rules are:

1. Shift: six or more consecutive points all above or all below the median. Points exactly on the
   median are skipped: they neither count towards nor break a shift.
2. Trend: five or more consecutive points all going up or all going down. When neighbouring values
   are equal, only one of them counts (the repeat neither adds to nor breaks the trend).
3. Too few or too many runs: the number of runs lies outside the limits of the runs table, which
   comes from the Swed-Eisenhart distribution of the number of runs (two-sided 5%).
4. An astronomical data point: a judgement call, NOT automated here.
"""

from __future__ import annotations

import numpy as np

from qispread.errors import DataProblem
from qispread.spc.runs import run_lengths, useful_mask
from qispread.spc.special import log_gamma

SHIFT_LENGTH = 6
TREND_LENGTH = 5
RUNS_TABLE_TAIL = 0.025


def _log_comb(n, k):
    n = np.asarray(n, dtype=float)
    k = np.asarray(k, dtype=float)
    valid = (k >= 0) & (k <= n)
    n, k = np.where(valid, n, 0), np.where(valid, k, 0)  # log-gamma is defined where valid
    out = log_gamma(n + 1) - log_gamma(k + 1) - log_gamma(n - k + 1)
    return np.where(valid, out, -np.inf)


def runs_distribution(n_above: int, n_below: int) -> tuple[np.ndarray, np.ndarray]:
    """Exact distribution of the number of runs when n_above and n_below points are shuffled.

    Swed & Eisenhart (1943). Returns (runs, probabilities) for runs = 1 .. n_above + n_below.
    """
    total = n_above + n_below
    runs = np.arange(1, total + 1)
    if n_above == 0 or n_below == 0:
        return runs, (runs == 1).astype(float)
    k = runs // 2
    log_total = _log_comb(total, n_above)
    even = np.log(2) + _log_comb(n_above - 1, k - 1) + _log_comb(n_below - 1, k - 1)
    odd = np.logaddexp(
        _log_comb(n_above - 1, k) + _log_comb(n_below - 1, k - 1),
        _log_comb(n_above - 1, k - 1) + _log_comb(n_below - 1, k),
    )
    log_p = np.where(runs % 2 == 0, even, odd) - log_total
    return runs, np.exp(log_p)


def perla_runs_table(n: int) -> tuple[int, int]:
    """(lower, upper) limits for the number of runs among n useful observations.

    Fewer runs than `lower` or more than `upper` is a signal. The n points are taken as split as
    evenly as possible around the median (n // 2 on one side), as for the published table; each
    limit cuts off at most 2.5% in its tail of the exact Swed-Eisenhart distribution.

    Example, 16 useful observations (8 above, 8 below the median): P(runs <= 4) = P(runs >= 14)
    = 0.0089, but P(runs <= 5) = P(runs >= 13) = 0.0317. Only 4 or fewer and 14 or more lie in
    the 2.5% tails, so the limits are 5 and 13: the exact 5% two-sided test. (A limit of 12, as
    one secondary source gives, would flag 13 runs, which random data give 3.2% of the time.)
    The rows agree with the Swed-Eisenhart critical values at 5% two-tailed (tests/spc); that
    Perla et al.'s own Table 1 has the same rows for every n is unverified here.
    """
    n = int(n)
    if n < 2:
        raise DataProblem("The runs table needs at least 2 useful observations.")
    runs, probs = runs_distribution(n // 2, n - n // 2)
    below = np.cumsum(probs)
    above = np.cumsum(probs[::-1])[::-1]
    lower = int(runs[np.argmax(below > RUNS_TABLE_TAIL)])
    upper = int(runs[len(runs) - 1 - np.argmax(above[::-1] > RUNS_TABLE_TAIL)])
    return lower, upper


def _spans_to_mask(size: int, starts: np.ndarray, stops: np.ndarray) -> np.ndarray:
    """Boolean mask with True on each half-open span [start, stop)."""
    marks = np.zeros(size + 1, dtype=int)
    np.add.at(marks, starts, 1)
    np.add.at(marks, stops, -1)
    return np.cumsum(marks[:-1]) > 0


def shift_mask(y, cl, include=None) -> np.ndarray:
    """True for each useful point that belongs to a shift (6+ on one side of the median)."""
    y = np.asarray(y, dtype=float)
    cl = np.broadcast_to(np.asarray(cl, dtype=float), y.shape)
    usable = useful_mask(y, cl)
    if include is not None:
        usable &= np.asarray(include, dtype=bool)
    positions = np.flatnonzero(usable)
    sides = np.sign(y[positions] - cl[positions])
    lengths = run_lengths(sides)
    in_shift = np.repeat(lengths >= SHIFT_LENGTH, lengths)
    mask = np.zeros(y.shape, dtype=bool)
    mask[positions[in_shift]] = True
    return mask


def trend_mask(y, include=None) -> np.ndarray:
    """True for each point that belongs to a trend (5+ points all going up or all going down)."""
    y = np.asarray(y, dtype=float)
    usable = ~np.isnan(y)
    if include is not None:
        usable &= np.asarray(include, dtype=bool)
    positions = np.flatnonzero(usable)
    values = y[positions]
    keep = np.r_[True, values[1:] != values[:-1]] if values.size else np.zeros(0, dtype=bool)
    positions = positions[keep]
    steps = np.sign(np.diff(y[positions]))
    mask = np.zeros(y.shape, dtype=bool)
    if steps.size == 0:
        return mask
    lengths = run_lengths(steps)
    first_step = np.r_[0, np.cumsum(lengths)[:-1]]
    long_enough = lengths + 1 >= TREND_LENGTH
    starts = positions[first_step[long_enough]]
    stops = positions[(first_step + lengths)[long_enough]] + 1
    return _spans_to_mask(y.size, starts, stops)


def runs_count_signal(n_useful: int, n_runs: int) -> bool:
    """True when the number of runs is outside the runs table's limits."""
    if n_useful < 2:
        return False
    lower, upper = perla_runs_table(n_useful)
    return n_runs < lower or n_runs > upper
