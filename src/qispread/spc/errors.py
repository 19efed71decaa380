"""Kept so that `from qispread.errors import DataProblem` goes on working; the family lives in
qispread.errors."""

from qispread.errors import DataProblem, QispreadError

__all__ = ["DataProblem", "QispreadError"]
