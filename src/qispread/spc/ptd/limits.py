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


def _group_mean(values: np.ndarray, group: np.ndarray, n_groups: int, rows=None) -> np.ndarray:
    """Mean of values in each group, over the rows marked True in ``rows`` (all when None)."""
    if rows is not None:
        values, group = values[rows], group[rows]
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
    sizes = np.diff(np.r_[first_index, len(y)])
    if fix_after_n_points and (sizes > fix_after_n_points).any():
        position = np.arange(len(y)) - np.repeat(first_index, sizes)
        used = position < fix_after_n_points
    else:
        used = None

    # Averaging deviations from each group's first value keeps a constant series' mean exact.
    # (Full-length work arrays are reused in place: at a million points each new one costs.)
    anchor = y[first_index]
    deviation = np.repeat(anchor, sizes)
    np.subtract(y, deviation, out=deviation)
    mean = anchor + _group_mean(deviation, group, n_groups, used)

    # A group's first point has no moving range: 0 there adds nothing to a group's sum.
    moving_range = deviation  # no longer needed as deviations
    moving_range[0] = 0
    np.subtract(y[1:], y[:-1], out=moving_range[1:])
    np.abs(moving_range, out=moving_range)
    moving_range[first_index] = 0
    if used is None:
        with np.errstate(invalid="ignore", divide="ignore"):
            amr = np.bincount(group, weights=moving_range, minlength=n_groups) / (sizes - 1)
    else:
        amr = _group_mean(moving_range, group, n_groups, used & ~first)
        first = first | ~used  # from here on, "no moving range to use"
    if screen_outliers:
        # A constant series has AMR 0: nothing can be an outlier, so keep its ranges.
        keep = moving_range < np.repeat(SCREEN_FACTOR * amr, sizes)
        keep |= np.repeat(amr == 0, sizes)
        keep &= ~first
        kept = np.add.reduceat(keep, first_index, dtype=np.int64)
        moving_range[~keep] = 0
        total = np.bincount(group, weights=moving_range, minlength=n_groups)
        with np.errstate(invalid="ignore", divide="ignore"):
            amr = total / kept

    return GroupLimits(
        mean=mean,
        lpl=mean - LIMIT_FACTOR * amr,
        upl=mean + LIMIT_FACTOR * amr,
        lower_two_sigma=mean - TWO_SIGMA_FACTOR * amr,
        upper_two_sigma=mean + TWO_SIGMA_FACTOR * amr,
        n_used=np.bincount(group if used is None else group[used], minlength=n_groups),
    )
