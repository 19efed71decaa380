"""The sums beside the lessons' charts, on small tables whose answers can be worked by hand."""

import pandas as pd
import pytest

from qispread import qic
from qispread.models.rates import (
    before_and_after,
    between,
    counts_per_month,
    median_of,
    most_common_rows,
    pooled_rate,
    with_rate,
    with_total_group,
)

WEEKS = pd.DataFrame({"week": [1, 2, 3, 4],
                      "week_starting": pd.to_datetime(["2023-04-03", "2023-04-10",
                                                       "2023-04-17", "2023-04-24"]),
                      "eligible": [10, 40, 20, 30],
                      "screened": [5, 30, 10, 30]})


def test_a_rate_per_row_leaves_the_original_table_alone():
    rated = with_rate(WEEKS, "screened", "eligible", per=100, name="percent")
    assert rated["percent"].tolist() == [50, 75, 50, 100]
    assert "percent" not in WEEKS.columns


def test_a_pooled_rate_weights_busy_weeks_more_than_the_mean_of_weekly_rates():
    pooled = pooled_rate(WEEKS, "screened", "eligible")
    assert (pooled.numerator, pooled.denominator) == (75, 100)
    assert pooled.rate == pytest.approx(75.0)
    assert pooled.rate != pytest.approx(with_rate(WEEKS, "screened", "eligible", per=100,
                                                  name="p")["p"].mean())  # 68.75


def test_between_includes_both_ends_and_reads_dates_written_as_text():
    assert between(WEEKS, "week", 2, 3)["week"].tolist() == [2, 3]
    assert between(WEEKS, "week_starting", last="2023-04-10")["week"].tolist() == [1, 2]
    assert between(WEEKS, "week_starting", first="2023-04-17")["week"].tolist() == [3, 4]


def test_the_median_of_a_stretch_says_how_many_points_it_used():
    stretch = median_of(between(WEEKS, "week", 1, 3), "eligible")
    assert (stretch.points, stretch.median) == (3, 20)


def test_counts_per_month_show_months_without_events_as_zero():
    dates = pd.Series(pd.to_datetime(["2022-04-04", "2022-04-20", "2022-06-01"]))
    counts = counts_per_month(dates, "2022-04", "2022-07", name="ulcers")
    assert counts["ulcers"].tolist() == [2, 0, 1, 0]
    assert counts["month"].tolist() == list(pd.to_datetime(
        ["2022-04-01", "2022-05-01", "2022-06-01", "2022-07-01"]))


def test_the_total_group_adds_up_the_groups_at_each_week():
    by_group = pd.DataFrame({"week": [1, 1, 2, 2], "group": ["a", "b", "a", "b"],
                             "eligible": [3, 4, 5, 6], "screened": [1, 2, 3, 4]})
    both = with_total_group(by_group, group="group", keys=["week"],
                            sums=["eligible", "screened"], label="all")
    total = both[both["group"] == "all"]
    assert total[["week", "eligible", "screened"]].values.tolist() == [[1, 7, 3], [2, 11, 7]]
    assert len(both) == len(by_group) + 2


def test_the_most_common_value_picks_its_rows():
    falls = pd.DataFrame({"month": [1, 2, 3, 4, 5], "falls": [7, 9, 7, 8, 7]})
    assert most_common_rows(falls, "falls")["month"].tolist() == [1, 3, 5]


def test_before_and_after_a_change_reads_both_medians_and_the_points_still_above():
    values = [10, 12, 11, 13, 12, 11, 10, 12, 6, 7, 11, 5, 6, 12, 7, 6]
    chart = qic(y=values, chart="run", part=8)
    found = before_and_after(chart)
    before, after = values[:8], values[8:]
    assert found.before_median == pd.Series(before).median()
    assert found.after_median == pd.Series(after).median()
    assert found.after_points == len(after)
    assert found.after_above_before == sum(v > pd.Series(before).median() for v in after)


def test_rows_where_keeps_rows_matching_every_value():
    from qispread.models.rates import rows_where

    table = pd.DataFrame({"org": ["A", "A", "B"], "type": ["1", "2", "1"], "n": [1, 2, 3]})
    assert rows_where(table, org="A", type="1")["n"].tolist() == [1]
    assert rows_where(table, type="1")["n"].tolist() == [1, 3]


def test_spread_of_a_count_by_hand():
    from qispread.models.rates import spread_of

    spread = spread_of(pd.Series([90, 100, 110]))
    assert (spread.mean, spread.sd) == (100, 10)  # sample sd: sqrt((100 + 0 + 100) / 2)
    assert spread.relative == 0.1
