"""One project folder per learner: found from any lesson, older my_*.json read in once, the example
project complete, and the checks module 11 grades on pass a real project and fail junk."""

import json
import subprocess
import sys
from dataclasses import replace

import pytest
from project_samples import own_project

from qispread.models.aim import Aim
from qispread.models.chart_spec import ChartSpec, load_chart_spec
from qispread.models.coaching import CoachingPlan
from qispread.models.driver_diagram import DriverDiagram
from qispread.models.fishbone import Fishbone
from qispread.models.involvement import InvolvementPlan
from qispread.models.measures import MeasureFamily
from qispread.models.pdsa import CycleLog, load_pdsa_log
from qispread.models.process_map import ProcessMap
from qispread.models.project import (
    FOLDER_VARIABLE,
    PART_KEYS,
    PARTS,
    Project,
    example_project,
    project_folder,
    start_from_example,
)
from qispread.models.project_checks import (
    COMPLETE,
    EMPTY,
    STARTED,
    all_problems,
    chart_problems,
    part_problems,
    part_state,
    pdsa_problems,
    unfinished_parts,
)
from qispread.models.readiness import ReadinessRecord, default_label, load_readiness
from qispread.models.spread_measures import SpreadMeasures
from qispread.models.stakeholders import StakeholderMap
from qispread.models.sustainability import SustainabilityRating
from qispread.models.team import ProjectTeam


@pytest.fixture(autouse=True)
def no_project_variable(monkeypatch):
    monkeypatch.delenv(FOLDER_VARIABLE, raising=False)


def test_every_lesson_and_assignment_finds_the_same_project(tmp_path):
    (tmp_path / "course" / "05_run_charts").mkdir(parents=True)
    (tmp_path / "exercises" / "11_spread_plan").mkdir(parents=True)
    from_lesson = project_folder(tmp_path / "course" / "05_run_charts")
    from_assignment = project_folder(tmp_path / "exercises" / "11_spread_plan")
    assert from_lesson == from_assignment == tmp_path / "my_project"


def test_an_existing_project_folder_is_found_above_the_working_folder(tmp_path):
    (tmp_path / "my_project").mkdir()
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert project_folder(deep) == tmp_path / "my_project"


def test_the_environment_variable_chooses_the_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(FOLDER_VARIABLE, str(tmp_path / "elsewhere"))
    assert project_folder(tmp_path) == tmp_path / "elsewhere"


def test_older_files_are_copied_in_once_and_kept(tmp_path):
    Aim("Old aim").save(tmp_path / "my_aim.json")
    project = Project.find(tmp_path, adopt_from=tmp_path)
    assert json.loads(project.path("aim").read_text())["text"] == "Old aim"
    assert (tmp_path / "my_aim.json").exists()
    Aim("New aim").save(project.path("aim"))
    Project.find(tmp_path, adopt_from=tmp_path)  # a second look must not overwrite the new aim
    assert json.loads(project.path("aim").read_text())["text"] == "New aim"


def test_finding_a_project_changes_no_file(tmp_path):
    Project.find(tmp_path, adopt_from=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_the_example_project_is_complete_but_not_anyone_s_own_work(tmp_path):
    example = example_project()
    assert example.missing() == []
    problems = all_problems(example)
    assert "example project's aim" in problems["aim"][0]
    assert "example project's reading" in problems["chart"][0]
    assert problems["measures"] == problems["pdsa"] == problems["readiness"] == []
    assert all_problems(own_project(tmp_path)) == {key: [] for key in problems}


def test_the_example_project_is_made_by_its_script(tmp_path):
    from pipeline.notebooks import ROOT

    script = ROOT / "source_data" / "make_example_project.py"
    subprocess.run([sys.executable, str(script), str(tmp_path)], check=True)
    for part in PARTS:
        made = json.loads((tmp_path / part.file).read_text())
        shipped = json.loads(example_project().path(part.key).read_text())
        assert made == shipped, f"{part.file} differs from what the script makes"


def test_start_from_example_fills_only_empty_parts(tmp_path):
    project = Project(tmp_path / "my_project")
    project.folder.mkdir()
    Aim("My own aim").save(project.path("aim"))
    filled = start_from_example(project)
    assert "aim" not in [p.key for p in filled]
    assert project.missing() == []
    assert json.loads(project.path("aim").read_text())["text"] == "My own aim"


def test_an_empty_project_fails_every_check_with_a_way_forward(tmp_path):
    problems = all_problems(Project(tmp_path))
    for messages in problems.values():
        assert messages and "module" in messages[0]


def test_junk_interpretation_and_short_charts_fail(tmp_path):
    project = own_project(tmp_path / "p")
    spec = load_chart_spec(project.path("chart"))
    replace(spec, interpretation="asdf " * 40).save(project.path("chart"))
    assert chart_problems(project)
    lorem = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
             "incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud")
    replace(spec, interpretation=lorem).save(project.path("chart"))
    assert chart_problems(project)
    from qispread import data

    short = data.load("sepsis_screening").head(11)
    replace(spec, source=None, own_data_csv=short.to_csv(index=False),
            own_data_name="short").save(project.path("chart"))
    assert any("11 points" in message for message in chart_problems(project))


