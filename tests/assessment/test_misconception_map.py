"""The misconception map (solutions/misconceptions.json) covers every choice item of every
assignment, explains only wrong options, points to sections the lessons have, names no option
where the answer space is small, holds no hidden-test text, and is the table in
docs/assessment.md."""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

import nbformat
import pytest

from qispread.checks import forms
from qispread.grading.feedback.leak_gate import assignment_lines
from qispread.grading.feedback.misconceptions import (
    MAP_FILE,
    SMALL_SPACE,
    choice_calls,
    entry_for,
    load_map,
)

ROOT = Path(__file__).resolve().parents[2]
SOLUTIONS = ROOT / "solutions"
MAP = load_map(SOLUTIONS)
ASSIGNMENTS = sorted(p.parent.name for p in SOLUTIONS.glob("*/*.ipynb"))
DOCS = ROOT / "docs" / "assessment.md"


def graded_cells(assignment: str):
    """(notebook path, cell) for each autograded test cell of the assignment."""
    for path in sorted((SOLUTIONS / assignment).glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            meta = cell.metadata.get("nbgrader", {})
            if cell.cell_type == "code" and meta.get("grade") and not meta.get("solution"):
                yield path, cell


def choice_items():
    return [(a, path, cell) for a in ASSIGNMENTS for path, cell in graded_cells(a)
            if choice_calls(cell.source)]


ITEMS = choice_items()
IDS = [f"{a}/{cell.metadata.nbgrader.grade_id}" for a, _, cell in ITEMS]


def entry(assignment: str, cell) -> dict | None:
    return entry_for(MAP.get(assignment, {}), cell.metadata.nbgrader.grade_id)


@pytest.mark.parametrize(("assignment", "path", "cell"), ITEMS, ids=IDS)
def test_every_choice_item_has_a_misconception(assignment, path, cell):
    found = entry(assignment, cell)
    grade_id = cell.metadata.nbgrader.grade_id
    assert found and "any" in found, (
        f"{path.relative_to(ROOT)}: the choice item in test cell {grade_id!r} has no "
        f"misconception for its wrong answers. Add to solutions/{MAP_FILE}, under "
        f"\"{assignment}\": \"{grade_id}\": {{\"any\": {{\"misconception\": \"...\", "
        f"\"reread\": \"<a heading of the lesson>\"}}}} (and \"options\" for a wrong option "
        f"with its own misconception), then the row in docs/assessment.md.")


def test_every_map_key_names_a_test_cell():
    for assignment, cells in MAP.items():
        ids = [cell.metadata.nbgrader.grade_id for _, cell in graded_cells(assignment)]
        assert ids, f"{MAP_FILE} names an assignment that does not exist: {assignment}"
        for key in cells:
            assert any(re.fullmatch(key.replace("?", ".").replace("*", ".*"), i) for i in ids), \
                f"{MAP_FILE}: {assignment}/{key} matches no test cell"


def lesson_headings(assignment: str) -> set[str]:
    headings = set()
    for path in (ROOT / "course" / assignment).glob("*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown":
                headings |= {ln.lstrip("#").strip() for ln in cell.source.splitlines()
                             if ln.startswith("#")}
    return headings


def notes(assignment_map: dict):
    for key, value in assignment_map.items():
        for option, note in [("any", value.get("any")), *value.get("options", {}).items()]:
            if note:
                yield key, option, note


@pytest.mark.parametrize("assignment", sorted(MAP))
def test_reread_sections_are_headings_of_the_lesson(assignment):
    headings = lesson_headings(assignment)
    for key, option, note in notes(MAP[assignment]):
        assert note["reread"] in headings, (
            f"{MAP_FILE}: {assignment}/{key} ({option}) sends the learner to "
            f"{note['reread']!r}, which is not a heading of course/{assignment}/")


@pytest.mark.parametrize(("assignment", "path", "cell"), ITEMS, ids=IDS)
def test_small_answer_spaces_explain_no_option(assignment, path, cell):
    """With three options or fewer a part, a note about one option narrows the right answer to
    one or two: such items have only the note for any wrong answer."""
    found = entry(assignment, cell) or {}
    if min(len(c.options) for c in choice_calls(cell.source)) <= SMALL_SPACE:
        assert not found.get("options"), f"{assignment}/{cell.metadata.nbgrader.grade_id}"


def test_no_note_names_an_option_or_holds_hidden_text():
    secrets = assignment_lines(SOLUTIONS)
    for assignment, cells in MAP.items():
        for key, option, note in notes(cells):
            text = f"{note['misconception']} {note['reread']}"
            assert not re.search(r"(?<![\w'’])[A-Z](?![\w'’])", text), \
                f"{assignment}/{key} ({option}) names an option: {text!r}"
            assert not [s for s in secrets if s in text or text in s], f"{assignment}/{key}"


def model_answers(path: Path) -> dict:
    namespace: dict = {}
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("solution"):
            with contextlib.suppress(Exception):
                exec(compile(cell.source, str(path), "exec"), namespace)  # noqa: S102
    return {k: v for k, v in namespace.items() if k.startswith("answer_")}


def with_option(calls, answers: dict, part: int, option: str) -> dict:
    """The model answers with `option` put in `part` (parts numbered across the cell's checks)."""
    answers, seen = dict(answers), 0
    for call in calls:
        if call.kind == "choices":
            answers[call.answer] = ", ".join(sorted({*forms.choices(answers[call.answer],
                                                                    call.options, ""), option}))
            return answers
        values = {"choice": lambda c, v: [forms.choice(v, c.options, "")],
                  "letters": lambda c, v: forms.letters(v, c.options, c.count, ""),
                  "sequence": lambda c, v: forms.sequence(v, c.options, "")}[call.kind](
            call, answers[call.answer])
        if seen < part <= seen + len(values):
            index = part - seen - 1
            if call.kind == "sequence":
                other = values.index(option)
                values[index], values[other] = values[other], values[index]
            else:
                values[index] = option
            answers[call.answer] = ", ".join(values)
            return answers
        seen += len(values)
    raise AssertionError(f"no part {part}")


def explained(assignment: str):
    for path, cell in graded_cells(assignment):
        found = entry(assignment, cell) or {"options": {}}
        for key in found["options"]:
            part, _, option = key.rpartition(":")
            marked = found.get("parts") or [1]
            for number in [int(part)] if part else marked:
                if number in marked:  # a cell marks only its own parts
                    yield path, cell, number, option


@pytest.mark.parametrize("assignment", sorted(MAP))
def test_explained_options_are_wrong(assignment):
    """Each option given a misconception of its own loses the cell's mark when put into the
    model answer: a note is never attached to a right answer."""
    from qispread import checks

    for path, cell, part, option in explained(assignment):
        calls = choice_calls(cell.source)
        answers = with_option(calls, model_answers(path), part, option)
        here = os.getcwd()
        os.chdir(path.parent)
        try:
            with pytest.raises(AssertionError):
                exec(cell.source, {"checks": checks, **answers})  # noqa: S102
        finally:
            os.chdir(here)


def docs_rows() -> set[tuple[str, ...]]:
    section = DOCS.read_text(encoding="utf-8").split(
        "## The distractors and the misconceptions behind them", 1)[1].split("\n## ", 1)[0]
    rows = set()
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[0] and not set(cells[0]) <= {"-"} and cells[0] != "module":
            rows.add(tuple(c.strip("`") for c in cells))
    return rows


def map_rows() -> set[tuple[str, ...]]:
    return {(assignment.split("_", 1)[0], key, "any wrong answer" if option == "any" else option,
             note["misconception"], note["reread"])
            for assignment, cells in MAP.items() for key, option, note in notes(cells)}


def test_docs_table_is_the_map():
    missing, extra = map_rows() - docs_rows(), docs_rows() - map_rows()
    assert not missing and not extra, (
        f"docs/assessment.md's misconception table and solutions/{MAP_FILE} differ: rows only in "
        f"the map {sorted(missing)[:3]}, rows only in the docs {sorted(extra)[:3]}. Print the "
        f"table with: cd tests && ../.venv/bin/python -m assessment.test_misconception_map")


if __name__ == "__main__":
    print("| module | test cell | answer | the misconception it reflects | re-read |")
    print("|---|---|---|---|---|")
    for row in sorted(map_rows()):
        print("| " + " | ".join(f"`{c}`" if i == 1 else c for i, c in enumerate(row)) + " |")
