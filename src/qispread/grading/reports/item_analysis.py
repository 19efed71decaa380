"""Item analysis for tutors: how each autograded question behaved across a cohort.

For every autograded test: its facility (the share of the marks learners earned; for a 1-mark
question, the share who got it right), its discrimination (the point-biserial correlation between
the question's score and each learner's score on the *rest* of the assignment) and, where learners
typed an answer, the wrong answers they gave most often. Questions that nearly everyone gets right
or wrong, that discriminate negatively, or whose most popular wrong answer is chosen by stronger
learners than the keyed answer (a possible miskey) are flagged.

Answers are read from the autograded notebooks with `ast` (learner code is never run here).
"""

from __future__ import annotations

import ast
import contextlib
import html
import re
from collections import Counter
from pathlib import Path

import nbformat
import pandas as pd

EASY = 0.9  # facility at or above: nearly everyone right
HARD = 0.2  # facility at or below: nearly everyone wrong
WEAK = 0.2  # discrimination below this: says little about understanding
NEGATIVE = -0.1  # discrimination below this: stronger learners do worse (beyond noise near 0)
MIN_LEARNERS = 5  # fewer than this: statistics are not shown
ANSWER_NAME = re.compile(r"\banswer_\w+")
COLUMNS = ["assignment", "test", "learners", "facility", "discrimination", "wrong answers",
           "flags"]


def typed_answers(notebook: Path) -> dict[str, str]:
    """The literal values assigned to answer_* names in a notebook's cells (last one wins)."""
    found: dict[str, str] = {}
    for tree in _code_trees(notebook):
        for node in tree.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id.startswith("answer_"):
                        found[target.id] = _normalise(node.value.value)
    return found


def _code_trees(notebook: Path):
    """Each code cell's syntax tree, answer cells read as the learner meant them (as the
    notebook read them: `93%` and `seventy` are the text typed)."""
    from qispread.checks.slips import rewrite

    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type == "code":
            with contextlib.suppress(SyntaxError):
                yield ast.parse(rewrite(cell.source))


def _normalise(value: object) -> str:
    if value is None or value is Ellipsis:
        return ""
    text = str(value).strip().strip(".").upper()
    return re.sub(r"[\s,]+", ", ", text)


def answer_names_by_test(notebook: Path) -> dict[str, list[str]]:
    """For each autograded test cell, the answer_* names its source uses."""
    names = {}
    for cell in nbformat.read(notebook, as_version=4).cells:
        grading = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and grading.get("grade") and not grading.get("solution"):
            names[grading["grade_id"]] = sorted(set(ANSWER_NAME.findall(cell.source)))
    return names


def answers_table(autograded: Path) -> pd.DataFrame:
    """assignment, test, student, answer: from an nbgrader autograded/ folder
    (autograded/<student>/<assignment>/*.ipynb)."""
    rows = []
    for notebook in sorted(autograded.glob("*/*/*.ipynb")):
        student, assignment = notebook.parent.parent.name, notebook.parent.name
        values = typed_answers(notebook)
        for test, names in answer_names_by_test(notebook).items():
            if names:
                rows.append({"assignment": assignment, "test": test, "student": student,
                             "answer": " / ".join(values.get(n, "") or "(blank)" for n in names)})
    return pd.DataFrame(rows, columns=["assignment", "test", "student", "answer"])


