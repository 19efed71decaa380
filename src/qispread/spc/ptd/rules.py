"""Making Data Count special-cause rules, vectorised over many charts at once.

Points arrive sorted so that each chart period (facet and rebase group) is one contiguous block,
labelled by ``group``. No rule looks across a block boundary. The decomposition (where a run
completes, then which points belong to it) follows NHSRplotthedots 0.2.2
(R/ptd_calculate_point_type.R), so its unit-test vectors apply to these functions directly.
"""

from __future__ import annotations

import numpy as np

NO_SPECIAL_CAUSE = 0
OUTSIDE_LIMITS = 1
TREND = 2
TWO_IN_THREE = 3
SHIFT = 4
SPECIAL_CAUSE_NAMES = (None, "outside_limits", "trend", "two_in_three", "shift")


def starts_group(group: np.ndarray) -> np.ndarray:
    """True where a point is the first of its group."""
    first = np.ones(len(group), dtype=bool)
    first[1:] = group[1:] != group[:-1]
    return first


def _position_in_run(new_run: np.ndarray) -> np.ndarray:
    """1 for the first point of each run, 2 for the next, and so on."""
    index = np.arange(len(new_run))
    run_start = np.maximum.accumulate(np.where(new_run, index, 0))
    return index - run_start + 1


def _run_lengths(new_run: np.ndarray) -> np.ndarray:
    """Length of the whole run each point belongs to."""
    run_id = np.cumsum(new_run) - 1
    return np.bincount(run_id)[run_id]


def steps(y: np.ndarray, group: np.ndarray) -> np.ndarray:
    """Sign of the change from the previous point of the same group (0 for a group's first)."""
    d = np.zeros(len(y), dtype=np.int8)
    d[1:] = np.sign(np.diff(y))
    d[starts_group(group)] = 0
    return d


def _step_runs(d: np.ndarray, group: np.ndarray) -> np.ndarray:
    new_run = starts_group(group).copy()
    new_run[1:] |= d[1:] != d[:-1]
    return new_run


def trend_ends(y: np.ndarray, group: np.ndarray, length: int) -> np.ndarray:
    """+1/-1 where a run of ``length`` strictly rising/falling points completes, else 0.

    ``length`` points make ``length - 1`` steps in the same direction; a tie (no change) breaks it.
    """
    d = steps(y, group)
    long_enough = _position_in_run(_step_runs(d, group)) >= length - 1
    return np.where((d != 0) & long_enough, d, 0).astype(np.int8)


def shift_ends(relative_to_mean: np.ndarray, group: np.ndarray, length: int) -> np.ndarray:
    """1 where the ``length``-th consecutive point on the same side of the mean arrives, else 0.

    A point exactly on the mean (relative_to_mean 0) belongs to neither side and breaks the run.
    """
    new_run = starts_group(group).copy()
    new_run[1:] |= relative_to_mean[1:] != relative_to_mean[:-1]
    long_enough = _position_in_run(new_run) >= length
    return ((relative_to_mean != 0) & long_enough).astype(np.int8)


def part_of_run(ends: np.ndarray, group: np.ndarray, length: int) -> np.ndarray:
    """True for every point of a completed run: a run end lies within the next ``length - 1``
    points of the same group (or on the point itself)."""
    n = len(ends)
    index = np.arange(n)
    first = starts_group(group)
    last_of_group = np.empty(n, dtype=np.int64)
    group_last_index = np.r_[np.flatnonzero(first)[1:] - 1, n - 1]
    last_of_group[:] = group_last_index[np.cumsum(first) - 1]
    counts = np.r_[0, np.cumsum(ends != 0)]
    horizon = np.minimum(index + length - 1, last_of_group)
    return counts[horizon + 1] - counts[index] > 0


def two_in_three(close: np.ndarray, relative_to_mean: np.ndarray, group: np.ndarray) -> np.ndarray:
    """True for points in a window of 3 consecutive points (same group) where at least 2 are close
    to a limit (between 2 and 3 sigma) and all 3 lie on the same side of the mean."""
    n = len(close)
    flagged = np.zeros(n, dtype=bool)
    if n < 3:
        return flagged
    c = close.astype(np.int8)
    r = relative_to_mean
    window = (
        (group[:-2] == group[2:])
        & (c[:-2] + c[1:-1] + c[2:] >= 2)
        & (r[:-2] != 0)
        & (r[:-2] == r[1:-1])
        & (r[1:-1] == r[2:])
    )
    flagged[:-2] |= window
    flagged[1:-1] |= window
    flagged[2:] |= window
    return flagged


def trend_direction(y: np.ndarray, group: np.ndarray, length: int) -> np.ndarray:
    """For points inside a trend, the direction (+1/-1) of the trend they belong to.

    A point joining two trends (a peak or trough) takes the direction of the trend to its right, as
    NHSRplotthedots 0.2.2 does. Points outside any trend get 0.
    """
    d = steps(y, group)
    in_trend_step = (d != 0) & (_run_lengths(_step_runs(d, group)) >= length - 1)
    right = np.zeros_like(d)
    right_in_trend = np.zeros_like(in_trend_step)
    right[:-1] = d[1:]
    right_in_trend[:-1] = in_trend_step[1:]
    left = np.where(in_trend_step, d, 0)
    return np.where(right_in_trend, right, left).astype(np.int8)


def special_causes(
    y: np.ndarray,
    group: np.ndarray,
    relative_to_mean: np.ndarray,
    outside: np.ndarray,
    close: np.ndarray,
    shift_length: int,
    trend_length: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Which rule fires first in precedence for each point, and the direction of that signal.

    Precedence: outside the limits, trend, two in three, shift. Direction is +1 (high/rising),
    -1 (low/falling) or 0 (no special cause).
    """
    in_trend = part_of_run(trend_ends(y, group, trend_length), group, trend_length)
    in_two_of_three = two_in_three(close, relative_to_mean, group) & close
    in_shift = part_of_run(shift_ends(relative_to_mean, group, shift_length), group, shift_length)

    kind = np.select(
        [outside, in_trend, in_two_of_three, in_shift],
        [OUTSIDE_LIMITS, TREND, TWO_IN_THREE, SHIFT],
        NO_SPECIAL_CAUSE,
    ).astype(np.int8)
    side = np.where(relative_to_mean > 0, 1, -1).astype(np.int8)
    direction = np.where(kind == TREND, trend_direction(y, group, trend_length), side)
    direction = np.where(kind == NO_SPECIAL_CAUSE, 0, direction).astype(np.int8)
    return kind, direction
