"""What a course's source cells hold, for every step of grading: which cells are autograded test
cells, and the regions of a cell a learner must never see (hidden tests, mark schemes, model
answers), found by the course's own delimiters: nbgrader lets a course set them
(ClearHiddenTests.begin_test_delimeter, ClearMarkScheme..., ClearSolutions...), and a course
that does must not have its hidden tests shown to learners for want of the defaults."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Delimiters:
    """A course's region markers: (begin, end) each, matched within a line, as nbgrader does."""
    hidden_tests: tuple[str, str] = ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
    mark_scheme: tuple[str, str] = ("BEGIN MARK SCHEME", "END MARK SCHEME")
    solution: tuple[str, str] = ("BEGIN SOLUTION", "END SOLUTION")

    @classmethod
    def of(cls, config) -> Delimiters:
        """The course's, from its nbgrader configuration (nbgrader's defaults where it sets
        none), read through nbgrader's own preprocessors."""
        from nbgrader.preprocessors import ClearHiddenTests, ClearMarkScheme, ClearSolutions

        tests = ClearHiddenTests(config=config)
        scheme = ClearMarkScheme(config=config)
        solution = ClearSolutions(config=config)
        return cls((tests.begin_test_delimeter, tests.end_test_delimeter),
                   (scheme.begin_mark_scheme_delimeter, scheme.end_mark_scheme_delimeter),
                   (solution.begin_solution_delimeter, solution.end_solution_delimeter))

    @property
    def hidden(self) -> tuple[tuple[str, str], ...]:
        """What feedback removes from the cells it shows: hidden tests and mark schemes."""
        return (self.hidden_tests, self.mark_scheme)

    @property
    def secret(self) -> tuple[tuple[str, str], ...]:
        """Everything a learner must never see, model answers included."""
        return (*self.hidden, self.solution)


DEFAULT = Delimiters()
HIDDEN_REGIONS = DEFAULT.hidden


def is_test_cell(cell) -> bool:
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.cell_type == "code" and meta.get("grade") and not meta.get("solution")


def region_lines(source: str, delimiters: Delimiters = DEFAULT) -> tuple[list[str], list[str]]:
    """(lines inside any secret region, lines outside them)."""
    inside, outside, end = [], [], None
    for line in source.splitlines():
        if end is None:
            end = next((e for s, e in delimiters.secret if s in line), None)
            if end is None:
                outside.append(line.strip())
            continue
        if end in line:
            end = None
        elif line.strip():
            inside.append(line.strip())
    return inside, outside
