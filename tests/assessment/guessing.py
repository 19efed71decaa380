"""What a learner earns by guessing: each autograded test cell of an assignment's source notebook is
run in this Python process (not nbgrader: it is fast) with every check drawing its answer from the
space the check declares (qispread.checks.forms.AnswerSpace). A cell whose spaces hold at most
EXACT_LIMIT combinations is enumerated (an exact expected mark); a larger one is sampled.

Cells that mark work saved by a tool (my_*.json) read no typed answer: a guesser who has not used
the tool earns nothing there, and they are counted as such ("tool marks")."""

from __future__ import annotations

import contextlib
import copy
import functools
import io
import math
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

import qispread
from qispread import checks, data
from qispread.checks import forms
from qispread.models import spread_sim

EXACT_LIMIT = 20000
# Functions whose answer depends only on their arguments, which test cells call the same way for
# every guess (a reference chart's limits, the simulator's fixed-seed tally, a data set): a call
# with plain arguments is computed once per guessed assignment, and each caller gets its own copy.
PURE = [(qispread, "ptd"), (qispread, "qic"), (spread_sim, "reach_pattern"), (data, "load")]
PLAIN = (str, int, float, bool, type(None))
SAMPLES = 3000
ANSWER_NAME = re.compile(r"\banswer_\w+")


class CellBug(Exception):
    """A test cell failed with something other than an assertion: not self-contained, or a bug."""


@dataclass
class CellGuess:
    grade_id: str
    points: float
    expected: float  # expected marks earned by a uniform random guesser
    exact: bool
    tool: bool  # marks work saved by a tool, no typed answer
    problem: str = ""  # why the cell could not be measured (only when not strict)


@dataclass
class AssignmentGuess:
    assignment: str
    cells: list[CellGuess] = field(default_factory=list)

    @property
    def points(self) -> float:
        return sum(c.points for c in self.cells)

    @property
    def expected(self) -> float:
        return sum(c.expected for c in self.cells)

    @property
    def share(self) -> float:
        return self.expected / self.points if self.points else 0.0

    @property
    def tool_points(self) -> float:
        return sum(c.points for c in self.cells if c.tool)


class _Tape:
    """Draws answers by index: the given path first, then `fallback` for further draws."""

    def __init__(self, path, fallback):
        self.path, self.fallback = list(path), fallback
        self.sizes, self.indices = [], []

    def __call__(self, space: checks.AnswerSpace):
        position = len(self.indices)
        index = self.path[position] if position < len(self.path) else self.fallback(space.size)
        self.sizes.append(space.size)
        self.indices.append(index)
        return space.nth(index)


def autograded_cells(notebook: Path) -> list[nbformat.NotebookNode]:
    nb = nbformat.read(notebook, as_version=4)
    return [c for c in nb.cells if c.cell_type == "code"
            and c.metadata.get("nbgrader", {}).get("grade")
            and not c.metadata["nbgrader"].get("solution")]


def _run(code, names: list[str], tape: _Tape) -> bool:
    namespace = {name: "" for name in names}
    namespace["display"] = lambda *args, **kwargs: None
    namespace["checks"] = checks  # the assignment's first cell imports it
    forms.guesser = tape
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(code, namespace)
        return True
    except AssertionError:
        return False
    finally:
        forms.guesser = None


