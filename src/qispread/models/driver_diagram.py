"""A driver diagram: an aim, primary drivers, secondary drivers and change ideas, with their links.

Structure as described in IHI's QI Essentials (paraphrased): the aim is achieved through a few
primary drivers (IHI suggests two to five), each influenced by secondary drivers, which suggest
change ideas to test. Links may be many-to-many, and each driver should have a measure.
Each secondary driver lists the primary drivers it affects (its parents); each change idea lists
the secondary drivers it acts on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from qispread.errors import DataProblem
from qispread.models.aim import AimCheck, check_aim
from qispread.models.storage import ModelFileProblem, load_json, save_json

LEVELS = ("primary", "secondary", "change")
"""The levels to the right of the aim, left to right."""

LEVEL_NAMES = {
    "primary": "primary driver",
    "secondary": "secondary driver",
    "change": "change idea",
}
LEVEL_TITLES = {
    "primary": "Primary drivers",
    "secondary": "Secondary drivers",
    "change": "Change ideas",
}
_ID_PREFIX = {"primary": "P", "secondary": "S", "change": "C"}
PRIMARY_RANGE = (2, 5)


@dataclass
class DiagramItem:
    """One box in the diagram. `parents` are ids at the level to the left (none for primaries)."""

    id: str
    text: str
    measure: str = ""
    parents: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "text": self.text,
            "measure": self.measure,
            "parents": list(self.parents),
        }


@dataclass(frozen=True)
class StructureReport:
    """Counts and loose ends, for feedback and for graded structural checks."""

    counts: dict[str, int]
    links: int
    unlinked: list[str]
    without_children: list[str]
    drivers_without_measure: list[str]
    aim_parts_missing: list[str]

    def as_text(self) -> str:
        lines = [
            f"{self.counts['primary']} primary drivers, {self.counts['secondary']} secondary "
            f"drivers, {self.counts['change']} change ideas, {self.links} links.",
        ]
        if self.unlinked:
            lines.append("Not linked to anything on their left: " + ", ".join(self.unlinked) + ".")
        if self.without_children:
            lines.append("Nothing linked on their right: " + ", ".join(self.without_children) + ".")
        if self.drivers_without_measure:
            lines.append(
                "Drivers without a measure: " + ", ".join(self.drivers_without_measure) + "."
            )
        return "\n".join(lines)


@dataclass
class DriverDiagram:
    """The whole diagram. Edit it through add/edit/remove so that every change is checked."""

    aim: str = ""
    primary: list[DiagramItem] = field(default_factory=list)
    secondary: list[DiagramItem] = field(default_factory=list)
    change: list[DiagramItem] = field(default_factory=list)
    partner: str = ""  # optional: what a patient partner contributed to the diagram

    # ---- looking things up
    def items(self, level: str) -> list[DiagramItem]:
        if level not in LEVELS:
            raise DataProblem(
                f"'{level}' is not a level of a driver diagram; use one of {', '.join(LEVELS)}."
            )
        return getattr(self, level)

    def all_items(self) -> list[DiagramItem]:
        return [item for level in LEVELS for item in self.items(level)]

    def find(self, item_id: str) -> DiagramItem:
        for item in self.all_items():
            if item.id == item_id:
                return item
        raise DataProblem(f"There is no item with id '{item_id}' in the diagram.")

    def level_of(self, item_id: str) -> str:
        for level in LEVELS:
            if any(item.id == item_id for item in self.items(level)):
                return level
        raise DataProblem(f"There is no item with id '{item_id}' in the diagram.")

    def children(self, item_id: str) -> list[DiagramItem]:
        level = self.level_of(item_id)
        if level == "change":
            return []
        right = LEVELS[LEVELS.index(level) + 1]
        return [item for item in self.items(right) if item_id in item.parents]

    def label(self, item: DiagramItem) -> str:
        return f"{item.id} '{item.text}'"

    @property
    def aim_check(self) -> AimCheck:
        return check_aim(self.aim)

    # ---- editing
    def add(
        self, level: str, text: str, parents: Iterable[str] = (), measure: str = ""
    ) -> DiagramItem:
        """Add an item; raises DataProblem (with the fix) if the text or links are not usable."""
        items = self.items(level)
        item = DiagramItem(self._next_id(level), _clean(text), _clean(measure), list(parents))
        self._check_item(level, item)
        items.append(item)
        return item

    def edit(
        self,
        item_id: str,
        text: str | None = None,
        measure: str | None = None,
        parents: Iterable[str] | None = None,
    ) -> DiagramItem:
        level = self.level_of(item_id)
        old = self.find(item_id)
        new = DiagramItem(
            old.id,
            old.text if text is None else _clean(text),
            old.measure if measure is None else _clean(measure),
            list(old.parents) if parents is None else list(parents),
        )
        self._check_item(level, new)
        items = self.items(level)
        items[items.index(old)] = new
        return new

    def remove(self, item_id: str) -> DiagramItem:
        """Remove an item and every link to it (its children stay, perhaps unlinked)."""
        level = self.level_of(item_id)
        item = self.find(item_id)
        self.items(level).remove(item)
        for child in self.all_items():
            if item_id in child.parents:
                child.parents.remove(item_id)
        return item

    def _next_id(self, level: str) -> str:
        prefix = _ID_PREFIX[level]
        numbers = [int(i.id[1:]) for i in self.items(level) if i.id[1:].isdigit()]
        return f"{prefix}{max(numbers, default=0) + 1}"

    def _check_item(self, level: str, item: DiagramItem) -> None:
        problems = self._item_problems(
            level, item, [i for i in self.items(level) if i.id != item.id]
        )
        if problems:
            raise DataProblem(" ".join(problems))

    def _item_problems(self, level: str, item: DiagramItem, others: list[DiagramItem]) -> list[str]:
        name = LEVEL_NAMES[level]
        problems = []
        if not item.text:
            problems.append(f"The {name} has no text. Type a few words describing it.")
        elif any(other.text.casefold() == item.text.casefold() for other in others):
            problems.append(
                f"There is already a {name} called '{item.text}'. Reword it, or link the "
                f"existing one instead."
            )
        if level == "primary" and item.parents:
            problems.append(f"A primary driver links to the aim only; {item.id} lists parents.")
        if level != "primary":
            left = LEVELS[LEVELS.index(level) - 1]
            known = {i.id for i in self.items(left)}
            missing = [parent for parent in item.parents if parent not in known]
            if missing:
                problems.append(
                    f"The {name} '{item.text}' is linked to {', '.join(missing)}, which is not a "
                    f"{LEVEL_NAMES[left]} in this diagram. Choose links from the "
                    f"{LEVEL_NAMES[left]}s listed."
                )
            if len(set(item.parents)) != len(item.parents):
                problems.append(f"The {name} '{item.text}' lists the same link twice.")
        return problems

    # ---- checking the whole diagram
    def problems(self) -> list[str]:
        """Errors that make the diagram inconsistent (e.g. after editing the file by hand)."""
        found = []
        seen_ids: set[str] = set()
        for level in LEVELS:
            items = self.items(level)
            for index, item in enumerate(items):
                if item.id in seen_ids:
                    found.append(f"Two items share the id '{item.id}'. Give each a different id.")
                seen_ids.add(item.id)
                found += self._item_problems(level, item, items[:index])
        return found

    def warnings(self) -> list[str]:
        """Gentle advice: the diagram works, but a coach would suggest a look at these."""
        report = self.structure_report()
        advice = []
        low, high = PRIMARY_RANGE
        count = report.counts["primary"]
        if count and not low <= count <= high:
            advice.append(
                f"You have {count} primary driver{'s' if count != 1 else ''}. IHI suggests "
                f"{low} to {high}: enough to cover the main influences on the aim, few enough "
                f"to keep the team focused."
            )
        if report.unlinked:
            advice.append(
                "These are not linked to anything on their left, so it is unclear how they "
                "help the aim: " + ", ".join(report.unlinked) + "."
            )
        if report.without_children:
            advice.append(
                "These drivers have nothing linked on their right yet: "
                + ", ".join(report.without_children)
                + "."
            )
        if report.drivers_without_measure:
            advice.append(
                "Each driver should have a measure so you can tell whether it is changing: "
                + ", ".join(report.drivers_without_measure)
                + "."
            )
        if self.aim.strip() and report.aim_parts_missing:
            advice.append(
                "The aim checker could not find: " + ", ".join(report.aim_parts_missing) + "."
            )
        return advice

    def structure_report(self) -> StructureReport:
        unlinked = [
            self.label(i) for level in LEVELS[1:] for i in self.items(level) if not i.parents
        ]
        childless = [
            self.label(i)
            for level in LEVELS[:-1]
            for i in self.items(level)
            if not self.children(i.id)
        ]
        no_measure = [
            self.label(i) for level in LEVELS[:-1] for i in self.items(level) if not i.measure
        ]
        return StructureReport(
            counts={level: len(self.items(level)) for level in LEVELS},
            links=sum(len(i.parents) for i in self.all_items()),
            unlinked=unlinked,
            without_children=childless,
            drivers_without_measure=no_measure,
            aim_parts_missing=self.aim_check.missing,
        )

    # ---- files
    def to_dict(self) -> dict:
        return {
            "kind": "driver diagram",
            "aim": self.aim,
            **{level: [item.to_dict() for item in self.items(level)] for level in LEVELS},
            "partner": self.partner,
        }

    @classmethod
    def from_dict(cls, payload: dict) -> DriverDiagram:
        aim = payload.get("aim", "")
        if not isinstance(aim, str):
            raise ModelFileProblem("The saved aim is not text. Fix or delete the file.")
        return cls(
            aim=aim, **{level: _items_from(payload.get(level, []), level) for level in LEVELS},
            partner=str(payload.get("partner", "")),
        )

    def save(self, path: str | os.PathLike) -> Path:
        return save_json(path, self.to_dict())


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _items_from(rows: object, level: str) -> list[DiagramItem]:
    where = f"the {LEVEL_NAMES[level]}s in the saved diagram"
    if not isinstance(rows, list):
        raise ModelFileProblem(f"Cannot read {where}: expected a list. Fix or delete the file.")
    items = []
    for row in rows:
        if not isinstance(row, dict) or not isinstance(row.get("id"), str):
            raise ModelFileProblem(
                f"Cannot read {where}: each needs an id. Fix or delete the file."
            )
        parents = row.get("parents", [])
        if not isinstance(parents, list) or not all(isinstance(p, str) for p in parents):
            raise ModelFileProblem(f"Cannot read the links of {row['id']}: expected a list of ids.")
        items.append(
            DiagramItem(row["id"], str(row.get("text", "")), str(row.get("measure", "")), parents)
        )
    return items


def load_diagram(path: str | os.PathLike) -> DriverDiagram:
    """Read a diagram saved by DriverDiagramBuilder (for graded code and reopening the widget)."""
    return DriverDiagram.from_dict(load_json(path, "driver diagram"))
