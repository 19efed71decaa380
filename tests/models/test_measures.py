"""Family of measures: types, operational definitions with a completeness check, JSON round trip."""

import json

import pytest

from qispread.models.measures import MeasureFamily, compare_with_suggested, load_measures
from qispread.models.storage import ModelFileProblem
from qispread.spc.errors import DataProblem


def falls_family() -> MeasureFamily:
    family = MeasureFamily()
    family.add("Falls per 1,000 occupied bed days", "outcome")
    family.add("% of patients with a falls risk assessment within 6 hours", "process")
    family.add("Nurse time spent on assessments", "balancing")
    family.add("Patients reporting feeling safe")
    return family


def test_measures_are_grouped_by_type():
    groups = falls_family().by_type()
    assert groups["outcome"] == ["Falls per 1,000 occupied bed days"]
    assert groups[""] == ["Patients reporting feeling safe"]


def test_unknown_type_and_empty_name_are_refused():
    family = falls_family()
    with pytest.raises(DataProblem, match="choose outcome, process or balancing"):
        family.set_type("Nurse time spent on assessments", "structure")
    with pytest.raises(DataProblem, match="needs a name"):
        family.add("   ")
    with pytest.raises(DataProblem, match="already a measure"):
        family.add("falls per 1,000 occupied  bed days")
    with pytest.raises(DataProblem, match="no measure called"):
        family.set_type("Length of stay", "outcome")


def test_completeness_names_the_missing_parts():
    family = falls_family()
    family.set_definition(
        "Falls per 1,000 occupied bed days",
        what_is_counted="Inpatient falls recorded on Datix",
        numerator="Number of falls in the month",
        denominator="Occupied bed days in the month, divided by 1,000",
    )
    message = family.find("Falls per 1,000 occupied bed days").completeness()
    assert "missing" in message
    assert "data source" in message and "how often it is collected" in message
    assert "numerator" not in message
    family.set_definition(
        "Falls per 1,000 occupied bed days",
        inclusions_exclusions="All adult inpatients; excludes day cases",
        data_source="Datix and the bed management system",
        frequency="Monthly",
    )
    assert family.find("Falls per 1,000 occupied bed days").definition.complete


def test_gentle_warnings_about_the_family():
    family = falls_family()
    assert family.warnings() == ["Not sorted yet: Patients reporting feeling safe."]
    only_process = MeasureFamily()
    only_process.add("Checklist used", "process")
    assert "none yet of: outcome, balancing" in " ".join(only_process.warnings())
    with pytest.raises(DataProblem, match="no part called"):
        family.set_definition(family.measures[0].name, colour="x")


def test_round_trip(tmp_path):
    family = falls_family()
    family.set_definition(family.measures[0].name, frequency="Monthly")
    path = family.save(tmp_path / "my_measures.json")
    assert load_measures(path) == family
    assert json.loads(path.read_text())["measures"][0]["definition"]["frequency"] == "Monthly"


def test_damaged_file_gets_a_plain_message(tmp_path):
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"measures": [{"name": "x", "type": "structure"}]}))
    with pytest.raises(ModelFileProblem, match="not a type of measure"):
        load_measures(path)


def test_sorting_is_compared_with_the_suggestions_measure_by_measure(tmp_path):
    path = tmp_path / "my_measures.json"
    assert "No my_measures.json yet" in compare_with_suggested(path, {})
    falls_family().save(path)
    text = compare_with_suggested(path, {
        "Falls per 1,000 occupied bed days": ("outcome", "the aim's result"),
        "Nurse time spent on assessments": ("process", "a made-up disagreement"),
        "Patients reporting feeling safe": ("outcome", "not typed yet")})
    assert text.splitlines() == [
        "✓ Falls per 1,000 occupied bed days",
        "    yours: outcome; suggested: outcome (the aim's result)",
        "✗ Nurse time spent on assessments",
        "    yours: balancing; suggested: process (a made-up disagreement)",
        "✗ Patients reporting feeling safe",
        "    yours: not chosen; suggested: outcome (not typed yet)"]
