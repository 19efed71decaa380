"""Aim checker widget, headless: live feedback, autosave, restore, damaged files."""

import json

from qispread.models.aim import load_aim
from qispread.widgets.aim_checker import AimChecker

GOOD = "By March 2027, reduce falls among patients on Ward 12 from 8 to 4 per 1,000 bed days."


def test_feedback_updates_as_the_learner_types(tmp_path):
    widget = AimChecker(tmp_path / "my_aim.json")
    assert "Write your aim" in widget.feedback.value
    widget.text.value = "Improve patient safety soon"
    assert "found 0 of 4" in widget.feedback.value
    assert "Berwick" in widget.feedback.value
    assert "'soon'" in widget.feedback.value
    widget.text.value = GOOD
    assert "all four parts" in widget.feedback.value
    assert "Ward 12" in widget.feedback.value


def test_says_it_is_a_heuristic(tmp_path):
    widget = AimChecker(tmp_path / "my_aim.json")
    shown = " ".join(getattr(child, "value", "") for child in widget.children)
    assert "rough guide, not a judge" in shown


def test_every_keystroke_is_saved_and_restored_after_a_restart(tmp_path):
    path = tmp_path / "my_aim.json"
    widget = AimChecker(path)
    widget.text.value = GOOD
    assert load_aim(path).text == GOOD
    again = AimChecker(path)
    assert again.text.value == GOOD
    assert again.model.check().complete


def test_damaged_file_is_kept_and_explained(tmp_path):
    path = tmp_path / "my_aim.json"
    path.write_text("{not json")
    widget = AimChecker(path)
    assert "damaged" in widget.messages.value
    (kept,) = tmp_path.glob("my_aim.damaged-*.json")
    assert kept.read_text() == "{not json"
    assert "Traceback" not in widget.messages.value
    widget.text.value = "Reduce falls by 30%."
    assert json.loads(path.read_text())["text"] == "Reduce falls by 30%."


def test_export_copies(tmp_path):
    widget = AimChecker(tmp_path / "my_aim.json")
    widget.text.value = GOOD
    assert widget.export(tmp_path / "aim.txt").read_text().strip() == GOOD
    assert load_aim(widget.export(tmp_path / "copy.json")).text == GOOD
