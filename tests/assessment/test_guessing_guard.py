"""A learner who guesses every typed answer earns at most 20% of an assignment's automatic marks."""

import shutil

import pytest
from pipeline.notebooks import ROOT

from assessment.guessing import guess_assignment
from qispread.grading.edition.build import SOURCE, assignment_ids

GUESS_LIMIT = 0.20


@pytest.mark.parametrize("assignment", assignment_ids(ROOT))
def test_guessing_earns_at_most_a_fifth_of_the_automatic_marks(assignment, tmp_path):
    folder = shutil.copytree(ROOT / SOURCE / assignment, tmp_path / assignment)
    result = guess_assignment(folder)
    worst = sorted(result.cells, key=lambda c: c.expected / c.points if c.points else 0)[-3:]
    assert result.share <= GUESS_LIMIT, (
        f"{assignment}: a guesser earns {result.expected:.2f} of {result.points:g} automatic marks "
        f"({100 * result.share:.0f}%). Most guessable: "
        + ", ".join(f"{c.grade_id} ({c.expected:.2f} of {c.points:g})" for c in worst))
