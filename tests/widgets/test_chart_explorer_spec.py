"""ChartSpec, a learner's saved chart: validation, JSON round trip, qic/ptd arguments."""

import json

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from qispread.models.chart_spec import (
    CHART_TYPES,
    ChartSpec,
    load_chart_spec,
    parse_point_numbers,
    parse_target,
    suggest_columns,
)
from qispread.models.spreadsheet import read_pasted
from qispread.models.storage import ModelFileProblem
from qispread.spc.errors import DataProblem


def test_a_spec_survives_a_round_trip_through_its_file(tmp_path):
    spec = ChartSpec(
        own_data_csv="month,falls\n2024-01,3\n2024-02,5\n",
        own_data_name="ward7.csv",
        x="month",
        y="falls",
        chart="c",
        freeze=12,
        parts=[18, 12],
        exclude=[4],
        notes={"2024-02": "PDSA 1: hourly rounding"},
        title="Falls on ward 7",
        interpretation="No signal yet; the median is 4 falls a month.",
    )
    spec.save(tmp_path / "my_chart.json")
    again = load_chart_spec(tmp_path / "my_chart.json")
    assert again == spec
    assert again.parts == [12, 18]  # kept in order, whatever order they were added in
    saved = json.loads((tmp_path / "my_chart.json").read_text())
    assert saved["kind"] == "chart" and "2024-02,5" in saved["own_data_csv"]


@given(
    chart=st.sampled_from(sorted(CHART_TYPES)),
    parts=st.lists(st.integers(1, 500), max_size=4),
    freeze=st.none() | st.integers(1, 500),
    interpretation=st.text(max_size=200),
)
def test_any_valid_spec_round_trips(chart, parts, freeze, interpretation):
    spec = ChartSpec(
        source="falls",
        y="y",
        n="n",
        chart=chart,
        parts=parts,
        freeze=freeze,
        interpretation=interpretation,
    )
    assert ChartSpec.from_json(json.loads(json.dumps(spec.to_json()))) == spec


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"chart": "pie"}, "not a chart type"),
        ({"method": "western electric"}, "run rules"),
        ({"freeze": 0}, "at least 1"),
        ({"freeze": 2.5}, "whole number"),
        ({"parts": ["twelve"]}, "whole number"),
        ({"improvement_direction": "up"}, "improvement direction"),
        ({"target": float("nan")}, "must be a number"),
        ({"source": "falls", "own_data_csv": "a,b\n1,2"}, "not both"),
    ],
)
def test_bad_choices_are_named_in_plain_english(changes, words):
    with pytest.raises(DataProblem, match=words):
        ChartSpec(**changes)


def test_qic_arguments_carry_the_learners_choices():
    spec = ChartSpec(
        source="sepsis_screening",
        x="month",
        y="screened",
        n="patients",
        chart="p",
        freeze=12,
        parts=[20],
        exclude=[3, 5],
        multiply=100,
    )
    assert spec.qic_arguments() == {
        "x": "month",
        "y": "screened",
        "n": "patients",
        "chart": "p",
        "method": "anhoej",
        "freeze": 12,
        "part": [20],
        "exclude": [3, 5],
        "multiply": 100,
    }


def test_a_rate_chart_without_a_denominator_says_which_column_to_choose():
    with pytest.raises(DataProblem, match=r"denominator.*\(n\)"):
        ChartSpec(source="falls", y="falls", chart="u").qic_arguments()


def test_ptd_arguments_turn_phase_breaks_into_the_dates_each_phase_starts():
    frame = pd.DataFrame(
        {"month": pd.date_range("2024-01-01", periods=30, freq="MS"), "waits": range(30)}
    )
    spec = ChartSpec(
        source="x",
        x="month",
        y="waits",
        parts=[12],
        freeze=10,
        making_data_count=True,
        improvement_direction="decrease",
        target=5,
    )
    arguments = spec.ptd_arguments(frame)
    assert arguments["rebase"] == [pd.Timestamp("2025-01-01")]  # the 13th month starts phase 2
    assert arguments["fix_after_n_points"] == 10
    assert arguments["improvement_direction"] == "decrease" and arguments["target"] == 5


def test_notes_are_found_again_by_the_charts_own_x_values():
    x = pd.Series(pd.date_range("2024-01-01", periods=3, freq="MS"))
    spec = ChartSpec(notes={"2024-02-01": "PDSA 2", "1999-01-01": "not on this chart"})
    assert spec.notes_for(x) == {pd.Timestamp("2024-02-01"): "PDSA 2"}


def test_typed_point_numbers_and_targets():
    assert parse_point_numbers(" 7, 3;3 10 ") == [3, 7, 10]
    assert parse_point_numbers("") == []
    with pytest.raises(DataProblem, match="'x' is not a point number"):
        parse_point_numbers("3, x")
    assert parse_target("95%") == 95 and parse_target(" ") is None
    with pytest.raises(DataProblem, match="not a number"):
        parse_target("ninety")


def test_a_file_that_is_not_a_chart_is_refused(tmp_path):
    (tmp_path / "my_diagram.json").write_text('{"kind": "driver_diagram"}')
    with pytest.raises(DataProblem, match="does not hold a chart"):
        load_chart_spec(tmp_path / "my_diagram.json")
    with pytest.raises(ModelFileProblem, match="no file called"):
        load_chart_spec(tmp_path / "missing.json")


def test_dates_are_read_only_in_the_chosen_time_column_uk_day_first():
    frame = read_pasted("date,minutes late\n31/01/2024,3\n01/02/2024,5\n").frame
    assert suggest_columns(frame) == {"x": "date", "y": "minutes late"}
    spec = ChartSpec(x="date", y="minutes late")
    assert spec.dated(frame)["date"].tolist() == [pd.Timestamp("2024-01-31"),
                                                  pd.Timestamp("2024-02-01")]
    assert ChartSpec(x="minutes late", y="date").dated(frame)["date"].tolist() == [
        "31/01/2024", "01/02/2024"]  # a column of values is never read as dates
    numbered = read_pasted("week,falls,note\n1,3,x\n2,5,\n").frame
    assert numbered["note"].tolist()[0] == "x"  # text stays text
    assert suggest_columns(numbered) == {"x": "week", "y": "falls"}


def test_a_column_of_words_chosen_for_values_is_refused_naming_the_spreadsheet_rows():
    read = read_pasted("Trust report\n\nweek,falls,ward\n1,3,Oak\n2,5,Ash\n")
    spec = ChartSpec(x="week", y="ward", own_data_csv="-", own_data_rows=list(read.rows))
    with pytest.raises(DataProblem, match=r"'ward' holds words or dates, not numbers \(rows 4 "
                                          r"and 5: 'Oak', 'Ash'\)"):
        spec.check_values(read.frame)
    with pytest.raises(DataProblem, match="chosen both for time"):
        ChartSpec(x="week", y="week").check_values(read.frame)
