"""Driver diagram builder, headless: add, edit, remove, links, messages, autosave, export."""

import json

import pytest

from qispread.models.driver_diagram import load_diagram
from qispread.widgets.driver_diagram_builder import DriverDiagramBuilder

AIM = "By March 2027, reduce falls among patients on Ward 12 from 8 to 4 per 1,000 bed days."


def add(widget, level, text, parents=(), measure=""):
    widget.level.value = level
    widget.add_form.text.value = text
    widget.add_form.measure.value = measure
    widget.add_form.parents.value = tuple(parents)
    widget.add_form.button.click()


def trace_text(widget, name):
    texts = next(t for t in widget.figure.shown.data if t.name == name).text
    return tuple(text.replace("<br>", " ") for text in texts)


@pytest.fixture
def builder(tmp_path):
    widget = DriverDiagramBuilder(tmp_path / "my_diagram.json")
    widget.aim.value = AIM
    add(widget, "primary", "Reliable risk assessment", measure="% assessed within 6 hours")
    add(widget, "primary", "Safe environment")
    add(widget, "secondary", "Risk assessment on admission", ["P1"])
    add(widget, "change", "Falls checklist in admission pack", ["S1"])
    return widget


def test_added_items_appear_in_the_figure_and_the_file(builder):
    assert trace_text(builder, "Primary drivers")[0].startswith("Reliable risk assessment")
    assert trace_text(builder, "Change ideas") == ("Falls checklist in admission pack",)
    saved = json.loads(builder.path.read_text())
    assert saved["aim"] == AIM
    assert saved["change"][0]["parents"] == ["S1"]
    assert builder.add_form.text.value == ""  # ready for the next item


def test_link_picker_offers_the_level_to_the_left(builder):
    builder.level.value = "change"
    assert [v for _, v in builder.add_form.parents.options] == ["S1"]
    builder.level.value = "primary"
    assert builder.add_form.parents.disabled
    assert "links straight to the aim" in builder.add_form.hint.value


def test_bad_input_shows_a_message_and_keeps_the_text(builder):
    add(builder, "primary", "safe environment")
    assert "already a primary driver called 'safe environment'" in builder.messages.value
    assert builder.add_form.text.value == "safe environment"
    assert len(load_diagram(builder.path).primary) == 2
    add(builder, "secondary", "   ")
    assert "has no text" in builder.messages.value
    assert "Traceback" not in builder.messages.value


def test_edit_and_remove_through_the_list(builder):
    builder.item_list.value = "S1"
    assert builder.edit_form.text.value == "Risk assessment on admission"
    assert builder.edit_form.parents.value == ("P1",)
    builder.edit_form.parents.value = ("P1", "P2")
    builder.edit_form.measure.value = "% with assessment on admission"
    builder.edit_form.button.click()
    assert load_diagram(builder.path).find("S1").parents == ["P1", "P2"]
    builder.edit_form.text.value = ""
    builder.edit_form.button.click()
    assert "has no text" in builder.messages.value
    builder.item_list.value = "S1"
    builder.remove_button.click()
    diagram = load_diagram(builder.path)
    assert [i.id for i in diagram.secondary] == []
    assert diagram.change[0].parents == []
    assert "Falls checklist in admission pack" in builder.warnings.value


def test_edit_without_a_selection_explains(builder):
    builder.item_list.value = None
    builder.edit_form.button.click()
    assert "Choose an item in the list first" in builder.messages.value


def test_warnings_are_gentle_and_the_aim_is_checked(builder):
    assert "suggestions, not errors" in builder.warnings.value
    assert "Safe environment" in builder.warnings.value  # no measure, nothing linked
    assert "all four parts" in builder.aim_feedback.value


def test_a_restart_restores_the_work(builder):
    again = DriverDiagramBuilder(builder.path)
    assert again.aim.value == AIM
    assert again.model == builder.model
    assert trace_text(again, "Secondary drivers") == ("Risk assessment on admission",)


@pytest.mark.parametrize("suffix", [pytest.param(".png", marks=pytest.mark.chromium),
                                    pytest.param(".svg", marks=pytest.mark.chromium),
                                    ".html", ".json"])
def test_export_to_a_file_the_learner_names(builder, tmp_path, suffix):
    builder.export_name.value = str(tmp_path / f"falls{suffix}")
    builder.export_button.click()
    assert (tmp_path / f"falls{suffix}").stat().st_size > 500
    assert "a copy of your diagram is in" in builder.messages.value


def test_export_with_an_unknown_ending_explains(builder):
    builder.export_name.value = "diagram.docx"
    builder.export_button.click()
    assert "end the file name with .png" in builder.messages.value
    assert builder.export_name.value == "diagram.docx"
