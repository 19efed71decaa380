"""SustainabilityCheck widget, headless: rate factors, see the bars, restart, export."""

from qispread.models.sustainability import load_sustainability
from qispread.plots.export import figure_summary
from qispread.widgets.sustainability_check import SustainabilityCheck


def test_rating_saves_redraws_and_survives_a_restart(tmp_path):
    path = tmp_path / "my_sustainability.json"
    widget = SustainabilityCheck(path)
    assert "not openly licensed" in widget.children[0].value
    widget.project.value = "Falls huddles"
    adaptability = next(r for r in widget.rows if r.dimension.name == "Adaptability")
    adaptability.rating.value = 2
    adaptability.notes.value = "Depends on one nurse"
    saved = load_sustainability(path)
    assert saved.project == "Falls huddles" and saved.score("adaptability") == 2
    process = next(t for t in widget.chart.shown.data if t.name == "Process")
    assert list(process.text) == ["not rated", "not rated", "2", "not rated"]

    again = SustainabilityCheck(path)
    assert again.project.value == "Falls huddles"
    row = next(r for r in again.rows if r.dimension.name == "Adaptability")
    assert (row.rating.value, row.notes.value) == (2, "Depends on one nurse")


def test_groups_are_shown_in_the_models_order(tmp_path):
    widget = SustainabilityCheck(tmp_path / "my_sustainability.json")
    headings = [c.value for c in widget.children if "<h4" in getattr(c, "value", "")]
    assert [h.split(">")[1].split("<")[0] for h in headings] == ["Process", "Staff",
                                                                 "Organisation"]
    assert [t.name for t in widget.chart.shown.data] == ["Process", "Staff", "Organisation"]


def test_csv_export(tmp_path):
    widget = SustainabilityCheck(tmp_path / "my_sustainability.json")
    widget.rows[-1].rating.value = 5
    text = widget.export(tmp_path / "ratings.csv").read_text()
    assert "Organisation,Infrastructure for sustainability,5" in text


def test_chart_is_described_in_words_for_screen_readers(tmp_path):
    widget = SustainabilityCheck(tmp_path / "my_sustainability.json")
    next(r for r in widget.rows if r.dimension.name == "Adaptability").rating.value = 2
    text = figure_summary(widget.chart.shown)
    assert "unweighted" in text
    assert "Process: Adaptability 2; not rated: " in text
    assert "Staff: nothing rated yet" in text
    html = widget.export(tmp_path / "chart.html").read_text()
    assert "Adaptability 2" in html.split("<figcaption")[1]
