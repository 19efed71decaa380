"""XmR (individuals) chart limits as Making Data Count and NHSRplotthedots compute them.

Process limits are mean -/+ 2.66 x the average moving range (AMR); the "two sigma" lines are
two thirds of that distance. With screening on, moving ranges of at least 3.267 x AMR are dropped
and the AMR is recomputed (NHSRplotthedots 0.2.2, R/ptd_spc_standard.R).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qispread.spc.ptd.rules import starts_group

LIMIT_FACTOR = 2.66
SCREEN_FACTOR = 3.267
TWO_SIGMA_FACTOR = 2 * LIMIT_FACTOR / 3


@dataclass(frozen=True)
class GroupLimits:
    """One value per group (index = group id)."""

    mean: np.ndarray
    lpl: np.ndarray
    upl: np.ndarray
    lower_two_sigma: np.ndarray
    upper_two_sigma: np.ndarray
    n_used: np.ndarray


def _group_mean(values: np.ndarray, group: np.ndarray, n_groups: int) -> np.ndarray:
    total = np.bincount(group, weights=values, minlength=n_groups)
    count = np.bincount(group, minlength=n_groups)
    with np.errstate(invalid="ignore", divide="ignore"):
        return total / count


def xmr_limits(
    y: np.ndarray,
    group: np.ndarray,
    n_groups: int,
    fix_after_n_points: int | None,
    screen_outliers: bool,
) -> GroupLimits:
    """Mean and limits for each group, from its first ``fix_after_n_points`` points (all if None).

    Each group needs at least 2 points used; the caller checks that.
    """
    first = starts_group(group)
    first_index = np.flatnonzero(first)
    position = np.arange(len(y)) - first_index[group]
    used = position < fix_after_n_points if fix_after_n_points else np.ones(len(y), dtype=bool)

    # Averaging deviations from each group's first value keeps a constant series' mean exact.
    anchor = y[first_index]
    deviation = y - anchor[group]
    mean = anchor + _group_mean(deviation[used], group[used], n_groups)

    moving_range = np.zeros(len(y))
    moving_range[1:] = np.abs(np.diff(y))
    has_range = used & ~first
    amr = _group_mean(moving_range[has_range], group[has_range], n_groups)
    if screen_outliers:
        # A constant series has AMR 0: nothing can be an outlier, so keep its ranges.
        keep = has_range & ((moving_range < SCREEN_FACTOR * amr[group]) | (amr[group] == 0))
        amr = _group_mean(moving_range[keep], group[keep], n_groups)

    return GroupLimits(
        mean=mean,
        lpl=mean - LIMIT_FACTOR * amr,
        upl=mean + LIMIT_FACTOR * amr,
        lower_two_sigma=mean - TWO_SIGMA_FACTOR * amr,
        upper_two_sigma=mean + TWO_SIGMA_FACTOR * amr,
        n_used=np.bincount(group[used], minlength=n_groups),
    )
