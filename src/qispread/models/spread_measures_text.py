"""The spread measures as lines a learner types, and back: one line a site, component or group.

    Riverside | Apr 2024 | 62, 70, 78        site | month signed up (blank: not yet) | uptake %
    core: Screening prompt at triage         core: or periphery: then the component
    1 most deprived | 1240 | 682             group | eligible | reached
"""

from __future__ import annotations

from dataclasses import replace

from qispread.errors import DataProblem
from qispread.models.spread_measures import Component, ReachGroup, Site, SpreadMeasures


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def months_text(measures: SpreadMeasures) -> str:
    return ", ".join(measures.months)


def sites_text(measures: SpreadMeasures) -> str:
    return "\n".join(
        f"{s.name} | {'' if s.signed_up is None else measures.months[s.signed_up]} | "
        + ", ".join("" if v is None else f"{v:g}" for v in s.uptake) for s in measures.sites)


def components_text(measures: SpreadMeasures) -> str:
    return "\n".join(f"{'core' if c.core else 'periphery'}: {c.name}" for c in measures.components)


def reach_text(measures: SpreadMeasures) -> str:
    return "\n".join(f"{g.group} | {g.eligible} | {g.reached}" for g in measures.reach)


def parse_months(text: str) -> tuple[str, ...]:
    return tuple(m.strip() for m in text.split(",") if m.strip())


def parse_sites(text: str, months: tuple[str, ...]) -> tuple[Site, ...]:
    sites = []
    for number, line in enumerate(_lines(text), 1):
        cells = [c.strip() for c in line.split("|")]
        if len(cells) != 3:
            raise DataProblem(f"Site line {number} ('{line}') needs three parts split by '|': "
                              f"name | month signed up | uptake each month, e.g. "
                              f"'Riverside | Apr 2024 | 62, 70, 78'.")
        name, signed, uptake = cells
        if signed and signed not in months:
            raise DataProblem(f"{name} signed up in '{signed}', which is not one of the months "
                              f"you listed. Use one of them, or leave it blank if the site has "
                              f"not signed up.")
        values: list[float | None] = []
        for month, cell in enumerate(uptake.split(",") if uptake else [], 1):
            cell = cell.strip().rstrip("%")
            try:
                values.append(float(cell) if cell else None)
            except ValueError:
                raise DataProblem(f"{name}'s uptake in month {month} is '{cell}', not a "
                                  f"number. Type a percentage such as 62, or leave it blank "
                                  f"between commas.") from None
        sites.append(Site(name, months.index(signed) if signed else None, tuple(values)))
    return tuple(sites)


def parse_components(text: str) -> tuple[Component, ...]:
    components = []
    for line in _lines(text):
        kind, sep, name = line.partition(":")
        if not sep or kind.strip().lower() not in ("core", "periphery"):
            raise DataProblem(f"Start each component with 'core:' or 'periphery:'; '{line}' "
                              f"does not.")
        components.append(Component(name.strip(), kind.strip().lower() == "core"))
    return tuple(components)


def parse_reach(text: str) -> tuple[ReachGroup, ...]:
    groups = []
    for line in _lines(text):
        cells = [c.strip().replace(",", "") for c in line.split("|")]
        if len(cells) != 3 or not cells[1].isdigit() or not cells[2].isdigit():
            raise DataProblem(f"Each group line needs: group | number eligible | number reached, "
                              f"as whole numbers, e.g. '1 most deprived | 1240 | 682'; '{line}' "
                              f"is not in that form.")
        groups.append(ReachGroup(line.split("|")[0].strip(), int(cells[1]), int(cells[2])))
    return tuple(groups)


def from_text(old: SpreadMeasures, innovation: str, months: str, sites: str, components: str,
              reach: str) -> SpreadMeasures:
    """A new programme from the typed text, keeping the fidelity ratings of sites and components
    that are still there. Raises DataProblem, naming the line and the fix."""
    month_list = parse_months(months)
    new_sites = parse_sites(sites, month_list)
    new_components = parse_components(components)
    site_names = {s.name for s in new_sites}
    component_names = {c.name for c in new_components}
    fidelity = {site: {c: r for c, r in ratings.items() if c in component_names}
                for site, ratings in old.fidelity.items() if site in site_names}
    return replace(old, innovation=innovation.strip(), months=month_list, sites=new_sites,
                   components=new_components, fidelity=fidelity, reach=parse_reach(reach))