def guess_cell(cell, rng: random.Random) -> CellGuess:
    grading = cell.metadata["nbgrader"]
    source = cell.source.replace("### BEGIN HIDDEN TESTS", "").replace("### END HIDDEN TESTS", "")
    code = compile(source, grading["grade_id"], "exec")
    names = sorted(set(ANSWER_NAME.findall(source)))
    points = float(grading.get("points") or 0)

    def run(tape):
        try:
            return _run(code, names, tape)
        except Exception as err:  # noqa: BLE001 - any other failure is a bug in the cell
            raise CellBug(f"{grading['grade_id']}: {type(err).__name__}: {err}") from err

    first = _Tape([], lambda size: 0)
    passed = run(first)
    if not first.sizes:
        if names:
            raise CellBug(f"{grading['grade_id']} uses {', '.join(names)} without a check that "
                          f"declares its answer space (checks.choice, choices, letters, number, "
                          f"sequence)")
        return CellGuess(grading["grade_id"], points, points * passed, True, tool=True)
    if math.prod(first.sizes) > EXACT_LIMIT:
        hits = sum(run(_Tape([], rng.randrange)) for _ in range(SAMPLES))
        return CellGuess(grading["grade_id"], points, points * hits / SAMPLES, False, False)
    probability, tape = 0.0, first
    while True:
        probability += passed / math.prod(tape.sizes)
        path = list(tape.indices)
        while path and path[-1] + 1 >= tape.sizes[len(path) - 1]:
            path.pop()
        if not path:
            break
        path[-1] += 1
        tape = _Tape(path, lambda size: 0)
        passed = run(tape)
    return CellGuess(grading["grade_id"], points, points * probability, True, False)


def _plain(value) -> bool:
    if isinstance(value, list | tuple):
        return all(_plain(v) for v in value)
    return isinstance(value, PLAIN)


def _remembered(function):
    answers = {}

    @functools.wraps(function)
    def remembered(*args, **kwargs):
        if not _plain([*args, *kwargs.values()]):
            return function(*args, **kwargs)
        key = repr((args, sorted(kwargs.items())))
        if key not in answers:
            answers[key] = function(*args, **kwargs)
        return copy.deepcopy(answers[key])

    return remembered


@contextlib.contextmanager
def _pure_calls_remembered() -> Iterator[None]:
    originals = [(module, name, getattr(module, name)) for module, name in PURE]
    for module, name, function in originals:
        setattr(module, name, _remembered(function))
    try:
        yield
    finally:
        for module, name, function in originals:
            setattr(module, name, function)


def guess_assignment(folder: Path, seed: int = 14, strict: bool = True) -> AssignmentGuess:
    """Expected automatic marks for a guesser, cell by cell, run with `folder` as the current
    directory (test cells may read files beside the notebook). Not strict: a cell that cannot be
    measured is recorded with its problem (and counted as guessed at its full marks)."""
    rng = random.Random(seed)
    result = AssignmentGuess(folder.name)
    with contextlib.chdir(folder), _pure_calls_remembered():
        for notebook in sorted(folder.glob("*.ipynb")):
            for cell in autograded_cells(notebook):
                try:
                    result.cells.append(guess_cell(cell, rng))
                except CellBug as bug:
                    if strict:
                        raise
                    points = float(cell.metadata["nbgrader"].get("points") or 0)
                    result.cells.append(CellGuess(cell.metadata["nbgrader"]["grade_id"], points,
                                                  points, False, False, str(bug)))
    return result


def markdown_table(results: list[AssignmentGuess]) -> str:
    rows = ["| assignment | automatic marks | of which tool work | a guesser earns | share |",
            "|---|---:|---:|---:|---:|"]
    for r in results:
        sampled = "" if all(c.exact for c in r.cells) else " (partly sampled)"
        if any(c.problem for c in r.cells):
            sampled = " (at most: some cells not measurable)"
        rows.append(f"| {r.assignment} | {r.points:g} | {r.tool_points:g} | {r.expected:.2f}"
                    f"{sampled} | {100 * r.share:.1f}% |")
    return "\n".join(rows)


if __name__ == "__main__":
    import sys

    root = Path(__file__).resolve().parents[2] / "solutions"
    folders = [root / name for name in sys.argv[1:]] or sorted(p for p in root.iterdir()
                                                              if p.is_dir())
    results = [guess_assignment(f, strict=False) for f in folders]
    print(markdown_table(results))
    for r in results:
        for c in r.cells:
            if c.problem:
                print(f"* {r.assignment}: {c.problem}")
