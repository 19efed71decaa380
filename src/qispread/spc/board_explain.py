"""A board summary read in plain English: which measures show special cause, and which targets
the process will meet, miss, or meet only some of the time."""

from __future__ import annotations

import pandas as pd

from qispread.spc.funnel.explain import named


def _verb(items: list[str], one: str, many: str) -> str:
    return one if len(items) == 1 else many


def _measures(table: pd.DataFrame, mask) -> list[str]:
    return table.loc[mask, "measure"].astype(str).tolist()


def reading(table: pd.DataFrame) -> list[str]:
    variation = table["variation_type"].astype(str)
    assurance = table["assurance_type"]
    lines = [f"{len(table)} measures."]
    for words, mask in (
        ("special cause concern at the latest point", variation.str.contains("concern")),
        ("special cause improvement at the latest point",
         variation.str.contains("improvement")),
    ):
        found = _measures(table, mask)
        if found:
            lines.append(f"{len(found)} {_verb(found, 'shows', 'show')} {words}: {named(found)}.")
    common = _measures(table, variation == "common_cause")
    if common:
        lines.append(f"{len(common)} {_verb(common, 'shows', 'show')} common cause variation "
                     f"only: {named(common)}.")
    fail = _measures(table, assurance == "consistent_fail")
    if fail:
        lines.append(f"{len(fail)} will consistently miss the target unless the process changes "
                     f"(the target lies outside the process limits, on the wrong side): "
                     f"{named(fail)}.")
    toss = _measures(table, assurance == "inconsistent")
    if toss:
        lines.append(f"{len(toss)} will meet the target in some periods and miss it in others "
                     "by chance alone, because the target lies inside the process limits "
                     f"(a coin toss; a month's hit or miss says nothing): {named(toss)}.")
    passing = _measures(table, assurance == "consistent_pass")
    if passing:
        lines.append(f"{len(passing)} will consistently meet the target: {named(passing)}.")
    return lines
