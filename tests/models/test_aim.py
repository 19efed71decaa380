"""The aim checker against realistic NHS aims, each judged by hand for its four parts."""

import json

import pytest

from qispread.models.aim import PARTS, Aim, check_aim, load_aim
from qispread.models.storage import ModelFileProblem

# (aim, parts a QI coach would say it states): written for these tests, following IHI's advice.
AIMS = [
    (
        "By 31 March 2027, reduce inpatient falls with harm on Ward 12 at St Mary's Hospital "
        "from 8 to 4 per 1,000 bed days.",
        {"how much", "by when", "for whom", "where"},
    ),
    (
        "Increase the percentage of patients with sepsis in the emergency department who receive "
        "antibiotics within 1 hour from 60% to 90% by December 2026.",
        {"how much", "by when", "for whom", "where"},
    ),
    (
        "Reduce pressure ulcers for residents of Oak Lodge care home by 50% within 12 months.",
        {"how much", "by when", "for whom", "where"},
    ),
    (
        "By April 2027, 95% of adults over 65 discharged from the stroke unit will have a "
        "follow-up call.",
        {"how much", "by when", "for whom", "where"},
    ),
    (
        "Halve the number of staff on the surgical wards reporting burnout by the end of 2026.",
        {"how much", "by when", "for whom", "where"},
    ),
    (
        "Increase flu vaccination uptake among staff across Northshire ICB to 80% by Feb 2027.",
        {"how much", "by when", "for whom", "where"},
    ),
    ("Improve patient safety.", set()),
    ("We will reduce waiting times soon.", set()),
    ("Reduce missed appointments in the practice.", {"where"}),
    ("Reduce falls by 30%.", {"how much"}),
    ("Improve care for people with diabetes by next year.", {"by when", "for whom"}),
    ("In March 2027 we will see more children.", {"by when", "for whom"}),
    (
        "Cut the time children under 5 wait in A&E at Riverside Hospital.",
        {"for whom", "where"},
    ),
]


@pytest.mark.parametrize(("aim", "expected"), AIMS)
def test_checker_finds_the_parts_a_coach_would_find(aim, expected):
    check = check_aim(aim)
    found = {part.name for part in check.parts if part.found}
    assert found == expected
    assert set(check.missing) == set(PARTS) - expected
    assert check.complete == (expected == set(PARTS))


def test_every_missing_part_explains_why_it_matters():
    check = check_aim("Improve patient safety.")
    for part in check.parts:
        assert not part.found
        assert len(part.why_it_matters) > 40
    assert "Berwick" in check.part("how much").why_it_matters
    assert "date" in check.part("by when").why_it_matters


def test_found_parts_show_the_words_that_showed_them():
    check = check_aim("Reduce falls on Ward 7 from 10 to 5 per month by June 2027 for patients.")
    assert "Ward 7" in check.part("where").evidence
    assert "June 2027" in check.part("by when").evidence
    assert check.part("how much").why_it_matters == ""


def test_vague_words_are_pointed_out():
    check = check_aim("We will reduce waiting times soon.")
    assert "soon" in check.vague_words
    assert "reduce" in check.vague_words


def test_numbers_in_dates_ages_and_ward_names_are_not_an_amount():
    check = check_aim("Help adults over 65 on Ward 12 by March 2027.")
    assert not check.part("how much").found
    assert {"by when", "for whom", "where"} <= {p.name for p in check.parts if p.found}


def test_summary_is_friendly_and_counts_parts():
    assert "Write your aim" in check_aim("   ").summary()
    assert "1 of 4" in check_aim("Reduce falls by 30%.").summary()
    assert "all four" in check_aim(AIMS[0][0]).summary()


def test_aim_round_trips_through_a_file(tmp_path):
    path = tmp_path / "my_aim.json"
    Aim("Reduce falls by 30%.").save(path)
    assert load_aim(path) == Aim("Reduce falls by 30%.")
    assert json.loads(path.read_text())["text"] == "Reduce falls by 30%."


def test_missing_or_damaged_file_gets_a_plain_message(tmp_path):
    with pytest.raises(ModelFileProblem, match="no file"):
        load_aim(tmp_path / "nope.json")
    (tmp_path / "bad.json").write_text('{"text": 3}')
    with pytest.raises(ValueError, match="not text"):
        load_aim(tmp_path / "bad.json")
