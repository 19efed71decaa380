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


def _prefix_counts(flags: np.ndarray) -> np.ndarray:
    """counts[k] = how many of flags[:k] are set; a window [a, b) holds counts[b] - counts[a]."""
    counts = np.zeros(len(flags) + 1, dtype=np.int32 if len(flags) < 2**31 else np.int64)
    np.cumsum(flags, out=counts[1:])
    return counts


def _reaches(new_run: np.ndarray, length: int) -> np.ndarray:
    """True for a point that is at least the ``length``-th of its run (runs start where new_run
    is True; the first point always starts one): no run starts among its previous length - 1."""
    n = len(new_run)
    if length <= 1:
        return np.ones(n, dtype=bool)
    counts = _prefix_counts(new_run)
    reached = np.zeros(n, dtype=bool)
    k = length - 2
    if k < n:
        reached[k:] = counts[k + 1 :] == counts[: n - k]
    return reached


def _steps(y: np.ndarray, first: np.ndarray) -> np.ndarray:
    # Sign of each change, from comparisons (y is finite), without float work arrays.
    d = np.zeros(len(y), dtype=np.int8)
    np.subtract(y[1:] > y[:-1], y[1:] < y[:-1], out=d[1:], dtype=np.int8)
    d[np.flatnonzero(first)] = 0
    return d


def steps(y: np.ndarray, group: np.ndarray) -> np.ndarray:
    """Sign of the change from the previous point of the same group (0 for a group's first)."""
    return _steps(y, starts_group(group))


def _step_runs(d: np.ndarray, first: np.ndarray) -> np.ndarray:
    new_run = first.copy()
    new_run[1:] |= d[1:] != d[:-1]
    return new_run


def _trend_ends(d: np.ndarray, step_runs: np.ndarray, length: int) -> np.ndarray:
    long_enough = _reaches(step_runs, length - 1)
    return np.where((d != 0) & long_enough, d, 0).astype(np.int8)


def trend_ends(y: np.ndarray, group: np.ndarray, length: int) -> np.ndarray:
    """+1/-1 where a run of ``length`` strictly rising/falling points completes, else 0.

    ``length`` points make ``length - 1`` steps in the same direction; a tie (no change) breaks it.
    """
    first = starts_group(group)
    d = _steps(y, first)
    return _trend_ends(d, _step_runs(d, first), length)


def _shift_ends(relative_to_mean: np.ndarray, first: np.ndarray, length: int) -> np.ndarray:
    new_run = first.copy()
    new_run[1:] |= relative_to_mean[1:] != relative_to_mean[:-1]
    return ((relative_to_mean != 0) & _reaches(new_run, length)).astype(np.int8)


def shift_ends(relative_to_mean: np.ndarray, group: np.ndarray, length: int) -> np.ndarray:
    """1 where the ``length``-th consecutive point on the same side of the mean arrives, else 0.

    A point exactly on the mean (relative_to_mean 0) belongs to neither side and breaks the run.
    """
    return _shift_ends(relative_to_mean, starts_group(group), length)


def _part_of_run(ends: np.ndarray, first: np.ndarray, length: int) -> np.ndarray:
    n = len(ends)
    counts = _prefix_counts(ends != 0)
    # Ends counted up to `length - 1` points ahead: counts[i + length], ...
    ahead = np.empty(n, dtype=counts.dtype)
    k = max(n - length + 1, 0)
    ahead[:k] = counts[length:]
    # ... except near the end of a group, where the window stops at the group's last point.
    starts = np.flatnonzero(first)
    lasts = np.r_[starts[1:] - 1, n - 1]
    lows = np.maximum(starts, lasts - length + 2)
    sizes = lasts - lows + 1
    offsets = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    ahead[np.repeat(lows, sizes) + offsets] = np.repeat(counts[lasts + 1], sizes)
    return ahead > counts[:n]


def part_of_run(ends: np.ndarray, group: np.ndarray, length: int) -> np.ndarray:
    """True for every point of a completed run: a run end lies within the next ``length - 1``
    points of the same group (or on the point itself)."""
    return _part_of_run(ends, starts_group(group), length)


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


def _trend_direction(
    d: np.ndarray, step_runs: np.ndarray, length: int, at: np.ndarray
) -> np.ndarray:
    """trend_direction() at the positions ``at`` only (a trend is usually a few points)."""
    starts = np.flatnonzero(step_runs)
    stops = np.r_[starts[1:], len(d)]

    def in_trend_step(positions):
        run = np.searchsorted(starts, positions, side="right") - 1
        return (d[positions] != 0) & (stops[run] - starts[run] >= length - 1)

    left = np.where(in_trend_step(at), d[at], 0)
    has_right = at + 1 < len(d)
    right = np.minimum(at + 1, len(d) - 1)
    right_in_trend = has_right & in_trend_step(right)
    return np.where(right_in_trend, d[right], left).astype(np.int8)


def trend_direction(y: np.ndarray, group: np.ndarray, length: int) -> np.ndarray:
    """For points inside a trend, the direction (+1/-1) of the trend they belong to.

    A point joining two trends (a peak or trough) takes the direction of the trend to its right, as
    NHSRplotthedots 0.2.2 does. Points outside any trend get 0.
    """
    first = starts_group(group)
    d = _steps(y, first)
    return _trend_direction(d, _step_runs(d, first), length, np.arange(len(d)))


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
    first = starts_group(group)
    d = _steps(y, first)
    step_runs = _step_runs(d, first)
    in_trend = _part_of_run(_trend_ends(d, step_runs, trend_length), first, trend_length)
    in_two_of_three = two_in_three(close, relative_to_mean, group) & close
    in_shift = _part_of_run(_shift_ends(relative_to_mean, first, shift_length), first, shift_length)

    # Lowest precedence first, so that a stronger rule overwrites a weaker one.
    kind = np.zeros(len(y), dtype=np.int8)
    kind[in_shift] = SHIFT
    kind[in_two_of_three] = TWO_IN_THREE
    kind[in_trend] = TREND
    kind[outside] = OUTSIDE_LIMITS
    direction = np.where(relative_to_mean > 0, 1, -1).astype(np.int8)
    in_a_trend = np.flatnonzero(kind == TREND)
    direction[in_a_trend] = _trend_direction(d, step_runs, trend_length, in_a_trend)
    direction[kind == NO_SPECIAL_CAUSE] = 0
    return kind, direction
