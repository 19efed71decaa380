"""Module 00's widgets: the course map lists every module; the quiz explains its answers."""

from qispread.curriculum import MODULES, module
from qispread.widgets.course_map import CourseMap
from qispread.widgets.quiz import Question, Quiz


def test_course_map_shows_all_twelve_modules_in_order():
    course_map = CourseMap()
    assert len(course_map.modules) == 12
    assert "<summary" in course_map.modules[0].value  # Tab and Enter open it, as a click does
    assert "00  Start here</summary>" in course_map.modules[0].value
    assert "spread plan" in course_map.modules[11].value
    assert all(o in course_map.modules[4].value for o in module(4).outcomes)


def test_course_map_says_how_long_each_module_takes_and_what_is_optional():
    pages = [section.value for section in CourseMap().modules]
    assert "<b>Time:</b> about 20 minutes<br>" in pages[0]
    assert "<b>Time:</b> about an hour<br>" in pages[11]
    assert ("about 50 minutes, and about 12 minutes more for the optional sections headed "
            "\u201cGoing further\u201d") in pages[8]


def test_module_folders_are_numbered_and_unique():
    folders = [m.folder for m in MODULES]
    assert folders[0] == "00_start_here" and len(set(folders)) == 12


def _quiz():
    return Quiz([Question("Two plus two?", ("3", "4"), 1, "Count them.")])


def test_quiz_marks_a_right_answer_and_explains():
    quiz = _quiz()
    quiz.pickers[0].value = "4"
    assert quiz.check(0)
    assert "Correct" in quiz.feedback[0].value and "Count them." in quiz.feedback[0].value


def test_quiz_shows_the_right_answer_after_a_wrong_one():
    quiz = _quiz()
    quiz.pickers[0].value = "3"
    assert not quiz.check(0)
    assert "the answer is <i>4</i>" in quiz.feedback[0].value


def test_quiz_asks_for_a_choice_before_checking():
    quiz = _quiz()
    quiz.children[0].children[2].click()
    assert quiz.feedback[0].value == "Choose an option first."
