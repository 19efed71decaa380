"""The claims a reading of a chart makes, compared with what the chart's rules find
(models.chart_reading): readings from the course that are right must agree; wrong ones must not."""

from dataclasses import replace

import pytest

from qispread.models.chart_reading import (
    OUTSIDE,
    SHIFT,
    SIGNAL,
    TREND,
    ChartFindings,
    claimed_signals,
    disagreements,
    findings,
)
from qispread.models.chart_spec import load_chart_spec
from qispread.models.project import example_project

NOTHING = ChartFindings(shift=False, trend=False, outside=0, trend_rule=False)
SHIFTED = ChartFindings(shift=True, trend=False, outside=0, trend_rule=False)


@pytest.mark.parametrize("reading, claims", [
    ("From September every point sits above the old centre line: a shift.", {SHIFT}),
    ("There is a run of 9 points above the median.", {SHIFT}),
    ("The week of the outage fell below the lower control limit, a special cause.",
     {OUTSIDE, SIGNAL}),
    ("An upward trend since May.", {TREND}),
    ("No point lies outside the limits and there is no shift: random variation.", set()),
    ("Screening on the night shift was lower than on the day shift.", set()),
    ("Staff on the early shift tried the prompt; there is not a signal yet.", set()),
    ("The run chart shows the median of 60.", set()),
    ("We expected a shift after the prompt; we will watch for a signal next month.", set()),
])
def test_claims_are_read_with_their_negations(reading, claims):
    assert claimed_signals(reading) == claims


def test_the_example_chart_s_rules_find_its_shift_and_outage():
    spec = load_chart_spec(example_project().path("chart"))
    found = findings(spec)
    assert found.shift and found.outside == 21
    assert not disagreements(spec.interpretation, found)
    mdc = findings(replace(spec, making_data_count=True))
    assert mdc.shift and mdc.trend_rule


def test_readings_the_course_shows_as_right_agree_with_the_example_chart():
    from project_samples import OWN_READING

    found = findings(load_chart_spec(example_project().path("chart")))
    assert disagreements(OWN_READING, found) == []


@pytest.mark.parametrize("reading, found, says", [
    ("A clear shift after the change.", NOTHING, "shows a shift"),
    ("A trend upwards after the change.", NOTHING, "shows a trend"),
    ("Two points outside the limits.", SHIFTED, "outside the limits"),
    ("Random variation, nothing to see.", SHIFTED, "does not name a signal"),
    ("It went up and down.", NOTHING, "Say so"),
])
def test_readings_that_disagree_with_the_rules_are_named(reading, found, says):
    problems = disagreements(reading, found)
    assert problems and says in problems[0]


def test_a_trend_on_anhoej_rules_is_read_as_the_shift_they_find():
    assert disagreements("An upward trend after the change.", SHIFTED) == []
    ihi = ChartFindings(shift=True, trend=False, outside=0, trend_rule=True)
    assert disagreements("An upward trend after the change.", ihi)
