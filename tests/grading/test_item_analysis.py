"""Item analysis on a synthetic cohort with planted bad questions: a giveaway, a question strong
learners get wrong, and a miskeyed answer must be flagged; sound questions must not be."""

import math
import random

import nbformat
import pandas as pd
import pytest

from qispread.grading.reports.item_analysis import (
    answers_table,
    item_analysis_html,
    item_statistics,
    typed_answers,
)

LEARNERS = 120
SOUND = [f"q{n}" for n in range(1, 9)]
OPTIONS = "ABCD"


def synthetic_cohort(seed=14):
    """Learners of normally distributed ability answer 4-option questions (a two-parameter logistic
    model: the chance of the right option rises with ability; a wrong learner picks a wrong option
    at random). Planted: `giveaway` (everyone right), `reversed` (the right option is less likely
    the stronger the learner), `miskeyed` (strong learners choose B, the right answer, but the key
    says C)."""
    rng = random.Random(seed)
    tests, answers = [], []
    for n in range(LEARNERS):
        student, ability = f"learner{n:03d}", rng.gauss(0, 1)

        def answer(test, p_right, right="A", key=None, student=student):
            chosen = right if rng.random() < p_right else rng.choice(
                [o for o in OPTIONS if o != right])
            key = key or right
            tests.append({"assignment": "99_synthetic", "test": test, "student": student,
                          "score": float(chosen == key), "max_score": 1.0})
            answers.append({"assignment": "99_synthetic", "test": test, "student": student,
                            "answer": chosen})

        for i, test in enumerate(SOUND):
            answer(test, _logistic(1.7 * (ability - (i - 4) / 3)))
        answer("giveaway", 0.99)
        answer("reversed", _logistic(-1.7 * ability))
        answer("miskeyed", _logistic(2.0 * ability), right="B", key="C")
    return pd.DataFrame(tests), pd.DataFrame(answers)


def _logistic(x):
    return 1 / (1 + math.exp(-x))


@pytest.fixture(scope="module")
def stats():
    tests, answers = synthetic_cohort()
    return item_statistics(tests, answers).set_index("test")


def test_facility_is_the_share_right(stats):
    tests, _ = synthetic_cohort()
    share = tests[tests.test == "q3"].score.mean()
    assert stats.at["q3", "facility"] == pytest.approx(share)
    assert stats.at["q3", "learners"] == LEARNERS


def test_discrimination_is_the_correlation_with_the_rest_of_the_test(stats):
    tests, _ = synthetic_cohort()
    wide = tests.pivot(index="student", columns="test", values="score")
    rest = wide.drop(columns="q5").sum(axis=1)
    assert stats.at["q5", "discrimination"] == pytest.approx(wide.q5.corr(rest))


def test_the_giveaway_is_flagged(stats):
    assert stats.at["giveaway", "flags"] == "nearly everyone right"


def test_the_question_strong_learners_get_wrong_is_flagged(stats):
    assert stats.at["reversed", "discrimination"] < 0
    assert "negative discrimination" in stats.at["reversed", "flags"]
    assert "miskey" not in stats.at["reversed", "flags"]  # its wrong answers are spread out


def test_the_miskeyed_answer_is_flagged_with_the_option_strong_learners_chose(stats):
    assert "negative discrimination" in stats.at["miskeyed", "flags"]
    flags = stats.at["miskeyed", "flags"]
    assert "more learners, and stronger ones, chose B: possible miskey" in flags
    assert stats.at["miskeyed", "wrong answers"].startswith("B ×")


def test_sound_questions_are_not_flagged_as_bad(stats):
    for test in SOUND:
        flags = stats.at[test, "flags"]
        assert "negative" not in flags and "miskey" not in flags, (test, flags)
        assert stats.at[test, "discrimination"] > 0.3, test


def test_wrong_answers_count_only_learners_who_missed_the_marks(stats):
    _, answers = synthetic_cohort()
    counted = sum(int(part.split("×")[1]) for part in stats.at["q1", "wrong answers"].split(", "))
    wrong = answers[(answers.test == "q1") & (answers.answer != "A")]
    assert counted <= len(wrong) and "A ×" not in stats.at["q1", "wrong answers"]


def test_a_small_cohort_gets_numbers_but_no_flags():
    tests, answers = synthetic_cohort()
    few = tests.student.isin(sorted(tests.student.unique())[:3])
    small = item_statistics(tests[few], answers[answers.student.isin(tests[few].student)])
    assert (small["flags"] == "").all() and small["facility"].notna().all()


