"""The learner edition: exactly what learners receive, built from the tutor's repository.

course/, exercises/, source_data/ and the library (src/, pyproject.toml), with the Makefile (so
`make lab` works), the README, the licence and the course's Jupyter settings. No solutions/, no
tests, no gradebook. Nothing is copied through a link (hostile_files): a link or special file in
those folders stops the build, naming it. Without solutions/, `make lab` also turns nbgrader's
tutor tools off (jupyter-config/learner). Every notebook is checked for solution, hidden-test and
mark-scheme regions before the edition is accepted.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from qispread.errors import DataProblem

PARTS = ["course", "exercises", "source_data", "src", "pyproject.toml", "hatch_build.py",
         "constraints.txt", "Makefile", "README.md",
         "LICENSE", "jupyter-config"]
LEFT_OUT = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", ".ipynb_checkpoints",
                                  "my_*.json", "*_export.*", "gradebook")
TUTOR_ONLY = ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "BEGIN MARK SCHEME")


def tutor_only_text(folder: Path) -> list[str]:
    """Notebooks under folder holding a region only tutors may see."""
    found = []
    for notebook in sorted(folder.rglob("*.ipynb")):
        text = notebook.read_text(encoding="utf-8")
        found += [f"{notebook.relative_to(folder)}: {m}" for m in TUTOR_ONLY if m in text]
    return found


def _links_in(part: Path) -> list[str]:
    """Links and special files under a part (copying would follow a link to, say, gradebook/)."""
    from qispread.grading.hostile_files import EVERYTHING, UnsafeSubmission, inspect_folder

    if part.is_symlink():
        return [f"{part.name}: it is a link"]
    if not part.is_dir():
        return []
    try:
        notes = inspect_folder(part, EVERYTHING, lambda name, _: bool(LEFT_OUT("", [name])))
    except UnsafeSubmission as refused:
        return [f"{part.name}: {refused}"]
    return [f"{part.name}/{note.removeprefix('left out ')}" for note in notes]


def build_learner_edition(root: Path, out: Path) -> Path:
    root, out = Path(root).resolve(), Path(out).resolve()
    if out == root or root in out.parents:
        raise DataProblem(f"Build the learner edition outside the repository ({root}), "
                          "for example --output ../qispread-learners.")
    if out.exists() and any(out.iterdir()):
        raise DataProblem(f"{out} already holds files. Give a new or empty folder.")
    missing = [part for part in PARTS[:4] if not (root / part).exists()]
    if missing:
        raise DataProblem(f"{root} has no {', '.join(missing)}: give the course repository "
                          "with --root.")
    unsafe = [note for part in PARTS for note in _links_in(root / part)]
    if unsafe:
        raise DataProblem("The learner edition was not built: learners would receive what a "
                          f"link points to, or a file that is not an ordinary one ({unsafe[0]}). "
                          "Replace links with the files themselves, or remove them.")
    out.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, out / part, ignore=LEFT_OUT)
        elif source.exists():
            shutil.copy2(source, out / part)
    leaks = tutor_only_text(out)
    if leaks:
        shutil.rmtree(out)
        raise DataProblem("The learner edition would have held tutor-only text, so it was not "
                          f"built: {leaks[0]}. Run `make build` to regenerate exercises/.")
    return out
