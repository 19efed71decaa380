"""ChartExplorer driven headless: what a learner sets is saved, survives a restart, and bad input
is explained in the widget without losing anything."""

import json

import pytest

from qispread import data
from qispread.models.chart_spec import load_chart_spec
from qispread.spc import qic
from qispread.widgets.chart_explorer import ChartExplorer


@pytest.fixture
def explorer(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    widget = ChartExplorer("my_chart.json", data="falls")
    widget.ui.n.value = "occupied_bed_days"
    widget.ui.chart.value = "u"
    return widget


def test_the_chart_plots_the_engines_values(explorer):
    falls = data.load("falls")
    expected = qic(x=falls["period"], y=falls["falls"], n=falls["occupied_bed_days"], chart="u")
    plotted = next(t for t in explorer.ui.figure.shown.data if (t.meta or {}).get("role") == "data")
    assert list(plotted.y) == pytest.approx(list(expected.data["y"]))
    assert "below the centre line" in explorer.ui.explanation.value


def test_a_restart_brings_the_chart_back(explorer):
    explorer.ui.point.value = 19
    explorer.ui.end_baseline.click()
    explorer.ui.interpretation.value = "The falls rate fell after the bundle."
    reopened = ChartExplorer("my_chart.json")
    assert (reopened.ui.y.value, reopened.ui.n.value, reopened.ui.chart.value) == (
        "falls", "occupied_bed_days", "u")
    assert reopened.model.freeze == 19
    assert reopened.ui.interpretation.value == "The falls rate fell after the bundle."
    assert reopened.ui.messages.value == ""
    assert len(reopened.ui.figure.shown.data) > 0


def test_graded_code_can_rerun_the_learners_chart(explorer):
    explorer.ui.point.value = 20
    explorer.ui.end_baseline.click()
    spec = load_chart_spec("my_chart.json")
    result = qic(data=data.load("falls"), **spec.qic_arguments())
    assert result.data["baseline"].sum() == 20


def test_a_note_needs_text_and_is_drawn_once_typed(explorer):
    explorer.ui.add_note.click()
    assert "Type the note first" in explorer.ui.messages.value
    explorer.ui.point.value = 20
    explorer.ui.note_text.value = "Falls bundle starts"
    explorer.ui.add_note.click()
    assert list(load_chart_spec("my_chart.json").notes.values()) == ["Falls bundle starts"]
    texts = [a.text for a in explorer.ui.figure.shown.layout.annotations]
    assert any("Falls bundle starts" in (t or "") for t in texts)


def test_bad_pasted_data_is_explained_and_kept(explorer):
    before = json.loads(open("my_chart.json").read())
    explorer.ui.paste.value = "week,count\n1,4\n2,four\n3,6"
    explorer.ui.use_paste.click()
    assert "('count') holds numbers, except in row 3 ('four')" in explorer.ui.messages.value
    assert explorer.ui.paste.value == "week,count\n1,4\n2,four\n3,6"
    assert before["source"] == "falls"


def test_an_impossible_setting_keeps_the_last_good_chart_and_says_why(explorer):
    points = len(explorer.outcome.table)
    explorer.ui.exclude.value = "400"
    assert (f"The chart has {points} points, so there is no point 400. Type point numbers from 1 "
            f"to {points}.") in explorer.ui.messages.value
    assert explorer.ui.exclude.value == "400" and explorer.model.exclude == []
    assert "What the chart shows" in explorer.ui.explanation.value
    explorer.ui.chart.value = "xbar"  # needs several values per point: the engine says why
    assert explorer.ui.messages.value
    assert "not been redrawn" in explorer.ui.explanation.value


def test_making_data_count_mode_draws_icons(explorer):
    explorer.ui.chart.value = "i"
    explorer.ui.making_data_count.value = True
    explorer.ui.direction.value = "decrease"
    names = [s.name or "" for s in explorer.ui.figure.shown.layout.shapes]
    assert any("icon" in n for n in names)
    explorer.ui.point.value = 12
    explorer.ui.note_text.value = "New falls bundle"
    explorer.ui.add_note.click()
    notes = [a.text for a in explorer.ui.figure.shown.layout.annotations if a.name == "note"]
    assert notes == ["New falls bundle"]


def test_making_data_count_mode_charts_the_rate_when_there_is_a_denominator(explorer):
    explorer.ui.making_data_count.value = True
    falls = data.load("falls")
    plotted = next(t for t in explorer.ui.figure.shown.data if (t.meta or {}).get("role") == "data")
    assert list(plotted.y) == pytest.approx(list(falls["falls"] / falls["occupied_bed_days"]))
    assert "falls per occupied bed days" in explorer.ui.explanation.value
    assert explorer.ui.figure.shown.layout.yaxis.title.text == "Falls per occupied bed days"


def test_making_data_count_mode_shows_a_proportion_as_a_percentage(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    widget = ChartExplorer("my_chart.json", data="sepsis_screening")
    widget.ui.x.value, widget.ui.y.value = "week_starting", "screened_within_1h"
    widget.ui.n.value, widget.ui.chart.value = "eligible", "p"
    widget.ui.making_data_count.value = True
    sepsis = data.load("sepsis_screening")
    plotted = next(t for t in widget.ui.figure.shown.data if (t.meta or {}).get("role") == "data")
    expected = 100 * sepsis["screened_within_1h"] / sepsis["eligible"]
    assert list(plotted.y) == pytest.approx(list(expected))
    assert "percentage of eligible" in widget.ui.explanation.value


def test_making_data_count_mode_explains_a_zero_denominator(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    broken = data.load("falls")
    broken.loc[4, "occupied_bed_days"] = 0
    widget = ChartExplorer("my_chart.json", data=broken)
    widget.ui.n.value, widget.ui.chart.value = "occupied_bed_days", "u"
    widget.ui.making_data_count.value = True
    assert "row 5 has 0" in widget.ui.messages.value
    assert "more than zero" in widget.ui.messages.value
    assert widget.ui.making_data_count.value and load_chart_spec("my_chart.json").making_data_count


def test_exports_write_the_files(explorer, tmp_path):
    table = explorer.export("csv")
    assert table.exists() and "cl" in table.read_text().splitlines()[0]
    html = explorer.export("html")
    assert html.read_text().count("<figcaption") == 1


def test_a_damaged_file_is_not_overwritten(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my_chart.json").write_text("{ not json")
    widget = ChartExplorer("my_chart.json", data="falls")
    assert "damaged" in widget.ui.messages.value
    widget.ui.chart.value = "i"
    assert (tmp_path / "my_chart.json").read_text() == "{ not json"
