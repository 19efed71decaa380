"""Where files holding learners' personal data (roster copies, grades, reports) may be written.

By default under the course's gradebook/ folder, which git ignores. A tutor may name another
path; one inside the repository is accepted only if git ignores it and does not track it, so
that a `git add .` can never publish learners' names, emails or marks.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from qispread.errors import DataProblem

PRIVATE_FOLDER = "gradebook"


def default_path(course, name: str) -> Path:
    return course.root / PRIVATE_FOLDER / name


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          check=False)


def repository_of(path: Path) -> Path | None:
    """The git work tree holding path (or its nearest existing folder), if any."""
    folder = path if path.is_dir() else path.parent
    while not folder.exists():
        folder = folder.parent
    try:
        result = _git(folder, "rev-parse", "--show-toplevel")
    except FileNotFoundError:  # no git installed: nothing can be published by it
        return None
    return Path(result.stdout.strip()).resolve() if result.returncode == 0 else None


def check_private(path: Path) -> Path:
    """path, resolved, if writing personal data there cannot end up in a commit by accident."""
    path = Path(path).expanduser().resolve()
    repo = repository_of(path)
    if repo is None:
        return path
    relative = path.relative_to(repo).as_posix()
    tracked = _git(repo, "ls-files", "--error-unmatch", "--", relative).returncode == 0
    ignored = _git(repo, "check-ignore", "-q", "--no-index", "--", relative).returncode == 0
    if tracked or not ignored:
        why = "git tracks it" if tracked else "git does not ignore it"
        raise DataProblem(
            f"Not writing learners' personal data to {path}: it is inside the repository {repo} "
            f"and {why}, so a `git add .` would publish it. Leave out the path to write under "
            f"{repo / PRIVATE_FOLDER} (ignored by git), or give a path outside the repository."
        )
    return path


def output_path(course, requested: str | None, default_name: str) -> Path:
    """The tutor's path if it is private, else a DataProblem; gradebook/<default_name> if none."""
    path = Path(requested) if requested else default_path(course, default_name)
    return check_private(path)
