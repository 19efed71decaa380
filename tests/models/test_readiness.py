"""Spread-readiness model: principle names, validation, suggestions, JSON and CSV."""

import csv
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qispread.errors import DataProblem
from qispread.models.readiness import (
    DIMENSIONS,
    PRINCIPLES,
    ReadinessRecord,
    load_readiness,
)
from qispread.models.storage import ModelFileProblem

# The six names confirmed by NHS England's guide pages and the NHS Horizons blog series.
CONFIRMED = ["Complexity", "Leadership", "Individual", "Benefit", "Networks", "Learning"]


def test_seven_principles_six_confirmed_and_the_seventh_named_from_2020_and_marked_unverified():
    names = [p.name for p in PRINCIPLES]
    assert len(names) == 7
    assert names[:6] == CONFIRMED
    # A learner never rates a principle with no name: the seventh carries its 2020 name
    # (NHS Horizons' 2020 list) and says that the 2021 guide's name is unverified.
    assert names[6].startswith("Innovation development") and "unverified" in names[6]
    assert DIMENSIONS[-1].name == "Systems convening"


def test_every_dimension_has_two_or_three_prompts_and_a_suggestion():
    for d in DIMENSIONS:
        assert 2 <= len(d.prompts) <= 3, d.name
        assert all(p.endswith("?") for p in d.prompts)
        assert d.suggestion


def test_ratings_outside_one_to_five_get_a_plain_message():
    record = ReadinessRecord()
    a = record.add("Ward 7")
    a.set_score("leadership", 6)
    with pytest.raises(ValueError, match="Leadership.*1.*5"):
        record.validate()
    a.set_score("leadership", 2.5)
    with pytest.raises(ValueError, match="whole number"):
        record.validate()


def test_assessments_need_distinct_names():
    record = ReadinessRecord()
    record.add("Ward 7")
    with pytest.raises(ValueError, match="two assessments called"):
        record.add("ward 7 ")
    assert len(record.assessments) == 1
    with pytest.raises(ValueError, match="no name"):
        record.add("  ")


def test_suggestions_name_the_weakest_rated_principles():
    a = ReadinessRecord().add("Site A")
    for d in DIMENSIONS:
        a.set_score(d.key, 4)
    a.set_score("networks", 1)
    a.set_score("benefit", 2)
    a.set_score("complexity", None)
    weakest = [d.name for d, _ in a.suggestions(2)]
    assert weakest == ["Networks", "Benefit"]


def test_json_round_trip_and_csv(tmp_path):
    record = ReadinessRecord()
    a = record.add("Ward 7, March")
    a.set_score("learning", 3)
    a.set_notes("learning", "Monthly huddle — shared with “ward B”")
    record.add("Ward 9, March").set_score("complexity", 5)
    path = tmp_path / "my_readiness.json"
    record.save(path)
    again = load_readiness(path)
    assert again == record
    rows = list(csv.DictReader(io.StringIO(again.to_csv())))
    assert len(rows) == 2 * len(DIMENSIONS)
    learning = next(r for r in rows if r["principle"] == "Learning" and r["assessment"] ==
                    "Ward 7, March")
    assert learning["rating"] == "3" and "ward B" in learning["notes"]


def test_damaged_file_gets_a_message_naming_it(tmp_path):
    path = tmp_path / "my_readiness.json"
    path.write_text(json.dumps({"assessments": [{"label": "A", "ratings": {"x": 1}}]}))
    with pytest.raises(ModelFileProblem, match="expected form"):
        load_readiness(path)


@given(st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=len(DIMENSIONS),
                max_size=len(DIMENSIONS)), st.text(max_size=30))
def test_any_valid_assessment_survives_a_round_trip(scores, notes):
    record = ReadinessRecord()
    a = record.add("Site")
    for d, s in zip(DIMENSIONS, scores, strict=True):
        a.set_score(d.key, s)
        a.set_notes(d.key, notes)
    assert ReadinessRecord.from_dict(json.loads(json.dumps(record.to_dict()))) == record


def test_a_record_is_made_from_each_sites_scores():
    record = ReadinessRecord.from_scores({"Ward A": {"complexity": 3, "networks": 1},
                                          "Ward B": {"benefit": 5}})
    assert [a.label for a in record.assessments] == ["Ward A", "Ward B"]
    ward_a, ward_b = record.assessments
    assert (ward_a.score("complexity"), ward_a.score("networks"), ward_a.score("benefit")) == (
        3, 1, None)
    assert ward_b.score("benefit") == 5
    with pytest.raises(DataProblem, match="two assessments"):
        ReadinessRecord.from_scores({"Ward A": {}, "ward a": {}})
