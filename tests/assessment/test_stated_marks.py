"""The marks an assignment's text promises are the marks its gradebook holds (issue #12: module 05
said 12 automatic marks and graded 11)."""

import re

import nbformat
import pytest
from pipeline.notebooks import notebooks

HEADING = re.compile(r"^#+ Question (\d+)([a-z]?)\b[^(\n]*\((\d+) marks?", re.MULTILINE)
INTRO = re.compile(r"\*\*Questions? (\d+)(?: (?:to|and) (\d+))?\*\*[^()]*?\((\d+) marks?")


def _points(nb) -> dict[str, float]:
    points = {}
    for cell in nb.cells:
        grading = cell.metadata.get("nbgrader", {})
        if grading.get("points") and (grading.get("grade") or grading.get("task")):
            points[grading["grade_id"]] = float(grading["points"])
    return points


def _question_points(points, number, part=""):
    label = re.compile(rf"^q{number}{part}(?![0-9])")
    return sum(p for grade_id, p in points.items() if label.match(grade_id))


@pytest.mark.parametrize("path", notebooks("solutions"), ids=lambda p: p.parent.name)
def test_each_question_is_worth_what_its_heading_says(path):
    nb = nbformat.read(path, as_version=4)
    points = _points(nb)
    wrong = []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for number, part, stated in HEADING.findall(cell.source):
            graded = _question_points(points, number, part)
            if graded != float(stated):
                wrong.append(f"question {number}{part} says {stated}, grades {graded:g}")
    assert not wrong, f"{path.name}: {wrong}"


@pytest.mark.parametrize("path", notebooks("solutions"), ids=lambda p: p.parent.name)
def test_the_introduction_states_the_marks_the_gradebook_holds(path):
    nb = nbformat.read(path, as_version=4)
    points = _points(nb)
    stated = INTRO.findall(nb.cells[0].source)
    assert stated, f"{path.name}: the introduction does not say what each question is worth"
    wrong = []
    for first, last, marks in stated:
        numbers = range(int(first), int(last or first) + 1)
        graded = sum(_question_points(points, n) for n in numbers)
        if graded != float(marks):
            wrong.append(f"questions {first}-{last or first} say {marks}, grade {graded:g}")
    assert not wrong, f"{path.name}: {wrong}"
