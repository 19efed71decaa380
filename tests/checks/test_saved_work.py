"""Checks of saved work: a missing or damaged file is a hint naming the tool, never a traceback;
a learner's notebook goes on after it, nbgrader's run stops the cell (no marks)."""

import pytest

from qispread import checks
from qispread.checks import reporting
from qispread.models import CoachingPlan, CycleLog, PDSACycle


@pytest.fixture(autouse=True)
def _fresh_record():
    reporting.forget()
    yield
    reporting.forget()


def test_a_missing_file_names_the_tool(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(checks.AnswerProblem, match="Question 4: there is no my_pdsa_plan.json "
                                                   "yet. Use the PDSA log above"):
        checks.pdsa_log("my_pdsa_plan.json", "Question 4")


def test_a_damaged_file_is_a_hint(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my_diagram.json").write_text("{not json")
    with pytest.raises(checks.AnswerProblem, match="^Question 3: "):
        checks.driver_diagram("my_diagram.json", "Question 3")


def test_as_a_learner_the_hint_is_shown_and_the_cell_ends_quietly(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(reporting, "strict", lambda: False)
    assert checks.readiness("my_readiness.json", "Question 6") is None
    assert "Question 6: there is no my_readiness.json yet" in capsys.readouterr().err
    checks.summary()
    assert "Still to do (1): Question 6." in capsys.readouterr().out


def test_saved_work_is_returned_for_the_hidden_tests(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    log = CycleLog()
    log.put(PDSACycle("C1", title="t", prediction="3 of 4 patients", act="adopt"))
    log.save("my_pdsa_plan.json")
    assert [c.id for c in checks.pdsa_log("my_pdsa_plan.json", "Question 4").cycles] == ["C1"]
    assert "a prediction and an Act decision: C1" in capsys.readouterr().out
    plan = CoachingPlan(model="CLEAR", title="x")
    plan.save("my_coaching_plan.json")
    assert checks.commitment_stage(checks.coaching_plan("my_coaching_plan.json", "Q5")) == "Action"


def test_the_seventh_principle_is_not_needed_for_marks():
    from qispread.models.readiness import MARKED_PRINCIPLES, PRINCIPLES

    assert [p.key for p in MARKED_PRINCIPLES] == [p.key for p in PRINCIPLES][:6]
    assert "seventh" not in {p.key for p in MARKED_PRINCIPLES}


def test_strict_outside_a_notebook_and_under_nbgrader(monkeypatch):
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    assert reporting.strict()  # no Jupyter kernel here: the clean re-check, tests
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    assert reporting.strict()


def test_module_10_marks_the_same_principles_as_module_07(tmp_path):
    """One rule (docs/assessment.md): the seventh principle and systems convening may stay
    unrated; a named principle may not. Module 11 used to fail a learner who left the seventh."""
    from qispread.models.project import Project, example_project
    from qispread.models.project_checks import readiness_problems
    from qispread.models.readiness import load_readiness

    project = Project(tmp_path / "p")
    project.folder.mkdir(parents=True)
    record = load_readiness(example_project().path("readiness"))
    for key in ("seventh", "systems_convening"):
        record.assessments[-1].set_score(key, None)
    record.save(project.path("readiness"))
    assert readiness_problems(project) == []
    record.assessments[-1].set_score("networks", None)
    record.save(project.path("readiness"))
    assert "Networks" in readiness_problems(project)[0]


def test_a_project_check_cell_shows_its_message_and_nothing_after_it(tmp_path, monkeypatch,
                                                                      capsys):
    """The check is a cell's last line: a value it returned would be shown under the message."""
    from qispread.models.project import example_project

    monkeypatch.setattr(reporting, "strict", lambda: False)
    example = str(example_project().folder)
    assert checks.project_part("readiness", "Question 5", folder=example) is None
    assert capsys.readouterr().out == "Question 5: every marked principle is rated.\n"
    assert checks.project_part("readiness", "Question 5", folder=str(tmp_path)) is None
    assert capsys.readouterr().err.startswith("Question 5: ")
