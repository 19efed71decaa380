"""How a check answers: in a learner's notebook it shows its hint and lets Run All go on; under
nbgrader (autograde, validate), in the grader's clean re-check and in tests it raises, so that a
failed check earns no marks.

Every check records, per question, whether the answer can be marked; `summary()` (the last cell of
each assignment) lists the questions still to do."""

from __future__ import annotations

import os
import sys
from types import TracebackType

from qispread.errors import AnswerProblem

#: question -> None (the answer can be marked) or the hint shown; in the order checks ran
_status: dict[str, str | None] = {}


def strict() -> bool:
    """True where a failed check must raise: nbgrader sets NBGRADER_EXECUTION when it runs a
    notebook (autograde, validate); outside a Jupyter kernel (the clean re-check, tests) too."""
    if os.environ.get("NBGRADER_EXECUTION"):
        return True
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return type(shell).__name__ != "ZMQInteractiveShell"


def show_hint(text: str) -> None:
    """A hint in the notebook: plain text on the error stream (JupyterLab shows it in red)."""
    print(text, file=sys.stderr)


class answering:  # noqa: N801 - used as `with answering(question):`
    """Runs one check: records its result for `summary()`; an AnswerProblem inside is raised
    (strict) or shown as a hint, the block then ending quietly so that Run All goes on."""

    def __init__(self, question: str):
        self.question = question

    def __enter__(self) -> answering:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> bool:
        if kind is None:
            _status[self.question] = None
            return False
        if not isinstance(error, AnswerProblem):
            return False
        _status[self.question] = str(error)
        if strict():
            return False
        show_hint(str(error))
        return True


def forget() -> None:
    """Clear the record (tests)."""
    _status.clear()


def summary() -> None:
    """What is left to do, after Run All: the questions whose answers cannot be marked yet."""
    to_do = [question for question, hint in _status.items() if hint is not None]
    if not _status:
        print("No check has run yet: choose Run ▸ Run All Cells to check every answer.")
    elif to_do:
        print(f"Still to do ({len(to_do)}): {', '.join(to_do)}. The hint under each of these "
              f"questions' check says what to change. Every other answer can be marked.")
    else:
        print(f"All {len(_status)} checks passed: every answer is in a form that can be marked "
              f"(the checks do not say whether it is right). Save the notebook and submit it.")


def _name_hint(shell, kind, error, trace, tb_offset=None):  # noqa: ANN001 - IPython's signature
    """A check run before its answer cell (after a restart, say): a hint, not a NameError's
    traceback. It is still an error (an AnswerProblem), so nbgrader counts the check as failed."""
    import re

    from qispread.checks.slips import question_of

    found = re.search(r"name '(\w+)' is not defined", str(error))
    name = found.group(1) if found else ""
    if name.startswith("answer_"):
        hint = (f"{question_of(name)}: your answer has not been read yet. Run the cell that "
                f"starts with {name} = first (or choose Run ▸ Run All Cells), then this one.")
    elif name == "checks":
        hint = ("The checks are not ready: run the first code cell of this notebook (or choose "
                "Run ▸ Run All Cells), then this one.")
    else:
        shell.showtraceback((kind, error, trace), tb_offset=tb_offset)
        return None
    shell.showtraceback((AnswerProblem, AnswerProblem(hint), None))
    return None


def install_name_hints() -> None:
    """In a notebook, a NameError for an answer or for `checks` reads as a hint (once)."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is not None and not shell.custom_exceptions:
        shell.set_custom_exc((NameError,), _name_hint)