def test_a_cycle_without_a_study_is_not_enough(tmp_path):
    project = own_project(tmp_path / "p")
    log = load_pdsa_log(project.path("pdsa"))
    for cycle in log.cycles:
        cycle.study = ""
    log.save(project.path("pdsa"))
    assert pdsa_problems(project)


def test_an_unrated_principle_is_named(tmp_path):
    project = own_project(tmp_path / "p")
    record = load_readiness(project.path("readiness"))
    record.assessments[-1].set_score("networks", None)
    record.save(project.path("readiness"))
    assert "Networks" in all_problems(project)["readiness"][0]


def _saved_as_tools_open_them(folder) -> Project:
    """Each part's file as its tool writes it on opening, before the learner types anything."""
    empty = Project(folder)
    Aim("").save(empty.path("aim"))
    ProcessMap().save(empty.path("process_map"))
    Fishbone().save(empty.path("fishbone"))
    DriverDiagram(aim="").save(empty.path("diagram"))
    MeasureFamily().save(empty.path("measures"))
    ChartSpec().save(empty.path("chart"))
    CycleLog().save(empty.path("pdsa"))
    record = ReadinessRecord()
    record.add(default_label())
    record.save(empty.path("readiness"))
    CoachingPlan().save(empty.path("coaching"))
    SustainabilityRating().save(empty.path("sustainability"))
    ProjectTeam().save(empty.path("team"))
    StakeholderMap().save(empty.path("stakeholders"))
    InvolvementPlan().save(empty.path("involvement"))
    SpreadMeasures().save(empty.path("spread_measures"))
    return empty


def test_a_file_saved_by_opening_a_tool_is_an_empty_part(tmp_path):
    project = _saved_as_tools_open_them(tmp_path)
    assert all(project.saved(p.key) for p in PARTS)
    assert project.missing() == list(PARTS)
    assert {p.key: part_state(project, p.key) for p in PARTS} == dict.fromkeys(PART_KEYS, EMPTY)


def test_the_example_fills_parts_saved_empty_and_keeps_started_and_damaged_ones(tmp_path):
    project = _saved_as_tools_open_them(tmp_path)
    Aim("Fewer falls").save(project.path("aim"))  # started: no number, no date
    project.path("pdsa").write_text("{not json")
    filled = [p.key for p in start_from_example(project)]
    assert filled == [p.key for p in PARTS if p.key not in ("aim", "pdsa")]
    assert filled == ["team", "process_map", "fishbone", "diagram", "measures", "chart",
                      "readiness", "coaching", "stakeholders", "involvement", "sustainability",
                      "spread_measures"]
    assert json.loads(project.path("aim").read_text())["text"] == "Fewer falls"
    assert project.path("pdsa").read_text() == "{not json"
    assert part_state(project, "aim") == part_state(project, "pdsa") == STARTED
    assert "damaged" in part_problems(project, "pdsa")[0]


def test_an_old_file_is_read_into_a_part_its_tool_saved_empty(tmp_path):
    Aim("").save(tmp_path / "my_project" / "aim.json")
    Aim("Old aim").save(tmp_path / "my_aim.json")
    project = Project.find(tmp_path, adopt_from=tmp_path)
    assert json.loads(project.path("aim").read_text())["text"] == "Old aim"


def test_complete_means_the_checks_pass_for_every_part(tmp_path):
    project = own_project(tmp_path / "p")
    assert [part_state(project, p.key) for p in PARTS] == [COMPLETE] * len(PARTS)
    assert unfinished_parts(project) == {EMPTY: [], STARTED: []}
    record = load_readiness(project.path("readiness"))
    record.assessments[-1].set_score("networks", None)
    record.save(project.path("readiness"))
    assert [p.key for p in unfinished_parts(project)[STARTED]] == ["readiness"]
    assert part_problems(project, "readiness") == all_problems(project)["readiness"]
