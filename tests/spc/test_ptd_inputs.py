"""Bad input to ptd() gets a DataProblem that names the problem and the fix."""

import pandas as pd
import pytest

from qispread.spc.errors import DataProblem
from qispread.spc.ptd import ptd

MONTHS = pd.date_range("2023-04-01", periods=6, freq="MS")


@pytest.fixture
def table():
    return pd.DataFrame({"month": MONTHS, "breaches": [5, 7, 6, 8, 7, 6], "ward": ["A"] * 6})


def problem(**kwargs) -> str:
    with pytest.raises(DataProblem) as caught:
        ptd(**kwargs)
    return str(caught.value)


def test_non_numeric_y_names_the_rows_and_values(table):
    table["breaches"] = table["breaches"].astype(object)
    table.loc[2, "breaches"] = "12%"
    message = problem(data=table, y="breaches", x="month")
    assert "'breaches'" in message and "row 2" in message and "'12%'" in message
    assert "%" in message.split("'12%'")[1]  # says to remove symbols such as %


def test_missing_y_value(table):
    table.loc[3, "breaches"] = None
    message = problem(data=table, y="breaches", x="month")
    assert "row 3" in message and "fill" in message


def test_missing_x_names_the_row(table):
    table.loc[1, "month"] = pd.NaT
    message = problem(data=table, y="breaches", x="month")
    assert "'month'" in message and "row 1" in message


def test_duplicated_x_within_a_facet(table):
    table.loc[4, "month"] = table.loc[3, "month"]
    message = problem(data=table, y="breaches", x="month", facet="ward")
    assert "more than once" in message and "'A'" in message and "rows 3, 4" in message


def test_same_x_in_different_facets_is_fine():
    y = [1, 2, 3, 4]
    result = ptd(y=y, x=[1, 2, 1, 2], facet=["A", "A", "B", "B"])
    assert len(result.summary()) == 2


def test_unknown_improvement_direction_suggests_a_close_match(table):
    message = problem(data=table, y="breaches", improvement_direction="decreese")
    assert "'decreese'" in message and "Did you mean 'decrease'" in message


def test_unknown_column_suggests_a_close_match(table):
    message = problem(data=table, y="breach", x="month")
    assert "no column called 'breach'" in message and "Did you mean 'breaches'" in message


def test_column_name_without_a_table():
    assert "no table was given" in problem(y="breaches")


def test_rebase_date_not_in_x(table):
    message = problem(data=table, y="breaches", x="month", rebase=["2023-05-15"])
    assert "2023-05-15" in message and "not found in x" in message


def test_rebase_for_an_unknown_facet(table):
    rebase = {"Z": ["2023-06-01"]}
    message = problem(data=table, y="breaches", x="month", facet="ward", rebase=rebase)
    assert "'Z'" in message and "facet" in message


def test_fewer_than_two_points():
    assert "at least 2 points" in problem(y=[5])


def test_a_period_of_one_point_after_a_rebase(table):
    message = problem(data=table, y="breaches", x="month", rebase=["2023-09-01"])
    assert "fewer than 2" in message and "1 September 2023" in message


def test_target_must_be_a_number(table):
    assert "target must be a number" in problem(data=table, y="breaches", target="95%")


def test_x_text_that_is_not_a_date():
    message = problem(y=[1, 2, 3], x=["Jan", "Feb", "Mar"])
    assert "dates or numbers" in message and "'Jan'" in message


def test_lengths_must_match():
    assert "one x value per point" in problem(y=[1, 2, 3], x=[1, 2])


def test_fix_after_n_points_must_be_a_whole_number(table):
    assert "fix_after_n_points" in problem(data=table, y="breaches", fix_after_n_points=1.5)


def test_iso_date_text_is_read_as_dates():
    result = ptd(y=[3, 1, 2], x=["2024-03-01", "2024-01-01", "2024-02-01"])
    assert result.data["y"].tolist() == [1, 2, 3]
