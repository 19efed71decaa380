"""A spread programme's own measures: adoption, fidelity and reach.

Three questions a spread lead, a board or a network asks every month, after the IHI Framework for
Spread (Massoud et al. 2006) and the implementation outcomes of Proctor et al. (2011):

* **Adoption** — which sites use the change, and since when? A site that has signed up is not a
  site that uses it: here a site *uses* the change once its uptake (the share of eligible patients
  or episodes that got it, in per cent) has stayed at or above a threshold for a run of months.
  A site signed up but not (yet) in use is *adoption on paper*.
* **Fidelity** — is each site delivering the change's core components (the parts that make it
  work) as designed, while adapting its periphery (the parts that can fit local context)?
* **Reach** — who is benefiting: the share of each group of eligible people who got the change
  (stratified, as module 04 teaches), so an average cannot hide a group left behind.

The programme is plain data with validation, saved as JSON (a project part, "spread_measures").
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from qispread.errors import DataProblem
from qispread.models.storage import ModelFileProblem, load_json, save_json

DELIVERY = {"as designed": "delivered as designed", "adapted": "adapted locally",
            "not delivered": "not delivered", "": "not known"}
"""How a site delivers one component. Adapting the periphery is expected; adapting or dropping a
core component is a fidelity problem."""
KIND = "spread measures"


@dataclass(frozen=True)
class Site:
    """One site: the month it signed up (an index into the programme's months, or None) and its
    uptake each month in per cent (None where not reported)."""

    name: str
    signed_up: int | None = None
    uptake: tuple[float | None, ...] = ()


@dataclass(frozen=True)
class Component:
    name: str
    core: bool = True


@dataclass(frozen=True)
class ReachGroup:
    """One group of eligible people (an age band, a deprivation fifth, an ethnic group...)."""

    group: str
    eligible: int
    reached: int


@dataclass(frozen=True)
class SpreadMeasures:
    """A spread programme: its months, sites, components, fidelity ratings and reach."""

    innovation: str = ""
    months: tuple[str, ...] = ()
    sites: tuple[Site, ...] = ()
    components: tuple[Component, ...] = ()
    fidelity: dict[str, dict[str, str]] = field(default_factory=dict)  # site: component: rating
    reach: tuple[ReachGroup, ...] = ()
    threshold: float = 50.0
    run_months: int = 3

    def __post_init__(self) -> None:
        _check_names([s.name for s in self.sites], "site")
        _check_names([c.name for c in self.components], "component")
        _check_names([g.group for g in self.reach], "group")
        if not 0 < self.threshold <= 100:
            raise DataProblem(f"The uptake that counts as 'in use' must be a percentage above 0 "
                              f"and up to 100; {self.threshold} is not.")
        if isinstance(self.run_months, bool) or not isinstance(self.run_months, int) \
                or not 1 <= self.run_months <= 24:
            raise DataProblem(f"The run of months at or above the threshold must be a whole "
                              f"number from 1 to 24; '{self.run_months}' is not.")
        for site in self.sites:
            _check_site(site, len(self.months))
        known_sites = {s.name for s in self.sites}
        known_components = {c.name for c in self.components}
        for site_name, ratings in self.fidelity.items():
            if site_name not in known_sites:
                raise DataProblem(f"The fidelity ratings name a site '{site_name}' that is not "
                                  f"in the programme. Add the site, or remove its ratings.")
            for component, rating in ratings.items():
                if component not in known_components:
                    raise DataProblem(f"The fidelity ratings for {site_name} name a component "
                                      f"'{component}' that is not in the programme.")
                if rating not in DELIVERY:
                    raise DataProblem(f"'{rating}' is not a way of delivering a component "
                                      f"({site_name}, {component}). Choose one of: "
                                      f"{', '.join(repr(k) for k in DELIVERY)}.")
        for group in self.reach:
            for value, what in ((group.eligible, "eligible"), (group.reached, "reached")):
                if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                    raise DataProblem(f"The number {what} in group '{group.group}' must be a "
                                      f"whole number of people, 0 or more; '{value}' is not.")
            if group.reached > group.eligible:
                raise DataProblem(f"Group '{group.group}' has more people reached "
                                  f"({group.reached}) than eligible ({group.eligible}). Check "
                                  f"both numbers.")

    # --- adoption -------------------------------------------------------------------------
    def in_use_from(self, site: Site) -> int | None:
        """The first month of the first run of `run_months` months at or above the threshold."""
        run = 0
        for month, value in enumerate(site.uptake):
            run = run + 1 if value is not None and value >= self.threshold else 0
            if run == self.run_months:
                return month - self.run_months + 1
        return None

    def adoption_table(self) -> pd.DataFrame:
        """One row a site: when it signed up, when it was in use, its latest uptake, its status."""
        rows = []
        for site in self.sites:
            in_use = self.in_use_from(site)
            latest = next((v for v in reversed(site.uptake) if v is not None), None)
            rows.append({"site": site.name, "signed_up": self._label(site.signed_up),
                         "in_use_from": self._label(in_use), "latest_uptake": latest,
                         "status": self.status(site)})
        return pd.DataFrame(rows, columns=["site", "signed_up", "in_use_from", "latest_uptake",
                                           "status"])

    def adoption_curve(self) -> pd.DataFrame:
        """Each month: sites signed up so far, sites in use so far, and pooled mean uptake."""
        in_use = [self.in_use_from(s) for s in self.sites]
        rows = []
        for m, label in enumerate(self.months):
            values = [v for s in self.sites if m < len(s.uptake)
                      and (v := s.uptake[m]) is not None]
            rows.append({"month": label,
                         "signed_up": sum(s.signed_up is not None and s.signed_up <= m
                                          for s in self.sites),
                         "in_use": sum(u is not None and u <= m for u in in_use),
                         "mean_uptake": sum(values) / len(values) if values else math.nan})
        return pd.DataFrame(rows, columns=["month", "signed_up", "in_use", "mean_uptake"])

    def status(self, site: Site) -> str:
        """'in use'; 'too early to tell' (signed up within the last run of months); 'on paper'
        (signed up longer ago, not in use); or 'not signed up'."""
        if self.in_use_from(site) is not None:
            return "in use"
        if site.signed_up is None:
            return "not signed up"
        return ("too early to tell" if site.signed_up > len(self.months) - 1 - self.run_months
                else "on paper")

    def on_paper(self) -> list[str]:
        """Sites signed up a run of months ago or more, yet not in use: adoption on paper."""
        return [s.name for s in self.sites if self.status(s) == "on paper"]

    # --- fidelity -------------------------------------------------------------------------
    def rating(self, site: str, component: str) -> str:
        return self.fidelity.get(site, {}).get(component, "")

    def fidelity_table(self) -> pd.DataFrame:
        """Site × component ratings, with each site's share of its rated core components that
        are delivered as designed (blank when none is rated)."""
        core = [c.name for c in self.components if c.core]
        rows = []
        for site in self.sites:
            row: dict[str, Any] = {"site": site.name}
            row.update({c.name: self.rating(site.name, c.name) for c in self.components})
            rated = [r for c in core if (r := self.rating(site.name, c))]
            row["core_as_designed"] = (sum(r == "as designed" for r in rated) / len(rated)
                                       if rated else math.nan)
            rows.append(row)
        return pd.DataFrame(rows, columns=["site", *(c.name for c in self.components),
                                           "core_as_designed"])

    def core_problems(self) -> dict[str, list[str]]:
        """Per site, the core components adapted or not delivered."""
        problems = {}
        for site in self.sites:
            bad = [c.name for c in self.components
                   if c.core and self.rating(site.name, c.name) in ("adapted", "not delivered")]
            if bad:
                problems[site.name] = bad
        return problems

    # --- reach ----------------------------------------------------------------------------
    def reach_table(self) -> pd.DataFrame:
        """Each group's share reached, beside the share across all groups."""
        table = pd.DataFrame([{"group": g.group, "eligible": g.eligible, "reached": g.reached}
                              for g in self.reach], columns=["group", "eligible", "reached"])
        table["share"] = [g.reached / g.eligible * 100 if g.eligible else math.nan
                          for g in self.reach]
        table["overall"] = self.overall_reach()
        return table

    def overall_reach(self) -> float:
        eligible = sum(g.eligible for g in self.reach)
        return sum(g.reached for g in self.reach) / eligible * 100 if eligible else math.nan

    # --- is it a plan? ---------------------------------------------------------------------
    def measure_gaps(self) -> list[str]:
        """What the programme does not yet say how it will measure, in plain English (empty
        when it names a real measure of adoption, fidelity and reach). A name that is a
        placeholder ("tbc", "?", "...") names nothing. Uptake and reach figures may still be
        blank: a plan is judged on what it will measure, not on results it cannot have yet."""
        from qispread.models.measures import is_placeholder

        gaps = []
        sites = [s.name for s in self.sites if not is_placeholder(s.name)]
        if len(sites) < 2 or not self.months:
            gaps.append("Adoption: name at least two sites (your first site and the next) and "
                        "list the months you will follow, so the tool can show when each site "
                        "is in use.")
        if not any(c.core and not is_placeholder(c.name) for c in self.components):
            gaps.append("Fidelity: name at least one core component of the change (a part that "
                        "makes it work), so you can judge whether each site delivers it.")
        if not any(not is_placeholder(g.group) for g in self.reach):
            gaps.append("Reach: add at least one group of eligible people (an age band, a "
                        "deprivation fifth...), so you can see who is benefiting.")
        return gaps

    # --- reading --------------------------------------------------------------------------
    def explain(self) -> str:
        """The programme in a few plain sentences."""
        if not self.sites:
            return "No sites yet: add the sites taking part to see adoption."
        table = self.adoption_table()
        using = table[table["status"] == "in use"]["site"].tolist()
        paper = self.on_paper()
        lines = [f"{len(using)} of {len(self.sites)} sites use the change (uptake at or above "
                 f"{self.threshold:g}% for {self.run_months} months running)"
                 + (f": {', '.join(using)}." if using else ".")]
        if paper:
            lines.append(f"{len(paper)} signed up at least {self.run_months} months ago but "
                         f"not in use — adoption on paper: {', '.join(paper)}.")
        early = table[table["status"] == "too early to tell"]["site"].tolist()
        if early:
            lines.append(f"Too early to tell: {', '.join(early)}.")
        problems = self.core_problems()
        if problems:
            lines.append("Core components adapted or dropped at: " + "; ".join(
                f"{site} ({', '.join(parts)})" for site, parts in problems.items()) + ".")
        elif self.components and self.fidelity:
            lines.append("Every rated site delivers the core components as designed.")
        if self.reach:
            table = self.reach_table()
            low = table.loc[table["share"].idxmin()] if table["share"].notna().any() else None
            if low is not None:
                lines.append(f"Reach {self.overall_reach():.0f}% overall; lowest in "
                             f"'{low['group']}' ({low['share']:.0f}%).")
        return " ".join(lines)

    def _label(self, month: int | None) -> str:
        return "" if month is None else self.months[month]

    # --- files ----------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {"kind": KIND, "innovation": self.innovation, "months": list(self.months),
                "threshold": self.threshold, "run_months": self.run_months,
                "sites": [{"name": s.name, "signed_up": s.signed_up, "uptake": list(s.uptake)}
                          for s in self.sites],
                "components": [{"name": c.name, "core": c.core} for c in self.components],
                "fidelity": {k: dict(v) for k, v in self.fidelity.items()},
                "reach": [{"group": g.group, "eligible": g.eligible, "reached": g.reached}
                          for g in self.reach]}

    @classmethod
    def from_dict(cls, payload: dict[str, Any]) -> SpreadMeasures:
        try:
            return cls(
                innovation=str(payload.get("innovation", "")),
                months=tuple(str(m) for m in payload.get("months", [])),
                sites=tuple(Site(str(s["name"]), s.get("signed_up"),
                                 tuple(s.get("uptake", []))) for s in payload.get("sites", [])),
                components=tuple(Component(str(c["name"]), bool(c.get("core", True)))
                                 for c in payload.get("components", [])),
                fidelity={str(k): {str(c): str(r) for c, r in v.items()}
                          for k, v in payload.get("fidelity", {}).items()},
                reach=tuple(ReachGroup(str(g["group"]), g.get("eligible", 0),
                                       g.get("reached", 0)) for g in payload.get("reach", [])),
                threshold=float(payload.get("threshold", 50.0)),
                run_months=payload.get("run_months", 3))
        except (KeyError, TypeError, AttributeError) as err:
            raise ModelFileProblem(f"This spread measures file is not in the expected form "
                                   f"({err}). Restore it from a backup, or delete it to start "
                                   f"again.") from err

    def save(self, path: str | os.PathLike) -> None:
        save_json(path, self.to_dict())

    def with_site(self, name: str, signed_up: int | None, uptake: tuple[float | None, ...]) \
            -> SpreadMeasures:
        """A copy with the named site replaced (or added)."""
        new = Site(name, signed_up, uptake)
        sites = [new if s.name == name else s for s in self.sites]
        if all(s.name != name for s in self.sites):
            sites.append(new)
        return replace(self, sites=tuple(sites))


