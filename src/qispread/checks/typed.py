"""The checks of typed answers that a learner's check cell calls: each reads the answer in its
form (checks.forms), says that it can be marked, and returns it for the hidden tests; an answer
that cannot be marked gets its hint (checks.reporting decides whether that raises)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from qispread.checks import forms
from qispread.checks.reporting import answering


def _confirm(question: str, what: str, shown: str) -> None:
    print(f"{question}: {what} {shown} can be marked.")


def choice(value: object, options: str | Iterable[str], question: str) -> Any:
    """One option (a letter, or a word such as "yes"), returned in capitals."""
    with answering(question):
        answer = forms.choice(value, options, question)
        _confirm(question, "your answer", answer)
        return answer
    return None


def choices(value: object, options: str | Iterable[str], question: str) -> Any:
    """Several options, such as "A, C": returned sorted, without repeats."""
    with answering(question):
        answer = forms.choices(value, options, question)
        _confirm(question, "your options", ", ".join(answer))
        return answer
    return None


def letters(value: object, options: str | Iterable[str], count: int, question: str) -> Any:
    """One option for each of `count` items, in order, such as "P, O, B"."""
    with answering(question):
        answer = forms.letters(value, options, count, question)
        _confirm(question, "your letters", ", ".join(answer))
        return answer
    return None


def sequence(value: object, options: str | Iterable[str], question: str) -> Any:
    """An ordering of every option exactly once, such as "B, A, D, C"."""
    with answering(question):
        answer = forms.sequence(value, options, question)
        _confirm(question, "your order", ", ".join(answer))
        return answer
    return None


def number(value: object, question: str, *, minimum: float | None = None,
           maximum: float | None = None) -> Any:
    """A number; "12.5", "12,5" and "40%" are understood."""
    with answering(question):
        answer = forms.number(value, question, minimum=minimum, maximum=maximum)
        _confirm(question, "your answer", f"{answer:g}")
        return answer
    return None
