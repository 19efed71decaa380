"""Does a learner's reading of their chart agree with what the chart's rules found?

The rules are the ones the chart uses (Anhøj or IHI run rules, control limits, or Making Data
Count's), run by the course's own engine. The reading is read for the signals it claims: a shift
(or an unusually long run, too few crossings), a trend, a point outside the limits, or a signal in
general (special cause, non-random). A claim preceded in its clause by a negation ("no shift",
"not a signal") or an expectation ("we hoped for a shift", "watch for a signal") is not a claim.
The reading agrees when every signal it claims was found, it names at least one when the rules
found one, and it says the variation looks random when they found none.

It reads words, not understanding: a reading that agrees can still be poor (the tutor marks that,
module 11's mark scheme B), but one that claims a shift the rules do not find cannot earn the mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from qispread.models.chart_spec import ChartSpec

SHIFT, TREND, OUTSIDE, SIGNAL = "a shift", "a trend", "a point outside the limits", "a signal"

# a shift of staff is not a shift of the process
_NOT_A_SIGNAL_SHIFT = (
    r"(?<!night )(?<!day )(?<!early )(?<!late )(?<!long )(?<!each )(?<!every )(?<!per )"
    r"(?<!next )(?<!weekend )(?<!one )(?<!same )(?<!on the )(?<!on a )(?<!during the )"
    r"(?<!twilight )")
_CLAIMS = {
    SHIFT: re.compile(
        rf"{_NOT_A_SIGNAL_SHIFT}\bshift(?:s|ed)?\b(?! (?:pattern|work|handover|lead|leader|"
        r"coordinator|rota|change))|\b(?:unusually |very |too )?long run\b|"
        r"\brun of (?:\d+|six|seven|eight|nine|ten|eleven|twelve)\b|\bruns? signal|"
        r"\btoo few crossings|\bfew crossings|\bcrosse?s? (?:the (?:centre|center|median) "
        r"line )?(?:only|too) (?:rarely|seldom)|"
        r"\b(?:\d+|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty[a-z -]*) "
        r"(?:points|weeks|months|days) in a row\b|"
        r"\b(?:all|every(?: point| week| month)?|each point) (?:\w+ ){0,3}(?:above|below) the "
        r"(?:old |baseline |original )?(?:median|centre line|center line|mean)",
        re.IGNORECASE),
    TREND: re.compile(r"\btrend(?:s|ing|ed)?\b(?! line)", re.IGNORECASE),
    OUTSIDE: re.compile(
        r"\b(?:outside|beyond|above|below|over|under|past|breach(?:es|ed)?|cross(?:es|ed)?) "
        r"(?:the |a |its |their )?(?:upper |lower |control |process |natural )*"
        r"(?:control |process )?limits?\b|\bastronomical\b",
        re.IGNORECASE),
    SIGNAL: re.compile(
        r"\bspecial[- ]cause|\bnon[- ]random\b|\bsignals?\b(?! (?:yet|so far))|"
        r"\bsignificant change|\bnot (?:due to |down to )?(?:random|chance)",
        re.IGNORECASE),
}
# a claim after these in its clause is denied, or only expected ("we hoped for a shift")
_NOT_ASSERTED = re.compile(
    r"\b(?:no|not|nor|none|never|without|neither|lack(?:s|ed)?|absence|nothing|"
    r"(?:is|was|are|were|does|did|do|has|have|had|could|can|would)n[’']?t|cannot|"
    r"expect(?:s|ed)?|predict(?:s|ed)?|hope(?:s|d)?|if|whether|until|look(?:ing)? for|"
    r"watch(?:ing)? for|wait(?:ing)? for)\b",
    re.IGNORECASE)
_RANDOM = re.compile(
    r"(?<!non-)(?<!non )\brandom\b|\bcommon[- ]cause|\bby chance\b|\bchance alone\b|"
    r"\bnoise\b|\bno (?:clear )?(?:signal|shift|trend|special cause|evidence|change|sign)|"
    r"\bnot (?:a |any )?(?:signal|shift|special cause)|\bstable\b|\bin (?:statistical )?control\b"
    r"|\bpredictable\b|\bnatural variation|\bjust variation",
    re.IGNORECASE)
# clauses end at punctuation and at "but"/"although"/"while": a negation reaches no further
_CLAUSE_END = re.compile(r"[.;:,!?()\n]|\s[–—-]\s|\b(?:but|although|though|while|whereas|"
                         r"however|yet)\b", re.IGNORECASE)


def _clauses(text: str) -> list[str]:
    return [part for part in _CLAUSE_END.split(text or "") if part and part.strip()]


def claimed_signals(reading: str) -> set[str]:
    """The kinds of signal a reading says its chart shows (SHIFT, TREND, OUTSIDE, SIGNAL)."""
    claims = set()
    for clause in _clauses(reading):
        for kind, pattern in _CLAIMS.items():
            if any(not _NOT_ASSERTED.search(clause[:found.start()])
                   for found in pattern.finditer(clause)):
                claims.add(kind)
    return claims


def says_random(reading: str) -> bool:
    """The reading says the variation looks random (common cause, no signal)."""
    return bool(_RANDOM.search(reading or ""))


@dataclass(frozen=True)
class ChartFindings:
    """What the chart's own rules found. `shift`: an unusually long run, too few crossings or
    (IHI) a shift or too few or too many runs; `trend`: a trend rule fired (IHI, Making Data
    Count); `outside`: points outside the control limits; `trend_rule`: the rules have a trend
    rule at all (Anhøj's do not)."""

    shift: bool
    trend: bool
    outside: int
    trend_rule: bool

    @property
    def any(self) -> bool:
        return self.shift or self.trend or self.outside > 0

    def names(self) -> list[str]:
        found = [SHIFT] if self.shift else []
        found += [TREND] if self.trend else []
        found += [f"{self.outside} point{'s' if self.outside != 1 else ''} outside the limits"
                  ] if self.outside else []
        return found


def making_data_count_values(spec: ChartSpec, frame: pd.DataFrame) -> tuple[pd.DataFrame, bool]:
    """The one value per point that Making Data Count's XmR chart draws: y itself, or y ÷ n
    (worked out by qic(), which also checks the denominators). Returns (values, as a percentage)."""
    if not spec.n:
        return frame, False
    from qispread.spc.qic import qic

    percent = spec.chart in ("p", "pp") and spec.multiply in (1, 100)
    rates = qic(data=frame, y=spec.y, n=spec.n, x=spec.x or None, chart="run",
                multiply=100 if percent else spec.multiply).data
    values = pd.DataFrame({spec.y: rates["y"].to_numpy()})
    if spec.x:
        values[spec.x] = rates["x"].to_numpy()
    return values, percent


def findings(spec: ChartSpec) -> ChartFindings:
    """Run the chart the spec describes and say what its rules found. Bad data raises the
    engine's DataProblem (a ValueError)."""
    frame = spec.load_frame()
    spec.check_values(frame)
    if spec.making_data_count:
        from qispread.spc.ptd import ptd

        values, _ = making_data_count_values(spec, frame)
        kinds = ptd(data=values, **spec.ptd_arguments(values)).data["special_cause_type"]
        kinds = kinds.astype(str)
        return ChartFindings(shift=bool((kinds == "shift").any()),
                             trend=bool((kinds == "trend").any()),
                             outside=int((kinds == "outside_limits").sum()), trend_rule=True)
    from qispread.spc.qic import qic

    table = qic(data=frame, **spec.qic_arguments()).data
    if spec.method == "ihi":
        shift = bool(table["shift_signal"].any() or table["runs_count_signal"].any())
        trend = bool(table["trend_signal"].any())
    else:
        shift, trend = bool(table["runs_signal"].any()), False
    return ChartFindings(shift=shift, trend=trend, outside=int(table["sigma_signal"].sum()),
                         trend_rule=spec.method == "ihi")


def disagreements(reading: str, found: ChartFindings) -> list[str]:
    """Where the reading and the rules disagree, in plain English (none when they agree)."""
    claims = claimed_signals(reading)
    unsupported = []
    if SHIFT in claims and not found.shift:
        unsupported.append(SHIFT)
    if TREND in claims and not (found.trend or (not found.trend_rule and found.shift)):
        unsupported.append(TREND)
    if OUTSIDE in claims and not found.outside:
        unsupported.append(OUTSIDE)
    if SIGNAL in claims and not found.any:
        unsupported.append(SIGNAL)
    names = found.names()
    shown = (" and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else
             names[0] if names else "no signal: the variation looks random")
    problems = []
    if unsupported:
        problems.append(
            f"Your reading of the chart says it shows {' and '.join(unsupported)}, but the "
            f"chart's rules find {shown}. Look at the chart's explanation under it, and say "
            "only what the rules find.")
    elif found.any and not claims:
        problems.append(
            f"The chart's rules find {shown}, but your reading does not name a signal. Say "
            "which signals the chart shows, where, and what they mean for your aim.")
    elif not found.any and not says_random(reading):
        problems.append(
            "The chart's rules find no signal: the variation looks random (common cause). Say "
            "so in your reading, and what it means for your aim.")
    return problems
