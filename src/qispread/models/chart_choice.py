"""Which chart suits the data: the "help me choose" questions, answered as a pure function.

The decision follows the usual chart-selection guidance for health care (Provost and Murray, The
Health Care Data Guide, 2011; Laney, "Improved control charts for attributes", Quality Engineering
14(4), 2002, for the prime charts; qicharts2's documentation for the chart names).
"""

from __future__ import annotations

from dataclasses import dataclass

from qispread.errors import DataProblem

DATA_KINDS: dict[str, str] = {
    "measurement": "A measurement on a scale (minutes, kilograms, a score)",
    "count": "A count of events (falls, complaints, infections)",
    "proportion": "A proportion: a yes or no for each case (screened or not, seen in 4 hours)",
    "time_between": "The time between rare events (days between never events)",
    "cases_between": "The number of cases between rare events (operations between infections)",
}
# Below this many points, limits are too unsteady to trust; a run chart says more. A common rule
# of thumb in the guidance cited above (about 20 subgroups before fixing control limits).
FEWEST_POINTS_FOR_LIMITS = 20


@dataclass(frozen=True)
class ChartAdvice:
    chart: str
    reason: str


def recommend_chart(
    kind: str,
    *,
    subgroup_size: int = 1,
    equal_opportunity: bool = True,
    large_denominators: bool = False,
    points: int | None = None,
) -> ChartAdvice:
    """The chart to use (a qic() chart code) and a plain-English reason for it.

    kind: one of DATA_KINDS. subgroup_size: measurements taken together at each time (1 for one
    value a day or a month). equal_opportunity: for counts, whether the area of opportunity (beds,
    patient days, admissions) is the same for every point. large_denominators: whether each point
    rests on thousands of cases, where ordinary limits become too narrow.
    """
    if kind not in DATA_KINDS:
        raise DataProblem(
            f"'{kind}' is not a kind of data. Choose one of: {', '.join(DATA_KINDS)}."
        )
    if subgroup_size < 1:
        raise DataProblem("The subgroup size must be at least 1 (one value for each point).")
    if points is not None and points < FEWEST_POINTS_FOR_LIMITS:
        return ChartAdvice(
            "run",
            f"With {points} points a run chart is the place to start: control limits need about "
            f"{FEWEST_POINTS_FOR_LIMITS} points to settle. The run chart's rules (shifts and "
            "crossings of the median) still show whether something has changed.",
        )
    return _ADVISERS[kind](subgroup_size, equal_opportunity, large_denominators)


def _measurement(subgroup_size: int, _equal: bool, _large: bool) -> ChartAdvice:
    if subgroup_size == 1:
        return ChartAdvice(
            "i",
            "One measurement at each point: an I chart (with its moving range chart) shows the "
            "values and how much they usually vary from one point to the next.",
        )
    return ChartAdvice(
        "xbar",
        f"Several measurements at each point (about {subgroup_size}): an X-bar chart plots the "
        "average of each subgroup; pair it with an S chart to see whether the spread changes.",
    )


def _count(_size: int, equal_opportunity: bool, large_denominators: bool) -> ChartAdvice:
    if equal_opportunity:
        return ChartAdvice(
            "c",
            "Counts of events where the chance for them to happen is about the same at every point "
            "(the same ward, the same length of time): a C chart plots the counts themselves.",
        )
    if large_denominators:
        return _laney(
            "up", "Counts over a varying area of opportunity, with very large denominators"
        )
    return ChartAdvice(
        "u",
        "Counts over an area of opportunity that changes (patient days, admissions): a U chart "
        "plots the rate per unit, with limits that widen when the denominator is small.",
    )


def _proportion(_size: int, _equal: bool, large_denominators: bool) -> ChartAdvice:
    if large_denominators:
        return _laney(
            "pp", "A proportion over very large numbers of cases (thousands at each point)"
        )
    return ChartAdvice(
        "p",
        "A yes or no for each case, added up as a proportion: a P chart plots the proportion, "
        "with limits that widen when fewer cases are behind a point.",
    )


def _laney(chart: str, situation: str) -> ChartAdvice:
    letter = chart[0].upper()
    return ChartAdvice(
        chart,
        f"{situation}: ordinary {letter} chart limits would be so narrow that almost every point "
        f"looks special. Laney's {letter}′ chart widens them to allow for the real variation "
        "between points.",
    )


def _time_between(_size: int, _equal: bool, _large: bool) -> ChartAdvice:
    return ChartAdvice(
        "t",
        "Rare events are easier to follow as the time between them: a T chart plots those "
        "times, so a long gap (good news when the event is harm) stands out.",
    )


def _cases_between(_size: int, _equal: bool, _large: bool) -> ChartAdvice:
    return ChartAdvice(
        "g",
        "Rare events counted as the number of cases between them: a G chart plots those "
        "numbers, so a long stretch of cases without the event stands out.",
    )


_ADVISERS = {
    "measurement": _measurement,
    "count": _count,
    "proportion": _proportion,
    "time_between": _time_between,
    "cases_between": _cases_between,
}
