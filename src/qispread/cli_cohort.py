"""`qispread cohort ...`: run a cohort's grading over nbgrader's course folder and gradebook.

Each step parses its options, calls one method of `qispread.cohort.Cohort` (the service the
Python API uses too) and prints what it returns.

Files holding learners' personal data (roster copy, grades, report) go under the course's
git-ignored gradebook/ unless the tutor names a private path; nbgrader's and the kernels' chatter
goes to gradebook/logs/cohort.log, and the terminal shows progress and one summary line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qispread.errors import DataProblem

LOG_NAME = "logs/cohort.log"
LEARNER_EDITION_MOVED = (
    "The learner edition is built from the course's repository, not by the installed qispread "
    "(it copies the repository's Makefile, library and README for learners). In a checkout of "
    "the course, run: make learner-edition OUT=../qispread-learners")


def _cohort(args):
    from qispread.cohort import Cohort

    return Cohort(args.root, db_url=args.db_url, exchange=args.exchange)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _log_note(run) -> str:
    lines = run.warning_lines()
    return f" {_plural(lines, 'log line')} in {run.log}." if lines else ""


def _init(args) -> int:
    cohort = _cohort(args)
    roster = cohort.init(args.roster)
    course = cohort.course
    print(f"Course '{course.course_id}' ready ({course.db_url}): "
          f"{_plural(roster.added, 'learner')} added, {roster.updated} already there and updated.")
    if roster.copy:
        print(f"A copy of the roster is kept in {roster.copy} (git ignores it).")
    if roster.exposed:
        print(f"Warning: {args.roster} is in a git repository that does not ignore it. "
              "Move it out (a copy is kept above) so that it is never committed.")
    return 0


def _release(args, run=None) -> int:
    cohort = _cohort(args)
    if cohort.release(args.assignment):
        print(f"Released {args.assignment} to the exchange.")
    else:
        print(f"Generated {args.assignment} into {cohort.course.folder('release')}. Not released: "
              "no exchange folder is set up (create one and set c.Exchange.root in "
              "nbgrader_config.py, or give --exchange).")
    return 0


def _collect(args, run=None) -> int:
    cohort = _cohort(args)
    submitted = cohort.collect(args.assignment)
    print(f"Collected {args.assignment}: {_plural(len(submitted), 'submission')} (the latest "
          f"from each learner) in {cohort.course.folder('submitted')}.{_log_note(run)}")
    for line in cohort.collect_notes([args.assignment]):
        print(f"  {line}")
    return 0


def _autograde(args, run) -> int:
    done = _cohort(args).autograde(
        args.assignment, students=args.student, jobs=args.jobs, force=args.force,
        timeout=args.timeout, memory_mb=args.memory_mb, sandbox=not args.no_sandbox,
        progress=run.progress)
    for student in done.stale:
        print(f"  {student} resubmitted after manual marking: their manual marks were cleared "
              "(kept for reference) and those cells need marking again.")
    print(f"Marked {len(done.graded)}, could not mark {len(done.failed)}, already up to "
          f"date {len(done.skipped)}.{_log_note(run)}")
    for student in done.failed:
        print(f"  {student}: could not be marked (see `qispread cohort status`)")
    for student, detail in sorted(done.tampering.items()):
        print(f"  {student}: tampering suspected ({detail}); the clean re-check's marks stand")
    return 1 if done.failed else 0


def _feedback(args, run) -> int:
    from qispread.grading.service import HELD

    done = _cohort(args).feedback(args.assignment, args.student, release=not args.no_release)
    if done.released is None:
        where = f"not released ({done.why_not})"
    elif done.everyone:
        where = "released to the exchange"
    else:
        where = f"released to the exchange for {', '.join(done.released) or 'nobody'} only"
    where += "".join("; " + HELD.format(student=student) for student in done.held)
    print(f"Feedback pages for {_plural(len(done.pages), 'learner')}, checked for hidden tests; "
          f"{len(done.failed)} more told their submission could not be marked and what to fix; "
          f"{where}.{_log_note(run)}")
    if done.coached:
        print(f"Coaching comments added to the pages of {_plural(len(done.coached), 'learner')}.")
    return 0


def _deadline(args) -> int:
    from qispread.grading.cohort.deadlines import show_when

    deadline = _cohort(args).deadline(args.assignment, args.due, args.late_penalty)
    penalty = (f"{deadline.penalty_percent_per_day:g}% of the mark off per day or part of a day "
               "late" if deadline.penalty_percent_per_day else "no late penalty")
    print(f"{args.assignment} is due {show_when(deadline.due)}; {penalty}.")
    return 0


def _extend(args) -> int:
    from qispread.grading.cohort.deadlines import parse_when, show_when

    if bool(args.until) == bool(args.remove):
        raise DataProblem("Give either --until DATE (the learner's new due date) or --remove.")
    until = parse_when(args.until) if args.until else None
    stored, added = _cohort(args).extend(args.assignment, args.student, until)
    what = f"now due {show_when(until)}" if until else "back to the cohort's due date"
    where = ("stored in nbgrader's gradebook (formgrader and its late penalty use it)" if stored
             else "kept until the assignment is released, then stored in nbgrader's gradebook")
    print(f"{args.student}: {args.assignment} {what}; {where}. Status, export and report apply "
          "it from now on.")
    if added:
        print(f"{args.student} was not in the gradebook yet and has been added, as autograding "
              "would add them. If the id is mistyped, take the extension away with --remove.")
    return 0


def _export(args) -> int:
    done = _cohort(args).export(
        args.layout, args.output, moodle_match=args.moodle_match, moodle_users=args.moodle_users,
        canvas_ids=dict(_canvas_id(text) for text in args.canvas_assignment or []),
        clear_grades=args.clear_grades)
    print("Wrote " + " and ".join(str(f) for f in done.files) + ".")
    for student, why in done.left_out:
        print(f"  Left out {student}: {why}.")
    if args.layout == "moodle" and not args.moodle_users:
        print("Moodle matches each row's value exactly as it stores it; give --moodle-users "
              "(a CSV downloaded from Moodle) to check every row before you import.")
    return 0


def _canvas_id(text: str) -> tuple[str, str]:
    name, _, canvas_id = text.rpartition("=")
    if not name or not canvas_id.isdigit():
        raise DataProblem(f"'{text}' is not ASSIGNMENT=ID. Give the assignment's name here and "
                          "Canvas's number for it (in the assignment's web address), e.g. "
                          "00_start_here=12345.")
    return name, canvas_id


def _report(args) -> int:
    print(f"Wrote {_cohort(args).report(args.output)}.")
    return 0


def _projects(args) -> int:
    review = _cohort(args).projects(args.output)
    print(f"Wrote {review.page}. Coaching comments go in {review.comments} (a row per learner "
          "and part; `qispread cohort feedback` sends each learner their own).")
    print("\n".join(review.lines()))
    return 0


def _status(args) -> int:
    status = _cohort(args).status()
    if not len(status.table):
        print("No assignments yet.")
        return 0
    print(status.table.to_string(index=False))
    if status.unreleased:
        print(f"Not released yet: {', '.join(status.unreleased)}.")
    if len(status.attention):
        print("\nNeeds attention:")
        print(status.attention.to_string(index=False))
    if status.notes:
        print("\nFrom the exchange (the last collect of each assignment):")
        print("\n".join(f"  {line}" for line in status.notes))
    return 0


def _learner_edition(args) -> int:
    raise DataProblem(LEARNER_EDITION_MOVED)


def register(subparsers) -> None:
    """Add `cohort` and its subcommands to the `qispread` command's subparsers."""
    cohort = subparsers.add_parser("cohort", help="grade a cohort: roster, release, collect, "
                                   "autograde, feedback, deadlines, export, report, projects, "
                                   "status")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", default=".", help="the course folder (default: here)")
    common.add_argument("--db-url", default=None,
                        help="gradebook database, e.g. postgresql://user@host/db "
                             "(default: the course's nbgrader_config.py, SQLite)")
    common.add_argument("--exchange", default=None,
                        help="nbgrader's exchange folder (default: c.Exchange.root in "
                             "nbgrader_config.py)")
    steps = cohort.add_subparsers(dest="step", required=True)

    def step(name, handler, help_text, quiet=False):
        parser = steps.add_parser(name, parents=[common], help=help_text)
        parser.set_defaults(handler=handler, quiet=quiet)
        return parser

    step("init", _init, "create the gradebook; add learners from a roster CSV").add_argument(
        "--roster", help="CSV with columns id, first_name, last_name, email")
    for name, handler, text in (("release", _release, "generate and release an assignment"),
                                ("collect", _collect, "collect submissions from the exchange")):
        step(name, handler, text, quiet=True).add_argument("assignment")
    grade = step("autograde", _autograde, "grade submissions in parallel, resumably", quiet=True)
    grade.add_argument("assignment")
    grade.add_argument("--student", action="append", help="only this learner (repeatable)")
    grade.add_argument("--jobs", type=int, default=1, help="submissions graded at once")
    grade.add_argument("--force", action="store_true", help="regrade even if up to date")
    grade.add_argument("--timeout", type=float, default=600,
                       help="seconds allowed per submission (default 600)")
    grade.add_argument("--memory-mb", type=int, default=2048,
                       help="address-space limit per kernel in MB; 0 for none (default 2048)")
    grade.add_argument("--no-sandbox", action="store_true",
                       help="run learners' code WITHOUT the sandbox (unsafe; warns every run)")
    feedback = step("feedback", _feedback, "feedback without hidden tests; release it",
                    quiet=True)
    feedback.add_argument("assignment")
    feedback.add_argument("--student", action="append",
                          help="generate and release only this learner's (repeatable)")
    feedback.add_argument("--no-release", action="store_true", help="generate only")
    due = step("deadline", _deadline, "set an assignment's due date and late penalty")
    due.add_argument("assignment")
    due.add_argument("--due", required=True, help="YYYY-MM-DD HH:MM, in UTC")
    due.add_argument("--late-penalty", type=float, default=0.0, metavar="PERCENT",
                     help="percent of the mark taken off per day or part of a day late "
                          "(default 0: late work is flagged, not penalised)")
    ext = step("extend", _extend, "give one learner a later due date")
    ext.add_argument("assignment")
    ext.add_argument("student")
    ext.add_argument("--until", help="the learner's due date, YYYY-MM-DD HH:MM in UTC")
    ext.add_argument("--remove", action="store_true", help="take the extension away")
    export = step("export", _export, "grades for an LMS (blank where there is no grade)")
    export.add_argument("--layout", choices=("generic", "moodle", "canvas"), default="generic")
    export.add_argument("--output", default=None,
                        help="default: gradebook/grades-LAYOUT.csv (git-ignored)")
    export.add_argument("--moodle-match", choices=("email", "username"), default="email",
                        help="the user field you map in Moodle's import (default: email)")
    export.add_argument("--moodle-users", default=None, metavar="CSV",
                        help="users downloaded from Moodle: every row is checked against it "
                             "and written as Moodle spells it")
    export.add_argument("--canvas-assignment", action="append", metavar="ASSIGNMENT=ID",
                        help="Canvas's id for an assignment, carried in its column's name "
                             "(repeatable)")
    export.add_argument("--clear-grades", action="store_true",
                        help="write the export even if its blank cells would clear grades "
                             "exported before")
    step("report", _report, "self-contained HTML cohort report").add_argument(
        "--output", default=None, help="default: gradebook/cohort-report.html (git-ignored)")
    step("projects", _projects, "every learner's project at a glance, for coaching").add_argument(
        "--output", default=None, help="default: gradebook/projects.html (git-ignored)")
    step("status", _status, "each assignment's counts, and who needs attention")
    step("learner-edition", _learner_edition,
         "moved: run `make learner-edition` in the course's repository").add_argument(
        "--output", default=None, help=argparse.SUPPRESS)


def run(args) -> int:
    try:
        if not getattr(args, "quiet", False):
            return args.handler(args)
        from qispread.grading.quiet_log import quiet

        with quiet(Path(args.root).resolve() / "gradebook" / LOG_NAME) as quiet_run:
            return args.handler(args, quiet_run)
    except DataProblem as problem:
        print(f"Problem: {problem}", file=sys.stderr)
        return 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="qispread")
    register(parser.add_subparsers(dest="command", required=True))
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
