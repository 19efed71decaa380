"""One nbgrader course folder: its configuration, folders and gradebook, for the cohort commands."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from qispread.errors import DataProblem
from qispread.grading.nbgrader_env import put_python_bin_on_path

CONFIG_FILE = "nbgrader_config.py"


def postgres_driver(db_url: str) -> str:
    """SQLAlchemy 2.1 reads postgresql:// as psycopg 3; use psycopg2 when only it is installed."""
    if not db_url.startswith("postgresql://"):
        return db_url
    if importlib.util.find_spec("psycopg") or not importlib.util.find_spec("psycopg2"):
        return db_url
    return "postgresql+psycopg2://" + db_url.removeprefix("postgresql://")


def load_config(root: Path, db_url: str | None = None, exchange: Path | None = None) -> Config:
    """Read the course's nbgrader_config.py; the arguments given here win over the file."""
    cfg = Config()
    if (root / CONFIG_FILE).exists():
        cfg.merge(PyFileConfigLoader(CONFIG_FILE, path=str(root)).load_config())
    cfg.CourseDirectory.root = str(root)
    if db_url:
        cfg.CourseDirectory.db_url = postgres_driver(db_url)
    if exchange is not None:
        cfg.Exchange.root = str(exchange)
    return cfg


def state_folder_of(coursedir) -> Path:
    """Where qispread records what it has graded (cohort/store.py knows the files): beside
    nbgrader's autograded folder. From nbgrader's CourseDirectory, so that nbgrader's plug-ins,
    which have no Course, find it too."""
    autograded = coursedir.format_path(coursedir.autograded_directory, ".", ".")
    return Path(autograded).resolve().parent / "qispread-state"


@dataclass
class Course:
    """A course folder as nbgrader sees it (source, release, submitted, autograded, feedback)."""

    root: Path
    db_url_override: str | None = None
    exchange: Path | None = None
    config: Config = field(init=False)

    def __post_init__(self) -> None:
        self.root = Path(self.root).resolve()
        if not self.root.is_dir():
            raise DataProblem(
                f"The course folder {self.root} does not exist. Give the folder that holds "
                f"{CONFIG_FILE} (use --root)."
            )
        put_python_bin_on_path()
        self.config = load_config(self.root, self.db_url_override, self.exchange)
        from nbgrader.coursedir import CourseDirectory

        self.coursedir = CourseDirectory(config=self.config)
        if not self.coursedir.course_id:
            self.coursedir.course_id = "qispread"
            self.config.CourseDirectory.course_id = "qispread"
        if self.db_url.startswith("sqlite:///"):
            Path(self.db_url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)

    @property
    def course_id(self) -> str:
        return self.coursedir.course_id

    @property
    def db_url(self) -> str:
        return self.coursedir.db_url

    def folder(self, kind: str, student: str = ".", assignment: str = ".") -> Path:
        """kind is one of source, release, submitted, autograded, feedback."""
        name = getattr(self.coursedir, f"{kind}_directory")
        return Path(self.coursedir.format_path(name, student, assignment)).resolve()

    def state_folder(self) -> Path:
        return state_folder_of(self.coursedir)

    def assignments(self) -> list[str]:
        """Assignment folders in the source directory, in name order."""
        source = self.folder("source")
        if not source.is_dir():
            return []
        return sorted(p.name for p in source.iterdir() if p.is_dir() and any(p.glob("*.ipynb")))

    def check_assignment(self, assignment: str) -> None:
        known = self.assignments()
        if assignment not in known:
            raise DataProblem(
                f"There is no assignment called '{assignment}' in {self.folder('source')}. "
                f"Known assignments: {', '.join(known) or 'none'}."
            )

    def submitted_students(self, assignment: str) -> list[str]:
        submitted = self.folder("submitted")
        if not submitted.is_dir():
            return []
        return sorted(
            p.name for p in submitted.iterdir() if (p / assignment).is_dir() and p.name[0] != "."
        )

    @contextmanager
    def gradebook(self) -> Iterator:
        """nbgrader's Gradebook for this course; the database is created on first use."""
        from nbgrader.api import Gradebook

        with Gradebook(self.db_url, self.course_id) as gb:
            yield gb

    def api(self):
        """nbgrader's own Python API over this course (release, collect, feedback)."""
        from nbgrader.apps import NbGraderAPI

        return NbGraderAPI(coursedir=self.coursedir, config=self.config)

    def exchange_ready(self) -> bool:
        """A filesystem exchange folder exists (the `release`/`collect` steps need one)."""
        from nbgrader.exchange.default.exchange import Exchange

        return Path(Exchange(config=self.config).root).is_dir()

