"""The project team: the roles the Model for Improvement asks a team to hold.

After Langley and colleagues' *The Improvement Guide* (2009) and IHI's "Forming the team": an
effective improvement team holds senior leadership (a sponsor who can clear barriers and find
resources), clinical or technical expertise (a clinical lead), day-to-day leadership (someone who
drives the project week by week and knows the work) and the people who do the work (team members).
This course adds a patient partner, as NHS improvement guidance asks: someone who uses the service
and brings what matters to the people it serves. One person may hold two roles in a small project.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from qispread.errors import DataProblem
from qispread.models.storage import ModelFileProblem, load_kind, save_json


@dataclass(frozen=True)
class Role:
    key: str
    name: str
    does: str  # what the role brings, in a few words


ROLES: tuple[Role, ...] = (
    Role("sponsor", "Sponsor", "a senior leader who clears barriers and finds time and resources"),
    Role("clinical_lead", "Clinical lead", "clinical expertise and credibility with colleagues"),
    Role("day_to_day_lead", "Day-to-day lead", "runs the project week by week and knows the work"),
    Role("members", "Team members", "the people who do the work being improved"),
    Role("patient_partner", "Patient partner",
         "someone who uses the service, bringing what matters to the people it serves"),
)
NAMED_ROLES = tuple(role.key for role in ROLES if role.key != "members")
LONGEST_NAME = 200


@dataclass
class ProjectTeam:
    """Who holds each role: one name (with a job title if wanted) per role, several members."""

    sponsor: str = ""
    clinical_lead: str = ""
    day_to_day_lead: str = ""
    members: list[str] = field(default_factory=list)
    patient_partner: str = ""

    def validate(self) -> ProjectTeam:
        for role in ROLES:
            values = self.members if role.key == "members" else [getattr(self, role.key)]
            for value in values:
                if not isinstance(value, str):
                    raise DataProblem(f"The {role.name.lower()} must be written as text.")
                if len(value) > LONGEST_NAME:
                    raise DataProblem(f"The {role.name.lower()} entry is {len(value)} characters "
                                      f"long: keep it to a name and a job title (at most "
                                      f"{LONGEST_NAME}).")
        self.members = [m.strip() for m in self.members if m.strip()]
        return self

    def unfilled(self) -> list[Role]:
        """The roles nobody holds yet."""
        return [role for role in ROLES
                if not (self.members if role.key == "members" else getattr(self, role.key).strip())]

    def is_empty(self) -> bool:
        return len(self.unfilled()) == len(ROLES)

    def rows(self) -> list[tuple[str, str]]:
        """(role, who) for each role, as the plan prints them."""
        return [(role.name, ", ".join(self.members) if role.key == "members"
                 else getattr(self, role.key).strip()) for role in ROLES]

    def text(self) -> str:
        return "\n".join(f"{name}: {who or '(nobody yet)'}" for name, who in self.rows())

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "project team", **{key: getattr(self, key) for key in NAMED_ROLES},
                "members": list(self.members)}

    @classmethod
    def from_dict(cls, payload: dict[str, Any]) -> ProjectTeam:
        members = payload.get("members", [])
        if not isinstance(members, list):
            raise ModelFileProblem("The team members in this file are not a list of names.")
        return cls(**{key: payload.get(key, "") for key in NAMED_ROLES},
                   members=members).validate()

    def save(self, path: str | os.PathLike) -> None:
        save_json(path, self.validate().to_dict())


def load_team(path: str | os.PathLike) -> ProjectTeam:
    return ProjectTeam.from_dict(load_kind(path, "project team"))
