"""The project tools in a lesson and the spread plan builder in the module 10 assignment."""

import json
import re

import pytest

from qispread.models.aim import Aim
from qispread.models.project import PARTS, Project
from qispread.widgets.my_project import ProjectStatus, project_tool
from qispread.widgets.spread_plan_builder import COPY_FOLDER, SpreadPlanBuilder


@pytest.fixture
def course(tmp_path, monkeypatch):
    """A course folder with a lesson and an assignment folder; work happens in the assignment."""
    (tmp_path / "course" / "01_model_for_improvement").mkdir(parents=True)
    assignment = tmp_path / "exercises" / "10_spread_plan"
    assignment.mkdir(parents=True)
    monkeypatch.chdir(assignment)
    monkeypatch.delenv("QISPREAD_PROJECT", raising=False)
    return tmp_path


def test_each_tool_saves_into_the_project_folder(course):
    for item in PARTS:
        project_tool(item.key)
    assert Project(course / "my_project").missing() == []


def test_the_example_fills_only_what_is_missing(course):
    project = Project(course / "my_project")
    project.folder.mkdir()
    Aim("My own aim").save(project.path("aim"))
    status = ProjectStatus(project)
    status.fill_from_example()
    assert project.missing() == []
    assert json.loads(project.path("aim").read_text())["text"] == "My own aim"
    assert "Saved" in status.messages.value and "✔ done" in status.table.value


def test_the_builder_copies_the_project_into_the_assignment_once(course):
    project = Project(course / "my_project")
    project.folder.mkdir()
    Aim("First aim").save(project.path("aim"))
    SpreadPlanBuilder()
    copied = Project(course / "exercises" / "10_spread_plan" / COPY_FOLDER)
    assert json.loads(copied.path("aim").read_text())["text"] == "First aim"
    Aim("Changed later").save(project.path("aim"))
    builder = SpreadPlanBuilder()  # reopening (or the grader re-running) keeps the submitted copy
    assert json.loads(copied.path("aim").read_text())["text"] == "First aim"
    builder.copy_project()
    assert json.loads(copied.path("aim").read_text())["text"] == "Changed later"


def test_the_builder_names_what_is_missing(course):
    builder = SpreadPlanBuilder()
    assert builder.status.value.count("✘") == 5
    builder.use_example_project()
    assert "example project" in builder.status.value  # the aim must still be the learner's own


def test_the_builder_makes_the_html_plan(course, monkeypatch):
    from qispread.widgets import spread_plan_builder

    def no_browser(_path):
        raise spread_plan_builder.PdfProblem("No chromium here.")

    monkeypatch.setattr(spread_plan_builder, "print_pdf", no_browser)
    builder = SpreadPlanBuilder()
    builder.use_example_project()
    builder.author.value = "Sam Jones"
    html_file = builder.make()
    page = html_file.read_text()
    assert "Sam Jones" in page and "Riverside Hospital" in page
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"?https?:", page)  # works offline
    assert "In words:" in page
    assert "No chromium here." in builder.messages.value


def test_the_diagram_shows_the_aim_the_learner_wrote_after_the_example(course):
    project = Project(course / "my_project")
    ProjectStatus(project).fill_from_example()  # the example's diagram has the example's aim
    Aim("Reduce falls on Ward 7 from 8 to 4 a month by June 2027.").save(project.path("aim"))
    tool = project_tool("diagram", project)
    builder = tool.children[1]
    assert builder.aim.value == "Reduce falls on Ward 7 from 8 to 4 a month by June 2027."
    saved = json.loads(project.path("diagram").read_text())
    assert saved["aim"] == "Reduce falls on Ward 7 from 8 to 4 a month by June 2027."
