"""A process map as plain data: the steps of a patient's (or a referral's) journey in order, who
does each one (the swimlane), what kind of step it is and how long it takes.

The kinds follow the usual lean reading of a map (NHS Institute, *The Handbook of Quality and
Service Improvement Tools*, 2010; NHS England's QSIR programme): a value-adding step changes
something the patient needs; a wait adds only time; a check, a hand-off or a rework loop (doing
something again because it was not right the first time) may be needed but adds no value by
itself. From the steps come the figures a team reads off a map: the lead time from start to end,
the touch time (lead time less the waits), the share of the lead time that adds value, how often
the work passes from one lane to another (hand-offs) and how many rework loops there are.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass, field
from typing import Any

from qispread.errors import DataProblem
from qispread.models.storage import load_kind, records, save_json

KINDS = {
    "value": "value-adding",
    "wait": "waiting",
    "handoff": "hand-off",
    "check": "check",
    "rework": "rework loop",
}


@dataclass
class Step:
    """One step: its name, who does it (the lane), its kind (a key of KINDS) and its time in
    minutes."""

    name: str
    lane: str
    kind: str = "value"
    minutes: float = 0.0

    def problems(self, number: int) -> list[str]:
        where = f"Step {number} ('{self.name}')" if self.name.strip() else f"Step {number}"
        found = []
        if not self.name.strip():
            found.append(f"{where} has no name: say what happens in a few words.")
        if not self.lane.strip():
            found.append(f"{where} does not say who does it: name the person or team.")
        if self.kind not in KINDS:
            found.append(f"{where} has the kind '{self.kind}'; choose one of "
                         f"{', '.join(KINDS.values())}.")
        if not isinstance(self.minutes, (int, float)) or not self.minutes >= 0:
            found.append(f"{where} needs a time of 0 minutes or more.")
        return found

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)


@dataclass(frozen=True)
class MapFigures:
    """What a team reads off a map, in minutes and counts."""

    lead_time: float
    touch_time: float
    value_time: float
    waiting_time: float
    handoffs: int
    loops: int

    @property
    def value_share(self) -> float:
        """The share of the lead time spent on value-adding steps (0 when nothing takes time)."""
        return self.value_time / self.lead_time if self.lead_time else 0.0


@dataclass
class ProcessMap:
    """A title (what journey, from where to where) and the steps in order."""

    title: str = ""
    steps: list[Step] = field(default_factory=list)

    def problems(self) -> list[str]:
        return [p for i, step in enumerate(self.steps, start=1) for p in step.problems(i)]

    def validate(self) -> ProcessMap:
        found = self.problems()
        if found:
            raise DataProblem(" ".join(found))
        return self

    @property
    def lanes(self) -> list[str]:
        """Who does the steps, in the order they first appear."""
        return list(dict.fromkeys(step.lane for step in self.steps))

    def figures(self) -> MapFigures:
        self.validate()
        by_kind = {kind: sum(s.minutes for s in self.steps if s.kind == kind) for kind in KINDS}
        lead = sum(by_kind.values())
        handoffs = sum(1 for a, b in itertools.pairwise(self.steps) if a.lane != b.lane)
        return MapFigures(lead_time=lead, touch_time=lead - by_kind["wait"],
                          value_time=by_kind["value"], waiting_time=by_kind["wait"],
                          handoffs=handoffs,
                          loops=sum(1 for s in self.steps if s.kind == "rework"))

    def longest_waits(self, most: int = 3) -> list[Step]:
        """The waits that take longest, longest first: where to look first."""
        waits = [s for s in self.steps if s.kind == "wait"]
        return sorted(waits, key=lambda s: -s.minutes)[:most]

    def text(self) -> str:
        """The map as numbered lines, for a screen reader and the printed plan."""
        lines = [self.title or "Process map"]
        lines += [f"{i}. {s.name} ({s.lane}; {s.kind_label}; {_minutes(s.minutes)})"
                  for i, s in enumerate(self.steps, start=1)]
        return "\n".join(lines)

    def reading(self) -> str:
        """The map's figures in plain words."""
        f = self.figures()
        words = (f"From start to end takes {_minutes(f.lead_time)}; "
                 f"{_share(f.value_share)} of it adds value ({_minutes(f.value_time)}) and "
                 f"{_minutes(f.waiting_time)} is waiting. ")
        words += (f"The work passes between people {_times(f.handoffs)}" if f.handoffs
                  else "The work never passes between people")
        words += (f" and goes round {_count(f.loops, 'rework loop')}." if f.loops
                  else ", with no rework loops.")
        waits = self.longest_waits(1)
        if waits:
            words += f" The longest wait is '{waits[0].name}' ({_minutes(waits[0].minutes)})."
        return words

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "process map", "title": self.title,
                "steps": [{"name": s.name, "lane": s.lane, "kind": s.kind,
                           "minutes": s.minutes} for s in self.steps]}

    @classmethod
    def from_dict(cls, payload: dict[str, Any]) -> ProcessMap:
        steps = records(payload, "steps", "The process map's steps are not a list of steps.")
        try:
            made = cls(title=str(payload.get("title", "")),
                       steps=[Step(str(s.get("name", "")), str(s.get("lane", "")),
                                   str(s.get("kind", "value")), float(s.get("minutes", 0)))
                              for s in steps])
        except (TypeError, ValueError) as err:
            raise DataProblem(f"A step's time is not a number ({err}).") from err
        return made

    def save(self, path: str | os.PathLike) -> None:
        save_json(path, self.to_dict())


def load_process_map(path: str | os.PathLike) -> ProcessMap:
    return ProcessMap.from_dict(load_kind(path, "process map"))


def _minutes(minutes: float) -> str:
    """Exact, in days, hours and minutes as they apply: "5 hours 25 minutes", "55 days 1 hour
    10 minutes", "2 hours"."""
    days, rest = divmod(minutes, 24 * 60)
    hours, rest = divmod(rest, 60)
    parts = [_count(n, unit) for n, unit in ((int(days), "day"), (int(hours), "hour")) if n]
    if rest or not parts:
        parts.append(_count(rest, "minute"))
    return " ".join(parts)


def _share(share: float) -> str:
    """A percentage to the nearest whole one, but never "0%" for a share that is not nothing."""
    return "less than 1%" if 0 < share < 0.005 else f"{share:.0%}"


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _count(n: float, noun: str) -> str:
    return f"{n:g} {noun}" + ("" if n == 1 else "s")
