"""Sustainability self-rating, inspired by the NHS Sustainability Model.

The ten factors and their three groups are those of the NHS Sustainability Model (NHS Institute
for Innovation and Improvement, 2010). The model's own weights and level descriptors are not
openly licensed, so they are NOT reproduced here: this is an unweighted 1–5 self-rating, with
prompts in the course's own words, and its total is not the model's score.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from qispread.models.readiness import Dimension, RatedItems, csv_table
from qispread.models.storage import ModelFileProblem, load_json, save_json

SOURCE = "NHS Institute for Innovation and Improvement (2010), NHS Sustainability Model"
LICENCE_NOTE = (
    "Inspired by the NHS Sustainability Model (NHS Institute for Innovation and Improvement, "
    "2010). The model's weights and level descriptors are not openly licensed, so they are not "
    "reproduced here: this is a simple, unweighted 1–5 self-rating for reflection, not the "
    "model's score."
)

GROUPS: tuple[tuple[str, tuple[Dimension, ...]], ...] = (
    ("Process", (
        Dimension("benefits_beyond_helping_patients", "Benefits beyond helping patients",
                  ("Besides patients, who else gains: staff time, money, a smoother process?",)),
        Dimension("credibility_of_benefits", "Credibility of the benefits",
                  ("Can people see the benefits for themselves, and do they believe them?",)),
        Dimension("adaptability", "Adaptability",
                  ("Could the change keep going if a key person left or the service changed?",)),
        Dimension("monitoring_system", "Effectiveness of the monitoring system",
                  ("Is progress measured and fed back to the people doing the work?",)),
    )),
    ("Staff", (
        Dimension("staff_involvement_and_training", "Staff involvement and training",
                  ("Were staff involved from the start, and trained to keep the change going?",)),
        Dimension("staff_behaviours", "Staff behaviours toward sustaining",
                  ("Do staff feel the change is theirs, and speak up for keeping it?",)),
        Dimension("senior_leadership", "Senior leadership engagement",
                  ("Do senior leaders know about the change and act to support it?",)),
        Dimension("clinical_leadership", "Clinical leadership engagement",
                  ("Do clinical leaders champion the change with their colleagues?",)),
    )),
    ("Organisation", (
        Dimension("fit_with_aims_and_culture", "Fit with aims and culture",
                  ("Does the change fit what the organisation says it wants and how it works?",)),
        Dimension("infrastructure", "Infrastructure for sustainability",
                  ("Are policies, posts, equipment and facilities in place to keep it going?",)),
    )),
)

FACTORS: tuple[Dimension, ...] = tuple(d for _, dims in GROUPS for d in dims)
GROUP_OF = {d.key: group for group, dims in GROUPS for d in dims}


@dataclass
class SustainabilityRating(RatedItems):
    """A learner's unweighted 1–5 rating (and notes) for each of the ten factors."""

    project: str = ""

    def validate(self) -> SustainabilityRating:
        self.validate_items(FACTORS)
        return self

    def unrated(self) -> list[Dimension]:
        return [d for d in FACTORS if self.score(d.key) is None]

    def weakest(self, count: int = 3) -> list[Dimension]:
        return self.lowest_rated(FACTORS, count)

    def group_means(self) -> dict[str, float | None]:
        """Mean rating in each group over the rated factors (unweighted)."""
        means: dict[str, float | None] = {}
        for group, dims in GROUPS:
            scores = [s for d in dims if (s := self.score(d.key)) is not None]
            means[group] = sum(scores) / len(scores) if scores else None
        return means

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "sustainability self-rating", "source": SOURCE, "note": LICENCE_NOTE,
                "project": self.project, "ratings": self.ratings_dict()}

    @classmethod
    def from_dict(cls, payload: dict[str, Any]) -> SustainabilityRating:
        ratings = RatedItems.ratings_from(payload.get("ratings", {}), "a sustainability file")
        project = payload.get("project", "")
        if not isinstance(project, str):
            raise ModelFileProblem("The project name in this sustainability file is not text.")
        return cls(ratings=ratings, project=project).validate()

    def save(self, path: str | os.PathLike) -> None:
        save_json(path, self.validate().to_dict())

    def to_csv(self) -> str:
        return csv_table(["group", "factor", "rating", "notes"],
                         ([GROUP_OF[d.key], d.name, self.score(d.key), self.notes(d.key)]
                          for d in FACTORS))


def load_sustainability(path: str | os.PathLike) -> SustainabilityRating:
    """Read a sustainability self-rating saved by the SustainabilityCheck widget."""
    return SustainabilityRating.from_dict(load_json(path, "sustainability self-rating"))
