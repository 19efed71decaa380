"""The vectorised run rules against point-by-point definitions, over several periods at once.

The rules are written for speed (prefix counts, no loops); these loops follow the rules' wording
(Making Data Count: a shift is `length` points in a row on one side of the mean, a trend is
`length` points in a row each higher, or each lower, than the one before; every point of a
completed run is flagged; no run crosses into the next period) so any shortcut that changes an
answer fails here.
"""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from qispread.spc.ptd.rules import part_of_run, shift_ends, trend_ends

periods = st.lists(st.lists(st.integers(-2, 2), min_size=1, max_size=25), min_size=1, max_size=4)


def _flatten(blocks):
    values = np.array([v for block in blocks for v in block], dtype=float)
    group = np.repeat(np.arange(len(blocks)), [len(b) for b in blocks])
    return values, group


def _shift_ends_by_hand(side, group, length):
    ends, count = np.zeros(len(side), dtype=int), 0
    for i in range(len(side)):
        same_run = i > 0 and group[i] == group[i - 1] and side[i] == side[i - 1]
        count = count + 1 if same_run else 1
        ends[i] = int(side[i] != 0 and count >= length)
    return ends


def _trend_ends_by_hand(y, group, length):
    ends, count, previous = np.zeros(len(y), dtype=int), 0, 0
    for i in range(len(y)):
        step = int(np.sign(y[i] - y[i - 1])) if i > 0 and group[i] == group[i - 1] else 0
        count = count + 1 if (step != 0 and step == previous) else (1 if step != 0 else 0)
        previous = step
        ends[i] = step if count >= length - 1 else 0
    return ends


def _part_of_run_by_hand(ends, group, length):
    flagged = np.zeros(len(ends), dtype=bool)
    for i in range(len(ends)):
        for j in range(i, min(i + length, len(ends))):
            if group[j] == group[i] and ends[j] != 0:
                flagged[i] = True
    return flagged


@settings(max_examples=200, deadline=None)
@given(periods, st.integers(2, 8))
def test_shift_rule_matches_its_definition(blocks, length):
    side, group = _flatten(blocks)
    side = np.sign(side).astype(np.int8)
    expected = _shift_ends_by_hand(side, group, length)
    ends = shift_ends(side, group, length)
    np.testing.assert_array_equal(ends, expected)
    np.testing.assert_array_equal(
        part_of_run(ends, group, length), _part_of_run_by_hand(expected, group, length)
    )


@settings(max_examples=200, deadline=None)
@given(periods, st.integers(3, 8))
def test_trend_rule_matches_its_definition(blocks, length):
    y, group = _flatten(blocks)
    expected = _trend_ends_by_hand(y, group, length)
    ends = trend_ends(y, group, length)
    np.testing.assert_array_equal(ends, expected)
    np.testing.assert_array_equal(
        part_of_run(ends, group, length), _part_of_run_by_hand(expected, group, length)
    )
