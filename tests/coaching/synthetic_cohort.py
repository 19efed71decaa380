"""A synthetic cohort of 30 learners for the coaching view (tests and bench): projects at every
stage made from the example project (its aim and chart reading made each learner's own), one
damaged, one learner who submitted none, one whose project is a link into another's."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import sample_course as sc

from qispread.models.project import PARTS, example_project

CAPSTONE = "11_spread_plan"
ROOT = Path(__file__).resolve().parents[2]
DAMAGED, MISSING, LINKED = "learner07", "learner13", "learner21"


def own(project: Path, number: int) -> None:
    """The example's aim and chart reading made the learner's own (the capstone refuses the
    example's words)."""
    aim = project / "aim.json"
    if aim.is_file():
        aim.write_text(json.dumps({"kind": "aim", "text": (
            f"Increase the percentage of patients on ward {number} screened for sepsis within one "
            "hour from 60% to 90% by 31 March 2027.")}))
    chart = project / "chart.json"
    if chart.is_file():
        spec = json.loads(chart.read_text())
        spec["interpretation"] = (
            f"On ward {number} the weekly points stayed near the median until our test, then "
            "eight weeks in a row sat above the centre line: a shift, a signal of real change "
            "rather than common cause variation from week to week.")
        chart.write_text(json.dumps(spec))


def _submit_project(root: Path, student: str, number: int) -> Path:
    folder = root / "gradebook" / "submitted" / student / CAPSTONE
    project = folder / "my_spread_plan" / "project"
    project.mkdir(parents=True)
    (folder / "timestamp.txt").write_text("2026-11-30 09:00:00.000000 UTC")
    for item in PARTS[:number % (len(PARTS) + 1)]:
        if example_project().saved(item.key):
            shutil.copy(example_project().path(item.key), project / item.file)
    own(project, number)
    return project


def make_cohort(folder: Path):
    """The course (qispread.grading.course.Course) with its 30 learners and their projects."""
    from qispread.grading.course import Course

    root = sc.make_course(folder / "course", ROOT / "solutions", [CAPSTONE])
    course = Course(root)
    with course.gradebook() as gb:
        for number in range(30):
            gb.update_or_create_student(f"learner{number:02d}", first_name=f"Name{number}",
                                        last_name="Tester")
    for number in range(30):
        student = f"learner{number:02d}"
        if student not in (MISSING, LINKED):
            _submit_project(root, student, number)
    (root / "gradebook/submitted" / DAMAGED / CAPSTONE / "my_spread_plan/project/aim.json"
     ).write_text('{"text": "Reduce falls by')
    linked = root / "gradebook/submitted" / LINKED / CAPSTONE
    linked.mkdir(parents=True)
    os.symlink(root / "gradebook/submitted/learner10" / CAPSTONE / "my_spread_plan",
               linked / "my_spread_plan")
    return course
