"""`qispread cohort ...`: run a cohort's grading over nbgrader's course folder and gradebook."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qispread.spc.errors import DataProblem


def _course(args):
    from qispread.grading.course import Course

    exchange = Path(args.exchange) if args.exchange else None
    return Course(Path(args.root), db_url_override=args.db_url, exchange=exchange)


def _init(args) -> int:
    from qispread.grading.roster import import_roster, read_roster

    course = _course(args)
    learners = read_roster(Path(args.roster)) if args.roster else []
    count = import_roster(course, learners)
    print(f"Course '{course.course_id}' ready; {count} learners in the gradebook "
          f"({course.db_url}).")
    return 0


def _nbgrader_step(result: dict, what: str) -> int:
    if not result["success"]:
        raise DataProblem(f"nbgrader could not {what}: {result.get('error', '').strip()[-800:]}")
    return 0


def _release(args) -> int:
    course = _course(args)
    course.check_assignment(args.assignment)
    api = course.api()
    _nbgrader_step(api.generate_assignment(args.assignment), f"generate {args.assignment}")
    if course.exchange_ready():
        _nbgrader_step(api.release_assignment(args.assignment), f"release {args.assignment}")
        print(f"Released {args.assignment} to the exchange.")
    else:
        print(f"Generated {args.assignment} into {course.folder('release')}; no exchange folder "
              "exists, so nothing was released (give --exchange).")
    return 0


def _collect(args) -> int:
    course = _course(args)
    _nbgrader_step(course.api().collect(args.assignment), f"collect {args.assignment}")
    print(f"Collected {len(course.submitted_students(args.assignment))} submissions.")
    return 0


def _autograde(args) -> int:
    from qispread.grading.autograde import Autograder

    course = _course(args)
    summary = Autograder(course, args.assignment).run(
        students=args.student or None, jobs=args.jobs, force=args.force,
        timeout=args.timeout, memory_mb=args.memory_mb or None,
        sandbox=not args.no_sandbox)
    print(f"Graded {len(summary.graded)}, already up to date {len(summary.skipped)}, "
          f"failed {len(summary.failed)}.")
    for student, error in sorted(summary.failed.items()):
        print(f"  {student}: {error}")
    for student, detail in sorted(summary.tampering.items()):
        print(f"  {student}: tampering suspected ({detail}); the clean re-check's marks stand")
    return 1 if summary.failed else 0


def _feedback(args) -> int:
    from qispread.grading.feedback import generate_feedback

    summary = generate_feedback(_course(args), args.assignment, args.student or None,
                                release=not args.no_release)
    where = "released to the exchange" if summary.released else "not released (no exchange)"
    print(f"Feedback for {len(summary.generated)} learners, checked for hidden tests; {where}.")
    return 0


def _export(args) -> int:
    from qispread.grading.cohort_data import cohort_tables, lms_table

    table = lms_table(cohort_tables(_course(args)))
    table.to_csv(args.output, index=False)
    print(f"Wrote {len(table)} learners to {args.output}.")
    return 0


def _report(args) -> int:
    from qispread.grading.report import write_report

    print(f"Wrote {write_report(_course(args), Path(args.output))}.")
    return 0


def _status(args) -> int:
    from qispread.grading.cohort_data import assignment_status, cohort_tables

    course = _course(args)
    table = assignment_status(course, cohort_tables(course))
    print(table.to_string(index=False) if len(table) else "No assignments yet.")
    return 0


def register(subparsers) -> None:
    """Add `cohort` and its subcommands to the `qispread` command's subparsers."""
    cohort = subparsers.add_parser("cohort", help="grade a cohort: roster, release, collect, "
                                   "autograde, feedback, export, report, status")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", default=".", help="the course folder (default: here)")
    common.add_argument("--db-url", default=None,
                        help="gradebook database, e.g. postgresql://user@host/db "
                             "(default: the course's nbgrader_config.py, SQLite)")
    common.add_argument("--exchange", default=None, help="nbgrader's exchange folder")
    steps = cohort.add_subparsers(dest="step", required=True)

    def step(name, handler, help_text):
        parser = steps.add_parser(name, parents=[common], help=help_text)
        parser.set_defaults(handler=handler)
        return parser

    step("init", _init, "create the gradebook; add learners from a roster CSV").add_argument(
        "--roster", help="CSV with columns id, first_name, last_name, email")
    for name, handler, text in (("release", _release, "generate and release an assignment"),
                                ("collect", _collect, "collect submissions from the exchange")):
        step(name, handler, text).add_argument("assignment")
    grade = step("autograde", _autograde, "grade submissions in parallel, resumably")
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
    feedback = step("feedback", _feedback, "feedback without hidden tests; release it")
    feedback.add_argument("assignment")
    feedback.add_argument("--student", action="append", help="only this learner (repeatable)")
    feedback.add_argument("--no-release", action="store_true", help="generate only")
    step("export", _export, "CSV for an LMS gradebook").add_argument(
        "--output", default="grades.csv")
    step("report", _report, "self-contained HTML cohort report").add_argument(
        "--output", default="cohort-report.html")
    step("status", _status, "counts per assignment")


def run(args) -> int:
    try:
        return args.handler(args)
    except DataProblem as problem:
        print(f"Problem: {problem}", file=sys.stderr)
        return 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="qispread")
    register(parser.add_subparsers(dest="command", required=True))
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
