"""Numbers as people write them in spreadsheets and boxes: "4.5" or "4,5", "1,234.5" or
"1.234,5", "80%", "£1,250", "−3".

A decimal mark is a choice for a whole file (point or comma); `mark_evidence` says what one piece
of text tells about it, so a reader can decide for the file, or ask when the text cannot tell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

POINT: Literal["."] = "."
COMMA: Literal[","] = ","
DecimalMark = Literal[".", ","]
Evidence = Literal[".", ",", "same", "ambiguous", "none"]
"""What a text says about the decimal mark: only a point reading works ("."), only a comma reading
(","), both give the same number ("same", e.g. "12"), both give different numbers ("ambiguous",
e.g. "1,234"), or it is not a number at all ("none")."""

_SPACES = "[ \u00a0\u202f]"
_SHAPES = {
    POINT: re.compile(rf"(?:\d+(?:\.\d+)?|\.\d+|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?"
                      rf"|\d{{1,3}}(?:{_SPACES}\d{{3}})+(?:\.\d+)?)"),
    COMMA: re.compile(rf"(?:\d+(?:,\d+)?|,\d+|\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?"
                      rf"|\d{{1,3}}(?:{_SPACES}\d{{3}})+(?:,\d+)?)"),
}
_WRITTEN = re.compile(r"^(?P<sign>[-+\u2212]?)\s*(?P<currency>[£€$]?)\s*(?P<sign2>[-+\u2212]?)"
                      r"(?P<digits>[\d., \u00a0\u202f]+)\s*(?P<percent>%?)$")


@dataclass(frozen=True)
class WrittenNumber:
    value: float
    percent: bool = False
    currency: bool = False


def read_number(text: str, mark: DecimalMark) -> WrittenNumber | None:
    """The number a person wrote, reading `mark` as the decimal mark; None if it is not one."""
    found = _WRITTEN.match(text.strip())
    if not found or (found["sign"] and found["sign2"]):
        return None
    digits = found["digits"].strip()
    if not _SHAPES[mark].fullmatch(digits):
        return None
    grouping = COMMA if mark == POINT else POINT
    plain = re.sub(_SPACES, "", digits).replace(grouping, "").replace(COMMA, POINT)
    negative = (found["sign"] or found["sign2"]) in ("-", "\u2212")
    value = float(plain)
    return WrittenNumber(-value if negative else value, bool(found["percent"]),
                         bool(found["currency"]))


def mark_evidence(text: str) -> Evidence:
    """What `text` tells about the decimal mark (see Evidence)."""
    point, comma = read_number(text, POINT), read_number(text, COMMA)
    if point is None and comma is None:
        return "none"
    if point is None:
        return ","
    if comma is None:
        return "."
    return "same" if point.value == comma.value else "ambiguous"


def any_number(text: str) -> bool:
    """Whether text is a number with either decimal mark."""
    return mark_evidence(text) != "none"
