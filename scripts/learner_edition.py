"""The learner edition: exactly what learners receive, built from the tutor's repository.

course/, exercises/, source_data/ and the library (src/, pyproject.toml), with the Makefile (so
`make lab` works), the licence, the course's Jupyter settings, the learners' own README
(learner-edition/README.md) and the documents the lessons cite, with what those link to. No
solutions/, no tests, no gradebook. Nothing is copied through a link (hostile_files): a link or
special file in those folders stops the build, naming it. Without solutions/, `make lab` installs
only what learners need (the `learner` extra) and turns nbgrader's tutor tools off
(jupyter-config/learner). The edition is accepted only when no notebook holds a solution,
hidden-test or mark-scheme region and every link in it leads to a file in it.

Repository tooling, not part of the installed library: it copies the checkout's Makefile, src/,
pyproject.toml and learner-edition/README.md, so it runs from a checkout:

    make learner-edition OUT=../qispread-learners
    .venv/bin/python scripts/learner_edition.py --output ../qispread-learners
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from edition_links import broken_links, relative_links  # beside this script

from qispread.errors import DataProblem
from qispread.grading.cells import DEFAULT, Delimiters
from qispread.grading.course import load_config

PARTS = ["course", "exercises", "source_data", "src", "pyproject.toml", "hatch_build.py",
         "constraints.txt", "Makefile", "LICENSE", "jupyter-config"]
LEARNER_README = "learner-edition/README.md"  # becomes the edition's README.md
# named in lessons 07 and 08; the data guide is linked under every chart of the course's data
CITED_DOCS = ("docs/spread-simulator.md", "docs/sources.md", "docs/data.md")
LEFT_OUT = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", ".ipynb_checkpoints",
                                  "my_*.json", "*_export.*", "gradebook")


def tutor_only_text(folder: Path, delimiters: Delimiters = DEFAULT) -> list[str]:
    """Notebooks under folder holding a region only tutors may see: one that begins with the
    course's delimiters or with nbgrader's defaults."""
    markers = dict.fromkeys(begin for d in (delimiters, DEFAULT) for begin, _ in d.secret)
    found = []
    for notebook in sorted(folder.rglob("*.ipynb")):
        text = notebook.read_text(encoding="utf-8")
        found += [f"{notebook.relative_to(folder)}: {m}" for m in markers if m in text]
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
    shutil.copy2(root / LEARNER_README, out / "README.md")
    for document in with_what_they_link(root, CITED_DOCS):
        (out / document).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / document, out / document)
    leaks = tutor_only_text(out, Delimiters.of(load_config(root)))
    if leaks:
        shutil.rmtree(out)
        raise DataProblem("The learner edition would have held tutor-only text, so it was not "
                          f"built: {leaks[0]}. Run `make build` to regenerate exercises/.")
    broken = broken_links(out)
    if broken:
        shutil.rmtree(out)
        raise DataProblem(f"A link in the learner edition would lead nowhere, so it was not built: "
                          f"{broken[0]}. Link only to files the edition holds ({LEARNER_README} "
                          f"for the README; {', '.join(CITED_DOCS)} and what they link to).")
    return out


def with_what_they_link(root: Path, documents: tuple[str, ...]) -> list[str]:
    """The documents and every file of the repository they link to, directly or not."""
    found: list[str] = []
    waiting = list(documents)
    while waiting:
        name = waiting.pop(0)
        path = (root / name).resolve()
        if name in found or not path.is_file() or root not in path.parents:
            continue
        found.append(name)
        if path.suffix == ".md":
            waiting += [str((path.parent / link).resolve().relative_to(root))
                        for link in relative_links(path.read_text(encoding="utf-8"))
                        if root in (path.parent / link).resolve().parents]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the folder learners receive (no "
                                     "solutions/, no tutor tools) from this repository.")
    parser.add_argument("--root", default=str(Path(__file__).resolve().parents[1]),
                        help="the course repository (default: the one holding this script)")
    parser.add_argument("--output", required=True, help="a new folder, outside the repository")
    args = parser.parse_args(argv)
    try:
        out = build_learner_edition(Path(args.root), Path(args.output))
    except DataProblem as problem:
        print(f"Problem: {problem}", file=sys.stderr)
        return 2
    print(f"Learner edition written to {out}: course/, exercises/, source_data/ and the library; "
          "no solutions/, nbgrader's tutor tools turned off.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
