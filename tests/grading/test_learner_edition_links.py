"""The learner edition copies nothing through a link: a link in course/ (say, to the tutor's
gradebook/) or a special file stops the build and names it, and nothing is written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from learner_edition import (
    CITED_DOCS,
    LEARNER_README,
    build_learner_edition,
)

from qispread.errors import DataProblem

ROSTER_LINE = "ana,Ana,Okafor,ana@nhs.net"


def _repository(root: Path) -> Path:
    for part in ("course/01_intro", "exercises/01_intro", "source_data", "src/qispread"):
        (root / part).mkdir(parents=True)
    (root / "course" / "01_intro" / "lesson.txt").write_text("a lesson")
    for document in (LEARNER_README, *CITED_DOCS):  # what every edition carries
        (root / document).parent.mkdir(parents=True, exist_ok=True)
        (root / document).write_text("# A page\n")
    (root / "gradebook").mkdir()
    (root / "gradebook" / "roster.csv").write_text(ROSTER_LINE)
    return root


@pytest.mark.parametrize(("make", "named"), [
    (lambda r: (r / "course" / "01_intro" / "data").symlink_to(r / "gradebook"),
     "course/01_intro/data: it is a link"),
    (lambda r: (r / "source_data" / "roster.csv").symlink_to(r / "gradebook" / "roster.csv"),
     "source_data/roster.csv: it is a link"),
    (lambda r: os.mkfifo(r / "course" / "pipe"), "course/pipe: it is not an ordinary file"),
])
def test_a_link_stops_the_build_and_is_named(tmp_path, make, named):
    root = _repository(tmp_path / "repo")
    make(root)
    out = tmp_path / "learners"
    with pytest.raises(DataProblem, match="learner edition was not built") as refused:
        build_learner_edition(root, out)
    assert named in str(refused.value)
    assert not out.exists()


def test_without_links_the_edition_is_built(tmp_path):
    root = _repository(tmp_path / "repo")
    out = build_learner_edition(root, tmp_path / "learners")
    assert (out / "course" / "01_intro" / "lesson.txt").read_text() == "a lesson"
    assert not any(ROSTER_LINE in p.read_text() for p in out.rglob("*") if p.is_file())


def test_the_installed_command_sends_tutors_to_the_repository(tmp_path, capsys):
    """The builder needs the checkout, so the wheel's `qispread cohort learner-edition` builds
    nothing and says where the tool is."""
    from qispread.cli_cohort import main

    root = tmp_path / "course"
    root.mkdir()
    assert main(["cohort", "learner-edition", "--root", str(root), "--output",
                 str(tmp_path / "learners")]) == 2
    assert "make learner-edition OUT=" in " ".join(capsys.readouterr().err.split())
    assert not (tmp_path / "learners").exists()


def test_the_repository_script_refuses_plainly(tmp_path, capsys):
    from learner_edition import main

    (tmp_path / "not-a-course").mkdir()
    assert main(["--root", str(tmp_path / "not-a-course"), "--output", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Problem: ") and "give the course repository with --root" in err
