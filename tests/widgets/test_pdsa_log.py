"""PDSALog driven headless: cycles saved and linked into ramps, drafts never lost, cycle starts
marked on the run chart of the measure."""

import pytest

from qispread import data
from qispread.models.pdsa import load_pdsa_log
from qispread.widgets.pdsa_log import NEW, PDSALog


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _fill(log, **values):
    for name, value in values.items():
        log.fields[name].value = value


def test_a_saved_cycle_is_in_the_file_for_graded_code(here):
    log = PDSALog("my_pdsa.json")
    _fill(log, title="Falls huddle on ward 7", prediction="Falls will drop", start="2023-01-09",
          act="adapt")
    assert log.save_cycle()
    saved = load_pdsa_log("my_pdsa.json")
    assert [(c.id, c.title, c.act, str(c.start)) for c in saved.cycles] == [
        ("C1", "Falls huddle on ward 7", "adapt", "2023-01-09")]


def _two_linked_cycles(first: tuple[str, str], second: tuple[str, str]) -> PDSALog:
    """A log with cycle C1 and cycle C2 that builds on it, each saved through the form."""
    log = PDSALog("my_pdsa.json")
    _fill(log, title=first[0], start=first[1])
    log.save_cycle()
    log.picker.value = NEW
    _fill(log, title=second[0], start=second[1], builds_on="C1")
    log.save_cycle()
    return log


def test_linked_cycles_form_a_ramp(here):
    log = _two_linked_cycles(("Try on one shift", "2023-01-09"),
                             ("Try on all shifts", "2023-02-06"))
    assert "Ramp 1:</b> C1: Try on one shift → C2: Try on all shifts" in log.ramps.value


def test_bad_input_is_explained_and_the_typing_survives_a_restart(here):
    log = PDSALog("my_pdsa.json")
    _fill(log, title="Sepsis screening prompt", start="2023-02-10", end="2023-01-01",
          prediction="Screening within an hour rises to 80%")
    assert not log.save_cycle()
    assert "before it starts" in log.messages.value
    assert log.fields["prediction"].value == "Screening within an hour rises to 80%"
    reopened = PDSALog("my_pdsa.json")
    assert reopened.fields["prediction"].value == "Screening within an hour rises to 80%"
    assert reopened.fields["end"].value == "2023-01-01"
    assert load_pdsa_log("my_pdsa.json").cycles == []


def test_a_cycle_others_build_on_cannot_be_deleted(here):
    log = _two_linked_cycles(("First", "2023-01-09"), ("Second", "2023-01-20"))
    log.picker.value = "C1"
    log.delete_cycle()
    assert "C2 builds on C1" in log.messages.value
    assert len(load_pdsa_log("my_pdsa.json").cycles) == 2


def test_cycle_starts_are_marked_on_the_measures_run_chart(here):
    log = PDSALog("my_pdsa.json", measure="falls", x="period", y="falls",
                  n="occupied_bed_days", chart="u")
    _fill(log, title="Falls bundle", start="2022-11-01")
    log.save_cycle()
    notes = [a.text or "" for a in log.figure.shown.layout.annotations]
    assert any("PDSA C1" in text for text in notes)


def test_the_chart_can_hold_a_frozen_baseline(here):
    log = PDSALog("my_pdsa.json", measure="falls", x="period", y="falls", freeze=12)
    _fill(log, title="Falls bundle", start="2022-11-01")
    log.save_cycle()
    falls = data.load("falls")["falls"]
    (centre,) = [t for t in log.figure.shown.data if (t.meta or {}).get("role") == "cl"]
    assert centre.y[0] == pytest.approx(falls.iloc[:12].median())  # median of the baseline only
    assert not log.figure.shown.layout.xaxis.title.text  # dates need no axis title


def test_export_writes_markdown_and_csv(here):
    log = PDSALog("my_pdsa.json")
    _fill(log, title="Falls huddle", start="2023-01-09")
    log.save_cycle()
    markdown, table = log.export()
    assert "### C1: Falls huddle" in markdown.read_text()
    assert table.read_text().splitlines()[1].startswith("1,C1,Falls huddle")


def test_a_saved_log_opens_on_its_latest_cycle(here):
    _two_linked_cycles(("Try on one shift", "2023-01-09"), ("Try on all shifts", "2023-02-06"))
    reopened = PDSALog("my_pdsa.json")
    assert reopened.picker.value == "C2"
    assert reopened.fields["title"].value == "Try on all shifts"
