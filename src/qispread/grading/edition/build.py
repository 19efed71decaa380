"""Generate the learners' release (exercises/) from the one source of each assignment (solutions/).

nbgrader strips solutions, hidden tests and mark schemes. The release is not recorded in the tutors'
gradebook, so building twice gives byte-identical notebooks and touches no tutor's database.
"""

import os
import shutil
import tempfile
from pathlib import Path

from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config, PyFileConfigLoader

from qispread.errors import QispreadError
from qispread.grading.nbgrader_env import put_python_bin_on_path

SOURCE = "solutions"
RELEASE = "exercises"


class BuildFailed(QispreadError, RuntimeError):
    """nbgrader could not generate an assignment; the message carries its log."""


def assignment_ids(root: str | os.PathLike) -> list[str]:
    """Every assignment: a folder of solutions/ holding at least one notebook."""
    source = Path(root) / SOURCE
    return sorted(
        d.name for d in source.iterdir() if d.is_dir() and any(d.glob("*.ipynb"))
    ) if source.is_dir() else []


def build_release(root: str | os.PathLike = ".",
                  into: str | os.PathLike | None = None) -> list[Path]:
    """Regenerate every assignment's release; return the files written.

    `into` writes the release somewhere else (the drift test uses a temporary folder).
    """
    put_python_bin_on_path()
    root = Path(root).resolve()
    release = Path(into).resolve() if into else root / RELEASE
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="qispread-build-") as scratch:
        staging = Path(scratch) / "release"
        api = _nbgrader(root, staging, Path(scratch) / "gradebook.db")
        for assignment in assignment_ids(root):
            _generate(api, assignment)
            target = release / assignment
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(staging / assignment, target)
            written.extend(sorted(p for p in target.rglob("*") if p.is_file()))
    return written


def course_config(root: str | os.PathLike) -> Config:
    """The course's own nbgrader_config.py, so building uses the stubs tutors configured."""
    config_file = Path(root) / "nbgrader_config.py"
    if not config_file.exists():
        return Config()
    return PyFileConfigLoader(config_file.name, path=str(config_file.parent)).load_config()


def _nbgrader(root: Path, staging: Path, gradebook: Path) -> NbGraderAPI:
    """nbgrader set to write releases into staging.

    nbgrader records the cells it saves in a gradebook. One throwaway gradebook serves the whole
    build: it keeps the tutors' own untouched, and creating a gradebook costs ~5.6 s (nbgrader
    runs the `alembic` command), so one per build rather than one per assignment.
    """
    config = course_config(root)
    config.CourseDirectory.root = str(root)
    config.CourseDirectory.source_directory = SOURCE
    config.CourseDirectory.release_directory = str(staging)
    config.CourseDirectory.db_url = f"sqlite:///{gradebook}"
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config)


def _generate(api: NbGraderAPI, assignment: str) -> None:
    result = api.generate_assignment(assignment, force=True, create=True)
    if not result["success"]:
        raise BuildFailed(
            f"nbgrader could not generate '{assignment}' from {SOURCE}/{assignment}:\n"
            f"{result.get('error') or result.get('log')}"
        )
