"""SpreadMeasuresTool: typed lines become the programme; a bad line is named and nothing is lost."""

from __future__ import annotations

from qispread.models.spread_measures import load_spread_measures
from qispread.widgets.spread_measures_tool import SpreadMeasuresTool


def test_the_example_opens_saved_with_adoption_on_paper_named(tmp_path):
    tool = SpreadMeasuresTool(tmp_path / "m.json", example=True)
    assert "adoption on paper: Hillcrest, Lakeside" in tool.reading.value
    assert load_spread_measures(tmp_path / "m.json").on_paper() == ["Hillcrest", "Lakeside"]


def test_typed_lines_are_saved_and_clicked_ratings_kept(tmp_path):
    tool = SpreadMeasuresTool(tmp_path / "m.json")
    tool.innovation.value = "Falls huddles"
    tool.months.value = "Jan, Feb, Mar, Apr"
    tool.sites.value = "Ward 1 | Jan | 60, 70, 80, 85\nWard 2 | Feb | , 10, 20, 15"
    tool.components.value = "core: Daily huddle\nperiphery: Time of huddle"
    tool.reach.value = "over 80 | 100 | 40\nunder 80 | 100 | 80"
    assert tool.apply()
    ward_2_core = tool.grid.children[2].children[1]  # header row, Ward 1, Ward 2
    ward_2_core.value = "not delivered"
    saved = load_spread_measures(tmp_path / "m.json")
    assert saved.core_problems() == {"Ward 2": ["Daily huddle"]}
    assert saved.on_paper() == []  # Ward 2 signed up in Feb: too early to tell in April
    assert "lowest in &#x27;over 80&#x27; (40%)" in tool.reading.value


def test_a_bad_line_is_named_and_neither_the_text_nor_the_file_is_lost(tmp_path):
    tool = SpreadMeasuresTool(tmp_path / "m.json", example=True)
    before = (tmp_path / "m.json").read_text()
    tool.sites.value += "\nNewtown | Apr 2024 | 20, lots"
    assert not tool.apply()
    assert "Newtown's uptake in month 2 is 'lots', not a number" in tool.messages.value
    assert tool.sites.value.endswith("20, lots")
    assert (tmp_path / "m.json").read_text() == before
