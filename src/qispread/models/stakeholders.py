"""A stakeholder map: who the project affects or needs, placed by influence and interest.

The power/interest grid (after Mendelow, 1991, as the NHS improvement handbooks use it) sorts
people and groups into four ways of working with them: high influence and high interest, manage
closely; high influence and low interest, keep satisfied; low influence and high interest, keep
informed (and, for patients and carers, involve: low formal power is no reason to leave them out);
low on both, monitor. Each stakeholder also records what they need from the project and how the
team will involve them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from qispread.errors import DataProblem
from qispread.models.storage import ModelFileProblem, load_kind, records, save_json

LEVELS = {1: "low", 2: "fairly low", 3: "fairly high", 4: "high"}  # no middle: each is one side
HIGH_FROM = 3
KINDS = {"staff": "Staff", "public": "Patients, carers or public",
         "organisation": "Partner organisation", "other": "Other"}
QUADRANTS = {  # (influence high, interest high) -> how to work with them
    (True, True): "Manage closely",
    (True, False): "Keep satisfied",
    (False, True): "Keep informed and involve",
    (False, False): "Monitor",
}


def _level(value: Any, what: str, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value not in LEVELS:
        raise DataProblem(f"The {what} of '{name}' must be 1, 2, 3 or 4 (low to high), "
                          f"not {value!r}.")
    return value


@dataclass
class Stakeholder:
    name: str
    kind: str = "staff"
    influence: int = 2
    interest: int = 2
    needs: str = ""  # what they need from the project
    involvement: str = ""  # how the team will involve them

    @property
    def quadrant(self) -> str:
        return QUADRANTS[(self.influence >= HIGH_FROM, self.interest >= HIGH_FROM)]

    def validate(self) -> Stakeholder:
        if not self.name.strip():
            raise DataProblem("A stakeholder has no name: name the person or group, or remove "
                              "the row.")
        if self.kind not in KINDS:
            raise DataProblem(f"'{self.kind}' is not a kind of stakeholder. Choose one of: "
                              f"{', '.join(KINDS)}.")
        _level(self.influence, "influence", self.name)
        _level(self.interest, "interest", self.name)
        return self

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "influence": self.influence,
                "interest": self.interest, "needs": self.needs, "involvement": self.involvement}


@dataclass
class StakeholderMap:
    stakeholders: list[Stakeholder] = field(default_factory=list)

    def validate(self) -> StakeholderMap:
        seen: set[str] = set()
        for person in self.stakeholders:
            person.validate()
            key = person.name.strip().casefold()
            if key in seen:
                raise DataProblem(f"'{person.name}' is on the map twice: keep one row for each "
                                  "person or group.")
            seen.add(key)
        return self

    def add(self, name: str, kind: str = "staff", influence: int = 2,
            interest: int = 2) -> Stakeholder:
        if not name.strip():
            raise DataProblem("Write the person or group's name before adding them.")
        person = Stakeholder(name.strip(), kind, influence, interest)
        StakeholderMap([*self.stakeholders, person]).validate()
        self.stakeholders.append(person)
        return person

    def in_quadrant(self, quadrant: str) -> list[Stakeholder]:
        return [p for p in self.stakeholders if p.quadrant == quadrant]

    def public(self) -> list[Stakeholder]:
        return [p for p in self.stakeholders if p.kind == "public"]

    def problems(self) -> list[str]:
        """What keeps the map from being complete, in plain English."""
        if len(self.stakeholders) < 3:
            return ["Your stakeholder map needs at least three people or groups: those who can "
                    "help or block the project, and those it affects."]
        problems = []
        if not self.public():
            problems.append("Nobody on your stakeholder map is a patient, carer or member of the "
                            "public. Add the people your project is for.")
        unfinished = [p.name for p in self.stakeholders
                      if not p.needs.strip() or not p.involvement.strip()]
        if unfinished:
            problems.append("Say what they need from the project and how you will involve them "
                            f"for: {', '.join(unfinished)}.")
        return problems

    def text(self) -> str:
        """The map as lines grouped by quadrant, for a screen reader and the printed plan."""
        lines = []
        for quadrant in QUADRANTS.values():
            people = self.in_quadrant(quadrant)
            lines.append(f"{quadrant}:" + ("" if people else " nobody"))
            lines += [f"  - {p.name} ({KINDS[p.kind].lower()}; influence {LEVELS[p.influence]}, "
                      f"interest {LEVELS[p.interest]})" for p in people]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "stakeholder map",
                "stakeholders": [p.to_dict() for p in self.stakeholders]}

    @classmethod
    def from_dict(cls, payload: dict[str, Any]) -> StakeholderMap:
        rows = records(payload, "stakeholders",
                       "The stakeholders in this file are not in the expected form.")
        try:
            people = [Stakeholder(str(r["name"]), str(r.get("kind", "staff")), r["influence"],
                                  r["interest"], str(r.get("needs", "")),
                                  str(r.get("involvement", ""))) for r in rows]
        except KeyError as err:
            raise ModelFileProblem(f"A stakeholder in this file has no {err}.") from err
        return cls(people).validate()

    def save(self, path: str | os.PathLike) -> None:
        save_json(path, self.validate().to_dict())


def load_stakeholder_map(path: str | os.PathLike) -> StakeholderMap:
    return StakeholderMap.from_dict(load_kind(path, "stakeholder map"))
