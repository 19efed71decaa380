"""Lend one open gradebook to nbgrader's preprocessors, which otherwise open a new Gradebook for
every notebook (a new engine with an empty SQL statement cache, a schema check, a course check).
How, and the nbgrader internal it relies on: nbgrader_seam.lend_gradebook."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from qispread.grading.nbgrader_seam import READERS, lend_gradebook


@contextmanager
def shared_for_reading(db_url: str, course_id: str) -> Iterator:
    """For a grading worker's life: nbgrader's OverwriteKernelspec and OverwriteCells read the
    source notebooks' rows through one connection; each use ends its read transaction, so a
    worker never holds SQLite's lock while the writer commits."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url, course_id) as gradebook, \
            lend_gradebook(gradebook, READERS, gradebook.db.remove):
        yield
