"""A small nbgrader assignment made inside a temporary course folder, for the cohort tests.

The hidden test's source carries a marker string so a test can search feedback for it.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import nbformat

SAMPLE = "qi_sample"
HIDDEN_MARKER = "HIDDEN_CHECK_7f3a"
VISIBLE_HINT = "the median of 1, 3 and 9 should be 3"
# answers a learner might type in the sample's answer cell
RIGHT = "answer_median_odd = 3\nanswer_median_even = 2.5"
PARTIAL = "answer_median_odd = 3\nanswer_median_even = 2"  # visible test passes, hidden fails
WRONG = "answer_median_odd = 0\nanswer_median_even = 1"  # the visible test fails


def _cell(kind: str, source: str, **nbgrader) -> nbformat.NotebookNode:
    make = nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell
    cell = make(textwrap.dedent(source).strip())
    if nbgrader:
        cell.metadata["nbgrader"] = {"schema_version": 3, "locked": False, "solution": False,
                                     "grade": False, "task": False, **nbgrader}
    return cell


def sample_notebook() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [
        _cell("markdown", "# Medians\nType the medians a run chart's centre line would use."),
        _cell("code", '''
            answer_median_odd = ...
            answer_median_even = ...
            ### BEGIN SOLUTION
            answer_median_odd = 3
            answer_median_even = 2.5
            ### END SOLUTION
            ''', grade_id="median_answer", solution=True),
        _cell("code", f'''
            from qispread import checks

            odd = checks.number(answer_median_odd, "The median of 1, 3 and 9")
            assert odd == 3, "{VISIBLE_HINT}"
            ### BEGIN HIDDEN TESTS
            even = checks.number(answer_median_even, "The median of 4, 1, 2 and 3")
            assert even == 2.5, "{HIDDEN_MARKER} even-length lists"
            ### END HIDDEN TESTS
            ''', grade_id="median_tests", grade=True, locked=True, points=2),
        _cell("markdown", '''
            Why use the median, not the mean, for a run chart's centre line?

            === BEGIN MARK SCHEME ===
            Full marks for: skewed data; the run rules assume the median.
            === END MARK SCHEME ===
            ''', grade_id="reflection_task", task=True, locked=True, points=1),
        _cell("markdown", "YOUR ANSWER HERE", grade_id="reflection", solution=True,
              grade=True, points=2),
    ]
    return nb


PROJECT_CONFIG = Path(__file__).resolve().parents[2] / "nbgrader_config.py"


def course_config() -> str:
    """The course's own nbgrader_config.py (its folders, ClearSolutions stubs and feedback
    redaction), so a sample release and its feedback are what learners get; a shorter cell
    timeout for the tests."""
    return PROJECT_CONFIG.read_text() + "\nc.Execute.timeout = 20\n"


def make_course(root: Path, project_solutions: Path | None = None,
                assignments: list[str] | None = None) -> Path:
    """A course folder holding the sample assignment and copies of the project's assignments."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "nbgrader_config.py").write_text(course_config())
    sample = root / "solutions" / SAMPLE
    sample.mkdir(parents=True, exist_ok=True)
    nbformat.write(sample_notebook(), sample / "medians.ipynb")
    for name in assignments or []:
        shutil.copytree(project_solutions / name, root / "solutions" / name)
    if project_solutions and (project_solutions / "misconceptions.json").is_file():
        shutil.copy(project_solutions / "misconceptions.json", root / "solutions")
    return root


def project_assignments(project_root: Path) -> list[str]:
    solutions = project_root / "solutions"
    if not solutions.is_dir():
        return []
    return sorted(p.name for p in solutions.iterdir() if p.is_dir() and any(p.glob("*.ipynb")))


def submit(course_root: Path, student: str, assignment: str,
           notebooks: dict[str, nbformat.NotebookNode],
           timestamp: str = "2026-01-10 09:00:00.000000 UTC") -> Path:
    """Place a submission where `nbgrader collect` would put it."""
    folder = course_root / "gradebook" / "submitted" / student / assignment
    folder.mkdir(parents=True, exist_ok=True)
    for name, nb in notebooks.items():
        nbformat.write(nb, folder / name)
    (folder / "timestamp.txt").write_text(timestamp)
    return folder


def answered(release_nb: nbformat.NotebookNode, code: str) -> nbformat.NotebookNode:
    """The released notebook with the sample's answer cell replaced by `code` (a learner's
    answer is `answer_median_odd = ...` and `answer_median_even = ...`)."""
    nb = nbformat.from_dict(release_nb)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "median_answer":
            cell.source = textwrap.dedent(code).strip()
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "reflection":
            cell.source = "Skewed data pull the mean about; the run rules use the median."
    return nb
