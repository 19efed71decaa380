"""exercises/ is generated from solutions/ by nbgrader: never edited by hand, never leaking
answers."""

import filecmp

import pytest

from pipeline.checks import leaked_markers, leaked_solution_lines
from pipeline.notebooks import ROOT, notebooks
from qispread.grading.edition.build import assignment_ids, build_release


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
    """Also the determinism check: the committed exercises/ came from an earlier build, so a
    byte-identical fresh build means building twice gives the same bytes (no second build)."""
    committed = ROOT / "exercises"
    assert _files(committed) == _files(fresh_release), (
        "exercises/ holds different files from a fresh build: run `make build` and commit")
    differ = [str(f) for f in _files(committed)
              if not filecmp.cmp(committed / f, fresh_release / f, shallow=False)]
    assert not differ, (
        f"exercises/ differs from a fresh build in {differ}: it was edited by hand or is stale "
        f"(edit solutions/, then run `make build` and commit), or generation is not "
        f"deterministic (if this still fails straight after `make build`).")


@pytest.mark.parametrize("path", notebooks("exercises"), ids=lambda p: p.name)
def test_release_leaks_no_solution_or_hidden_test(path):
    leaked = leaked_markers(path.read_text(encoding="utf-8"))
    assert not leaked, f"{path.name} contains {leaked}"


@pytest.mark.parametrize("path", notebooks("solutions"), ids=lambda p: p.name)
def test_no_solution_line_reaches_the_release(path, fresh_release):
    """No line that stands only inside a solution, hidden-test or mark-scheme region is
    released."""
    leaked = leaked_solution_lines(path, fresh_release / path.parent.name / path.name)
    assert not leaked, f"{path.name}: {leaked[:3]} leaked into the release"
