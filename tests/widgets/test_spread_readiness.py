"""SpreadReadiness widget, driven headless as a learner would: rate, add a site, restart, export."""

import json

import pytest

from qispread.models.readiness import DIMENSIONS, load_readiness
from qispread.plots.export import figure_summary
from qispread.widgets.spread_readiness import SpreadReadiness


@pytest.fixture
def path(tmp_path):
    return tmp_path / "my_readiness.json"


def row(widget, name):
    return next(r for r in widget.rows if r.dimension.name == name)


def test_every_principle_has_a_labelled_rating_and_notes(path):
    widget = SpreadReadiness(path)
    assert [r.dimension.name for r in widget.rows] == [d.name for d in DIMENSIONS]
    for r in widget.rows:
        assert r.rating.description == "Rating" and r.notes.description == "Notes"
    header = widget.children[0].value
    assert "seventh principle" in header and "innovation development" in header
    assert "unverified" in header


def test_each_edit_saves_and_a_restart_restores_the_work(path):
    widget = SpreadReadiness(path)
    row(widget, "Networks").rating.value = 2
    row(widget, "Networks").notes.value = "Join the regional falls network"
    saved = load_readiness(path)
    first = saved.assessments[0]
    assert first.score("networks") == 2 and "regional" in first.notes("networks")

    again = SpreadReadiness(path)  # simulated kernel restart
    assert row(again, "Networks").rating.value == 2
    assert row(again, "Networks").notes.value == "Join the regional falls network"


def test_sites_are_compared_on_one_radar(path):
    widget = SpreadReadiness(path)
    row(widget, "Benefit").rating.value = 4
    widget.new_label.value = "Ward 9, June 2025"
    widget.add_button.click()
    assert widget.which.value == "Ward 9, June 2025"
    assert row(widget, "Benefit").rating.value == 0  # a fresh form for the new site
    row(widget, "Benefit").rating.value = 1
    names = [t.name for t in widget.chart.shown.data]
    assert len(names) == 2 and names[1] == "Ward 9, June 2025"
    benefit = [d.key for d in DIMENSIONS].index("benefit")
    assert [t.r[benefit] for t in widget.chart.shown.data] == [4, 1]
    words = figure_summary(widget.chart.shown)  # what a screen reader announces
    assert "radar chart of 2 assessment(s)" in words
    assert "Ward 9, June 2025: Benefit 1; not rated: " in words


def test_duplicate_site_shows_a_message_and_keeps_the_typed_name(path):
    widget = SpreadReadiness(path)
    widget.new_label.value = "Ward 9"
    widget.add_button.click()
    widget.new_label.value = "ward 9"
    widget.add_button.click()
    assert "two assessments called" in widget.messages.value
    assert widget.new_label.value == "ward 9"
    assert len(load_readiness(path).assessments) == 2


def test_suggestions_for_the_weakest_principles_are_labelled_as_suggestions(path):
    widget = SpreadReadiness(path)
    for r in widget.rows:
        r.rating.value = 4
    row(widget, "Learning").rating.value = 1
    text = widget.suggestions.value
    assert "Suggestions" in text and "not rules" in text and "Learning:" in text


def test_damaged_file_is_set_aside_not_overwritten(path):
    path.write_text("{not json")
    widget = SpreadReadiness(path)
    assert "damaged" in widget.messages.value
    (kept,) = path.parent.glob("my_readiness.damaged-*.json")
    assert kept.read_text() == "{not json"


def test_exports(path, tmp_path):
    widget = SpreadReadiness(path)
    row(widget, "Leadership").rating.value = 3
    assert json.loads(widget.export(tmp_path / "out.json").read_text())["assessments"]
    assert "Leadership,3" in widget.export(tmp_path / "out.csv").read_text()
    assert "<html" in widget.export(tmp_path / "out.html").read_text()
    with pytest.raises(ValueError, match=".json, .csv, .png or .html"):
        widget.export(tmp_path / "out.docx")