def _check_names(names: list[str], what: str) -> None:
    for name in names:
        if not isinstance(name, str) or not name.strip():
            raise DataProblem(f"Every {what} needs a name; one is blank. Type a name for it.")
    seen = set()
    for name in names:
        if name in seen:
            raise DataProblem(f"Two {what}s are both called '{name}'. Give each a different "
                              f"name.")
        seen.add(name)


def _check_site(site: Site, months: int) -> None:
    if site.signed_up is not None and (isinstance(site.signed_up, bool)
                                       or not isinstance(site.signed_up, int)
                                       or not 0 <= site.signed_up < months):
        raise DataProblem(f"{site.name} signed up in month number {site.signed_up}, which is not "
                          f"one of the programme's {months} months. Choose one of its months.")
    if len(site.uptake) > months:
        raise DataProblem(f"{site.name} has {len(site.uptake)} months of uptake but the "
                          f"programme has {months} months. Remove the extra values, or add "
                          f"months.")
    for month, value in enumerate(site.uptake):
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)) \
                or not 0 <= value <= 100:
            raise DataProblem(f"{site.name}'s uptake in month {month + 1} is '{value}'. Uptake "
                              f"is a percentage from 0 to 100; leave a month blank if it was "
                              f"not reported.")


def load_spread_measures(path: str | os.PathLike) -> SpreadMeasures:
    """Read spread measures saved by the SpreadMeasuresTool widget."""
    payload = load_json(path, KIND)
    return SpreadMeasures.from_dict(payload)
