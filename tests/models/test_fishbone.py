"""Fishbone diagrams: renaming categories, why-chains, likely causes as candidate drivers, the
text equivalent and the saved file."""

import pytest

from qispread.errors import DataProblem
from qispread.models.fishbone import STARTING_CATEGORIES, Cause, Fishbone, load_fishbone


def late_antibiotics() -> Fishbone:
    diagram = Fishbone("Antibiotics given more than an hour after sepsis is recognised")
    diagram.add_cause("Equipment", "Antibiotics not stocked on the ward").likely = True
    cause = diagram.add_cause("Methods", "Screening done late")
    cause.whys = ["Observations are done in a round", "The round starts at 8 and takes 2 hours"]
    cause.likely = True
    diagram.add_cause("People", "Agency staff unsure of the pathway")
    return diagram


def test_starts_with_the_six_usual_categories():
    assert tuple(Fishbone().categories) == STARTING_CATEGORIES


def test_likely_causes_become_candidate_drivers_from_their_deepest_why():
    assert late_antibiotics().candidate_drivers() == [
        "The round starts at 8 and takes 2 hours", "Antibiotics not stocked on the ward"]


def test_renaming_keeps_causes_and_place():
    diagram = late_antibiotics()
    diagram.rename("Materials", "Medicines")
    names = list(diagram.categories)
    assert names[4] == "Medicines" and "Materials" not in names
    diagram.rename("Methods", "Processes")
    assert diagram.categories["Processes"][0].text == "Screening done late"


@pytest.mark.parametrize("old, new, message", [
    ("Staff", "Team", "no category called 'Staff'"),
    ("People", "  ", "needs a name"),
    ("People", "Methods", "already a category called 'Methods'"),
])
def test_bad_renames_are_refused(old, new, message):
    with pytest.raises(DataProblem, match=message):
        late_antibiotics().rename(old, new)


def test_more_than_five_whys_or_an_empty_cause_is_refused():
    diagram = late_antibiotics()
    diagram.categories["People"][0].whys = ["why"] * 6
    with pytest.raises(DataProblem, match="keep to 5 at most"):
        diagram.validate()
    with pytest.raises(DataProblem, match="Write the cause"):
        late_antibiotics().add_cause("People", " ")


def test_text_equivalent_shows_causes_whys_and_which_are_likely():
    text = late_antibiotics().text()
    assert text.splitlines()[0].startswith("Effect: Antibiotics given more than an hour")
    assert "  - Screening done late [most likely]" in text
    assert "      why? The round starts at 8 and takes 2 hours" in text
    assert "Environment: (no causes yet)" in text


def test_saved_and_loaded_unchanged(tmp_path):
    path = tmp_path / "fishbone.json"
    late_antibiotics().save(path)
    assert load_fishbone(path) == late_antibiotics()


def test_cause_without_whys_is_its_own_deepest_cause():
    assert Cause("Pumps broken").deepest == "Pumps broken"
