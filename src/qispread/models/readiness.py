"""Spread readiness: a self-assessment against the seven interconnected principles for spread.

The principles come from NHS England's *Leading the Spread and Adoption of Innovation and
Improvement: A Practical Guide* (produced by the NHS Horizons team;
https://www.england.nhs.uk/spread-and-adoption/seven-interconnected-principles/). Six names are
confirmed by the guide's pages and the Horizons blog series (Complexity, Leadership, Individual,
Benefit, Networks, Learning). For the seventh, the evidence is NHS Horizons' 2020 "Spread and
Innovation" page, which listed seven principles: the individual, networks, value, innovation
development, complexity, learning and leadership. Value became Benefit in the 2021 guide, which
leaves "Innovation development" as the seventh; we have not confirmed that name on the 2021 guide's
own pages, so it is shown as the 2020 name, marked unverified (docs/sources.md). "Systems convening"
(after Wenger-Trayner) is the guide's way of leading that applies the principles; it is rated here
as an extra dimension.

The prompt questions and suggested next steps are this course's own wording, not the guide's.
Ratings are 1 (not in place) to 5 (fully in place); None means "not rated yet".
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Self

from qispread.errors import DataProblem
from qispread.models.storage import ModelFileProblem, load_json, save_json

RATING_MIN, RATING_MAX = 1, 5
SEVENTH_PRINCIPLE_NAME = "Innovation development (2020 name; unverified in the 2021 guide)"
SOURCE = (
    "NHS England (NHS Horizons), Leading the Spread and Adoption of Innovation and Improvement: "
    "A Practical Guide — https://www.england.nhs.uk/spread-and-adoption/"
)


@dataclass(frozen=True)
class Dimension:
    """One thing a learner rates: a key for files, a name to show, prompts and a next step."""

    key: str
    name: str
    prompts: tuple[str, ...]
    suggestion: str = ""


PRINCIPLES: tuple[Dimension, ...] = (
    Dimension(
        "complexity", "Complexity",
        ("How many teams, services or organisations must change how they work for this to spread?",
         "What might behave differently in a new setting from the place where it first worked?"),
        "Map who and what the change touches in each new setting, and plan small local tests "
        "rather than one fixed roll-out.",
    ),
    Dimension(
        "leadership", "Leadership",
        ("Do leaders give people room to adapt the change, or expect it copied exactly?",
         "Who in each setting will clear obstacles and keep the work going?"),
        "Agree with a senior sponsor what local teams may adapt, and how they will be supported.",
    ),
    Dimension(
        "individual", "Individual",
        ("What does the change mean for each patient, carer or member of staff it touches?",
         "What might people lose, and what could they add?"),
        "Talk with a few patients and staff in a new setting about what the change would mean "
        "for them, and write down what you hear.",
    ),
    Dimension(
        "benefit", "Benefit",
        ("Can you say in one sentence why this matters to the people who would adopt it?",
         "Is the story about the need it meets rather than the product or method itself?"),
        "Write a short shared story of the benefit for patients, staff and the system, and test "
        "it on someone outside the project.",
    ),
    Dimension(
        "networks", "Networks",
        ("Which networks or communities of practice could carry the change further?",
         "Who are the connectors whom others listen to?"),
        "List two or three networks you could join or use, and name one connector in each.",
    ),
    Dimension(
        "learning", "Learning",
        ("How will teams share what works and what does not as the change spreads?",
         "Is it safe for people to say that something is not working?"),
        "Set up a regular, short way for adopting teams to share learning, including what went "
        "wrong.",
    ),
    Dimension(
        "seventh", SEVENTH_PRINCIPLE_NAME,
        ("Is the change still being developed, with the people who will adopt it?",
         "Which parts must stay the same everywhere, and which may each site adapt?"),
        "Agree with two adopting sites which parts of the change are core and which they may "
        "adapt, and write both lists down.",
    ),
)

SYSTEMS_CONVENING = Dimension(
    "systems_convening", "Systems convening",
    ("Is someone bringing together people across boundaries who would not otherwise meet?",
     "Is the situation complex enough that programme management alone will not be enough?",
     "Who could act as a convener, and do they have the time and trust to do it?"),
    "Name a possible convener and ask whether they would bring the key people together once.",
)

DIMENSIONS: tuple[Dimension, ...] = (*PRINCIPLES, SYSTEMS_CONVENING)
# What marks ask for (docs/assessment.md, "The seventh principle"): the six principles whose names
# the 2021 guide's own pages confirm. The seventh (name unverified) and systems convening (the
# guide's way of leading, not a principle) are asked for in the tools and never marked.
MARKED_PRINCIPLES: tuple[Dimension, ...] = tuple(p for p in PRINCIPLES if p.key != "seventh")
DIMENSION_KEYS = tuple(d.key for d in DIMENSIONS)


def check_rating(value: Any, what: str) -> int | None:
    """A rating of 1 to 5, or None for not rated yet; anything else gets a plain message."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise DataProblem(
            f"The rating for {what} is '{value}'. Use a whole number from {RATING_MIN} to "
            f"{RATING_MAX}, or leave it blank if you have not rated it yet."
        )
    if not RATING_MIN <= int(value) <= RATING_MAX:
        raise DataProblem(
            f"The rating for {what} is {value}. Use a whole number from {RATING_MIN} "
            f"(not in place) to {RATING_MAX} (fully in place)."
        )
    return int(value)


