"""The Makefile respects its users: `make clean` never deletes the tutors' gradebook/, and
`make clean-gradebook` deletes it only after being told to."""

import shutil
import subprocess

import pytest

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


@pytest.fixture
def project(project_root, tmp_path):
    shutil.copy(project_root / "Makefile", tmp_path / "Makefile")
    (tmp_path / "gradebook" / "submitted").mkdir(parents=True)
    (tmp_path / "gradebook" / "gradebook.db").write_text("grades")
    return tmp_path


def _make(project, target, answer=""):
    return subprocess.run(["make", "--no-print-directory", target], cwd=project, input=answer,
                          capture_output=True, text=True, check=True).stdout


def test_clean_keeps_the_gradebook(project):
    (project / ".pytest_cache").mkdir()
    _make(project, "clean")
    assert not (project / ".pytest_cache").exists()
    assert (project / "gradebook" / "gradebook.db").read_text() == "grades"


@pytest.mark.parametrize("answer", ["", "yes\n", "Delete\n", "delete it\n"])
def test_clean_gradebook_deletes_nothing_unless_told_delete(project, answer):
    said = _make(project, "clean-gradebook", answer)
    assert said.endswith("Nothing deleted.\n")
    assert (project / "gradebook" / "gradebook.db").read_text() == "grades"


def test_clean_gradebook_deletes_it_when_told_delete(project):
    said = _make(project, "clean-gradebook", answer="delete\n")
    assert not (project / "gradebook").exists()
    assert said.endswith("gradebook/ deleted.\n") and "Nothing deleted" not in said


def test_make_test_runs_the_linter_before_the_tests(project_root):
    """A lint error (ruff) fails `make test`, as a failing test does; `make -n` only prints."""
    planned = subprocess.run(["make", "--no-print-directory", "-n", "test"], cwd=project_root,
                             capture_output=True, text=True, check=True).stdout
    assert "ruff check src tests bench" in planned
    assert planned.index("ruff check") < planned.index("-m pytest")
