"""What a learner types in a tool's box, read or refused in plain words: never changed silently.

A refused entry raises DataProblem naming the box, what was typed and what to type instead; the
tool shows it and keeps the typed text, so nothing is lost.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from qispread.errors import DataProblem
from qispread.models.number_text import COMMA, POINT, mark_evidence, read_number


@dataclass(frozen=True)
class TypedNumber:
    value: float | None  # None when the box was left blank
    note: str | None = None  # how an unusual entry ("80%", "92,5") was read


def typed_number(text: str, what: str, example: str) -> TypedNumber:
    """A number typed in a box: "95", "92.5", "92,5" or "80%"; blank for none."""
    typed = text.strip()
    if not typed:
        return TypedNumber(None)
    evidence = mark_evidence(typed)
    if evidence in ("none", "ambiguous"):
        hint = (" Leave out the thousands separator (1000), or use a point for a decimal (1.5)."
                if evidence == "ambiguous" else "")
        raise DataProblem(f"{what} '{typed}' is not a number.{hint} Type a number such as "
                          f"{example}, or leave the box empty.")
    number = read_number(typed, COMMA if evidence == COMMA else POINT)
    assert number is not None  # mark_evidence found a reading
    if not math.isfinite(number.value):
        raise DataProblem(f"{what} '{typed}' is too large. Type a number such as {example}.")
    note = None
    if number.percent:
        note = f"{what} '{typed}' is read as {number.value:g}."
    elif evidence == COMMA:
        note = f"{what} '{typed}' is read as {number.value:g} (a decimal comma)."
    return TypedNumber(number.value, note)


def typed_whole_number(text: str, what: str, low: int, high: int) -> int:
    """A whole number from low to high typed in a box."""
    typed = str(text).strip()
    allowed = f"Type a whole number from {low} to {high}."
    if not re.fullmatch(r"[-+]?\d+", typed):
        shown = f"'{typed}' is not a whole number" if typed else "the box is empty"
        raise DataProblem(f"{what}: {shown}. {allowed}")
    value = int(typed)
    if not low <= value <= high:
        side = "more" if value > high else "less"
        raise DataProblem(f"{what}: {value} is {side} than this tool allows. {allowed}")
    return value


def typed_point_numbers(text: str, last: int | None = None) -> list[int]:
    """'3, 7 10' -> [3, 7, 10]: point numbers counting from 1, up to `last` when it is known."""
    pieces = [piece for piece in re.split(r"[\s,;]+", text.strip()) if piece]
    numbers = []
    for piece in pieces:
        if not piece.isdigit() or int(piece) < 1:
            raise DataProblem(
                f"'{piece}' is not a point number. Type whole numbers counting from 1, separated "
                "by commas, for example: 3, 7")
        numbers.append(int(piece))
    beyond = sorted(n for n in set(numbers) if last is not None and n > last)
    if beyond:
        raise DataProblem(
            f"The chart has {last} points, so there is no point {', '.join(map(str, beyond))}. "
            f"Type point numbers from 1 to {last}.")
    return sorted(set(numbers))
