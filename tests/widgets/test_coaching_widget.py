"""CoachingPlanner widget, headless: stage notes, switching model keeps notes, restart, export."""

import pytest

from qispread.models.coaching import load_coaching_plan
from qispread.widgets.coaching_planner import CoachingPlanner


def box(widget, name):
    return next(b for b in widget.stage_boxes if b.stage.name == name)


def test_notes_save_and_survive_switching_and_restart(tmp_path):
    path = tmp_path / "my_coaching_plan.json"
    widget = CoachingPlanner(path)
    assert [b.stage.name for b in widget.stage_boxes] == ["Goal", "Reality", "Options", "Will"]
    widget.title.value = "Helping Sam lead huddles"
    box(widget, "Goal").notes.value = "Sam runs the huddle alone by June"

    widget.choice.value = "OSCAR"
    assert [b.stage.name for b in widget.stage_boxes][2] == "Choices and consequences"
    assert "Gilbert" in widget.source.value
    box(widget, "Outcome").notes.value = "Confident huddle lead"
    widget.choice.value = "GROW"
    assert box(widget, "Goal").notes.value == "Sam runs the huddle alone by June"

    saved = load_coaching_plan(path)
    assert saved.model == "GROW" and saved.note("Outcome", model="OSCAR") == "Confident huddle lead"
    again = CoachingPlanner(path)
    assert again.choice.value == "GROW" and again.title.value == "Helping Sam lead huddles"
    assert box(again, "Goal").notes.value == "Sam runs the huddle alone by June"


def test_every_stage_has_labelled_notes_and_prompts(tmp_path):
    widget = CoachingPlanner(tmp_path / "my_coaching_plan.json")
    widget.choice.value = "CLEAR"
    for b in widget.stage_boxes:
        assert b.notes.description == "Your notes"
        assert b.children[0].value.count("<li>") >= 2


def test_export_button_and_formats(tmp_path):
    path = tmp_path / "my_coaching_plan.json"
    widget = CoachingPlanner(path)
    box(widget, "Will").notes.value = "Start Monday"
    widget.export_button.click()
    assert "my_coaching_plan.html" in widget.messages.value
    assert "Start Monday" in (tmp_path / "my_coaching_plan.html").read_text()
    assert "## Will" in widget.export(tmp_path / "plan.md").read_text()
    with pytest.raises(ValueError, match=".md or .html"):
        widget.export(tmp_path / "plan.pdf")
