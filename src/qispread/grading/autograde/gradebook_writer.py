"""The one writer's gradebook: one connection for a whole autograde run, one transaction per
submission.

nbgrader's SaveAutoGrades and AssignLatePenalties each open a new Gradebook per notebook (a new
engine with an empty SQL statement cache, a schema check, a course check) and commit after
every cell (on SQLite each commit waits for the disk). Measured on 30 submissions of
00_start_here, that was ~0.5 s of the main process per submission. Here those preprocessors are
lent the writer's gradebook, and their commits become flushes until the submission is done, so
nbgrader's own code still decides every score."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from qispread.grading.nbgrader_seam import WRITERS, lend_gradebook


class _CommitsDeferred:
    """A session whose commit() flushes and expires instead: what a commit does inside the
    session (later reads see fresh rows and recomputed scores), without ending the transaction."""

    def __init__(self, session):
        self._session = session

    def commit(self) -> None:
        self._session.flush()
        self._session.expire_all()

    def __getattr__(self, name: str):
        return getattr(self._session, name)


class GradebookWriter:
    """Open for the length of a run; `with writer.submission() as gb:` is one transaction."""

    def __init__(self, db_url: str, course_id: str):
        from nbgrader.api import Gradebook

        self._gradebook = Gradebook(db_url, course_id)

    @contextmanager
    def submission(self) -> Iterator:
        """Everything written in the block (here, or by nbgrader's SaveAutoGrades and
        AssignLatePenalties) is committed together at its end, or not at all."""
        gradebook = self._gradebook
        session = gradebook.db
        gradebook.db = _CommitsDeferred(session)
        try:
            with lend_gradebook(gradebook, WRITERS, after_use=lambda: None):
                yield gradebook
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            gradebook.db = session
            session.remove()  # no transaction or stale objects left between submissions

    def close(self) -> None:
        self._gradebook.close()

    def __enter__(self) -> GradebookWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
