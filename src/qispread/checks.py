"""Friendly checks for the visible tests of graded exercises.

A learner who types an answer in the wrong form (a word instead of a letter, "about 20" instead of
20) gets a message saying what form is expected, not a Python traceback to decode. Each check
returns the cleaned-up answer so hidden tests can compare it.
"""

import math
from collections.abc import Iterable

from qispread.errors import AnswerProblem


def _unanswered(value: object) -> bool:
    return value is None or value is Ellipsis or (isinstance(value, str) and not value.strip())


def choice(value: object, options: str | Iterable[str], question: str) -> str:
    """A single letter (or short option) from `options`, case and spaces ignored."""
    allowed = [str(o).strip().upper() for o in options]
    if _unanswered(value):
        raise AnswerProblem(f"{question}: you have not answered yet. Type one of "
                            f"{', '.join(allowed)} between the quotes and run the cell again.")
    answer = str(value).strip().strip(".").upper()
    if answer not in allowed:
        raise AnswerProblem(f"{question}: '{value}' is not one of the options. Type just one of "
                            f"{', '.join(allowed)} between the quotes.")
    return answer


def choices(value: object, options: str | Iterable[str], question: str) -> list[str]:
    """Several options, as a list or a string such as "A, C" — returned sorted, without repeats."""
    if isinstance(value, str):
        parts: list[object] = [p for p in value.replace(",", " ").split() if p]
    elif isinstance(value, (list, tuple, set)):
        parts = list(value)
    else:
        parts = [] if _unanswered(value) else [value]
    if not parts:
        raise AnswerProblem(f"{question}: you have not answered yet. List your options between the "
                            f"quotes, for example \"A, C\".")
    return sorted({choice(p, options, question) for p in parts})


def number(value: object, question: str, *, minimum: float | None = None,
           maximum: float | None = None) -> float:
    """A number; "12.5", "12,5" and "40%" are understood, a word is not."""
    if _unanswered(value):
        raise AnswerProblem(f"{question}: you have not answered yet. Replace the ... with a number "
                            f"and run the cell again.")
    if isinstance(value, bool):
        raise AnswerProblem(f"{question}: expected a number, not True or False.")
    text = str(value).strip().replace(",", ".").rstrip("%").strip()
    try:
        result = float(text)
    except ValueError:
        raise AnswerProblem(f"{question}: '{value}' is not a number. Type digits only, for "
                            f"example 12 or 0.25, without words or units.") from None
    if math.isnan(result):
        raise AnswerProblem(f"{question}: expected a number.")
    if minimum is not None and result < minimum or maximum is not None and result > maximum:
        raise AnswerProblem(f"{question}: {result:g} is outside the possible range "
                            f"({minimum:g} to {maximum:g}). Check your working.")
    return result


def close_to(value: float, expected: float, tolerance: float) -> bool:
    """True when an answer is within `tolerance` of the expected value (for rounding by hand)."""
    return abs(value - expected) <= tolerance


def sequence(value: object, options: str | Iterable[str], question: str) -> list[str]:
    """An ordering of every option exactly once, e.g. "B, A, D, C"."""
    allowed = [str(o).strip().upper() for o in options]
    parts = [p.strip().upper() for p in str(value or "").replace(",", " ").split()]
    if not parts:
        raise AnswerProblem(f"{question}: you have not answered yet. Put the letters in order "
                            f"between the quotes, for example \"{', '.join(allowed)}\".")
    unknown = [p for p in parts if p not in allowed]
    if unknown or sorted(parts) != sorted(allowed):
        raise AnswerProblem(f"{question}: use each of {', '.join(allowed)} exactly once.")
    return parts
