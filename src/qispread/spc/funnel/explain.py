"""A funnel plot read in plain English: how many units lie outside which limits, and which.

For example: "3 of 137 departments lie above the adjusted 99.8% limit: RWE, RJ1 and RXH."
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qispread.spc.funnel.result import FunnelResult

MAX_NAMED = 10


def named(names: list[str]) -> str:
    if len(names) > MAX_NAMED:
        return ", ".join(names[:MAX_NAMED]) + f" and {len(names) - MAX_NAMED} more"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _side(result: FunnelResult, adjusted: bool, side: str, units: str) -> str | None:
    lower, upper = result.limit_columns(adjusted)
    rr = result.data["rr"]
    column = upper if side == "above" else lower
    outside = result.data[(rr > result.data[column]) if side == "above"
                          else (rr < result.data[column])]
    if outside.empty:
        return None
    ordered = outside.sort_values("rr", ascending=side == "below")
    kind = "adjusted" if adjusted else "unadjusted"
    verb = "lies" if len(outside) == 1 else "lie"
    return (f"{len(outside)} of {len(rr)} {units} {verb} {side} the {kind} {result.limit_words} "
            f"limit: {named([str(g) for g in ordered['group']])}.")


def _count_sentence(result: FunnelResult, adjusted: bool, units: str) -> list[str]:
    sentences = [s for side in ("above", "below")
                 if (s := _side(result, adjusted, side, units)) is not None]
    if sentences:
        return sentences
    kind = "adjusted" if adjusted else "unadjusted"
    return [f"All {len(result.data)} {units} lie inside the {kind} {result.limit_words} limits."]


def _dispersion_sentence(result: FunnelResult, units: str) -> str:
    if not result.draw_adjusted and result.tau2 > 0:
        return (f"The {units} vary more than chance alone would make them (overdispersion "
                f"φ = {result.phi:.2f}), but these limits allow for chance alone: many of the "
                f"{units} outside them differ for ordinary reasons (case mix, recording, local "
                "ways of working). Adjust for overdispersion before singling any out.")
    if not result.draw_adjusted:
        return (f"The {units} vary no more than chance alone would make them "
                f"(overdispersion φ = {result.phi:.2f}), so no adjustment is needed: the "
                "unadjusted limits are the ones to judge by.")
    how = ("adds the between-unit variance τ² = "
           f"{result.tau2:.3g} to each unit's own" if result.adjustment == "additive"
           else f"widens each unit's own by √φ = {result.phi ** 0.5:.2f}")
    times = f"{result.phi:.0f}" if result.phi >= 10 else f"{result.phi:.1f}"
    return (f"The {units} vary more than chance alone would make them: the spread of their "
            f"z-scores (their variance) is about {times} times what chance gives "
            f"(overdispersion φ = {result.phi:.2f}). The adjusted limits allow for that: "
            f"Spiegelhalter's method {how} variance. A unit outside the adjusted limits stands "
            "out even among units that differ for ordinary reasons (case mix, recording, local "
            "ways of working): that is the one to look at first, starting with its data.")


def reading(result: FunnelResult, units: str = "units") -> list[str]:
    statements = [f"The centre line is {_number(result)}, the overall value across "
                  f"all {len(result.data)} {units}."]
    if result.draw_unadjusted or result.draw_adjusted:
        statements += _count_sentence(result, False, units)
    statements.append(_dispersion_sentence(result, units))
    if result.draw_adjusted:
        statements += _count_sentence(result, True, units)
    return statements


def _number(result: FunnelResult) -> str:
    if result.data_type == "PR" and result.multiplier == 100:
        return f"{result.target:.1f}%"
    return f"{result.target:.4g}"
