"""The checks the pipeline tests run on notebooks, as functions returning the problems found, so
that each can also be shown to catch a deliberately broken notebook (tests/pipeline/broken/)."""

from collections import Counter
from pathlib import Path

import nbformat

SECRETS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "BEGIN MARK SCHEME")
BEGINS = ("BEGIN SOLUTION", "BEGIN HIDDEN", "BEGIN MARK SCHEME")
ENDS = ("END SOLUTION", "END HIDDEN", "END MARK SCHEME")
SHORTEST_SECRET = 13  # shorter lines (a bare `return x`) may stand in a release by chance


def hygiene_problems(path: Path) -> list[str]:
    """What is wrong with a committed notebook: invalid, not the python3 kernel, or outputs and
    execution counts left in."""
    nb = nbformat.read(path, as_version=4)
    problems = []
    try:
        nbformat.validate(nb)
    except nbformat.ValidationError as err:
        problems.append(f"not a valid notebook: {err.message}")
    if nb.metadata.get("kernelspec", {}).get("name") != "python3":
        problems.append("must use the python3 kernel")
    dirty = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"
             and (c.get("outputs") or c.get("execution_count") is not None)]
    if dirty:
        problems.append(f"clear the outputs of cells {dirty} before committing")
    return problems


def repeated_grade_ids(path: Path) -> list[str]:
    nb = nbformat.read(path, as_version=4)
    counts = Counter(c.metadata["nbgrader"]["grade_id"] for c in nb.cells
                     if "grade_id" in c.metadata.get("nbgrader", {}))
    return [grade_id for grade_id, n in counts.items() if n > 1]


def leaked_markers(text: str) -> list[str]:
    """nbgrader's solution, hidden-test and mark-scheme markers left in a released notebook."""
    return [secret for secret in SECRETS if secret in text]


def _inside_and_outside(cells) -> tuple[set[str], set[str]]:
    """Lines inside solution/hidden/mark-scheme regions, and lines outside them."""
    inside_lines, outside_lines = set(), set()
    for cell in cells:
        inside = False
        for line in (text.strip() for text in cell.source.splitlines()):
            if any(mark in line for mark in BEGINS):
                inside = True
            elif any(mark in line for mark in ENDS):
                inside = False
            elif line:
                (inside_lines if inside else outside_lines).add(line)
    return inside_lines, outside_lines


def leaked_solution_lines(source: Path, release: Path) -> list[str]:
    """Lines that stand only inside a solution, hidden-test or mark-scheme region of `source` yet
    appear in `release` (a line the learner is shown anyway, such as an import, is no secret)."""
    inside, outside = _inside_and_outside(nbformat.read(source, as_version=4).cells)
    released = "\n".join(cell.source for cell in nbformat.read(release, as_version=4).cells)
    secrets = [line for line in inside - outside if len(line) >= SHORTEST_SECRET]
    return [line for line in secrets if line in released]
