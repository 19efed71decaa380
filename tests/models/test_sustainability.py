"""Sustainability self-rating: the model's ten factors in three groups, unweighted, round trip."""

import pytest

from qispread.models.sustainability import (
    FACTORS,
    GROUPS,
    LICENCE_NOTE,
    SustainabilityRating,
    load_sustainability,
)

# NHS Sustainability Model (NHS Institute for Innovation and Improvement, 2010): ten factors.
EXPECTED = {
    "Process": ["Benefits beyond helping patients", "Credibility of the benefits",
                "Adaptability", "Effectiveness of the monitoring system"],
    "Staff": ["Staff involvement and training", "Staff behaviours toward sustaining",
              "Senior leadership engagement", "Clinical leadership engagement"],
    "Organisation": ["Fit with aims and culture", "Infrastructure for sustainability"],
}


def test_ten_factors_in_the_models_three_groups():
    assert {g: [d.name for d in dims] for g, dims in GROUPS} == EXPECTED
    assert len(FACTORS) == 10


def test_the_licence_limits_are_stated():
    assert "not openly licensed" in LICENCE_NOTE and "unweighted" in LICENCE_NOTE


def test_group_means_are_unweighted_and_skip_unrated_factors():
    rating = SustainabilityRating()
    rating.set_score("adaptability", 2)
    rating.set_score("monitoring_system", 5)
    rating.set_score("infrastructure", 3)
    means = rating.group_means()
    assert means == {"Process": 3.5, "Staff": None, "Organisation": 3.0}
    assert len(rating.unrated()) == 7


def test_bad_rating_names_the_factor():
    rating = SustainabilityRating()
    rating.set_score("senior_leadership", 0)
    with pytest.raises(ValueError, match="Senior leadership engagement"):
        rating.validate()


def test_round_trip(tmp_path):
    rating = SustainabilityRating(project="Sepsis screening")
    rating.set_score("clinical_leadership", 4)
    rating.set_notes("clinical_leadership", "Dr Shah champions it at the audit meeting")
    path = tmp_path / "my_sustainability.json"
    rating.save(path)
    assert load_sustainability(path) == rating
    assert "Clinical leadership engagement,4,Dr Shah" in rating.to_csv()


def test_the_weakest_factors_are_the_lowest_rated_ties_in_the_models_order():
    rating = SustainabilityRating()
    for factor, score in zip(FACTORS, [4, 2, 5, 2, 3, 1, None, 4, 5, 3], strict=True):
        rating.set_score(factor.key, score)
    assert [f.name for f in rating.weakest(3)] == [
        "Staff behaviours toward sustaining", "Credibility of the benefits",
        "Effectiveness of the monitoring system"]
