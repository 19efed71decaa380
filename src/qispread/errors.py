"""qispread's one family of errors: everything the library raises on purpose derives from
QispreadError.

Learners see these messages directly (widgets show them in place of a traceback), so every message
names the problem (the column, row or file) and how to fix it, in plain English. An exception from
outside this family is a bug, and the widgets let it surface as one.
"""


class QispreadError(Exception):
    """Base of every error qispread raises on purpose; the message is written for a learner."""


class DataProblem(QispreadError, ValueError):
    """Input (data, an argument, a learner's entry) that qispread cannot use. The message says
    what is wrong and how to fix it."""


class ModelFileProblem(DataProblem):
    """A saved file that cannot be read back. The message names the file and the fix."""


class DataNotFound(QispreadError, FileNotFoundError):
    """The course's data sets cannot be found where qispread was told to look."""


class AnswerProblem(QispreadError, AssertionError):
    """An answer in a form a graded exercise cannot mark. Raised by visible tests (an
    AssertionError, so nbgrader counts the test as failed); the message is the hint."""

    def _render_traceback_(self) -> list[str]:
        # IPython shows this instead of a traceback: the learner sees only the hint (in red). The
        # cell still ends in an error, so nbgrader records the test as failed.
        return [f"\x1b[0;31m{self}\x1b[0m"]


__all__ = ["AnswerProblem", "DataNotFound", "DataProblem", "ModelFileProblem", "QispreadError"]
