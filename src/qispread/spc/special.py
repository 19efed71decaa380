"""The two special functions the charts need, from NumPy and the standard library. SciPy's
import (about 1.2 s of CPU) would otherwise be paid by every kernel that draws a chart."""

from __future__ import annotations

import math

import numpy as np

_LGAMMA = np.frompyfunc(math.lgamma, 1, 1)
# Binomial(n, 1/2) puts less than 1e-30 of its mass beyond 12 standard deviations of its mean.
_SPAN_SD = 12


def log_gamma(x) -> np.ndarray:
    """ln Γ(x) element by element, for x > 0 (NaN stays NaN), as scipy.special.gammaln."""
    return np.asarray(_LGAMMA(np.asarray(x, dtype=float)), dtype=float)


def fair_binomial_quantile(q: float, trials: int) -> int:
    """The smallest k with P(X <= k) >= q for X ~ Binomial(trials, 1/2): R's
    qbinom(q, trials, 0.5), for 0 < q < 1."""
    if trials <= 0:
        return 0
    mean, sd = trials / 2, math.sqrt(trials) / 2
    low = max(0, math.floor(mean - _SPAN_SD * sd))
    k = np.arange(low, min(trials, math.ceil(mean + _SPAN_SD * sd)) + 1)
    log_pmf = (log_gamma(trials + 1) - log_gamma(k + 1) - log_gamma(trials - k + 1)
               - trials * math.log(2))
    return low + int(np.searchsorted(np.cumsum(np.exp(log_pmf)), q))


def average_ranks(values) -> np.ndarray:
    """Ranks from 1, ties given the mean of the ranks they share, all NaN if any value is NaN:
    scipy.stats.rankdata(values, method="average")."""
    values = np.asarray(values, dtype=float)
    if np.isnan(values).any():
        return np.full(values.shape, np.nan)
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    starts_tie = np.r_[True, ordered[1:] != ordered[:-1]]
    first = np.flatnonzero(starts_tie)  # 0-based position of each run of ties
    after = np.r_[first[1:], len(values)]
    ranks = np.empty(len(values))
    ranks[order] = ((first + 1 + after) / 2)[np.cumsum(starts_tie) - 1]
    return ranks
