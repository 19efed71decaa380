"""The spread measures figures: a count of sites with no half sites on its axis, and the line for
all groups drawn over the bars."""

from __future__ import annotations

from qispread.models.project import example_project
from qispread.models.spread_measures import Site, SpreadMeasures, load_spread_measures
from qispread.plots.spread_measures import adoption_figure, reach_figure


def test_the_sites_axis_counts_whole_sites():
    months = tuple(f"M{i}" for i in range(4))
    for count, ticks in ((2, [0, 1, 2]), (9, [0, 2, 4, 6, 8]), (30, [0, 5, 10, 15, 20, 25, 30])):
        sites = tuple(Site(f"Site {i}", 0, (60, 70, 80, 90)) for i in range(count))
        fig = adoption_figure(SpreadMeasures(months=months, sites=sites))
        step = fig.layout.yaxis.dtick
        assert [step * i for i in range(count // step + 1)] == ticks


def test_the_line_for_all_groups_is_drawn_solid_over_the_bars():
    measures = load_spread_measures(example_project().path("spread_measures"))
    line = reach_figure(measures).layout.shapes[0]
    assert line.layer == "above" and line.opacity == 1
    assert line.x0 == measures.overall_reach()
