"""Rules that read the meaning of a learner's words, for hidden tests: is a prediction measurable,
does a commitment say when? Kept in the library (with their own tests) so that no check cell shows
its rule to the learners it marks."""

from __future__ import annotations

import re

_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand half quarter third thirds quarters all every none no both single dozen"
).split()
_QUANTITY = rf"(?:\d+(?:[.,]\d+)?|{'|'.join(_NUMBER_WORDS)})"
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# what a number must be a count, share, time or rate of to be checked against what happened
_UNITS = (
    r"%|per ?cent|percent|seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|"
    r"years?|shifts?|patients?|people|persons?|staff|nurses?|doctors?|carers?|residents?|"
    r"admissions?|discharges?|attendances?|referrals?|appointments?|beds?|wards?|bays?|teams?|"
    r"falls?|infections?|errors?|incidents?|times?|cases?|visits?|calls?|forms?|leaflets?|"
    r"checklists?|screens?|screenings?|tests?|cycles?|talks?|doses?|prescriptions?|"
    r"out of|of|in|per|a (?:day|week|month)"
)
_MEASURE = re.compile(rf"\b{_QUANTITY}\s*(?:[a-z-]+\s+)?(?:{_UNITS})\b|\b{_QUANTITY}\s*%",
                      re.IGNORECASE)


def measurable(prediction: str) -> bool:
    """A prediction that can be shown wrong names a quantity (a digit or a number word) WITH what
    it counts: a unit, a denominator or a time ("4 of 5 patients", "within one hour", "80% of
    admissions", "under 5 minutes"). A year alone ("better in 2026") is not a quantity."""
    for found in _MEASURE.finditer(prediction or ""):
        number = re.match(_QUANTITY, found.group(0), re.IGNORECASE)
        if number and not _YEAR.match(number.group(0)):
            return True
    return False


_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend"
_MONTHS = ("january|february|march|april|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_PERIODS = r"days?|weeks?|fortnights?|months?|shifts?|hours?|mornings?|afternoons?|evenings?"
_WHEN = re.compile(
    rf"\b(?:today|tomorrow|tonight|this (?:week|month|afternoon|morning|evening|shift)|"
    rf"next (?:{_DAYS}|{_PERIODS}|team meeting|meeting|huddle|visit)|"
    rf"(?:{_DAYS})|"
    rf"(?:{_MONTHS})\b|"
    rf"(?:by|in|from|until|before|end of|during|on|at) may\b|may \d|"
    rf"\d+(?:st|nd|rd|th)? (?:of )?may\b|"
    rf"(?:within|in|after|for) (?:a |an |the next |{_QUANTITY} )(?:{_PERIODS})|"
    rf"\d{{1,2}}(?::\d\d)? ?(?:am|pm)|\d{{1,2}}[/.-]\d{{1,2}}(?:[/.-]\d{{2,4}})?|"
    rf"(?:19|20)\d\d|end of (?:the )?(?:{_PERIODS})|by (?:the )?end)",
    re.IGNORECASE)


def says_when(commitment: str) -> bool:
    """A commitment that pins down when: a date, a day, a month, a time, a number of days or
    weeks, or words such as "tomorrow", "next week", "by Friday". "may" the verb and "next" on its
    own ("What may help next?") do not count."""
    return bool(_WHEN.search(commitment or ""))


_OVERCLAIM = re.compile(
    r"\b(?:so|therefore|which shows|this shows|proves?|proved|proof)\b[^.;:]{0,40}\b(?:worked|"
    r"works|succeeded|was a success|caused|improved)\b|\bproves?\b|\bbecause of the change\b|"
    r"\b(?:caused|causing)\b",
    re.IGNORECASE)


def overclaims(reading: str) -> bool:
    """A reading of a chart that says the chart proves the change worked (or caused the
    improvement): a signal shows that something changed, not what changed it. The course's mark
    scheme (module 11) marks such a reading down."""
    return bool(_OVERCLAIM.search(reading or ""))
