"""A family of measures (outcome, process, balancing), each with an operational definition.

Paraphrasing IHI's guidance on measures for improvement (IHI QI Essentials; IHI material is
(c) IHI): an outcome measure shows how the system performs for the people it serves (the result);
a process measure shows whether the parts of the system are working as planned; a balancing
measure looks for problems the changes may cause elsewhere. A family of measures usually has a
handful (roughly 4 to 10) across all three types. An operational definition describes a measure
clearly enough that different people collect the same data the same way.
"""

from __future__ import annotations

import os
import re
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from qispread.errors import DataProblem
from qispread.models.storage import ModelFileProblem, load_json, save_json

TYPES = ("outcome", "process", "balancing")
TYPE_MEANINGS = {
    "outcome": "the result for patients, service users or staff: is the system getting better?",
    "process": "whether the steps that lead to the outcome happen as planned",
    "balancing": "whether the changes are causing problems somewhere else",
}
FAMILY_SIZE = (4, 10)
_PLACEHOLDER = re.compile(
    r"(?i)[-?.x]*|n/?a|tbc|tbd|tba|todo|to do|to be (?:confirmed|decided|agreed)|unknown|"
    r"not sure|don'?t know|same|same as above|see above|as above|\.\.\.|etc\.?|various|"
    r"misc|data|numbers?|count|something|anything")
_PERIOD = re.compile(
    r"(?i)\b(?:hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|annually|yearly|"
    r"every|each|per|once|twice|times|a (?:day|week|month|year|quarter)|day|days|week|weeks|"
    r"month|months|quarter|year|shift|shifts|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|continuous(?:ly)?|real[- ]time|\d+)\b")


def is_placeholder(text: str) -> bool:
    """True for text written where a name or definition belongs but saying nothing: blank,
    "tbc", "n/a", "?", "..." and the like."""
    return bool(_PLACEHOLDER.fullmatch(text.strip()))


def _same_text(first: str, second: str) -> bool:
    return re.findall(r"[a-z0-9]+", first.casefold()) == re.findall(r"[a-z0-9]+",
                                                                    second.casefold())


@dataclass
class OperationalDefinition:
    """What someone needs to collect a measure the same way every time."""

    what_is_counted: str = ""
    numerator: str = ""
    denominator: str = ""
    inclusions_exclusions: str = ""
    data_source: str = ""
    frequency: str = ""

    LABELS = {
        "what_is_counted": "what is counted",
        "numerator": "numerator",
        "denominator": "denominator (write 'none' for a simple count)",
        "inclusions_exclusions": "who or what is included and excluded",
        "data_source": "data source",
        "frequency": "how often it is collected",
    }

    def missing_parts(self) -> list[str]:
        return [self.LABELS[f.name] for f in fields(self) if not getattr(self, f.name).strip()]

    @property
    def complete(self) -> bool:
        return not self.missing_parts()

    def unclear_parts(self) -> list[str]:
        """Parts written but not defined: a placeholder ("tbc", "n/a", "?"), a numerator the same
        as the denominator, or a frequency that names no period ("regularly", "ongoing")."""
        unclear = [self.LABELS[f.name] for f in fields(self)
                   if is_placeholder(getattr(self, f.name))]
        if self.numerator.strip() and _same_text(self.numerator, self.denominator):
            unclear.append("the numerator and the denominator are the same")
        if self.frequency.strip() and not _PERIOD.search(self.frequency):
            unclear.append("how often it is collected (name a period: daily, weekly, monthly)")
        return unclear


@dataclass
class Measure:
    name: str
    type: str = ""  # "" until the learner chooses one of TYPES
    definition: OperationalDefinition = field(default_factory=OperationalDefinition)

    def __post_init__(self) -> None:
        self.name = " ".join(self.name.split())
        if not self.name:
            raise DataProblem("A measure needs a name. Type a few words describing it.")
        if self.type not in ("", *TYPES):
            raise DataProblem(
                f"'{self.type}' is not a type of measure; choose outcome, process or balancing."
            )

    def completeness(self) -> str:
        missing = self.definition.missing_parts()
        if not missing:
            return f"The definition of '{self.name}' has all six parts."
        return f"The definition of '{self.name}' is missing: {'; '.join(missing)}."

    def unclear(self) -> str:
        """What another site could not collect the same way from this definition ('' if none)."""
        unclear = self.definition.unclear_parts()
        if not unclear:
            return ""
        return (f"The definition of '{self.name}' does not yet say: {'; '.join(unclear)}. Write "
                "each part so that someone at another site would collect the same data.")

    def to_dict(self) -> dict:
        return {"name": self.name, "type": self.type, "definition": asdict(self.definition)}


