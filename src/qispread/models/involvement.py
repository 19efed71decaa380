"""An involvement plan: at each stage of the project, who from the public takes part, how far up
the ladder of engagement, how, and what changed because of it.

The rungs follow the ladder of engagement in NHS England's guidance on working with people and
communities, itself after Arnstein's ladder of citizen participation (1969). The rung names here
are the ones that ladder is usually shown with (informing, consulting, involving, collaborating,
devolving); not verified against the 2022 guidance's own figure. No rung is right everywhere: the
rung should fit the decision being made at that stage, and people should be involved before it is
made, not told or asked afterwards.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from qispread.errors import DataProblem
from qispread.models.storage import ModelFileProblem, load_kind, save_json

STAGES = {"aim": "Setting the aim", "system": "Understanding the system",
          "testing": "Testing changes", "spreading": "Spreading"}
RUNGS = {  # lowest first
    "informing": "Informing: telling people what is happening",
    "consulting": "Consulting: asking for views on proposals",
    "involving": "Involving: their views shape the decisions",
    "collaborating": "Collaborating: deciding together as partners",
    "devolving": "Devolving: people decide for themselves",
}
RUNG_ORDER = tuple(RUNGS)
WHERE_DECISIONS_ARE_MADE = ("aim", "system")


def rung_name(key: str) -> str:
    return RUNGS[key].split(":")[0] if key else "not chosen"


@dataclass
class StageInvolvement:
    who: str = ""  # which patients, carers or community members
    rung: str = ""  # a key of RUNGS, or "" until chosen
    how: str = ""  # how they take part
    changed: str = ""  # what changed because of it (written once it has happened)

    def planned(self) -> bool:
        return bool(self.who.strip() and self.rung and self.how.strip())

    def is_empty(self) -> bool:
        return not any(str(v).strip() for v in (self.who, self.rung, self.how, self.changed))

    def to_dict(self) -> dict[str, str]:
        return {"who": self.who, "rung": self.rung, "how": self.how, "changed": self.changed}


@dataclass
class InvolvementPlan:
    stages: dict[str, StageInvolvement] = field(
        default_factory=lambda: {key: StageInvolvement() for key in STAGES})

    def validate(self) -> InvolvementPlan:
        if set(self.stages) != set(STAGES):
            raise DataProblem("An involvement plan has exactly these stages: "
                              f"{', '.join(STAGES.values())}.")
        for key, stage in self.stages.items():
            for name in ("who", "rung", "how", "changed"):
                if not isinstance(getattr(stage, name), str):
                    raise DataProblem(f"'{name}' at the stage '{STAGES[key]}' must be text.")
            if stage.rung and stage.rung not in RUNGS:
                raise DataProblem(f"'{stage.rung}' at the stage '{STAGES[key]}' is not a rung of "
                                  f"the ladder. Choose one of: {', '.join(RUNG_ORDER)}.")
        self.stages = {key: self.stages[key] for key in STAGES}  # always in the project's order
        return self

    def stage(self, key: str) -> StageInvolvement:
        if key not in STAGES:
            raise DataProblem(f"There is no stage called '{key}'. The stages are: "
                              f"{', '.join(STAGES)}.")
        return self.stages[key]

    def is_empty(self) -> bool:
        return all(stage.is_empty() for stage in self.stages.values())

    def problems(self) -> list[str]:
        """What keeps the plan from being complete: every stage says who, which rung and how."""
        unplanned = [STAGES[k] for k, s in self.stages.items() if not s.planned()]
        if unplanned:
            return ["Say who from the public takes part, at which rung and how, for: "
                    f"{', '.join(unplanned)}."]
        return []

    def concerns(self) -> list[str]:
        """Warnings, not errors: stages where people are only told or asked while the decisions
        that shape the project are being made."""
        low = [STAGES[k] for k in WHERE_DECISIONS_ARE_MADE
               if self.stages[k].rung in ("informing", "consulting")]
        if not low:
            return []
        return [f"At {' and '.join(low).lower()}, people are only informed or consulted. These are "
                "the stages where the project's direction is set: involving people there lets "
                "them shape it, rather than react to a decision already made."]

    def text(self) -> str:
        lines = []
        for key, stage in self.stages.items():
            lines.append(f"{STAGES[key]}: {rung_name(stage.rung)}"
                         + (f" — {stage.who.strip()}" if stage.who.strip() else ""))
            if stage.how.strip():
                lines.append(f"  How: {stage.how.strip()}")
            if stage.changed.strip():
                lines.append(f"  What changed: {stage.changed.strip()}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "involvement plan",
                "stages": {key: stage.to_dict() for key, stage in self.stages.items()}}

    @classmethod
    def from_dict(cls, payload: dict[str, Any]) -> InvolvementPlan:
        stages = payload.get("stages")
        if not isinstance(stages, dict) or not all(isinstance(s, dict) for s in stages.values()):
            raise ModelFileProblem("The stages in this involvement plan are not in the expected "
                                   "form.")
        try:
            return cls({key: StageInvolvement(**value) for key, value in stages.items()}).validate()
        except TypeError as err:
            raise ModelFileProblem(f"A stage in this involvement plan has a field it does not "
                                   f"know ({err}).") from err

    def save(self, path: str | os.PathLike) -> None:
        save_json(path, self.validate().to_dict())


def load_involvement_plan(path: str | os.PathLike) -> InvolvementPlan:
    return InvolvementPlan.from_dict(load_kind(path, "involvement plan"))
