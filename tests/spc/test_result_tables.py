"""The tables qic() and ptd() return are the learner's own: editing one cell changes that cell only.

The analyses build their tables without copying every column (for speed at a million points), so
these tests guard against columns that share memory with each other or with the data given in.
"""

import numpy as np
import pandas as pd
import pytest

from qispread.spc import ptd, qic

RNG = np.random.default_rng(7)
VALUES = RNG.normal(50, 5, 40)
COUNTS = RNG.binomial(80, 0.3, 40).astype(float)
SIZES = np.full(40, 80.0)


def _edit_each_numeric_column_in_turn(table: pd.DataFrame) -> None:
    """Set row 0 of each numeric column to a marker and check no other cell changed."""
    for column in table.columns:
        if not pd.api.types.is_numeric_dtype(table[column]) or table[column].dtype == bool:
            continue
        before = table.copy(deep=True)
        table.loc[0, column] = -12345
        changed = [
            other for other in table.columns
            if other != column and not table[other].equals(before[other])
        ]
        assert changed == [], f"editing {column} also changed {changed}"
        assert table.loc[0, column] == -12345
        table.loc[0, column] = before.loc[0, column]


@pytest.mark.parametrize("kwargs", [
    {"chart": "run", "y": VALUES},
    {"chart": "i", "y": VALUES, "method": "ihi"},
    {"chart": "p", "y": COUNTS, "n": SIZES, "part": [20]},
    {"chart": "u", "y": COUNTS, "n": SIZES, "multiply": 100},
    {"chart": "c", "y": COUNTS, "facets": ["A"] * 20 + ["B"] * 20, "x": list(range(20)) * 2},
])
def test_qic_table_columns_are_independent_and_leave_input_alone(kwargs):
    given = {k: (v.copy() if isinstance(v, np.ndarray) else v) for k, v in kwargs.items()}
    table = qic(**kwargs).data
    _edit_each_numeric_column_in_turn(table)
    for name, value in given.items():
        if isinstance(value, np.ndarray):
            np.testing.assert_array_equal(kwargs[name], value)


@pytest.mark.parametrize("kwargs", [
    {"y": VALUES},
    {"y": VALUES, "x": np.arange(40), "facet": ["A"] * 20 + ["B"] * 20, "trajectory": VALUES},
])
def test_ptd_table_columns_are_independent_and_leave_input_alone(kwargs):
    given = VALUES.copy()
    table = ptd(**kwargs).data
    _edit_each_numeric_column_in_turn(table)
    np.testing.assert_array_equal(VALUES, given)


def test_ptd_table_edits_leave_the_learners_table_alone():
    given = pd.DataFrame({"week": np.arange(40), "waits": VALUES, "site": ["A"] * 40})
    before = given.copy(deep=True)
    for kwargs in ({}, {"facet": "site"}):
        table = ptd(given, y="waits", x="week", **kwargs).data
        _edit_each_numeric_column_in_turn(table)
        table.loc[0, "x"] = -1
        pd.testing.assert_frame_equal(given, before)
