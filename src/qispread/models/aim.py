"""An improvement aim, and a heuristic check that it says how much, by when, for whom and where.

The four parts follow IHI's advice on writing an aim (Model for Improvement, IHI QI Essentials):
an aim should be time-bound and measurable and should name the population it is for, and Langley
et al., *The Improvement Guide*. The checker only looks for words and numbers that usually carry
each part (regular expressions and word lists); it cannot judge whether the aim is a good one.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from qispread.errors import DataProblem
from qispread.models.storage import load_json, save_json

BERWICK = '"Some is not a number; soon is not a time." (Don Berwick)'

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    "forty|fifty|sixty|seventy|eighty|ninety|hundred"
)
_NUM = rf"(?:\d[\d,]*(?:\.\d+)?|{_NUMBER_WORDS})"
_AMOUNT = rf"{_NUM}(?:\s*%|\s*per\s?cent\b)?"

_WHEN_PATTERNS = [
    # a month with a year, or a date such as 31/03/2027
    rf"\b(?:{_MONTHS})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d{{2}}\b",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\b(?:\s+(?:19|20)\d{{2}})?",
    r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b",
    # a financial or calendar year, a quarter
    r"\b(?:19|20)\d{2}(?:\s*/\s*\d{2,4})?\b",
    r"\bq[1-4]\b",
    # by/before/until a month, season or period end
    rf"\b(?:by|before|until|end of)\s+(?:the\s+)?(?:end\s+of\s+)?(?:next\s+|this\s+)?"
    rf"(?:{_MONTHS}|spring|summer|autumn|winter|year[-\s]?end|year|financial\s+year|"
    rf"quarter|month)\b",
    # a time frame: within 6 months, in the next 12 weeks, over two years
    rf"\b(?:within|in|over|during)\s+(?:the\s+)?(?:next\s+|first\s+|coming\s+)?{_NUM}\s+"
    rf"(?:weeks?|months?|years?)\b",
    rf"\b{_NUM}[-\s](?:weeks?|months?|years?)\s+(?:time|from\s+now)\b",
]

_VAGUE_WHEN = (
    r"\b(?:soon|as soon as possible|asap|eventually|in (?:the )?future|over time|shortly)\b"
)

# Parts that name a population or place may contain numbers ("adults over 65", "Ward 7"): they are
# removed before looking for an amount, so that only numbers left over count as "how much".
_POPULATION_WORDS = (
    # plural "patients" only: in "patient safety" the word names a topic, not a population
    r"patients|in-?patients?|out-?patients?|people|persons?|residents?|staff|colleagues?|"
    r"employees?|workforce|nurses?|midwives|midwife|doctors?|gps?|clinicians?|pharmacists?|"
    r"therapists?|porters?|carers?|families|family members|parents?|children|child|"
    r"young people|adolescents?|teenagers?|babies|baby|infants?|neonates?|newborns?|"
    r"adults?|older people|older adults?|elderly|women|men|mothers?|pregnant|"
    r"service users?|users|clients?|citizens?|population|veterans?|students?|pupils?|trainees?|"
    r"survivors?|admissions?|attendances?|referrals?|cases?"
)
_POPULATION_PATTERNS = [
    rf"\b(?:{_POPULATION_WORDS})\b(?:\s+(?:aged|over|under|above)\s+\d{{1,3}}(?:\s*\+|s)?"
    rf"(?:\s+(?:years?(?:\s+old)?|and over|and older|or over))?\b)?",
    r"\baged\s+\d{1,3}(?:\s*(?:\+|to|-)\s*\d{1,3})?",
    r"\bover[-\s]\d{1,3}s\b",
]

_PLACE_WORDS = (
    r"wards?|units?|practices?|surgery|surgeries|trusts?|hospitals?|clinics?|icbs?|"
    r"integrated care (?:boards?|systems?)|care homes?|nursing homes?|hospices?|"
    r"departments?|a\s?&\s?e|emergency departments?|ed|icu|itu|intensive care|theatres?|"
    r"primary care networks?|pcns?|health boards?|boards?|services?|teams?|pharmac(?:y|ies)|"
    r"centres?|sites?|hubs?|networks?|localit(?:y|ies)|neighbourhoods?|boroughs?|county|"
    r"counties|regions?|districts?|schools?|prisons?|community|communities|"
    r"nhs|system|organisations?|directorates?|divisions?|bays?|maternity|"
    r"outpatient departments?|gp practices?|walk-in centres?|urgent treatment centres?|ambulance"
)
_PLACE_PATTERNS = [
    rf"\b(?:{_PLACE_WORDS})\b(?:\s+\d+[a-z]?\b)?",
    rf"\b(?:at|in|across)\s+(?!(?:{_MONTHS.title()})\b)(?:St\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\b",
]

_AMOUNT_PATTERNS = [
    rf"{_NUM}\s*(?:%|per\s?cent\b)",
    rf"\bfrom\s+(?:about\s+|around\s+)?{_AMOUNT}.{{0,40}}?\bto\s+{_AMOUNT}",
    rf"\b(?:to|by|below|under|above|over|at least|at most|no more than|fewer than|less than|"
    rf"more than|maximum of|minimum of)\s+(?:a\s+)?{_AMOUNT}",
    rf"\b{_NUM}\s+(?:or\s+(?:more|fewer|less|above|below)|per\s+\d|in\s+(?:every\s+)?\d)",
    r"\b(?:halve|halving|halved|double|doubling|doubled|treble|triple|zero|eliminate|"
    r"eliminating|none)\b",
    r"\bby\s+(?:a\s+)?(?:half|third|quarter|fifth|tenth)\b",
    r"\b(?:one|two|three|\d+)\s+in\s+(?:every\s+)?(?:\d+|two|three|four|five|ten)\b",
    r"\b\d[\d,]*(?:\.\d+)?\b",
]

_VAGUE_AMOUNT = r"\b(?:improve|better|reduce|increase|more|less|fewer|some|optimi[sz]e|enhance)\b"

_WHY = {
    "how much": (
        "An aim needs a number, so that you can tell whether you got there: a target level, a "
        "percentage, or 'from 12 to 6'. Words such as 'improve' or 'reduce' on their own cannot "
        f"be measured. {BERWICK}"
    ),
    "by when": (
        "An aim needs a date or a time frame ('by March 2027', 'within 6 months'). A deadline "
        f"creates urgency and tells everyone when to judge progress. {BERWICK}"
    ),
    "for whom": (
        "Name the people who should benefit (for example 'patients aged over 65' or 'staff on "
        "night shifts'). Knowing the population tells you whose data to collect and who to "
        "involve in testing changes."
    ),
    "where": (
        "Name the place or service (a ward, unit, practice, care home, trust or ICB). It sets "
        "the scope of the project and the boundary of the data you will measure."
    ),
}

PARTS = tuple(_WHY)
"""The four parts of a well-written aim, in the order they are usually discussed."""


@dataclass(frozen=True)
class AimPart:
    """One part of an aim: whether the checker found it, the words that showed it, and advice."""

    name: str
    found: bool
    evidence: str = ""
    why_it_matters: str = ""


@dataclass(frozen=True)
class AimCheck:
    """The result of checking an aim for its four parts. A heuristic, not a judgement."""

    text: str
    parts: tuple[AimPart, ...]
    vague_words: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return all(part.found for part in self.parts)

    @property
    def missing(self) -> list[str]:
        return [part.name for part in self.parts if not part.found]

    def part(self, name: str) -> AimPart:
        for part in self.parts:
            if part.name == name:
                return part
        raise KeyError(f"An aim has no part called '{name}'; the parts are {', '.join(PARTS)}.")

    def summary(self) -> str:
        if not self.text.strip():
            return "Write your aim to see which parts the checker can find."
        found = len(self.parts) - len(self.missing)
        if self.complete:
            return (
                "The checker found all four parts: how much, by when, for whom and where. "
                "Now ask yourself whether the aim is ambitious and achievable."
            )
        return f"The checker found {found} of 4 parts. Missing: {', '.join(self.missing)}."


def _find(patterns: list[str], text: str, flags: int = re.IGNORECASE) -> list[re.Match]:
    matches: list[re.Match] = []
    for pattern in patterns:
        matches.extend(re.finditer(pattern, text, flags))
    return sorted(matches, key=lambda match: match.start())


def _blank_out(text: str, matches: list[re.Match]) -> str:
    chars = list(text)
    for match in matches:
        chars[match.start() : match.end()] = " " * (match.end() - match.start())
    return "".join(chars)


def _evidence(matches: list[re.Match]) -> str:
    """The longest matched phrases that do not overlap, in reading order."""
    chosen: list[re.Match] = []
    for match in sorted(matches, key=lambda m: m.end() - m.start(), reverse=True):
        if match.group(0).strip() and all(
            match.end() <= other.start() or match.start() >= other.end() for other in chosen
        ):
            chosen.append(match)
    chosen = sorted(chosen[:3], key=lambda m: m.start())
    return ", ".join(f"'{m.group(0).strip()}'" for m in chosen)


def _place_matches(text: str) -> list[re.Match]:
    # The word patterns ignore case; "at/in Capitalised Name" must not, or "in the" would match.
    return _find(_PLACE_PATTERNS[:1], text) + _find(_PLACE_PATTERNS[1:], text, flags=0)


def check_aim(text: str) -> AimCheck:
    """Look for how much, by when, for whom and where in an aim, with advice on what is missing."""
    text = text or ""
    when = _find(_WHEN_PATTERNS, text)
    who = _find(_POPULATION_PATTERNS, text)
    where = _place_matches(text)
    # Numbers that belong to a date, an age or a place name are not an amount.
    rest = _blank_out(text, when + who + where)
    # A bare number is the weakest sign of an amount: use it only when nothing stronger is there.
    how_much = _find(_AMOUNT_PATTERNS[:-1], rest) or _find(_AMOUNT_PATTERNS[-1:], rest)
    found = {"how much": how_much, "by when": when, "for whom": who, "where": where}
    parts = tuple(
        AimPart(name, bool(found[name]), _evidence(found[name]), "" if found[name] else _WHY[name])
        for name in PARTS
    )
    vague = []
    if not how_much:
        vague += [m.group(0) for m in re.finditer(_VAGUE_AMOUNT, text, re.IGNORECASE)]
    if not when:
        vague += [m.group(0) for m in re.finditer(_VAGUE_WHEN, text, re.IGNORECASE)]
    return AimCheck(text=text, parts=parts, vague_words=tuple(dict.fromkeys(vague)))


@dataclass
class Aim:
    """A learner's aim statement, as saved by the aim checker widget."""

    text: str = ""

    def check(self) -> AimCheck:
        return check_aim(self.text)

    def to_dict(self) -> dict:
        return {"kind": "aim", "text": self.text}

    @classmethod
    def from_dict(cls, payload: dict) -> Aim:
        text = payload.get("text", "")
        if not isinstance(text, str):
            raise DataProblem("The saved aim is not text. Delete the file to start again.")
        return cls(text=text)

    def save(self, path: str | os.PathLike) -> Path:
        return save_json(path, self.to_dict())


def load_aim(path: str | os.PathLike) -> Aim:
    """Read an aim saved by AimChecker (for graded code and for reopening the widget)."""
    return Aim.from_dict(load_json(path, "aim"))
