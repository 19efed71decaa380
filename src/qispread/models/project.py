"""A learner's own improvement project: one folder that every tool reads and writes.

    project = Project.find()                 # my_project/ at the top of the course, made if need be
    AimChecker(project.path("aim"))          # each tool saves its part there

The folder holds one JSON file per part, each in the format its tool already saves (so a part can be
opened by the tool, by graded code, or by a person). A tool saves its file when it opens, so a saved
file is not yet work: a part counts as made only when its file holds something the learner made
(models/part_content.py). Files that tools saved beside a notebook before projects existed
(my_aim.json, ...) are read once into the project when that part is still empty.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from qispread.errors import DataProblem
from qispread.models.part_content import holds_nothing

FOLDER_NAME = "my_project"
FOLDER_VARIABLE = "QISPREAD_PROJECT"
EXAMPLE_FOLDER = "example_project"


@dataclass(frozen=True)
class Part:
    key: str
    file: str
    title: str
    module: int
    legacy: str  # the file a tool saved beside its notebook before projects existed


PARTS: tuple[Part, ...] = (
    Part("aim", "aim.json", "Aim", 1, "my_aim.json"),
    Part("team", "team.json", "Project team", 1, "my_team.json"),
    Part("process_map", "process_map.json", "Process map", 2, "my_process_map.json"),
    Part("fishbone", "fishbone.json", "Cause and effect (fishbone)", 2, "my_fishbone.json"),
    Part("diagram", "driver_diagram.json", "Driver diagram", 3, "my_diagram.json"),
    Part("measures", "measures.json", "Family of measures", 4, "my_measures.json"),
    Part("chart", "chart.json", "Your data on a chart", 5, "my_chart.json"),
    Part("pdsa", "pdsa.json", "PDSA cycles", 7, "my_pdsa.json"),
    Part("readiness", "readiness.json", "Spread readiness", 8, "my_readiness.json"),
    Part("coaching", "coaching_plan.json", "Convening and coaching plan", 9,
         "my_coaching_plan.json"),
    Part("stakeholders", "stakeholders.json", "Stakeholder map", 9, "my_stakeholders.json"),
    Part("involvement", "involvement.json", "Involving patients and the public", 9,
         "my_involvement.json"),
    Part("sustainability", "sustainability.json", "Sustainability rating", 10,
         "my_sustainability.json"),
    Part("spread_measures", "spread_measures.json", "How we will know it is spreading", 10,
         "my_spread_measures.json"),
)
PART_KEYS = tuple(part.key for part in PARTS)


def part(key: str) -> Part:
    for candidate in PARTS:
        if candidate.key == key:
            return candidate
    raise DataProblem(
        f"A project has no part called '{key}'. Its parts are: {', '.join(PART_KEYS)}.")


def _course_root(start: Path) -> Path | None:
    """The nearest folder at or above start that holds the course (course/ or exercises/)."""
    for folder in (start, *start.parents):
        if (folder / "course").is_dir() or (folder / "exercises").is_dir():
            return folder
    return None


def project_folder(start: str | os.PathLike | None = None) -> Path:
    """Where the learner's project lives.

    QISPREAD_PROJECT wins; otherwise the nearest my_project/ at or above the working folder;
    otherwise a new my_project/ at the top of the course (beside course/ and exercises/), so every
    lesson and assignment finds the same one; outside a course, in the working folder.
    """
    chosen = os.environ.get(FOLDER_VARIABLE)
    if chosen:
        return Path(chosen).expanduser()
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / FOLDER_NAME).is_dir():
            return folder / FOLDER_NAME
    return (_course_root(here) or here) / FOLDER_NAME


@dataclass(frozen=True)
class Project:
    """The project folder and its parts. Creating the object never changes any file."""

    folder: Path

    def __post_init__(self) -> None:
        object.__setattr__(self, "folder", Path(self.folder))  # graded code passes a str

    @classmethod
    def find(cls, start: str | os.PathLike | None = None,
             adopt_from: str | os.PathLike | None = None) -> Project:
        """The learner's project, with any older my_*.json in adopt_from (default: the working
        folder) read into parts that are still empty."""
        project = cls(project_folder(start))
        project.adopt_legacy_files(Path(adopt_from or Path.cwd()))
        return project

    def path(self, key: str) -> Path:
        return self.folder / part(key).file

    def saved(self, key: str) -> bool:
        """The part's file exists (perhaps only as its tool saved it on opening)."""
        return self.path(key).is_file()

    def has(self, key: str) -> bool:
        """The part holds something the learner made (an unreadable file counts: it is kept)."""
        return not holds_nothing(key, self.path(key))

    def missing(self) -> list[Part]:
        """The parts that hold nothing yet, saved or not."""
        return [p for p in PARTS if not self.has(p.key)]

    def adopt_legacy_files(self, folder: Path) -> list[Part]:
        """Copy each my_*.json a tool saved in folder into the project, if that part is empty
        and the old file is not.

        Copies, never moves, so the old file and any notebook that still names it keep working.
        """
        adopted = []
        for item in PARTS:
            old = folder / item.legacy
            if not holds_nothing(item.key, old) and not self.has(item.key):
                self.folder.mkdir(parents=True, exist_ok=True)
                shutil.copy2(old, self.path(item.key))
                adopted.append(item)
        return adopted

    def copy_to(self, target: str | os.PathLike) -> Project:
        """A copy of every part saved so far, in target (made if need be); returns the copy."""
        target = Path(target)
        target.mkdir(parents=True, exist_ok=True)
        for item in PARTS:
            if self.saved(item.key):
                shutil.copy2(self.path(item.key), target / item.file)
        return Project(target)


def example_project() -> Project:
    """The ready example project (synthetic, see source_data/make_example_project.py)."""
    from qispread import data

    return Project(Path(str(data.source_data_folder() / EXAMPLE_FOLDER)))


def start_from_example(project: Project) -> list[Part]:
    """Fill the project's empty parts (by what they hold, not whether a file exists) from the
    example project; returns the parts filled. A part the learner has started is never touched."""
    example = example_project()
    filled = []
    for item in PARTS:
        if example.has(item.key) and not project.has(item.key):
            project.folder.mkdir(parents=True, exist_ok=True)
            shutil.copy2(example.path(item.key), project.path(item.key))
            filled.append(item)
    return filled
