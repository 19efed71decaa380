"""exercises/ is generated from solutions/ by nbgrader: never edited by hand, never leaking answers."""

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


@pytest.mark.parametrize("path", notebooks("solutions"), ids=lambda p: p.name)
def test_no_solution_line_reaches_the_release(path, fresh_release):
    """Every line inside a solution or hidden-test region is absent from the released notebook."""
    source = nbformat.read(path, as_version=4)
    released = (fresh_release / path.parent.name / path.name).read_text(encoding="utf-8")
    for cell in source.cells:
        inside = False
        for line in cell.source.splitlines():
            if any(mark in line for mark in ("BEGIN SOLUTION", "BEGIN HIDDEN", "BEGIN MARK SCHEME")):
                inside = True
            elif any(mark in line for mark in ("END SOLUTION", "END HIDDEN", "END MARK SCHEME")):
                inside = False
            elif inside and line.strip() and len(line.strip()) > 12:
                assert line.strip() not in released, f"{path.name}: '{line.strip()}' leaked"