def item_statistics(tests: pd.DataFrame, answers: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per autograded test. `tests`: assignment, test, student, score, max_score (as in
    tables.CohortTables.tests); `answers`: assignment, test, student, answer."""
    rows = []
    for assignment, group in tests.groupby("assignment", sort=True):
        points = group.pivot_table(index="student", columns="test", values="score",
                                   aggfunc="sum").fillna(0)
        maxima = group.groupby("test").max_score.max()
        total = points.sum(axis=1)
        for test in points.columns:
            rows.append(_item_row(assignment, test, points[test], maxima[test],
                                  total - points[test], _answers_for(answers, assignment, test)))
    return pd.DataFrame(rows, columns=COLUMNS)


def _answers_for(answers, assignment, test) -> pd.Series:
    if answers is None or answers.empty:
        return pd.Series(dtype=str)
    chosen = answers[(answers.assignment == assignment) & (answers.test == test)]
    return chosen.set_index("student").answer


def _item_row(assignment, test, score: pd.Series, max_score: float, rest: pd.Series,
              answers: pd.Series) -> dict:
    learners = len(score)
    facility = float(score.mean() / max_score) if max_score else float("nan")
    discrimination = _point_biserial(score, rest)
    right = score >= max_score
    wrong_answers = answers.reindex(score.index[~right]).dropna()
    counts = Counter(wrong_answers)
    flags = []
    if learners >= MIN_LEARNERS:
        if facility >= EASY:
            flags.append("nearly everyone right")
        elif facility <= HARD:
            flags.append("nearly everyone wrong")
        if discrimination < NEGATIVE:
            flags.append("negative discrimination: check the key and the wording")
        elif discrimination < WEAK and HARD < facility < EASY:
            flags.append("weak discrimination")
        if counts:
            top, chosen_by = counts.most_common(1)[0]
            top_rest = rest[wrong_answers.index[wrong_answers == top]].mean()
            if chosen_by > right.sum() and right.any() and top_rest > rest[right].mean():
                flags.append(f"more learners, and stronger ones, chose {top}: possible miskey")
    return {"assignment": assignment, "test": test, "learners": learners,
            "facility": facility, "discrimination": discrimination,
            "wrong answers": ", ".join(f"{a} ×{n}" for a, n in counts.most_common(3)),
            "flags": "; ".join(flags)}


def _point_biserial(score: pd.Series, rest: pd.Series) -> float:
    """Pearson correlation of the item's score with the rest of the test (point-biserial for a
    right/wrong item); NaN when either does not vary."""
    if len(score) < 2 or score.nunique() < 2 or rest.nunique() < 2:
        return float("nan")
    return float(score.corr(rest))


def item_analysis_html(tests: pd.DataFrame, autograded: Path) -> str:
    """The report's item-analysis section (under a heading "Item analysis"): how to read it, and
    the table."""
    stats = item_statistics(tests, answers_table(autograded))
    intro = (f"<p class=\"note\"><b>Facility</b> is the share of the "
             f"marks learners earned on the question. <b>Discrimination</b> is the correlation "
             f"between the question's score and the learner's score on the rest of the "
             f"assignment: above 0.3 the question separates stronger from weaker learners well; "
             f"near 0 it says little about understanding; below 0 stronger learners do worse "
             f"(check the key and the wording). <b>Wrong answers</b> are the answers most often "
             f"typed by learners who did not earn the marks: compare them with the "
             f"misconceptions named in docs/assessment.md. Statistics need at least "
             f"{MIN_LEARNERS} learners.</p>")
    if stats.empty:
        return intro + "<p>No autograded answers yet.</p>"
    cells = []
    for row in stats.to_dict("records"):
        shown = {**row, "facility": _percent(row["facility"]),
                 "discrimination": _decimal(row["discrimination"]),
                 "wrong answers": row["wrong answers"].replace(" ×", "\u00a0×")}
        flagged = ' class="flag"' if row["flags"] else ""
        cells.append(f"<tr{flagged}>" + "".join(f"<td>{html.escape(str(shown[c]))}</td>"
                                                for c in COLUMNS) + "</tr>")
    header = "".join(f"<th>{html.escape(c)}</th>" for c in COLUMNS)
    return (intro + "<style>tr.flag td { background: #fff4e5; }</style>"
            f"<table class=\"cohort\"><thead><tr>{header}</tr></thead>"
            f"<tbody>{''.join(cells)}</tbody></table>")


def _percent(value: float) -> str:
    return "–" if pd.isna(value) else f"{100 * value:.0f}%"


def _decimal(value: float) -> str:
    return "–" if pd.isna(value) else f"{value:.2f}"
