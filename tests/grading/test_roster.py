"""`qispread cohort init`: roster CSV into the gradebook, with errors that name the row."""

import pytest

from qispread.cli_cohort import main
from qispread.grading.cohort.roster import import_roster, read_roster
from qispread.grading.course import Course
from qispread.spc.errors import DataProblem

HEADER = "id,first_name,last_name,email\n"


@pytest.fixture
def course(tmp_path):
    (tmp_path / "nbgrader_config.py").write_text(
        "c = get_config()\nc.CourseDirectory.course_id = 'qispread'\n"
        f"c.CourseDirectory.db_url = 'sqlite:///{tmp_path}/gradebook/gradebook.db'\n")
    return Course(tmp_path)


def write(tmp_path, text):
    path = tmp_path / "roster.csv"
    path.write_text(text)
    return path


def test_init_puts_every_learner_in_the_gradebook(tmp_path, course, capsys):
    roster = write(tmp_path, HEADER + "ana,Ana,Okafor,ana.okafor@nhs.net\n"
                                      "ben,Ben,Price,ben.price@nhs.net\n")
    assert main(["cohort", "init", "--root", str(tmp_path), "--roster", str(roster)]) == 0
    assert "2 learners" in capsys.readouterr().out
    with course.gradebook() as gb:
        ana = gb.find_student("ana")
        assert (ana.first_name, ana.last_name, ana.email) == ("Ana", "Okafor",
                                                              "ana.okafor@nhs.net")
        assert {s.id for s in gb.students} == {"ana", "ben"}


def test_reimporting_updates_instead_of_duplicating(tmp_path, course):
    import_roster(course, read_roster(write(tmp_path, HEADER + "ana,Ana,Okafor,a@nhs.net\n")))
    import_roster(course, read_roster(write(tmp_path, HEADER + "ana,Anna,Okafor,a@nhs.net\n")))
    with course.gradebook() as gb:
        assert [s.first_name for s in gb.students] == ["Anna"]


@pytest.mark.parametrize("body, words", [
    ("ana,Ana,O,a@nhs.net\nana,Ann,P,b@nhs.net\n", ["Row 3", "repeats", "'ana'", "row 2"]),
    (",Ana,O,a@nhs.net\n", ["Row 2", "no id"]),
    ("ana,Ana,O\n", ["Row 2", "3 values", "comma"]),
    ("ana,Ana,O,not-an-email\n", ["Row 2", "not-an-email", "not an email"]),
    ("Ana Smith,Ana,O,a@nhs.net\n", ["Row 2", "Ana Smith", "user name"]),
])
def test_bad_rows_are_named(tmp_path, body, words):
    with pytest.raises(DataProblem) as problem:
        read_roster(write(tmp_path, HEADER + body))
    for word in words:
        assert word in str(problem.value)


def test_missing_column_is_named(tmp_path):
    with pytest.raises(DataProblem, match="no column email"):
        read_roster(write(tmp_path, "id,first_name,last_name\nana,Ana,O\n"))


def test_cli_reports_problem_plainly(tmp_path, course, capsys):
    roster = write(tmp_path, HEADER + "ana,Ana,O,a@nhs.net\nana,B,C,b@nhs.net\n")
    assert main(["cohort", "init", "--root", str(tmp_path), "--roster", str(roster)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Problem: Row 3") and "Traceback" not in err


def test_a_section_column_is_kept_for_the_canvas_export(tmp_path, course):
    from qispread.grading.cohort.roster import sections

    roster = write(tmp_path, "id,first_name,last_name,email,section\n"
                             "ana,Ana,Okafor,a@nhs.net,Ward 7\nben,Ben,Price,b@nhs.net,\n")
    assert main(["cohort", "init", "--root", str(tmp_path), "--roster", str(roster)]) == 0
    assert sections(course) == {"ana": "Ward 7"}
