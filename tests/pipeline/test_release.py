"""exercises/ is generated from solutions/ by nbgrader: never edited by hand, never leaking
answers."""

import filecmp

import nbformat
import pytest

from pipeline.notebooks import ROOT, notebooks
from qispread.grading.build import assignment_ids, build_release

SECRETS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "BEGIN MARK SCHEME")


@pytest.fixture(scope="module")
def fresh_release(tmp_path_factory):
    into = tmp_path_factory.mktemp("release")
    build_release(ROOT, into)
    return into


def _files(folder):
    return sorted(p.relative_to(folder) for p in folder.rglob("*")
                  if p.is_file() and ".ipynb_checkpoints" not in p.parts)


def test_every_assignment_is_released(fresh_release):
    assert assignment_ids(ROOT), "solutions/ holds no assignment"
    assert sorted(p.name for p in fresh_release.iterdir()) == assignment_ids(ROOT)


def test_committed_exercises_match_a_fresh_build(fresh_release):
    committed = ROOT / "exercises"
    assert _files(committed) == _files(fresh_release), (
        "exercises/ holds different files from a fresh build: run `make build` and commit")
    differ = [str(f) for f in _files(committed)
              if not filecmp.cmp(committed / f, fresh_release / f, shallow=False)]
    assert not differ, (
        f"exercises/ was edited by hand or is stale: {differ}. Edit solutions/ instead, then run "
        f"`make build` and commit.")


def test_building_twice_is_byte_identical(fresh_release, tmp_path):
    build_release(ROOT, tmp_path)
    differ = [str(f) for f in _files(fresh_release)
              if not filecmp.cmp(fresh_release / f, tmp_path / f, shallow=False)]
    assert not differ, f"nbgrader generation is not deterministic for {differ}"


@pytest.mark.parametrize("path", notebooks("exercises"), ids=lambda p: p.name)
def test_release_leaks_no_solution_or_hidden_test(path):
    text = path.read_text(encoding="utf-8")
    leaked = [s for s in SECRETS if s in text]
    assert not leaked, f"{path.name} contains {leaked}"


BEGINS = ("BEGIN SOLUTION", "BEGIN HIDDEN", "BEGIN MARK SCHEME")
ENDS = ("END SOLUTION", "END HIDDEN", "END MARK SCHEME")


def _inside_and_outside(cells):
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


@pytest.mark.parametrize("path", notebooks("solutions"), ids=lambda p: p.name)
def test_no_solution_line_reaches_the_release(path, fresh_release):
    """No line that stands only inside a solution, hidden-test or mark-scheme region is released
    (a line the learner is shown anyway, such as an import, is no secret)."""
    inside, outside = _inside_and_outside(nbformat.read(path, as_version=4).cells)
    release = nbformat.read(fresh_release / path.parent.name / path.name, as_version=4)
    released = "\n".join(cell.source for cell in release.cells)
    secrets = [line for line in inside - outside if len(line) > 12]
    leaked = [line for line in secrets if line in released]
    assert not leaked, f"{path.name}: {leaked[:3]} leaked into the release"
