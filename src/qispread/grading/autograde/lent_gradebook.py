"""Lend one open gradebook to nbgrader's preprocessors, which otherwise open a new Gradebook for
every notebook (a new engine with an empty SQL statement cache, a schema check, a course check)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from types import ModuleType
from unittest.mock import patch


@contextmanager
def lent(gradebook, modules: list[ModuleType], after_use: Callable[[], None]) -> Iterator:
    """Within the block, `Gradebook(...)` in each of `modules` gives back `gradebook` as it is
    now; closing it (the preprocessors use it in a `with` block) calls `after_use` instead of
    closing the connection."""
    from nbgrader.api import Gradebook

    class Lent(Gradebook):
        def __init__(self, *args, **kwargs) -> None:
            self.__dict__.update(gradebook.__dict__)

        def close(self) -> None:
            after_use()

    with ExitStack() as stack:
        for module in modules:
            stack.enter_context(patch.object(module, "Gradebook", Lent))
        yield


@contextmanager
def shared_for_reading(db_url: str, course_id: str) -> Iterator:
    """For a grading worker's life: nbgrader's OverwriteKernelspec and OverwriteCells read the
    source notebooks' rows through one connection; each use ends its read transaction, so a
    worker never holds SQLite's lock while the writer commits."""
    import nbgrader.preprocessors.overwritecells as overwrite_cells
    import nbgrader.preprocessors.overwritekernelspec as overwrite_kernelspec
    from nbgrader.api import Gradebook

    with Gradebook(db_url, course_id) as gradebook, \
            lent(gradebook, [overwrite_cells, overwrite_kernelspec], gradebook.db.remove):
        yield
