"""The spread measures figures: a count of sites with no half sites on its axis, the line for
all groups drawn over the bars, every group's reach said in words, and a fidelity grid that names
every component whole and keeps its cells readable however many components there are."""

from __future__ import annotations

import pytest

from qispread.models.project import example_project
from qispread.models.spread_measures import (
    Component,
    ReachGroup,
    Site,
    SpreadMeasures,
    load_spread_measures,
)
from qispread.plots.spread_measures import adoption_figure, fidelity_figure, reach_figure


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


def _grid(names: list[str]) -> SpreadMeasures:
    return SpreadMeasures(months=("Jan 2025",), sites=(Site("Riverside", 0, (50,)),),
                          components=tuple(Component(name) for name in names),
                          fidelity={"Riverside": {names[0]: "not delivered"}})


def _read_back(tick: str) -> str:
    """A tick label as a reader takes it in: lines joined, a hyphenated word made whole."""
    return tick.replace("<b>", "").replace("</b>", "").replace("-<br>", "").replace("<br>", " ")


@pytest.mark.parametrize("count", [1, 2, 5, 9, 14])
def test_every_component_is_named_whole_above_its_column(count):
    names = [f"Anticoagulation reviewed by a senior clinician {i}" for i in range(count)]
    fig = fidelity_figure(_grid(names))
    assert [_read_back(tick) for tick in fig.data[0].x] == [f"core: {n}" for n in names]
    longest = max(len(line) for tick in fig.data[0].x
                  for line in tick.replace("<b>", "").replace("</b>", "").split("<br>"))
    # the columns' lines side by side: 120 characters of 12-pixel text are about the 780
    # pixels the grid has at JupyterLab's default width
    assert longest * count <= 120


def test_narrow_cells_show_a_symbol_and_the_key_says_what_each_means():
    wide = fidelity_figure(_grid([f"Part {i}" for i in range(2)]))
    narrow = fidelity_figure(_grid([f"Part {i}" for i in range(9)]))
    assert wide.data[0].text[0][0] == "✗ not delivered" and not wide.layout.annotations
    assert narrow.data[0].text[0][0] == "✗"
    key = narrow.layout.annotations[0].text
    for symbol in {cell for row in narrow.data[0].text for cell in row}:
        assert symbol in key
    assert "✗ not delivered" in key and "? not known" in key


def test_every_group_has_its_reach_in_words_kept_inside_the_chart():
    fig = reach_figure(SpreadMeasures(reach=(
        ReachGroup("Carers of people with dementia in the north locality", 12345, 12345),
        ReachGroup("Some", 10, 1), ReachGroup("Nobody yet", 0, 0))))
    bars = fig.data[0]
    assert list(bars.text) == ["100% (12,345 of 12,345)", "10% (1 of 10)", "no one eligible"]
    assert bars.x[2] == 0  # drawn, so its words show, though it has no share
    # the full bar holds its words; a short one has room past its end
    assert list(bars.textposition) == ["inside", "outside", "outside"]
    assert bars.customdata[0] == "Carers of people with dementia in the north locality"


def test_many_sites_uptake_is_a_grid_a_row_a_site_as_typed():
    months = tuple(f"M{i}" for i in range(6))
    few = tuple(Site(f"Site {i}", 0, (10, 20, 60)) for i in range(8))
    many = few + tuple(Site(f"Site {i}", 2, (55, 65, 75, 85)) for i in range(8, 14))
    lines = adoption_figure(SpreadMeasures(months=months, sites=few))
    assert [t.name for t in lines.data if t.type == "scatter"][2:] == [s.name for s in few]
    grid = adoption_figure(SpreadMeasures(months=months, sites=many))
    cells = next(t for t in grid.data if t.type == "heatmap")
    assert list(cells.y) == [s.name for s in many] and list(cells.x) == list(months)
    assert [list(row) for row in cells.z] == [
        list(s.uptake) + [None] * (len(months) - len(s.uptake)) for s in many]
    assert not any(t.type == "scatter" and t.name.startswith("Site") for t in grid.data)
    assert grid.layout.height > lines.layout.height  # a row of the grid for each site