@dataclass
class MeasureFamily:
    measures: list[Measure] = field(default_factory=list)

    def find(self, name: str) -> Measure:
        wanted = " ".join(name.split()).casefold()
        for measure in self.measures:
            if measure.name.casefold() == wanted:
                return measure
        raise DataProblem(f"There is no measure called '{name}' in this family.")

    def add(self, name: str, type: str = "") -> Measure:
        measure = Measure(name, type)
        if any(m.name.casefold() == measure.name.casefold() for m in self.measures):
            raise DataProblem(f"There is already a measure called '{measure.name}'.")
        self.measures.append(measure)
        return measure

    def set_type(self, name: str, type: str) -> None:
        measure = self.find(name)
        Measure(measure.name, type)  # checks the type
        measure.type = type

    def set_definition(self, name: str, **parts: str) -> None:
        definition = self.find(name).definition
        for part, text in parts.items():
            if part not in OperationalDefinition.LABELS:
                raise DataProblem(f"An operational definition has no part called '{part}'.")
            setattr(definition, part, text)

    def by_type(self) -> dict[str, list[str]]:
        return {kind: [m.name for m in self.measures if m.type == kind] for kind in ("", *TYPES)}

    def warnings(self) -> list[str]:
        """Gentle advice on the family as a whole."""
        advice = []
        groups = self.by_type()
        if groups[""]:
            advice.append("Not sorted yet: " + ", ".join(groups[""]) + ".")
        absent = [kind for kind in TYPES if not groups[kind]]
        if absent and len(groups[""]) < len(self.measures):
            advice.append(
                "A family usually has at least one measure of each type; none yet of: "
                + ", ".join(absent)
                + "."
            )
        low, high = FAMILY_SIZE
        if len(self.measures) > high:
            advice.append(
                f"{len(self.measures)} measures is a lot to collect; a family is usually "
                f"{low} to {high}."
            )
        return advice

    def to_dict(self) -> dict:
        return {"kind": "measures", "measures": [m.to_dict() for m in self.measures]}

    @classmethod
    def from_dict(cls, payload: dict) -> MeasureFamily:
        rows = payload.get("measures", [])
        if not isinstance(rows, list):
            raise ModelFileProblem("The saved measures are not a list. Fix or delete the file.")
        measures = []
        for row in rows:
            if not isinstance(row, dict) or not isinstance(row.get("name"), str):
                raise ModelFileProblem("Each saved measure needs a name. Fix or delete the file.")
            parts = row.get("definition") or {}
            known = {k: str(v) for k, v in parts.items() if k in OperationalDefinition.LABELS}
            try:
                measures.append(
                    Measure(row["name"], row.get("type", ""), OperationalDefinition(**known))
                )
            except DataProblem as err:
                raise ModelFileProblem(f"{err} (in the saved file)") from err
        return cls(measures)

    def save(self, path: str | os.PathLike) -> Path:
        return save_json(path, self.to_dict())


def load_measures(path: str | os.PathLike) -> MeasureFamily:
    """Read a family of measures saved by MeasureSorter."""
    return MeasureFamily.from_dict(load_json(path, "family of measures"))


def compare_with_suggested(path: str | os.PathLike, suggested: dict[str, tuple[str, str]]) -> str:
    """The learner's measure types (saved at path) beside suggested ones, {name: (type, why)}:
    one ✓ or ✗ paragraph per suggested measure."""
    if not Path(path).exists():
        return f"No {Path(path).name} yet: choose a type for a measure in the sorter above first."
    yours = {m.name: m.type for m in load_measures(path).measures}
    return "\n".join(
        f"{'✓' if yours.get(name) == kind else '✗'} {name}\n"
        f"    yours: {yours.get(name) or 'not chosen'}; suggested: {kind} ({why})"
        for name, (kind, why) in suggested.items())
