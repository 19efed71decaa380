"""What comes back out of the sandbox, and the folder the clean re-check reads.

After a submission has run, only the learner's saved work leaves the sandbox: what the course's
tools save by design, all under names that start with `my_` (a tool's `my_….json`, its
`my_….damaged-….json` beside it, the `my_project/` and `my_spread_plan/` folders), plus any file
the course's `Autograde.exclude_overwriting` keeps as the learner's. Every other file the learner's
code left there stays behind. The course's own files (a data set beside the notebook) are compared
with the source: any difference is reported, for the tampering flag. The clean re-check then runs
in a fresh folder holding the learner's saved work and, over it, the course's own files copied
from the source, as nbgrader lays out an autograded folder."""

from __future__ import annotations

import filecmp
import os
import shutil
import stat
from collections.abc import Callable, Collection, Mapping
from pathlib import Path

SAVED_PREFIX = "my_"
SAVED_BYTES = 50_000_000


def is_saved_work(relative: Path, kept: Collection[str] = ()) -> bool:
    return bool(relative.parts) and (relative.parts[0].startswith(SAVED_PREFIX)
                                     or relative.as_posix() in kept)


def copy_regular_files(source: Path, target: Path, wanted: Callable[[Path], bool],
                       budget: int = SAVED_BYTES) -> None:
    """The regular files under `source` that `wanted` (given each one's relative path) accepts,
    up to `budget` bytes in all. Never follows a link: one the learner made could point anywhere
    on the grader's machine."""
    for folder, dirs, files in os.walk(source, followlinks=False):
        rel = Path(folder).relative_to(source)
        dirs.sort()
        for name in sorted(files):
            path = Path(folder) / name
            info = path.lstat()
            if not stat.S_ISREG(info.st_mode) or info.st_size > budget \
                    or not wanted(rel / name):
                continue
            budget -= info.st_size
            (target / rel).mkdir(parents=True, exist_ok=True)
            dest = target / rel / name
            if dest.is_symlink() or dest.is_dir():
                remove(dest)
            with open(path, "rb") as src, open(dest, "wb") as out:
                shutil.copyfileobj(src, out)


def copy_saved_work(source: Path, target: Path, kept: Collection[str] = ()) -> None:
    """Replace the saved work in `target` by the saved work in `source`."""
    if target.is_dir():
        for entry in target.iterdir():
            if entry.name.startswith(SAVED_PREFIX):
                remove(entry)
    for relative in kept:
        remove(target / relative)
    copy_regular_files(source, target, lambda rel: is_saved_work(rel, kept))


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def changed_course_files(folder: Path, course_files: Mapping[str, str]) -> list[str]:
    """The course's own files (relative path -> the source's copy) that `folder` no longer holds
    exactly as the source does: changed, replaced by a link or a folder, or deleted."""
    changed = []
    for relative, original in sorted(course_files.items()):
        path = folder / relative
        try:
            same = stat.S_ISREG(path.lstat().st_mode) and filecmp.cmp(path, original,
                                                                       shallow=False)
        except OSError:
            same = False
        if not same:
            changed.append(relative)
    return changed


def lay_out_check_folder(folder: Path, saved_from: Path, course_files: Mapping[str, str],
                         kept: Collection[str] = ()) -> None:
    """The clean re-check's folder: the learner's saved work, then the course's own files from
    the source over it (as nbgrader's autograde copies the source's files over the learner's)."""
    copy_regular_files(saved_from, folder, lambda rel: is_saved_work(rel, kept))
    for relative, original in course_files.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        remove(target)
        shutil.copyfile(original, target)
