"""The learner edition is made for learners: a README written for them whose every link leads to a
file in the edition, lessons that cite only what the edition holds, and a `make lab` that installs
the course without the tutors' and developers' tools (issue 24, section 5)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tomllib
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import pytest
from edition_links import broken_links, relative_links
from learner_edition import build_learner_edition
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from pipeline.notebooks import ROOT

DEVELOPERS_ONLY = {"pytest", "mypy", "sphinx", "jupyterhub", "psycopg2", "psycopg2-binary",
                   "playwright", "ruff", "hypothesis", "papermill"}


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    return build_learner_edition(ROOT, tmp_path_factory.mktemp("learners") / "qispread")


def test_the_readme_is_the_learners_and_every_link_in_the_edition_leads_inside_it(edition):
    readme = (edition / "README.md").read_text(encoding="utf-8")
    assert "make lab" in readme and "make test" not in readme
    links = relative_links(readme)
    assert "course/00_start_here/start_here.ipynb" in links and len(links) >= 6
    assert broken_links(edition) == []


def test_what_the_lessons_cite_is_in_the_edition(edition):
    lesson = json.loads((edition / "course" / "08_spread_principles" /
                         "spread_principles.ipynb").read_text(encoding="utf-8"))
    text = "".join("".join(cell["source"]) for cell in lesson["cells"])
    assert "`docs/spread-simulator.md`" in text
    assert (edition / "docs" / "spread-simulator.md").is_file()
    assert (edition / "docs" / "images" / "widgets" / "spread_simulator.png").is_file()


def test_a_link_to_a_file_the_edition_lacks_is_found(tmp_path):
    (tmp_path / "course" / "01").mkdir(parents=True)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "here.md").write_text("x")
    (tmp_path / "README.md").write_text(
        "[ok](docs/here.md) [gone](docs/images/x.png) [web](https://example.org) [top](#top)\n"
        '<img src="docs/missing.svg">\n')
    lesson = {"cells": [
        {"cell_type": "markdown", "source": ["See `docs/spread-simulator.md` and [up](../../docs/"
                                             "here.md); your aim is in `my_project/aim.json`."]},
        {"cell_type": "code", "source": ["`docs/not-a-citation.md`"]}]}
    (tmp_path / "course" / "01" / "lesson.ipynb").write_text(json.dumps(lesson))
    assert broken_links(tmp_path) == ["README.md: docs/images/x.png", "README.md: docs/missing.svg",
                                      "course/01/lesson.ipynb: docs/spread-simulator.md"]


def _extras_make_installs(edition: Path) -> list[str]:
    dry_run = subprocess.run(["make", "-n", "-C", str(edition), "setup"], capture_output=True,
                             text=True, check=True).stdout
    (extras,) = re.findall(r"pip install .*-c constraints\.txt -e '\.\[([\w,-]*)\]'", dry_run)
    return extras.split(",")


def _installed_with(edition: Path, extras: list[str]) -> set[str]:
    """Every distribution that installing the edition with these extras brings in, walked through
    the dependency metadata of this (fully installed, constrained) environment."""
    project = tomllib.loads((edition / "pyproject.toml").read_text())["project"]
    wanted = [Requirement(r) for r in project["dependencies"]]
    own = set(extras)
    while own:  # qispread's extras name each other: qispread[course,grading]
        extra = own.pop()
        for text in project["optional-dependencies"][extra]:
            requirement = Requirement(text)
            if requirement.name == "qispread":
                own |= requirement.extras
            else:
                wanted.append(requirement)
    found: set[str] = set()
    while wanted:
        requirement = wanted.pop()
        name = canonicalize_name(requirement.name)
        if name in found:
            continue
        found.add(name)
        try:
            requires = distribution(requirement.name).requires or []
        except PackageNotFoundError:  # only for a platform this machine is not
            continue
        for text in requires:
            child = Requirement(text)
            if child.marker is None or any(child.marker.evaluate({"extra": extra})
                                           for extra in {"", *requirement.extras}):
                wanted.append(child)
    return found


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_lab_installs_the_course_without_the_developers_tools(edition):
    extras = _extras_make_installs(edition)
    assert extras == ["learner"]
    installed = _installed_with(edition, extras)
    assert {"jupyterlab", "nbgrader", "ipywidgets", "plotly", "kaleido"} <= installed
    assert installed & DEVELOPERS_ONLY == set()
    # the tutor's repository still installs them (the test would pass were nothing installed)
    assert _installed_with(edition, ["dev", "site"]) >= DEVELOPERS_ONLY - {"psycopg2"}
