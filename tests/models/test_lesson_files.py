"""Worked examples that lessons read from files (instead of code a learner would have to read):
they load in the tools' own formats, and their numbers agree with the data they quote."""

import re

from pipeline.notebooks import ROOT

from qispread import data
from qispread.models.driver_diagram import load_diagram
from qispread.models.pdsa import load_pdsa_log


def _percent_screened(first_day, last_day):
    sepsis = data.load("sepsis_screening")
    weeks = sepsis[sepsis["week_starting"].between(first_day, last_day)]
    return 100 * weeks["screened_within_1h"].sum() / weeks["eligible"].sum()


def test_module_06_ramp_quotes_the_unit_wide_results_from_the_data():
    log = load_pdsa_log(ROOT / "course" / "07_pdsa" / "sepsis_team_pdsa.json")
    for cycle in log.cycles[2:]:  # C3 and C4 are studied with the unit's weekly measure
        quoted = float(re.search(r"(\d+)% unit-wide", cycle.study).group(1))
        actual = _percent_screened(cycle.start.isoformat(), cycle.end.isoformat())
        assert quoted == round(actual), f"{cycle.id} quotes {quoted}%, the data give {actual:.1f}%"


def test_module_02_diagram_is_tidy_and_its_draft_has_the_loose_ends_the_lesson_names():
    folder = ROOT / "course" / "03_driver_diagrams"
    assert load_diagram(folder / "falls_driver_diagram.json").warnings() == []
    draft = load_diagram(folder / "falls_driver_diagram_draft.json")
    report = draft.structure_report()
    assert any("Bed and chair sensor alarms" in item for item in report.unlinked)
    assert any(item.startswith("S2") for item in report.drivers_without_measure)
