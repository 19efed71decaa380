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


def test_clean_gradebook_asks_first(project):
    assert "Nothing deleted" in _make(project, "clean-gradebook", answer="yes\n")
    assert (project / "gradebook" / "gradebook.db").exists()
    assert "deleted" in _make(project, "clean-gradebook", answer="delete\n")
    assert not (project / "gradebook").exists()
