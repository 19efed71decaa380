"""Pareto tables worked by hand: order, shares, the vital few, and how weighting by harm changes
the order."""

import pandas as pd
import pytest

from qispread.errors import DataProblem
from qispread.models.pareto import pareto

FALLS = pd.DataFrame({"cause": ["slipped", "tripped", "fainted", "bed exit", "other"],
                      "falls": [50, 30, 10, 6, 4],
                      "harm": [1, 1, 1, 10, 1]})


def test_categories_sorted_with_shares_and_running_shares():
    table = pareto(FALLS, category="cause", count="falls").table
    assert list(table["category"]) == ["slipped", "tripped", "fainted", "bed exit", "other"]
    assert list(table["share"]) == pytest.approx([0.5, 0.3, 0.1, 0.06, 0.04])
    assert list(table["cumulative_share"]) == pytest.approx([0.5, 0.8, 0.9, 0.96, 1.0])


def test_vital_few_stop_at_the_category_that_reaches_80_percent():
    result = pareto(FALLS, category="cause", count="falls")
    assert result.vital_few == ["slipped", "tripped"]
    assert result.reading() == ("2 of 5 categories (slipped, tripped) account for 80% of all "
                                "events.")


def test_weighting_by_harm_changes_the_order():
    # bed exits are rarer but ten times as harmful: 6 x 10 = 60 of 154
    result = pareto(FALLS, category="cause", count="falls", weight="harm")
    assert list(result.table["category"][:3]) == ["bed exit", "slipped", "tripped"]
    assert result.table["total"].iloc[0] == 60
    assert result.grand_total == 154
    assert result.table["cumulative_share"].iloc[1] == pytest.approx(110 / 154)
    assert result.vital_few == ["bed exit", "slipped", "tripped"]
    assert "weighted total" in result.reading()


def test_one_row_per_event_is_counted():
    events = pd.DataFrame({"cause": ["b", "a", "b", "c", "b", "a"]})
    table = pareto(events, category="cause").table
    assert list(table["category"]) == ["b", "a", "c"]
    assert list(table["count"]) == [3, 2, 1]


def test_ties_keep_alphabetical_order():
    events = pd.DataFrame({"cause": ["z", "y", "x"], "n": [5, 5, 5]})
    assert list(pareto(events, category="cause", count="n").table["category"]) == ["x", "y", "z"]


@pytest.mark.parametrize("frame, message", [
    (pd.DataFrame({"cause": ["a", None], "n": [1, 2]}), "Row 3 has no category"),
    (pd.DataFrame({"cause": ["a", "b"], "n": [1, "lots"]}), "row 3 does not"),
    (pd.DataFrame({"cause": ["a", "b"], "n": [1, -2]}), "0 or more"),
    (pd.DataFrame({"cause": ["a", "b"], "n": [0, 0]}), "nothing to count"),
])
def test_bad_tables_are_refused_in_plain_words(frame, message):
    with pytest.raises(DataProblem, match=message):
        pareto(frame, category="cause", count="n")


def test_several_bad_rows_are_listed():
    frame = pd.DataFrame({"cause": list("abcdefg"), "n": ["x"] * 7})
    with pytest.raises(DataProblem, match="rows 2, 3, 4, 5, 6 and 2 more do not"):
        pareto(frame, category="cause", count="n")


def test_a_missing_column_is_named():
    with pytest.raises(DataProblem, match="no column called 'severity'"):
        pareto(FALLS, category="cause", weight="severity")
