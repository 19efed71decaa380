"""Bad input raises DataProblem with a message that names the problem, where it is, and the fix."""

import numpy as np
import pandas as pd
import pytest

from qispread.spc import qic
from qispread.spc.errors import DataProblem


def problem(**kwargs) -> str:
    with pytest.raises(DataProblem) as caught:
        qic(**kwargs)
    return str(caught.value)


def test_non_numeric_y_names_row_and_value():
    data = pd.DataFrame({"month": range(1, 5), "falls": [3, 4, "four", 2]})
    message = problem(x="month", y="falls", data=data)
    assert '"falls"' in message and "'four'" in message and "row 3" in message
    assert "not a number" in message


def test_negative_count_names_row():
    message = problem(y=[3, 2, -1, 4], chart="c")
    assert "-1" in message and "row 3" in message and "negative" in message


def test_count_above_denominator_on_p_chart():
    message = problem(y=[3, 12, 4], n=[10, 10, 10], chart="p")
    assert "Row 2" in message and "12" in message and "cannot be more than" in message
    assert "swapped" in message


@pytest.mark.parametrize("bad", [0, -5])
def test_denominator_must_be_positive(bad):
    message = problem(y=[3, 2, 4], n=[10, bad, 10], chart="u")
    assert "row 2 has" in message and "more than zero" in message


def test_all_missing_series():
    message = problem(y=[np.nan, None, np.nan])
    assert "no values" in message and "every cell is empty" in message


def test_mismatched_lengths_names_each_input():
    message = problem(x=[1, 2, 3], y=[4, 5, 6, 7])
    assert "x has 3" in message and "y has 4" in message and "same length" in message


def test_too_few_points_for_an_i_chart():
    message = problem(y=[5, np.nan, np.nan], chart="i")
    assert "at least 2 points" in message and "has 1" in message


def test_too_few_points_in_a_part():
    message = problem(y=[5, 6, 7, 8, 9], chart="i", part=[4])
    assert "part 2" in message and "at least 2 points" in message


def test_xbar_chart_needs_subgroups():
    message = problem(y=[5, 6, 7, 8], chart="xbar")
    assert "subgroups of at least 2 values" in message


def test_t_chart_needs_positive_times():
    message = problem(y=[3.0, 0.0, 5.0], chart="t")
    assert "row 2 has" in message and "more than zero" in message


def test_unknown_chart_suggests_closest():
    message = problem(y=[1, 2, 3], chart="xbr")
    assert '"xbr"' in message and 'Did you mean "xbar"' in message


def test_p_chart_without_denominator():
    message = problem(y=[1, 2, 3], chart="p")
    assert "needs n" in message and "denominator" in message


@pytest.mark.parametrize("argument, value, words", [
    ("freeze", 30, "freeze=30 is outside the data, which has 12 points"),
    ("freeze", 0, "freeze=0 is outside the data"),
    ("part", [12], "part=12 is outside the data"),
    ("exclude", [13], "exclude=13 is outside the data"),
    ("exclude", "2031-01-01", "neither a point number nor one of the x values"),
])
def test_freeze_part_exclude_outside_the_data(argument, value, words):
    x = pd.date_range("2023-01-01", periods=12, freq="MS")
    message = problem(x=x, y=list(range(12)), **{argument: value})
    assert words in message


def test_unknown_column_suggests_closest():
    data = pd.DataFrame({"month": [1, 2], "falls": [1, 2]})
    message = problem(x="month", y="fals", data=data)
    assert 'no column called "fals"' in message and 'Did you mean "falls"' in message


def test_unknown_method_and_agg_fun():
    assert '"anhoej" or "ihi"' in problem(y=[1, 2, 3], method="nelson")
    assert "how to combine" in problem(y=[1, 2, 3], agg_fun="max")