@dataclass
class Rating:
    """A learner's rating (1–5 or None) and notes on one dimension."""

    score: int | None = None
    notes: str = ""


def csv_table(header: list[str], rows: Iterable[list[Any]]) -> str:
    """A self-rating's export as CSV text: the header, then the rows (csv writes None, a
    rating not given, as a blank)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


@dataclass
class RatedItems:
    """Ratings keyed by dimension key; shared by readiness and sustainability self-ratings."""

    ratings: dict[str, Rating] = field(default_factory=dict)

    def validate_items(self, dimensions: tuple[Dimension, ...]) -> None:
        names = {d.key: d.name for d in dimensions}
        for key, rating in self.ratings.items():
            if key not in names:
                raise DataProblem(
                    f"'{key}' is not one of the items this form rates. Remove it from the file."
                )
            rating.score = check_rating(rating.score, names[key])
            if not isinstance(rating.notes, str):
                raise DataProblem(f"The notes for {names[key]} must be text.")

    def score(self, key: str) -> int | None:
        rating = self.ratings.get(key)
        return rating.score if rating else None

    def notes(self, key: str) -> str:
        rating = self.ratings.get(key)
        return rating.notes if rating else ""

    def set_score(self, key: str, score: int | None) -> None:
        self.ratings.setdefault(key, Rating()).score = score

    def set_scores(self, scores: dict[str, int | None]) -> Self:
        """Several scores at once, {key: score}; returns the ratings themselves."""
        for key, score in scores.items():
            self.set_score(key, score)
        return self

    def lowest_rated(self, dimensions: tuple[Dimension, ...], count: int) -> list[Dimension]:
        """The count lowest-rated dimensions (ties in the guide's order); unrated ones left out."""
        rated = [(score, i, d) for i, d in enumerate(dimensions)
                 if (score := self.score(d.key)) is not None]
        rated.sort(key=lambda item: (item[0], item[1]))
        return [d for _, _, d in rated[:count]]

    def set_notes(self, key: str, notes: str) -> None:
        self.ratings.setdefault(key, Rating()).notes = notes

    def ratings_dict(self) -> dict[str, dict[str, Any]]:
        return {k: {"score": r.score, "notes": r.notes} for k, r in self.ratings.items()}

    @staticmethod
    def ratings_from(payload: Any, what: str) -> dict[str, Rating]:
        if not isinstance(payload, dict):
            raise ModelFileProblem(f"The ratings in {what} are not in the expected form.")
        ratings = {}
        for key, item in payload.items():
            if not isinstance(item, dict):
                raise ModelFileProblem(f"The rating for '{key}' in {what} is not in the expected "
                                       "form.")
            ratings[key] = Rating(score=item.get("score"), notes=item.get("notes", ""))
        return ratings


@dataclass
class ReadinessAssessment(RatedItems):
    """One assessment: a site or a date (the label) rated against every dimension."""

    label: str = ""

    def validate(self) -> ReadinessAssessment:
        if not self.label.strip():
            raise DataProblem(
                "This assessment has no name. Type the site or date it describes, for example "
                "'Ward 7, March 2025'."
            )
        self.validate_items(DIMENSIONS)
        return self

    def weakest(self, count: int = 2) -> list[Dimension]:
        return self.lowest_rated(DIMENSIONS, count)

    def suggestions(self, count: int = 2) -> list[tuple[Dimension, str]]:
        """Suggested next steps (the course's own suggestions) for the weakest dimensions."""
        return [(d, d.suggestion) for d in self.weakest(count)]


@dataclass
class ReadinessRecord:
    """All of a learner's readiness assessments (several sites or dates), in one file."""

    assessments: list[ReadinessAssessment] = field(default_factory=list)

    def validate(self) -> ReadinessRecord:
        seen = set()
        for assessment in self.assessments:
            assessment.validate()
            name = assessment.label.strip().casefold()
            if name in seen:
                raise DataProblem(
                    f"There are two assessments called '{assessment.label}'. Give each site or "
                    "date its own name, for example add the month."
                )
            seen.add(name)
        return self

    def get(self, label: str) -> ReadinessAssessment:
        for assessment in self.assessments:
            if assessment.label == label:
                return assessment
        raise DataProblem(f"There is no assessment called '{label}'. Add it first.")

    @classmethod
    def from_scores(cls, scores: dict[str, dict[str, int | None]]) -> ReadinessRecord:
        """A record with one assessment per site or date: {label: {principle key: score}}."""
        record = cls()
        for label, ratings in scores.items():
            record.add(label).set_scores(ratings)
        return record

    def add(self, label: str) -> ReadinessAssessment:
        assessment = ReadinessAssessment(label=label.strip())
        candidate = ReadinessRecord([*self.assessments, assessment]).validate()
        self.assessments = candidate.assessments
        return assessment

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "spread readiness",
            "source": SOURCE,
            "assessments": [
                {"label": a.label, "ratings": a.ratings_dict()} for a in self.assessments
            ],
        }

    @classmethod
    def from_dict(cls, payload: dict[str, Any]) -> ReadinessRecord:
        items = payload.get("assessments", [])
        if not isinstance(items, list):
            raise ModelFileProblem("The assessments in this readiness file are not a list.")
        record = cls([
            ReadinessAssessment(
                label=str(item.get("label", "")),
                ratings=RatedItems.ratings_from(item.get("ratings", {}), "a readiness file"),
            )
            for item in items
        ])
        return record.validate()

    def save(self, path: str | os.PathLike) -> None:
        save_json(path, self.validate().to_dict())

    def to_csv(self) -> str:
        """One row per assessment and dimension: label, principle, rating, notes."""
        return csv_table(["assessment", "principle", "rating", "notes"],
                         ([a.label, d.name, a.score(d.key), a.notes(d.key)]
                          for a in self.assessments for d in DIMENSIONS))


def load_readiness(path: str | os.PathLike) -> ReadinessRecord:
    """Read a spread-readiness file saved by the SpreadReadiness widget."""
    return ReadinessRecord.from_dict(load_json(path, "spread-readiness assessment"))


def default_label(today: date | None = None) -> str:
    return f"My project, {(today or date.today()).strftime('%B %Y')}"
