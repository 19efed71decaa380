"""Feedback that teaches: for each automatic item a learner missed, the misconception their answer
reflects and the lesson section to re-read.

The map is `misconceptions.json` at the top of the course's source folder (solutions/), beside the
answers, because it is an answer key by elimination: it never ships in the wheel or the learner
edition, and nbgrader copies nothing from the source folder's top level into a release. It is keyed
by assignment, then by test cell (its grade id, or a pattern such as `q1?_check` for several):

    {"05_run_charts": {"q5_check": {
        "any": {"misconception": "...", "reread": "3. The Anhøj rules"},
        "options": {"A": {"misconception": "...", "reread": "..."}}}}}

`options` explain a wrong option (`"E"`), or a wrong option in one part of a multi-part answer
(`"2:F"`, part 2; `parts` limits a cell to the parts it marks); `any` covers every other wrong
answer. Items with three options or fewer a part have only `any`, so the note names no option and
says no more than the score does. Notes are added only once the deadline has passed for everyone,
extensions included, and before the leak check, which reads them like the rest of the page.
"""

from __future__ import annotations

import ast
import fnmatch
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import nbformat
from nbgrader.preprocessors import NbGraderPreprocessor

from qispread.errors import AnswerProblem

MAP_FILE = "misconceptions.json"
CHOICE_CHECKS = ("choice", "choices", "letters", "sequence")
SMALL_SPACE = 3  # options per part at or below which a note may name no option


@dataclass(frozen=True)
class Note:
    misconception: str
    reread: str
    answered: str = ""  # the learner's option(s) the note is about; "" for `any`


@dataclass(frozen=True)
class ChoiceCall:
    """One `checks.<kind>(answer_x, "OPTIONS", ...)` call in a test cell's visible line."""

    kind: str
    answer: str
    options: str
    count: int = 1


def load_map(source_root: Path) -> dict:
    path = Path(source_root) / MAP_FILE
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def choice_calls(source: str) -> list[ChoiceCall]:
    """The choice checks a test cell makes, in order, read from its code (never run)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    calls = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in CHOICE_CHECKS and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "checks" and len(node.args) >= 2
                and isinstance(node.args[0], ast.Name)
                and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)):
            count = node.args[2].value if node.func.attr == "letters" and len(node.args) > 2 \
                and isinstance(node.args[2], ast.Constant) else 1
            calls.append(ChoiceCall(node.func.attr, node.args[0].id, node.args[1].value,
                                    count if isinstance(count, int) else 1))
    return calls


def entry_for(assignment_map: dict, grade_id: str) -> dict | None:
    """The cell's entry: its own, merged over any pattern that matches it."""
    found = [v for k, v in assignment_map.items() if k != grade_id
             and fnmatch.fnmatchcase(grade_id, k)]
    if grade_id in assignment_map:
        found.append(assignment_map[grade_id])
    if not found:
        return None
    merged: dict = {"options": {}}
    for entry in found:
        merged["options"].update(entry.get("options", {}))
        merged.update({k: v for k, v in entry.items() if k != "options"})
    return merged


def chosen(calls: list[ChoiceCall], answers: dict[str, object]) -> list[tuple[int, str]]:
    """(part, option) for each option the learner chose, parts numbered from 1 across the cell's
    checks; [] when an answer is missing or cannot be read as its check reads it."""
    from qispread.checks import forms

    picked: list[tuple[int, str]] = []
    for call in calls:
        value = answers.get(call.answer, "")
        try:
            if call.kind == "choice":
                parts = [forms.choice(value, call.options, "")]
            elif call.kind == "choices":
                parts = forms.choices(value, call.options, "")
            elif call.kind == "letters":
                parts = forms.letters(value, call.options, call.count, "")
            else:
                parts = forms.sequence(value, call.options, "")
        except AnswerProblem:
            return []
        start = len(picked) if call.kind != "choices" else 0
        picked += [(1 if call.kind == "choices" else start + i + 1, p) for i, p in enumerate(parts)]
    return picked


def notes_for(entry: dict, picked: list[tuple[int, str]]) -> list[Note]:
    """The notes for a missed cell: one for each explained option chosen, else its `any`."""
    parts = set(entry.get("parts", []))
    notes: dict[str, Note] = {}
    for part, option in picked:
        if parts and part not in parts:
            continue
        for key in (f"{part}:{option}", option):
            explained = entry["options"].get(key)
            if explained:
                note = notes.get(explained["misconception"])
                said = option if note is None or option in note.answered.split(", ") \
                    else f"{note.answered}, {option}"
                notes[explained["misconception"]] = Note(explained["misconception"],
                                                         explained["reread"], said)
                break
    if not notes and picked and "any" in entry:
        return [Note(entry["any"]["misconception"], entry["any"]["reread"])]
    return list(notes.values())


def note_markdown(note: Note, lesson: str) -> str:
    said = (f"You answered **{note.answered}**: that answer" if note.answered
            else "An answer that misses this mark")
    return (f"> **What to look at again.** {said} often comes from thinking that "
            f"*{note.misconception}*. Re-read lesson {lesson}, section "
            f"“{note.reread}”.")


def deadline_passed(coursedir, assignment: str, now: datetime | None = None) -> bool:
    """True once the assignment's due date, and every learner's extension, has passed."""
    from qispread.grading.cohort import deadlines
    from qispread.grading.course import state_folder_of

    deadline = deadlines.for_assignment(state_folder_of(coursedir), assignment)
    if deadline.due is None:
        return False
    now = now or datetime.now(UTC).replace(tzinfo=None)
    return max([deadline.due, *deadline.extensions.values()]) <= now


def typed_values(nb) -> dict[str, object]:
    """The learner's answer_* values: literal assignments only, read as the notebook read them
    (checks.slips), never run; the last one wins."""
    from qispread.checks.slips import rewrite

    found: dict[str, object] = {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(rewrite(cell.source))
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id.startswith("answer_"):
                        found[target.id] = node.value.value
    return found


class ExplainMisconceptions(NbGraderPreprocessor):
    """nbgrader preprocessor for GenerateFeedback, after GetGrades and RedactHiddenTests and
    before the leak check: after each choice item the learner missed, a note naming the
    misconception their answer reflects and the lesson section to re-read."""

    def preprocess(self, nb, resources):
        from nbgrader.coursedir import CourseDirectory

        coursedir = CourseDirectory(config=self.config)
        assignment = resources["nbgrader"]["assignment"]
        source = Path(coursedir.format_path(coursedir.source_directory, ".", "."))
        assignment_map = load_map(source).get(assignment, {})
        if not assignment_map:
            return nb, resources
        if not deadline_passed(coursedir, assignment):
            self.log.warning("Misconception notes left out of %s's feedback: its deadline (or an "
                             "extension) has not passed, or it has none.", assignment)
            return nb, resources
        answers = typed_values(nb)
        lesson = assignment.split("_", 1)[0]
        cells = []
        for cell in nb.cells:
            cells.append(cell)
            meta = cell.metadata.get("nbgrader", {})
            if not (cell.cell_type == "code" and meta.get("grade") and not meta.get("solution")):
                continue
            if float(meta.get("score") or 0) >= float(meta.get("points") or 0):
                continue
            entry = entry_for(assignment_map, meta.get("grade_id", ""))
            if entry is None:
                continue
            for note in notes_for(entry, chosen(choice_calls(cell.source), answers)):
                cells.append(nbformat.v4.new_markdown_cell(
                    note_markdown(note, lesson), metadata={"qispread": "misconception"}))
        nb.cells = cells
        return nb, resources
