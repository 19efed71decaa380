"""Marks for work saved by a tool reward its meaning, not its presence: work that has the right
shape but says nothing (the kind that earned full marks before issue #14) earns little."""

import contextlib
import io
import shutil

import pytest
from pipeline.notebooks import ROOT

from assessment.guessing import autograded_cells
from qispread import checks
from qispread.grading.edition.build import SOURCE
from qispread.models.chart_spec import ChartSpec
from qispread.models.coaching import CoachingPlan
from qispread.models.driver_diagram import DriverDiagram
from qispread.models.pdsa import CycleLog, PDSACycle


def shaped_diagram(path):
    junk = DriverDiagram(aim="Make things better for everyone.")
    for name in ("x", "y", "z"):
        junk.add("primary", name, measure="m")
    junk.add("secondary", "s", ["P1"])
    junk.add("change", "c", ["S1"])
    junk.save(path)


def shaped_pdsa_log(path):
    log = CycleLog()
    log.put(PDSACycle("C1", title="t", prediction="it will work", study="ok", act="adopt"))
    log.put(PDSACycle("C2", title="t2", prediction="it will work", builds_on="C1"))
    log.save(path)


def vague_pdsa_log(path):
    """Predictions with a year but nothing to count (issue 23: the old rule took any digit)."""
    log = CycleLog()
    log.put(PDSACycle("C1", title="Leaflet", act="adapt",
                      prediction="Screening will be better on the ward in 2026",
                      study="We looked at what happened on the ward and talked about it."))
    log.put(PDSACycle("C2", title="Leaflet again", builds_on="C1",
                      prediction="Screening will be better on the ward in 2026"))
    log.save(path)


def undated_coaching_plan(path):
    """Questions at every stage, but a Will note that sets no time ("may" is not May)."""
    plan = CoachingPlan(model="GROW", title="Helping Sam lead the night-time toilet rounds")
    for stage, note in {"Goal": "What do you want the rounds to achieve?",
                        "Reality": "What happens on the rounds now?",
                        "Options": "What could fit around the medicines round?",
                        "Will": "What may help next?"}.items():
        plan.set_note(stage, note)
    plan.save(path)


def misplaced_chart(path):
    ChartSpec(own_data_name="discharge", x="week", y="sent_within_24h_percent", freeze=15,
              notes={"13": "x"}).save(path)


CASES = [  # assignment, saved file, its maker, marks such work may still earn
    ("03_driver_diagrams", "my_diagram.json", shaped_diagram, 1),
    ("05_run_charts", "my_discharge_chart.json", misplaced_chart, 0),
    ("07_pdsa", "my_pdsa_plan.json", shaped_pdsa_log, 0),
    ("07_pdsa", "my_pdsa_plan.json", vague_pdsa_log, 0),
    ("09_leading_spread", "my_coaching_plan.json", undated_coaching_plan, 1),  # the questions' mark
]


def _tool_marks(folder):
    earned = 0.0
    with contextlib.chdir(folder):
        for notebook in folder.glob("*.ipynb"):
            for cell in autograded_cells(notebook):
                if "answer_" in cell.source:
                    continue
                namespace = {"display": lambda *a, **k: None, "checks": checks}
                try:
                    with contextlib.redirect_stdout(io.StringIO()):
                        exec(cell.source, namespace)
                except AssertionError:
                    continue
                earned += float(cell.metadata["nbgrader"]["points"])
    return earned


@pytest.mark.parametrize("assignment, filename, make, allowed", CASES,
                         ids=[f"{case[0]}-{case[2].__name__}" for case in CASES])
def test_shapely_nonsense_earns_little(assignment, filename, make, allowed, tmp_path):
    folder = shutil.copytree(ROOT / SOURCE / assignment, tmp_path / assignment)
    make(folder / filename)
    assert _tool_marks(folder) <= allowed
