"""The "help me choose" advice: right chart for the data, with a reason a learner can follow."""

import pytest

from qispread.models.chart_choice import DATA_KINDS, recommend_chart
from qispread.spc.errors import DataProblem


@pytest.mark.parametrize(
    ("kind", "options", "chart", "words"),
    [
        ("measurement", {}, "i", "One measurement"),
        ("measurement", {"subgroup_size": 5}, "xbar", "average of each subgroup"),
        ("count", {"equal_opportunity": True}, "c", "counts themselves"),
        ("count", {"equal_opportunity": False}, "u", "rate"),
        ("count", {"equal_opportunity": False, "large_denominators": True}, "up", "Laney"),
        ("proportion", {}, "p", "proportion"),
        ("proportion", {"large_denominators": True}, "pp", "Laney"),
        ("time_between", {}, "t", "time between"),
        ("cases_between", {}, "g", "cases between"),
        ("proportion", {"points": 8}, "run", "run chart"),
    ],
)
def test_the_recommended_chart_and_its_reason(kind, options, chart, words):
    advice = recommend_chart(kind, **options)
    assert advice.chart == chart
    assert words in advice.reason


def test_every_kind_of_data_gets_advice():
    for kind in DATA_KINDS:
        assert recommend_chart(kind).reason


def test_unknown_answers_are_refused_plainly():
    with pytest.raises(DataProblem, match="not a kind of data"):
        recommend_chart("vibes")
    with pytest.raises(DataProblem, match="at least 1"):
        recommend_chart("measurement", subgroup_size=0)