def _notebook(path, answer_source, test_source, test_id="q1_check"):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell(answer_source), nbformat.v4.new_code_cell(test_source)])
    nb.cells[0].metadata["nbgrader"] = {"grade": False, "solution": True, "grade_id": "q1_answer"}
    nb.cells[1].metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": test_id,
                                        "points": 1}
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)


def test_answers_are_read_without_running_learner_code(tmp_path):
    marker = tmp_path / "ran"
    _notebook(tmp_path / "autograded" / "ana" / "01_x" / "a.ipynb",
              f'answer_q1 = "b"\nopen({str(marker)!r}, "w")\nanswer_q1 = " c. "\nanswer_q2 = 4',
              'from qispread import checks\nchecks.choice(answer_q1, "ABCD", "Q")')
    _notebook(tmp_path / "autograded" / "ben" / "01_x" / "a.ipynb", "answer_q1 = ''", "answer_q1")
    assert typed_answers(tmp_path / "autograded" / "ana" / "01_x" / "a.ipynb") == {
        "answer_q1": "C", "answer_q2": "4"}
    table = answers_table(tmp_path / "autograded")
    assert not marker.exists()
    assert table.to_dict("records") == [
        {"assignment": "01_x", "test": "q1_check", "student": "ana", "answer": "C"},
        {"assignment": "01_x", "test": "q1_check", "student": "ben", "answer": "(blank)"}]


def test_answers_with_slips_are_read_as_the_notebook_read_them(tmp_path):
    path = tmp_path / "autograded" / "ana" / "01_x" / "a.ipynb"
    _notebook(path, "answer_q1 = seventy\nanswer_q2 = 93%", "answer_q1")
    assert typed_answers(path) == {"answer_q1": "SEVENTY", "answer_q2": "93%"}


def test_the_report_section_lists_every_question_and_escapes_answers(tmp_path):
    tests, _ = synthetic_cohort()
    tests.loc[(tests.student == "learner000") & (tests.test == "q1"), "score"] = 0.0
    _notebook(tmp_path / "learner000" / "99_synthetic" / "a.ipynb",
              'answer_q1 = "<script>"', 'answer_q1', test_id="q1")
    section = item_analysis_html(tests, tmp_path)
    assert "&lt;SCRIPT&gt;\u00a0×1" in section
    assert section.startswith('<p class="note"><b>Facility</b>')
    for test in [*SOUND, "giveaway", "reversed", "miskeyed"]:
        assert f"<td>{test}</td>" in section
    assert "<script>" not in section


TYPED_CHECK = ("checks.choice(", "checks.choices(", "checks.letters(", "checks.sequence(",
               "checks.number(")
NEW_ITEMS = {  # issue 23 §3: each new item's test reads the answers the learner typed
    "04_measurement": {"q5a_check": ["answer_q5a"], "q5b_check": ["answer_q5b"]},
    "08_spread_principles": {"q3a_check": ["answer_q3a"], "q3b_check": ["answer_q3b"],
                             "q4_check": ["answer_q4"],
                             "q5bc_check": ["answer_q5b", "answer_q5c"],
                             "q5c_check": ["answer_q5d"]},
    "09_leading_spread": {"q7a_check": ["answer_q7a"], "q7b_check": ["answer_q7b"]},
    # issue 26: comparing sites, a board's page, and measuring spread
    "06_spc": {"q5a_check": ["answer_q5a"], "q5b_check": ["answer_q5b"],
               "q6_check": ["answer_q6"]},
    "10_sustaining_change": {"q4a_check": ["answer_q4a"], "q4b_check": ["answer_q4b"],
                             "q4c_check": ["answer_q4c"]},
}


def test_every_typed_item_of_every_assignment_reaches_the_item_analysis():
    from pipeline.notebooks import notebooks

    from qispread.grading.reports.item_analysis import answer_names_by_test

    found = {}
    for path in notebooks("solutions"):
        names = answer_names_by_test(path)
        found[path.parent.name] = names
        cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source
                 for c in nbformat.read(path, as_version=4).cells}
        for test, answer_names in names.items():
            if any(check in cells[test] for check in TYPED_CHECK):
                assert answer_names, f"{path.parent.name} {test} names no answer"
    for assignment, items in NEW_ITEMS.items():
        for test, answer_names in items.items():
            assert found[assignment][test] == answer_names, (assignment, test)
