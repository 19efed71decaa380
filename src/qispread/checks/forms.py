"""The forms an answer may take (a letter, several letters, an ordering, a number), read
forgivingly: a learner who types an answer in the wrong form (a word instead of a letter, "about 20"
instead of 20) gets an AnswerProblem saying what form is expected. Each returns the cleaned-up
answer so hidden tests can compare it. (checks.typed shows and records these for the learner.)

Each check also declares the question's *answer space* (the options, the whole numbers in range,
the orderings...). The guessing guard (tests/assessment) sets `guesser` to draw answers from those
spaces and so measures what a learner earns by guessing.
"""

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from qispread.errors import AnswerProblem


@dataclass(frozen=True)
class AnswerSpace:
    """Every answer a learner could give, in the cleaned-up form a check returns: `size` of them,
    the i-th made by `nth(i)` (so that large spaces, such as orderings, are never listed)."""

    size: int
    nth: Callable[[int], object]


#: When set (by the guessing guard only), each check ignores the learner's value and returns
#: guesser(space) instead.
guesser: Callable[[AnswerSpace], Any] | None = None

#: How a guesser types a number that has no stated range: a whole number from 0 to this.
UNBOUNDED_GUESS_LIMIT = 1000


def _unanswered(value: object) -> bool:
    return value is None or value is Ellipsis or (isinstance(value, str) and not value.strip())


def _options(options: str | Iterable[str]) -> list[str]:
    return [str(o).strip().upper() for o in options]


def _listing(allowed: list[str]) -> str:
    return ", ".join(a.lower() if len(a) > 1 else a for a in allowed)


def choice(value: object, options: str | Iterable[str], question: str) -> str:
    """A single letter (or short option such as "yes") from `options`, case and spaces ignored.
    Returned in capitals."""
    allowed = _options(options)
    if guesser is not None:
        return guesser(AnswerSpace(len(allowed), allowed.__getitem__))
    if _unanswered(value):
        raise AnswerProblem(f"{question}: you have not answered yet. Type one of "
                            f"{_listing(allowed)} between the quotes and run the cell again.")
    answer = str(value).strip().strip(".").strip("'\"").strip().upper()
    if answer not in allowed:
        raise AnswerProblem(f"{question}: '{value}' is not one of the options. Type just one of "
                            f"{_listing(allowed)} between the quotes.")
    return answer


def _subset(allowed: list[str], index: int) -> list[str]:
    mask = index + 1  # every non-empty subset, by bit mask
    return [a for bit, a in enumerate(sorted(allowed)) if mask >> bit & 1]


def choices(value: object, options: str | Iterable[str], question: str) -> list[str]:
    """Several options, as a list or a string such as "A, C" — returned sorted, without repeats."""
    allowed = _options(options)
    if guesser is not None:
        return guesser(AnswerSpace(2 ** len(allowed) - 1, lambda i: _subset(allowed, i)))
    parts = _parts(value)
    if not parts:
        raise AnswerProblem(f"{question}: you have not answered yet. List your options between the "
                            f"quotes, for example \"A, C\".")
    unknown = [str(p).strip().strip(".").strip("'\"").strip() for p in parts
               if str(p).strip().strip(".").strip("'\"").strip().upper() not in allowed]
    if unknown:
        raise AnswerProblem(f"{question}: '{unknown[0]}' is not one of the options. List your "
                            f"options from {_listing(allowed)} between the quotes, separated by "
                            f"commas, for example \"{', '.join(allowed[:2])}\".")
    return sorted({choice(p, allowed, question) for p in parts})


def _parts(value: object) -> list:
    if isinstance(value, str):
        return [p for p in value.replace(",", " ").split() if p]
    if isinstance(value, (list, tuple, set)):
        return list(value)
    return [] if _unanswered(value) else [value]


def letters(value: object, options: str | Iterable[str], count: int, question: str) -> list[str]:
    """One option for each of `count` items, in order, e.g. "P, O, B" or "POB" (a letter may be
    used more than once)."""
    allowed = _options(options)
    if guesser is not None:
        return guesser(AnswerSpace(len(allowed) ** count,
                                   lambda i: [allowed[i // len(allowed) ** k % len(allowed)]
                                              for k in range(count)]))
    text = "".join(str(p) for p in _parts(value)).replace(" ", "").upper()
    if not text:
        raise AnswerProblem(f"{question}: you have not answered yet. Type {count} letters between "
                            f"the quotes, one for each item in order, for example "
                            f"\"{', '.join((allowed * count)[:count])}\".")
    if len(text) != count:
        raise AnswerProblem(f"{question}: type one letter ({_listing(allowed)}) for each of the "
                            f"{count} items, in order. You typed {len(text)} letters.")
    return [choice(letter, allowed, question) for letter in text]


def number(value: object, question: str, *, minimum: float | None = None,
           maximum: float | None = None) -> float:
    """A number; "12.5", "12,5" and "40%" are understood, a word is not."""
    if guesser is not None:
        low = math.ceil(minimum) if minimum is not None else 0
        high = math.floor(maximum) if maximum is not None else UNBOUNDED_GUESS_LIMIT
        return guesser(AnswerSpace(high - low + 1, lambda i: float(low + i)))
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
        bounds = " to ".join("no limit" if b is None else f"{b:g}" for b in (minimum, maximum))
        raise AnswerProblem(f"{question}: {result:g} is outside the possible range "
                            f"({bounds}). Check your working.")
    return result


def close_to(value: float, expected: float, tolerance: float) -> bool:
    """True when an answer is within `tolerance` of the expected value (for rounding by hand)."""
    return abs(value - expected) <= tolerance


def _nth_permutation(allowed: list[str], index: int) -> list[str]:
    pool, order = list(allowed), []
    for k in range(len(pool), 0, -1):
        step = math.factorial(k - 1)
        order.append(pool.pop(index // step))
        index %= step
    return order


def sequence(value: object, options: str | Iterable[str], question: str) -> list[str]:
    """An ordering of every option exactly once, e.g. "B, A, D, C"."""
    allowed = _options(options)
    if guesser is not None:
        return guesser(AnswerSpace(math.factorial(len(allowed)),
                                   lambda i: _nth_permutation(allowed, i)))
    parts = [p.strip().upper() for p in str(value or "").replace(",", " ").split()]
    if not parts:
        raise AnswerProblem(f"{question}: you have not answered yet. Put the letters in order "
                            f"between the quotes, for example \"{', '.join(allowed)}\".")
    unknown = [p for p in parts if p not in allowed]
    if unknown or sorted(parts) != sorted(allowed):
        raise AnswerProblem(f"{question}: use each of {', '.join(allowed)} exactly once.")
    return parts
