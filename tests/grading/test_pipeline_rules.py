"""Fast rules of the grading pipeline that need no kernel: a tutor's preprocessor settings are
honoured or refused by name, output is capped in bytes, the sandbox's absence stops grading with
the fix, answers reach the clean check as plain values. (That qispread runs nbgrader's own steps
is a tripwire in test_nbgrader_seam.py.)"""

import nbformat
import pytest
from sample_course import SAMPLE, make_course, submit

from qispread.grading.autograde import clean_process, sandbox
from qispread.grading.autograde.autograder import Autograder
from qispread.grading.autograde.output_cap import CELL_TEXT_BYTES, cap_cell
from qispread.grading.course import Course
from qispread.spc.errors import DataProblem


@pytest.fixture
def course(tmp_path):
    root = make_course(tmp_path / "course")
    course = Course(root)
    assert course.api().generate_assignment(SAMPLE)["success"]
    return course


def test_a_preprocessor_setting_qispread_cannot_honour_is_refused_by_name(course):
    with open(course.root / "nbgrader_config.py", "a") as config:
        config.write("\nc.Autograde.autograde_preprocessors = []\n")
    with pytest.raises(DataProblem, match="Autograde.autograde_preprocessors"):
        Autograder(Course(course.root), SAMPLE)


def test_exclude_overwriting_keeps_the_learner_s_file(course):
    source = course.folder("source", assignment=SAMPLE)
    (source / "helper.py").write_text("# the course's version\n")
    release = nbformat.read(course.folder("release", assignment=SAMPLE) / "medians.ipynb", 4)
    folder = submit(course.root, "kept", SAMPLE, {"medians.ipynb": release})
    (folder / "helper.py").write_text("# the learner's version\n")
    Autograder(course, SAMPLE).lay_out("kept")
    autograded = course.folder("autograded", "kept", SAMPLE) / "helper.py"
    assert autograded.read_text() == "# the course's version\n"
    with open(course.root / "nbgrader_config.py", "a") as config:
        config.write(f"\nc.Autograde.exclude_overwriting = {{{SAMPLE!r}: ['helper.py']}}\n")
    Autograder(Course(course.root), SAMPLE).lay_out("kept")
    assert autograded.read_text() == "# the learner's version\n"


def test_one_enormous_line_is_cut_in_bytes_and_says_so():
    outputs = cap_cell([{"output_type": "stream", "name": "stdout", "text": "x" * 50_000_000}])
    assert len(outputs[0]["text"].encode()) < CELL_TEXT_BYTES + 200
    assert "output cut here" in outputs[0]["text"]


def test_without_bubblewrap_grading_stops_and_names_the_fix(course, monkeypatch):
    release = nbformat.read(course.folder("release", assignment=SAMPLE) / "medians.ipynb", 4)
    submit(course.root, "nobody", SAMPLE, {"medians.ipynb": release})
    monkeypatch.setattr(sandbox.shutil, "which", lambda name: None)
    with pytest.raises(DataProblem) as stopped:
        Autograder(course, SAMPLE).run(["nobody"])
    message = str(stopped.value)
    assert "apt-get install bubblewrap" in message and "--no-sandbox" in message
    assert not (course.state_folder() / SAMPLE / "nobody.json").exists()


def test_answers_come_back_as_plain_values_and_objects_earn_nothing():
    assert clean_process.restore({"__qispread__": "ellipsis"}) is Ellipsis
    other = clean_process.restore({"__qispread__": "other", "type": "function"})
    assert other != "C" and "cannot be marked" in repr(other)
    result = clean_process.run_cell("assert answer_q1 == 'C', 'not C'",
                                  {"answer_q1": {"__qispread__": "other", "type": "Anything"}})
    assert not result["passed"]
    assert result["outputs"][-1]["traceback"][-1] == "AssertionError: not C"


@pytest.mark.grading
def test_no_sandbox_grades_only_when_asked_and_warns(course, capsys):
    from qispread.cli_cohort import main

    release = nbformat.read(course.folder("release", assignment=SAMPLE) / "medians.ipynb", 4)
    submit(course.root, "trusted", SAMPLE, {"medians.ipynb": release})
    assert main(["cohort", "autograde", SAMPLE, "--no-sandbox", "--root", str(course.root)]) == 0
    assert "WITHOUT the sandbox" in capsys.readouterr().err
