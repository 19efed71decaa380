"""The rules that read a learner's words (issue 23 §2): each case is one the old rules got wrong or
one a model answer relies on."""

import pytest

from qispread.checks.meaning import measurable, overclaims, says_when


@pytest.mark.parametrize("prediction", [
    "four of five patients screened within one hour",  # rejected by the old digit rule
    "All 3 patients receive the leaflet within 4 hours of admission",
    "At least 80% of admissions to bay 2 receive the leaflet",
    "each talk takes under 5 minutes",
    "two of the three nurses will use the prompt on every shift",
    "half the patients will be screened",
])
def test_a_prediction_with_a_quantity_and_what_it_counts_is_measurable(prediction):
    assert measurable(prediction)


@pytest.mark.parametrize("prediction", [
    "Screening will be better on the ward in 2026",  # accepted by the old digit rule
    "It will work well and staff will like it",
    "Screening will improve to 80",
    "",
])
def test_a_prediction_without_one_is_not(prediction):
    assert not measurable(prediction)


@pytest.mark.parametrize("commitment", [
    "Which change will you test, and will you start by Monday 6 July?",
    "Start tomorrow on the night shift", "We will meet again next week", "by 3 May",
    "in May", "within two weeks", "at 2 pm on the ward", "by the end of the month",
    "on 12/07 with the night team",
])
def test_a_commitment_that_says_when(commitment):
    assert says_when(commitment)


@pytest.mark.parametrize("commitment", [
    "What may help next?",  # accepted by the old pattern: "may" and "next"
    "What will you do?", "I may try it", "Who could help you with 2 of them?",
])
def test_a_commitment_that_does_not(commitment):
    assert not says_when(commitment)


@pytest.mark.parametrize("reading", [
    "a shift, so the change worked",
    "This proves the prompt improved screening.",
    "Screening rose because of the change.",
    "The new form caused the improvement.",
])
def test_a_reading_that_claims_the_chart_proves_the_change_worked(reading):
    assert overclaims(reading)


@pytest.mark.parametrize("reading", [
    "A shift began when the prompt went onto the form, so the change probably contributed.",
    "The points rose above the upper limit: a signal of special cause.",
])
def test_a_reading_that_stays_with_what_the_chart_shows(reading):
    assert not overclaims(reading)
