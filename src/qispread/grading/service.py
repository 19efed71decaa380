"""A cohort's grading as one Python object: what `qispread cohort ...` runs, callable from Python.

    cohort = Cohort("path/to/course", exchange="/srv/nbgrader/exchange")
    cohort.autograde("00_start_here", jobs=2)
    cohort.feedback("00_start_here")
    cohort.status().table

Writing steps (release, collect, autograde, feedback, deadline, extend) change the gradebook and
qispread's state files; the penalty nbgrader stores for a late submission is worked out again at
each of them. Reading steps (status, export, report) change neither: a penalty they show is
worked out from the marks as they stand, in memory. export does keep a record of the cells it
sent (so that a later export never silently clears a grade), and export and report write their
own file.

It sits above the pipeline's stages (it calls all four), so it lives beside them, not in one.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd

from qispread.errors import DataProblem
from qispread.grading.course import Course

EXCHANGE_HELP = "c.Exchange.root in nbgrader_config.py, or give --exchange"
HELD = ("{student}'s was not released (their submission has no submission_secret.txt or "
        "timestamp.txt, so it was not made by the Assignments tab's Submit; ask them to submit "
        "again)")


@dataclass
class Roster:
    added: int
    updated: int
    copy: Path | None = None  # the roster's copy under gradebook/
    exposed: bool = False  # the roster given sits where git would pick it up


@dataclass
class Autograded:
    graded: list[str]
    failed: list[str]
    skipped: list[str]
    tampering: dict[str, str]
    stale: list[str]  # resubmitted after manual marking: their manual marks were cleared


@dataclass
class Feedback:
    pages: list[str]  # learners with a feedback page
    failed: list[str]  # learners told their submission could not be marked
    coached: list[str] = field(default_factory=list)  # pages carrying coaching comments
    released: list[str] | None = None  # None: not released
    everyone: bool = False  # released for the whole assignment, not a named few
    held: list[str] = field(default_factory=list)  # not released: not made by Submit
    why_not: str = ""  # why nothing was released


@dataclass
class Status:
    table: pd.DataFrame  # per released assignment, learners in each state
    unreleased: list[str]
    attention: pd.DataFrame  # learner, assignment, state: what the tutor has to act on
    notes: list[str]  # what the last collect of each assignment left out


@dataclass
class Export:
    files: list[Path]
    left_out: list[tuple[str, str]]


def _succeeded(result: dict, what: str) -> None:
    if not result["success"]:
        raise DataProblem(f"nbgrader could not {what}: {result.get('error', '').strip()[-800:]}")


class Cohort:
    """One course's cohort: its nbgrader folder, gradebook and exchange."""

    def __init__(self, course_root: str | Path = ".", db_url: str | None = None,
                 exchange: str | Path | None = None) -> None:
        from qispread.grading.cohort.collect import PLUGIN as COLLECT_PLUGIN
        from qispread.grading.cohort.late_penalty import PLUGIN

        folder = Path(exchange) if exchange else None
        if folder is not None and not folder.is_dir():
            raise DataProblem(
                f"The exchange folder {folder} does not exist. Create it first (on JupyterHub: "
                f"sudo mkdir -p {folder} && sudo chmod ugo+rwx {folder}), or give the right "
                "path with --exchange.")
        self.course = Course(Path(course_root), db_url_override=db_url, exchange=folder)
        config = self.course.config
        if "collect" not in config.ExchangeFactory:  # learners' entries are hostile
            config.ExchangeFactory.collect = COLLECT_PLUGIN
        if "plugin_class" not in config.AssignLatePenalties:  # nbgrader's late step uses ours
            config.AssignLatePenalties.plugin_class = PLUGIN

    # writing steps

    def init(self, roster: str | Path | None = None) -> Roster:
        """Create the gradebook and add (or update) the roster's learners; keep a private copy."""
        from qispread.grading.cohort.roster import import_roster, read_roster
        from qispread.grading.private_paths import check_private, default_path

        learners = read_roster(Path(roster)) if roster else []
        added = import_roster(self.course, learners)
        result = Roster(added, len(learners) - added)
        if roster:
            result.copy = default_path(self.course, "roster.csv")
            result.copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(roster, result.copy)
            try:
                check_private(Path(roster))
            except DataProblem:
                result.exposed = True
        return result

    def release(self, assignment: str) -> bool:
        """Generate the assignment and release it; False when there is no exchange to release
        into (it is generated only)."""
        self.course.check_assignment(assignment)
        api = self.course.api()
        _succeeded(api.generate_assignment(assignment), f"generate {assignment}")
        self._apply_deadline(assignment)
        if not self.course.exchange_ready():
            return False
        _succeeded(api.release_assignment(assignment), f"release {assignment}")
        return True

    def collect(self, assignment: str) -> list[str]:
        """Collect the latest submission of each learner; returns who has submitted."""
        if not self.course.exchange_ready():
            raise DataProblem("There is no exchange folder to collect from. Create it and set "
                              f"{EXCHANGE_HELP}.")
        _succeeded(self.course.api().collect(assignment), f"collect {assignment}")
        return self.course.submitted_students(assignment)

    def autograde(self, assignment: str, students: list[str] | None = None, jobs: int = 1,
                  force: bool = False, timeout: float = 600, memory_mb: int | None = 2048,
                  sandbox: bool = True, progress: Callable | None = None) -> Autograded:
        """Grade the submissions (resumably); a learner who resubmitted after manual marking has
        those marks cleared (kept for reference) so the cells are marked again."""
        from qispread.grading.autograde.autograder import Autograder
        from qispread.grading.cohort.resubmission import invalidate_stale, snapshot
        from qispread.grading.cohort.standings import record_failures

        self.course.check_assignment(assignment)
        self._apply_deadline(assignment)
        marked = snapshot(self.course, assignment)
        summary = Autograder(self.course, assignment).run(
            students=students or None, jobs=jobs, force=force, timeout=timeout,
            memory_mb=memory_mb or None, progress=progress, sandbox=sandbox)
        record_failures(self.course, assignment, summary.failed)
        stale = invalidate_stale(self.course, assignment, marked)
        self._refresh_penalties(assignment)
        return Autograded(summary.graded, sorted(summary.failed), summary.skipped,
                          summary.tampering, stale)

    def feedback(self, assignment: str, students: list[str] | None = None,
                 release: bool = True) -> Feedback:
        """Feedback pages without hidden tests (and a page for each submission that could not be
        marked), released to the exchange unless release=False."""
        from qispread.grading.cohort.standings import standings_of
        from qispread.grading.feedback.failed_pages import write_failed_feedback
        from qispread.grading.feedback.pages import feedback_pages, generate_feedback

        self.course.check_assignment(assignment)
        self._refresh_penalties(assignment)
        summary = generate_feedback(self.course, assignment, students or None, release=False)
        pages = [s for s in summary.generated if feedback_pages(self.course, assignment, s)]
        wanted = students or sorted(set(self.course.submitted_students(assignment)))
        failed = write_failed_feedback(self.course, assignment,
                                       standings_of(self.course, [assignment], wanted))
        result = Feedback(pages, failed, self.add_to_pages(assignment, students or None))
        if not release:
            result.why_not = "--no-release"
        elif not self.course.exchange_ready():
            result.why_not = "no exchange folder"
        else:
            self._release_feedback(assignment, students, result)
        return result

    def add_to_pages(self, assignment: str, students: list[str] | None) -> list[str]:
        """Between making the pages and releasing them: what a subclass adds to them (coaching
        comments); returns the learners whose pages it changed."""
        return []

    def _release_feedback(self, assignment: str, students: list[str] | None,
                          result: Feedback) -> None:
        from qispread.grading.feedback.pages import release_feedback, unreleasable
        from qispread.grading.feedback.release import release

        if students:
            result.held = [s for s in unreleasable(self.course, assignment) if s in students]
            result.released = [s for s in students if s not in result.held]
            if result.released:
                release(self.course, assignment, result.released)
            return
        outcome, result.held = release_feedback(self.course, assignment)
        _succeeded(outcome, "release feedback")
        result.everyone = True
        result.released = [s for s in self.course.submitted_students(assignment)
                           if s not in result.held]

    def deadline(self, assignment: str, due: datetime | str, late_penalty: float = 0.0):
        """Set the due date (UTC) and the percentage taken off per day or part of a day late."""
        from qispread.grading.cohort.deadlines import parse_when, set_due

        self.course.check_assignment(assignment)
        when = parse_when(due) if isinstance(due, str) else due
        deadline = set_due(self.course, assignment, when, late_penalty)
        self._refresh_penalties(assignment)
        return deadline

    def extend(self, assignment: str, student: str,
               until: datetime | str | None) -> tuple[bool, bool]:
        """Give one learner a later due date (None takes it away). Returns (stored in nbgrader's
        gradebook now, the learner was added to the gradebook for it)."""
        from qispread.grading.cohort.deadlines import extend, parse_when

        self.course.check_assignment(assignment)
        when = parse_when(until) if isinstance(until, str) else until
        stored, added = extend(self.course, assignment, student, when)
        self._refresh_penalties(assignment)
        return stored, added

    def _apply_deadline(self, assignment: str) -> None:
        from qispread.grading.cohort.deadlines import apply_to_gradebook

        apply_to_gradebook(self.course, assignment)

    def _refresh_penalties(self, assignment: str) -> None:
        from qispread.grading.cohort.late_penalty import refresh_penalties

        refresh_penalties(self.course, assignment)

    # reading steps: they leave the gradebook and the state files as they were

    def collect_notes(self, assignments: list[str]) -> list[str]:
        """What the last collect of each assignment left out or refused, learner by learner."""
        from qispread.grading.cohort.collect import describe, read_notes

        return [f"{assignment} / {line}" for assignment in assignments
                for student, found in read_notes(self.course.state_folder(), assignment).items()
                for line in describe(student, found)]

    def status(self) -> Status:
        from qispread.grading.reports.tables import assignment_status, attention, cohort_tables

        tables = cohort_tables(self.course)
        every = self.course.assignments()
        return Status(assignment_status(self.course, tables),
                      [a for a in every if a not in tables.assignments],
                      attention(tables), self.collect_notes(every))

    def export(self, layout: str = "generic", output: str | Path | None = None,
               moodle_match: str = "email", moodle_users: str | Path | None = None,
               canvas_ids: dict[str, str] | None = None, clear_grades: bool = False) -> Export:
        """Grades for an LMS, blank where there is no grade. Refused (nothing written) when a
        blank would clear a grade exported before, unless clear_grades."""
        from qispread.grading.cohort.roster import sections
        from qispread.grading.private_paths import output_path
        from qispread.grading.reports.lms_export import Options, build, read_moodle_users, write
        from qispread.grading.reports.lms_memory import remember, would_clear
        from qispread.grading.reports.tables import cohort_tables

        options = Options(
            moodle_match=moodle_match, sections=sections(self.course),
            moodle_users=read_moodle_users(Path(moodle_users), moodle_match)
            if moodle_users else None, canvas_ids=canvas_ids or {})
        path = output_path(self.course, str(output) if output else None,
                           f"grades-{layout}.csv")
        built = build(cohort_tables(self.course), layout, options)
        clearing = would_clear(self.course, layout, built) if layout != "generic" else []
        if clearing and not clear_grades:
            raise DataProblem(
                "Nothing was written: this export would clear grades you exported before, "
                f"because {layout.capitalize()} reads an empty cell as 'no grade' and removes "
                "the one it holds:\n  " + "\n  ".join(clearing) + "\nMark or regrade these "
                "first, or give --clear-grades if the grades should go.")
        files = write(built, path)
        remember(self.course, layout, built)
        return Export(files, built.left_out)

    def report(self, output: str | Path | None = None) -> Path:
        """The self-contained HTML cohort report; returns where it was written."""
        from qispread.grading.private_paths import output_path
        from qispread.grading.reports.report import write_report

        path = output_path(self.course, str(output) if output else None, "cohort-report.html")
        return write_report(self.course, path)
