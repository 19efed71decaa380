"""What a course's source cells hold, for every step of grading: which cells are autograded test
cells, and the regions of a cell a learner must never see (hidden tests, mark schemes, model
answers), found by nbgrader's default delimiters."""

from __future__ import annotations

HIDDEN_REGIONS = (("BEGIN HIDDEN TESTS", "END HIDDEN TESTS"),
                  ("BEGIN MARK SCHEME", "END MARK SCHEME"))
SECRET_REGIONS = (*HIDDEN_REGIONS, ("BEGIN SOLUTION", "END SOLUTION"))


def is_test_cell(cell) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.cell_type == "code" and meta.get("grade") and not meta.get("solution")


def region_lines(source: str) -> tuple[list[str], list[str]]:
    """(lines inside any secret region, lines outside them)."""
    inside, outside, end = [], [], None
    for line in source.splitlines():
        if end is None:
            end = next((e for s, e in SECRET_REGIONS if s in line), None)
            if end is None:
                outside.append(line.strip())
            continue
        if end in line:
            end = None
        elif line.strip():
            inside.append(line.strip())
    return inside, outside
