"""The project tools in a lesson and the spread plan builder in the module 11 assignment.

"Saved" is not "done": every tool saves its file when it opens, so the status and the builder judge
each part by what it holds, with the same checks module 11 grades."""

import json
import re

import pytest

from qispread.models.aim import Aim
from qispread.models.project import PARTS, Project
from qispread.models.project_checks import CHECKS
from qispread.widgets.my_project import ProjectStatus, project_tool
from qispread.widgets.spread_plan_builder import COPY_FOLDER, SpreadPlanBuilder


@pytest.fixture
def course(tmp_path, monkeypatch):
    """A course folder with a lesson and an assignment folder; work happens in the assignment."""
    (tmp_path / "course" / "01_model_for_improvement").mkdir(parents=True)
    assignment = tmp_path / "exercises" / "11_spread_plan"
    assignment.mkdir(parents=True)
    monkeypatch.chdir(assignment)
    monkeypatch.delenv("QISPREAD_PROJECT", raising=False)
    return tmp_path


def _open_every_lesson_s_tool(course) -> Project:
    """What Run All does in lessons 01 to 09: each "your project" step opens its tool."""
    for item in PARTS:
        project_tool(item.key)
    return Project(course / "my_project")


def _states(status: ProjectStatus) -> list[str]:
    return re.findall(r"<td style='white-space:nowrap'>([^<]+)</td><td>", status.table.value)


def test_each_tool_saves_into_the_project_folder_but_saves_nothing_done(course):
    project = _open_every_lesson_s_tool(course)
    assert all(project.saved(item.key) for item in PARTS)
    assert project.missing() == list(PARTS)
    assert _states(ProjectStatus(project)) == ["— empty"] * len(PARTS)


def test_the_example_fills_the_parts_the_lessons_saved_empty(course):
    project = _open_every_lesson_s_tool(course)
    status = ProjectStatus(project)
    status.fill_from_example()
    assert project.missing() == []
    for item in PARTS:
        assert item.title in status.messages.value
    # the example's aim and reading of the chart are not the learner's own: started, not complete
    started = {"aim", "chart"}
    assert _states(status) == ["◐ started" if item.key in started else "✔ complete"
                               for item in PARTS]
    assert "This is the example project" in status.table.value


def test_the_example_fills_only_what_is_missing(course):
    project = Project(course / "my_project")
    project.folder.mkdir()
    Aim("My own aim").save(project.path("aim"))
    status = ProjectStatus(project)
    status.fill_from_example()
    assert project.missing() == []
    assert json.loads(project.path("aim").read_text())["text"] == "My own aim"
    assert "Saved" in status.messages.value and "Aim," not in status.messages.value
    assert _states(status)[0] == "◐ started"  # an aim without a number or a date is not complete
    assert "aim checker cannot find" in status.table.value


def test_the_builder_copies_the_project_into_the_assignment_once(course):
    project = Project(course / "my_project")
    project.folder.mkdir()
    Aim("First aim").save(project.path("aim"))
    SpreadPlanBuilder()
    copied = Project(course / "exercises" / "11_spread_plan" / COPY_FOLDER)
    assert json.loads(copied.path("aim").read_text())["text"] == "First aim"
    Aim("Changed later").save(project.path("aim"))
    builder = SpreadPlanBuilder()  # reopening (or the grader re-running) keeps the submitted copy
    assert json.loads(copied.path("aim").read_text())["text"] == "First aim"
    builder.copy_project()
    assert json.loads(copied.path("aim").read_text())["text"] == "Changed later"


def test_the_builder_names_what_is_missing(course):
    builder = SpreadPlanBuilder()
    assert builder.status.value.count("✘") == len(CHECKS)  # every check module 11 grades
    assert "how spread will be measured" in builder.status.value
    builder.use_example_project()
    assert "example project" in builder.status.value  # the aim must still be the learner's own


def _no_browser(monkeypatch):
    from qispread.widgets import spread_plan_builder

    def no_browser(_path):
        raise spread_plan_builder.PdfProblem("No chromium here.")

    monkeypatch.setattr(spread_plan_builder, "print_pdf", no_browser)


def test_a_plan_of_empty_parts_is_a_draft_that_names_them(course, monkeypatch):
    _open_every_lesson_s_tool(course)
    builder = SpreadPlanBuilder()
    assert "marked DRAFT" in builder.status.value
    for item in PARTS:
        assert item.title in builder.status.value
    _no_browser(monkeypatch)
    page = builder.make().read_text()
    assert "Saved:" not in builder.messages.value and "DRAFT" in builder.messages.value
    assert ("Empty: Aim (module 01), Project team (module 01), Process map (module 02), Cause "
            "and effect (fishbone) (module 02), Driver diagram (module 03)") \
        in builder.messages.value
    assert "<h1>Spread plan (DRAFT)</h1>" in page and 'class="draft-mark"' in page


def test_the_builder_makes_the_html_plan(course, monkeypatch):
    _no_browser(monkeypatch)
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
