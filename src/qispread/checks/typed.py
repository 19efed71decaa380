"""The checks of typed answers that a learner's check cell calls: each reads the answer in its
form (checks.forms), says that it can be marked, and returns it for the hidden tests; an answer
that cannot be marked gets its hint (checks.reporting decides whether that raises)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from qispread.checks import forms
from qispread.checks.reporting import answering

Answer = TypeVar("Answer")


def _marked(question: str, what: str, read: Callable[[], Answer],
            shown: Callable[[Answer], str]) -> Any:
    """The answer read, once the learner is told it can be marked; None after a hint."""
    with answering(question):
        answer = read()
        print(f"{question}: {what} {shown(answer)} can be marked.")
        return answer
    return None


def choice(value: object, options: str | Iterable[str], question: str) -> Any:
    """One option (a letter, or a word such as "yes"), returned in capitals."""
    return _marked(question, "your answer", lambda: forms.choice(value, options, question), str)


def choices(value: object, options: str | Iterable[str], question: str) -> Any:
    """Several options, such as "A, C": returned sorted, without repeats."""
    return _marked(question, "your options", lambda: forms.choices(value, options, question),
                   ", ".join)


def letters(value: object, options: str | Iterable[str], count: int, question: str) -> Any:
    """One option for each of `count` items, in order, such as "P, O, B"."""
    return _marked(question, "your letters",
                   lambda: forms.letters(value, options, count, question), ", ".join)


def sequence(value: object, options: str | Iterable[str], question: str) -> Any:
    """An ordering of every option exactly once, such as "B, A, D, C"."""
    return _marked(question, "your order", lambda: forms.sequence(value, options, question),
                   ", ".join)


def number(value: object, question: str, *, minimum: float | None = None,
           maximum: float | None = None) -> Any:
    """A number; "12.5", "12,5" and "40%" are understood."""
    return _marked(question, "your answer",
                   lambda: forms.number(value, question, minimum=minimum, maximum=maximum),
                   lambda answer: f"{answer:g}")
