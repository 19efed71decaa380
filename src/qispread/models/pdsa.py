"""A log of Plan-Do-Study-Act cycles, grouped into ramps.

Each cycle may build on one earlier cycle; following those links gives a ramp of tests, which
must be a single chain (no cycle built on by two others, no loops). The log also keeps the
learner's unsaved draft, exactly as typed, so nothing is lost when a cycle cannot be saved yet.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any

from qispread.errors import DataProblem
from qispread.models.storage import ModelFileProblem, load_json, records, save_json

ACT_CHOICES = ("adopt", "adapt", "abandon")
TEXT_FIELDS = ("title", "objective", "prediction", "plan_who", "plan_what", "plan_when",
               "plan_where", "do", "study", "partner")
FIELD_LABELS = {
    "title": "Title", "objective": "Objective", "prediction": "Prediction",
    "plan_who": "Plan: who", "plan_what": "Plan: what", "plan_when": "Plan: when",
    "plan_where": "Plan: where", "do": "Do: what happened", "study": "Study: result against "
    "prediction", "act": "Act", "start": "Start date", "end": "End date",
    "builds_on": "Builds on", "partner": "Patient partner's part",
}
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")


def parse_date(text: str | date | None, label: str) -> date | None:
    """A date typed as 2025-03-14 or 14/03/2025; blank means not set yet."""
    if text is None or isinstance(text, date):
        return text
    text = text.strip()
    if not text:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise DataProblem(
        f"The {label.lower()} '{text}' is not a date this log understands. Type it as "
        "year-month-day, for example 2025-03-14, or day/month/year, for example 14/03/2025."
    )


def parse_act(text: str | None) -> str:
    choice = (text or "").strip().lower()
    if choice and choice not in ACT_CHOICES:
        raise DataProblem(
            f"'{text}' is not an Act decision. Choose adopt, adapt or abandon, or leave it blank "
            "until the cycle is studied."
        )
    return choice


@dataclass
class PDSACycle:
    """One test of change. Dates are dates (or None); act is '', 'adopt', 'adapt' or 'abandon'."""

    id: str
    title: str = ""
    objective: str = ""
    prediction: str = ""
    plan_who: str = ""
    plan_what: str = ""
    plan_when: str = ""
    plan_where: str = ""
    do: str = ""
    study: str = ""
    act: str = ""
    start: date | None = None
    end: date | None = None
    builds_on: str | None = None
    partner: str = ""  # optional: what a patient partner contributed to this test

    @property
    def name(self) -> str:
        return f"{self.id}: {self.title}" if self.title else self.id

    def validate(self) -> PDSACycle:
        for name in TEXT_FIELDS:
            if not isinstance(getattr(self, name), str):
                raise DataProblem(f"{FIELD_LABELS[name]} of cycle {self.id} must be text.")
        if not self.title.strip():
            raise DataProblem(f"Cycle {self.id} has no title. Give it a short title, for example "
                             "'Try the new handover sheet on one ward'.")
        self.act = parse_act(self.act)
        self.start = parse_date(self.start, FIELD_LABELS["start"])
        self.end = parse_date(self.end, FIELD_LABELS["end"])
        if self.end and not self.start:
            raise DataProblem(f"Cycle {self.id} has an end date but no start date. Add the date "
                             "the test started.")
        if self.start and self.end and self.end < self.start:
            raise DataProblem(
                f"Cycle {self.id} ends ({self.end:%d %B %Y}) before it starts "
                f"({self.start:%d %B %Y}). Check the two dates."
            )
        self.builds_on = self.builds_on or None
        if self.builds_on == self.id:
            raise DataProblem(f"Cycle {self.id} is set to build on itself. Choose an earlier "
                             "cycle, or none if it starts a new ramp.")
        return self

    @classmethod
    def from_form(cls, cycle_id: str, form: dict[str, str]) -> PDSACycle:
        """A cycle from typed text (all strings); raises ValueError with a plain message."""
        values = {name: form.get(name, "") for name in TEXT_FIELDS}
        return cls(id=cycle_id, **values, act=form.get("act", ""),
                   start=parse_date(form.get("start", ""), FIELD_LABELS["start"]),
                   end=parse_date(form.get("end", ""), FIELD_LABELS["end"]),
                   builds_on=form.get("builds_on") or None).validate()

    def to_form(self) -> dict[str, str]:
        form = {name: getattr(self, name) for name in TEXT_FIELDS}
        form.update(act=self.act, start=_iso(self.start), end=_iso(self.end),
                    builds_on=self.builds_on or "")
        return form

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, **self.to_form(), "builds_on": self.builds_on}


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


@dataclass
class CycleLog:
    """All cycles of a project, plus the unsaved draft of the cycle being edited."""

    cycles: list[PDSACycle] = field(default_factory=list)
    draft: dict[str, str] = field(default_factory=dict)

    def validate(self) -> CycleLog:
        ids = set()
        for cycle in self.cycles:
            cycle.validate()
            if cycle.id in ids:
                raise DataProblem(
                    f"Two cycles share the id {cycle.id}. Give each cycle its own id.")
            ids.add(cycle.id)
        built_on: dict[str, str] = {}
        for cycle in self.cycles:
            parent = cycle.builds_on
            if parent is None:
                continue
            if parent not in ids:
                raise DataProblem(f"Cycle {cycle.id} builds on cycle {parent}, which is not in the "
                                 "log. Choose a cycle that exists, or none.")
            if parent in built_on:
                raise DataProblem(
                    f"Cycles {built_on[parent]} and {cycle.id} both build on {parent}. A ramp is a "
                    f"single chain of tests: make {cycle.id} build on {built_on[parent]}, or start "
                    "a new ramp."
                )
            built_on[parent] = cycle.id
        for cycle in self.cycles:
            self._check_no_loop(cycle)
        return self

    def _check_no_loop(self, cycle: PDSACycle) -> None:
        by_id = {c.id: c for c in self.cycles}
        path = [cycle.id]
        current = cycle
        while current.builds_on is not None:
            current = by_id[current.builds_on]
            if current.id in path:
                loop = " → ".join([*path[path.index(current.id):], current.id])
                raise DataProblem(f"These cycles build on each other in a loop: {loop}. A ramp "
                                 "must start somewhere: clear 'Builds on' for its first cycle.")
            path.append(current.id)

    def get(self, cycle_id: str) -> PDSACycle:
        for cycle in self.cycles:
            if cycle.id == cycle_id:
                return cycle
        raise DataProblem(f"There is no cycle {cycle_id} in this log.")

    def new_id(self) -> str:
        numbers = [int(c.id[1:]) for c in self.cycles if c.id[:1] == "C" and c.id[1:].isdigit()]
        return f"C{max(numbers, default=0) + 1}"

    def put(self, cycle: PDSACycle) -> None:
        """Add or replace a cycle; the log is unchanged if the result would be invalid."""
        cycles = [c for c in self.cycles if c.id != cycle.id]
        index = next((i for i, c in enumerate(self.cycles) if c.id == cycle.id), len(cycles))
        cycles.insert(index, cycle)
        CycleLog(cycles).validate()
        self.cycles = cycles

    def remove(self, cycle_id: str) -> None:
        if any(c.builds_on == cycle_id for c in self.cycles):
            child = next(c.id for c in self.cycles if c.builds_on == cycle_id)
            raise DataProblem(f"Cycle {child} builds on {cycle_id}. Change its 'Builds on' first, "
                             f"then delete {cycle_id}.")
        self.cycles = [c for c in self.cycles if c.id != cycle_id]

    def ramps(self) -> list[list[PDSACycle]]:
        """Chains of cycles, each from its first test to its latest, in the order they began."""
        child_of = {c.builds_on: c for c in self.cycles if c.builds_on}
        ramps = []
        for root in (c for c in self.cycles if c.builds_on is None):
            chain = [root]
            while chain[-1].id in child_of:
                chain.append(child_of[chain[-1].id])
            ramps.append(chain)
        ramps.sort(key=lambda chain: (chain[0].start or date.max, self.cycles.index(chain[0])))
        return ramps

    def ramp_of(self) -> dict[str, int]:
        return {c.id: n for n, chain in enumerate(self.ramps(), start=1) for c in chain}

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "PDSA log", "cycles": [c.to_dict() for c in self.cycles],
                "draft": self.draft}

    @classmethod
    def from_dict(cls, payload: dict[str, Any]) -> CycleLog:
        items = records(payload, "cycles",
                        "The cycles in this PDSA file are not in the expected form.")
        draft = payload.get("draft") or {}
        known = {f.name for f in fields(PDSACycle)}
        cycles = []
        for item in items:
            unknown = set(item) - known
            if unknown or "id" not in item:
                raise ModelFileProblem(
                    f"A cycle in this PDSA file has fields this log does not know "
                    f"({', '.join(sorted(unknown)) or 'no id'}). Check the file."
                )
            cycles.append(PDSACycle(**item))
        return cls(cycles=cycles, draft={str(k): str(v) for k, v in dict(draft).items()}).validate()

    def save(self, path: str | os.PathLike) -> None:
        save_json(path, self.validate().to_dict())

    def to_csv(self) -> str:
        out = io.StringIO()
        names = ["ramp", "id", *TEXT_FIELDS, "act", "start", "end", "builds_on"]
        writer = csv.DictWriter(out, fieldnames=names, lineterminator="\n")
        writer.writeheader()
        ramp_of = self.ramp_of()
        for cycle in self.cycles:
            writer.writerow({"ramp": ramp_of[cycle.id], "id": cycle.id, **cycle.to_form()})
        return out.getvalue()

    def to_markdown(self) -> str:
        lines = ["# PDSA log", ""]
        for number, chain in enumerate(self.ramps(), start=1):
            lines += [f"## Ramp {number}", ""]
            for cycle in chain:
                dates = " to ".join(d.strftime("%d %b %Y") for d in (cycle.start, cycle.end) if d)
                lines += [f"### {cycle.name}", ""]
                if dates:
                    lines.append(f"- **Dates:** {dates}")
                if cycle.builds_on:
                    lines.append(f"- **Builds on:** {cycle.builds_on}")
                for name in TEXT_FIELDS[1:]:
                    text = getattr(cycle, name).strip()
                    if text or name != "partner":  # a patient partner is optional
                        lines.append(f"- **{FIELD_LABELS[name]}:** {text}")
                lines += [f"- **Act:** {cycle.act or 'not decided yet'}", ""]
        return "\n".join(lines)


def load_pdsa_log(path: str | os.PathLike) -> CycleLog:
    """Read a PDSA log saved by the PDSALog widget."""
    return CycleLog.from_dict(load_json(path, "PDSA log"))
