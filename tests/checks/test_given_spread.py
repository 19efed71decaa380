"""What modules 06 and 10 show for their spread items, and the keys their hidden tests read from
the library: the premise a question states is what the data and the models find."""

import json
import re
from pathlib import Path

import pytest

from qispread.checks import given

ROOT = Path(__file__).resolve().parents[2]


def question_text(assignment: str, grade_id: str) -> str:
    notebook = next((ROOT / "solutions" / assignment).glob("*.ipynb"))
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == grade_id:
            return "".join(cell["source"])
    raise AssertionError(f"{assignment} has no cell {grade_id}")


@pytest.fixture(scope="module")
def december():
    return given.four_hour_funnel()


def test_the_funnel_question_states_what_the_real_data_show(december):
    """Module 06, question 5: 65 above and 55 below the unadjusted limits, and only RCU and RC9
    outside the adjusted ones (both above), in December 2018."""
    text = question_text("06_spc", "q5_question")
    stated = re.search(r"(\d+) departments lie above the upper limit and (\d+) below", text)
    assert stated, "the question no longer states the unadjusted counts"
    reading = " ".join(december.explain(units="departments"))
    assert f"{stated[1]} of 134 departments lie above the unadjusted 99.8% limit" in reading
    assert f"{stated[2]} of 134 departments lie below the unadjusted 99.8% limit" in reading
    outliers = december.outliers()
    assert sorted(outliers["group"]) == ["RC9", "RCU"]
    assert set(outliers["position"]) == {"above"}
    assert "both\nabove: RCU and RC9" in text or "both above: RCU and RC9" in text


def test_the_chart_the_learner_sees_has_both_sets_of_limits_and_no_reading():
    figure = given.four_hour_funnel_chart()
    names = " ".join(str(trace.name) for trace in figure.data)
    assert "adjusted" in names.lower()
    assert "RCU" in json.dumps(figure.to_plotly_json(), default=str)


def uptake(cell: str) -> float | None:
    return float(cell.rstrip("%")) if cell else None


def on_paper_by_hand() -> list[str]:
    """The lesson's rule applied to the table the learner sees (not the model): signed up three
    months or more before the last month, and never three months running at 50% or above."""
    table = given.hydration_homes()
    months = list(table.columns[2:])
    found = []
    for letter, row in table.iterrows():
        if row["signed up"] == "not signed up":
            continue
        if len(months) - 1 - months.index(row["signed up"]) < 3:
            continue  # too early to tell
        values = [uptake(row[m]) for m in months]
        runs = [all(v is not None and v >= 50 for v in values[i:i + 3])
                for i in range(len(values) - 2)]
        if not any(runs):
            found.append(letter)
    return found


def test_the_on_paper_key_is_the_lessons_rule_applied_to_the_table_shown():
    assert given.hydration_on_paper() == on_paper_by_hand() == ["B", "D"]


def test_the_homes_table_holds_the_traps_the_misconceptions_name():
    """A home whose latest month is above 50% but never three running (on paper); a home signed
    up too recently to tell; a home never signed up; homes that began below 50% and are in use."""
    statuses = {s.name: given.hydration_programme().status(s)
                for s in given.hydration_programme().sites}
    assert statuses == {"Ash House": "in use", "Birch Court": "on paper",
                        "Cedar Lodge": "in use", "Elm View": "on paper",
                        "Hazel Grange": "too early to tell", "Oak Manor": "not signed up"}
    birch = given.hydration_homes().loc["B"]
    assert uptake(birch["Aug"]) >= 50


RIGHT_AND_WRONG = [  # (assignment, test cell, answer, right answer, wrong answers)
    ("06_spc", "q5a_check", "answer_q5a", "C", ["A", "B", "D", "E"]),
    ("06_spc", "q5b_check", "answer_q5b", "B", ["A", "C", "D", "E"]),
    ("06_spc", "q6_check", "answer_q6", "C, A", ["A", "C", "A, B, C", "A, C, F", "B, D, E, F"]),
    ("10_sustaining_change", "q4a_check", "answer_q4a", "C", ["A", "B", "D", "E"]),
    ("10_sustaining_change", "q4b_check", "answer_q4b", "B", ["A", "C", "D", "E"]),
    ("10_sustaining_change", "q4c_check", "answer_q4c", "D, B",
     ["B", "D", "B, D, E", "B, D, F", "A, C", "A, B, C, D"]),
]


@pytest.mark.parametrize(("assignment", "grade_id", "name", "right", "wrong"), RIGHT_AND_WRONG,
                         ids=[f"{a}/{g}" for a, g, *_ in RIGHT_AND_WRONG])
def test_the_new_items_mark_right_answers_and_fail_wrong_ones(assignment, grade_id, name, right,
                                                              wrong):
    from qispread import checks

    source = question_text(assignment, grade_id)
    exec(source, {"checks": checks, name: right})  # noqa: S102
    for answer in wrong:
        with pytest.raises(AssertionError):
            exec(source, {"checks": checks, name: answer})  # noqa: S102
