"""One project folder per learner: found from any lesson, older my_*.json read in once, the example
project complete, and the checks module 10 grades on pass a real project and fail junk."""

import json
import subprocess
import sys
from dataclasses import replace

import pytest

from qispread.models.aim import Aim
from qispread.models.chart_spec import load_chart_spec
from qispread.models.pdsa import load_pdsa_log
from qispread.models.project import (
    FOLDER_VARIABLE,
    PARTS,
    Project,
    example_project,
    project_folder,
    start_from_example,
)
from qispread.models.project_checks import all_problems, chart_problems, pdsa_problems
from qispread.models.readiness import load_readiness


@pytest.fixture(autouse=True)
def no_project_variable(monkeypatch):
    monkeypatch.delenv(FOLDER_VARIABLE, raising=False)


def test_every_lesson_and_assignment_finds_the_same_project(tmp_path):
    (tmp_path / "course" / "04_run_charts").mkdir(parents=True)
    (tmp_path / "exercises" / "10_spread_plan").mkdir(parents=True)
    from_lesson = project_folder(tmp_path / "course" / "04_run_charts")
    from_assignment = project_folder(tmp_path / "exercises" / "10_spread_plan")
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


OWN_AIM = ("Increase the percentage of eligible adults screened for sepsis within one hour in the "
           "acute medical unit at Hilltop Hospital from 55% to 80% by 30 June 2026.")
OWN_READING = ("Our chart shows the percentage stayed near 60 before the first test, then rose "
               "week by week after the prompt: from September nearly every point is above the old "
               "centre line, a shift, so the change worked. One very low week in January was an "
               "IT outage, a special cause.")


def own_project(folder):
    """The example project with the learner's own aim and reading of the chart."""
    project = example_project().copy_to(folder)
    Aim(OWN_AIM).save(project.path("aim"))
    spec = load_chart_spec(project.path("chart"))
    replace(spec, interpretation=OWN_READING).save(project.path("chart"))
    return project


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
