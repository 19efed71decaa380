"""Cause and effect (fishbone) diagrams with five whys, as plain data.

After Kaoru Ishikawa's cause-and-effect diagram: the problem (the effect) at the head, categories
of cause along the spine, causes under each. The usual starting categories in health care are
people, methods, equipment, environment, materials and measurement; a team renames or drops them
to fit its problem. Under a cause, a chain of "why?" answers digs towards a root cause (the five
whys, from Toyota's production system; five is a rule of thumb, not a count to reach). The causes
the team marks as most likely become candidate secondary drivers for the driver diagram.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from qispread.errors import DataProblem
from qispread.models.storage import ModelFileProblem, load_json, save_json

STARTING_CATEGORIES = ("People", "Methods", "Equipment", "Environment", "Materials",
                       "Measurement")
MOST_WHYS = 5


@dataclass
class Cause:
    """A cause, the answers to "why?" asked of it in turn, and whether the team thinks it is one
    of the most likely."""

    text: str
    whys: list[str] = field(default_factory=list)
    likely: bool = False

    @property
    def deepest(self) -> str:
        """The last answer to "why?" (the cause itself when none was asked)."""
        answered = [w for w in self.whys if w.strip()]
        return answered[-1] if answered else self.text


@dataclass
class Fishbone:
    """The effect (the problem, as specific as the aim) and causes under each category."""

    effect: str = ""
    categories: dict[str, list[Cause]] = field(
        default_factory=lambda: {name: [] for name in STARTING_CATEGORIES})

    def validate(self) -> Fishbone:
        for name, causes in self.categories.items():
            if not name.strip():
                raise DataProblem("A category has no name: name it or remove it.")
            for cause in causes:
                if not cause.text.strip():
                    raise DataProblem(f"A cause under '{name}' is empty: write it or remove "
                                      f"it.")
                if len(cause.whys) > MOST_WHYS:
                    raise DataProblem(f"The cause '{cause.text}' has {len(cause.whys)} whys; "
                                      f"keep to {MOST_WHYS} at most.")
        return self

    def rename(self, old: str, new: str) -> None:
        """Rename a category, keeping its causes and its place."""
        new = new.strip()
        if old not in self.categories:
            raise DataProblem(f"There is no category called '{old}'.")
        if not new:
            raise DataProblem("A category needs a name.")
        if new != old and new in self.categories:
            raise DataProblem(f"There is already a category called '{new}'.")
        self.categories = {(new if name == old else name): causes
                           for name, causes in self.categories.items()}

    def add_cause(self, category: str, text: str) -> Cause:
        if category not in self.categories:
            raise DataProblem(f"There is no category called '{category}'. Add it first.")
        if not text.strip():
            raise DataProblem("Write the cause before adding it.")
        cause = Cause(text.strip())
        self.categories[category].append(cause)
        return cause

    def likely_causes(self) -> list[tuple[str, Cause]]:
        return [(name, cause) for name, causes in self.categories.items() for cause in causes
                if cause.likely]

    def candidate_drivers(self) -> list[str]:
        """The likely causes, each turned round into a secondary driver to work on: the deepest
        answer to "why?" under it, which is what a change would have to act on."""
        return list(dict.fromkeys(cause.deepest for _, cause in self.likely_causes()))

    def text(self) -> str:
        """The diagram as indented lines, for a screen reader and the printed plan."""
        lines = [f"Effect: {self.effect or '(not written yet)'}"]
        for name, causes in self.categories.items():
            lines.append(f"{name}:" + ("" if causes else " (no causes yet)"))
            for cause in causes:
                lines.append(f"  - {cause.text}" + (" [most likely]" if cause.likely else ""))
                lines += [f"      why? {why}" for why in cause.whys if why.strip()]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "fishbone", "effect": self.effect,
                "categories": [{"name": name,
                                "causes": [{"text": c.text, "whys": c.whys, "likely": c.likely}
                                           for c in causes]}
                               for name, causes in self.categories.items()]}

    @classmethod
    def from_dict(cls, payload: dict[str, Any]) -> Fishbone:
        try:
            categories = {str(group["name"]): [Cause(str(c["text"]), [str(w) for w in c["whys"]],
                                                     bool(c["likely"]))
                                               for c in group["causes"]]
                          for group in payload["categories"]}
        except (KeyError, TypeError) as err:
            raise DataProblem(f"The fishbone is missing a part ({err}).") from err
        return cls(str(payload.get("effect", "")), categories).validate()

    def save(self, path: str | os.PathLike) -> None:
        save_json(path, self.validate().to_dict())


def load_fishbone(path: str | os.PathLike) -> Fishbone:
    payload = load_json(path, "fishbone")
    if payload.get("kind") != "fishbone":
        raise ModelFileProblem(f"The file '{path}' does not hold a fishbone diagram.")
    return Fishbone.from_dict(payload)
