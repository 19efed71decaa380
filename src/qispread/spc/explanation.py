"""Explanation: what explain() gives for both qic() and ptd() results.

A sequence of plain-English statements (sentences for qic, one paragraph per chart for ptd) that
also reads as one text: `for s in e`, `e[0]`, `"\\n".join(e)`, `str(e)`, `print(e)` and
`"some words" in e` all do what a learner expects. A notebook shows it as a bulleted list.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import overload


class Explanation(Sequence[str]):
    """Plain-English statements about a chart, in order."""

    def __init__(self, statements: Iterable[str], separator: str = "\n") -> None:
        self._statements = tuple(statements)
        self._separator = separator

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return list(self._statements[index])
        return self._statements[index]

    def __len__(self) -> int:
        return len(self._statements)

    def __iter__(self) -> Iterator[str]:
        return iter(self._statements)

    def __contains__(self, text: object) -> bool:
        """True when `text` is one of the statements or appears within the whole text."""
        return isinstance(text, str) and text in str(self)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Explanation):
            return self._statements == other._statements
        if isinstance(other, str):
            return str(self) == other
        if isinstance(other, (list, tuple)):
            return list(self._statements) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # compares equal to lists, which are unhashable

    def __str__(self) -> str:
        return self._separator.join(self._statements)

    def __repr__(self) -> str:
        return str(self)

    def _repr_markdown_(self) -> str:
        return "\n".join(f"- {_escaped(statement)}" for statement in self._statements)


def _escaped(text: str) -> str:
    """Text shown literally in Markdown (a '*' or '_' in a data label is not emphasis)."""
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in text)
