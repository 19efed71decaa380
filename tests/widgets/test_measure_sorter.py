"""Measure sorter, headless: type dropdowns, operational definitions, autosave and restore."""

import pytest

from qispread.models.measures import load_measures
from qispread.widgets.measure_sorter import MeasureSorter

# Measures for a falls project, in the style of IHI's examples (written for these tests).
FALLS = [
    "Falls per 1,000 occupied bed days",
    "% of patients with a falls risk assessment within 6 hours",
    "Use of bed rails",
]


@pytest.fixture
def sorter(tmp_path):
    return MeasureSorter(tmp_path / "my_measures.json", measures=FALLS)


def test_lists_every_measure_with_a_labelled_type_picker(sorter):
    assert [m.name for m in sorter.model.measures] == FALLS
    picker = sorter.type_picker(FALLS[0])
    assert picker.description == "Type"
    assert picker.value == ""
    assert [label for label, _ in picker.options][1:] == ["Outcome", "Process", "Balancing"]


def test_choosing_types_saves_them(sorter):
    sorter.type_picker(FALLS[0]).value = "outcome"
    sorter.type_picker(FALLS[1]).value = "process"
    saved = load_measures(sorter.path)
    assert saved.find(FALLS[0]).type == "outcome"
    assert saved.by_type()["process"] == [FALLS[1]]
    assert "Not sorted yet: Use of bed rails" in sorter.warnings.value


def test_writing_a_definition_updates_its_completeness(sorter):
    form = sorter.definition_form(FALLS[0])
    assert "missing" in form.completeness.value
    values = {
        "what_is_counted": "Inpatient falls reported on Datix",
        "numerator": "Falls in the month",
        "denominator": "Occupied bed days / 1,000",
        "inclusions_exclusions": "Adult wards; excludes day cases",
        "data_source": "Datix; bed management system",
    }
    for part, text in values.items():
        form.fields[part].value = text
    assert "how often it is collected" in form.completeness.value
    form.fields["frequency"].value = "Monthly"
    assert "all six parts" in form.completeness.value
    assert "(complete)" in sorter.definitions.titles[0]
    assert load_measures(sorter.path).find(FALLS[0]).definition.frequency == "Monthly"


def test_a_restart_restores_the_work_and_keeps_new_listed_measures(sorter):
    sorter.type_picker(FALLS[2]).value = "balancing"
    sorter.definition_form(FALLS[2]).fields["data_source"].value = "Bed rail audit"
    again = MeasureSorter(sorter.path, measures=[*FALLS, "Length of stay"])
    assert again.type_picker(FALLS[2]).value == "balancing"
    assert again.definition_form(FALLS[2]).fields["data_source"].value == "Bed rail audit"
    assert again.model.measures[-1].name == "Length of stay"


def test_adding_own_measures_and_bad_names(sorter):
    sorter.new_name.value = "Patient experience score"
    sorter.add_button.click()
    assert load_measures(sorter.path).measures[-1].name == "Patient experience score"
    assert sorter.new_name.value == ""
    sorter.new_name.value = "use of BED rails"
    sorter.add_button.click()
    assert "already a measure called" in sorter.messages.value
    assert sorter.new_name.value == "use of BED rails"
