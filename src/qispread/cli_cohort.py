"""`qispread cohort ...`: run a cohort's grading over nbgrader's course folder and gradebook.

Files holding learners' personal data (roster copy, grades, report) go under the course's
git-ignored gradebook/ unless the tutor names a private path; nbgrader's and the kernels' chatter
goes to gradebook/logs/cohort.log, and the terminal shows progress and one summary line.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from qispread.errors import DataProblem

LOG_NAME = "logs/cohort.log"


def _course(args):
    from qispread.grading.cohort.collect import PLUGIN as COLLECT_PLUGIN
    from qispread.grading.cohort.late_penalty import PLUGIN
    from qispread.grading.course import Course

    exchange = Path(args.exchange) if args.exchange else None
    if exchange is not None and not exchange.is_dir():
        raise DataProblem(
            f"The exchange folder {exchange} does not exist. Create it first (on JupyterHub: "
            f"sudo mkdir -p {exchange} && sudo chmod ugo+rwx {exchange}), or give the right "
            "path with --exchange.")
    course = Course(Path(args.root), db_url_override=args.db_url, exchange=exchange)
    if "collect" not in course.config.ExchangeFactory:  # learners' entries are hostile
        course.config.ExchangeFactory.collect = COLLECT_PLUGIN
    penalties = course.config.AssignLatePenalties
    if "plugin_class" not in penalties:  # nbgrader's own late-submission step uses ours
        penalties.plugin_class = PLUGIN
    return course


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _init(args) -> int:
    from qispread.grading.cohort.roster import import_roster, read_roster
    from qispread.grading.private_paths import check_private, default_path

    course = _course(args)
    learners = read_roster(Path(args.roster)) if args.roster else []
    added = import_roster(course, learners)
    print(f"Course '{course.course_id}' ready ({course.db_url}): {_plural(added, 'learner')} "
          f"added, {len(learners) - added} already there and updated.")
    if args.roster:
        copy = default_path(course, "roster.csv")
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(args.roster, copy)
        print(f"A copy of the roster is kept in {copy} (git ignores it).")
        try:
            check_private(Path(args.roster))
        except DataProblem:
            print(f"Warning: {args.roster} is in a git repository that does not ignore it. "
                  "Move it out (a copy is kept above) so that it is never committed.")
    return 0


def _nbgrader_step(result: dict, what: str) -> int:
    if not result["success"]:
        raise DataProblem(f"nbgrader could not {what}: {result.get('error', '').strip()[-800:]}")
    return 0


def _release(args, run=None) -> int:
    from qispread.grading.cohort.deadlines import apply_to_gradebook

    course = _course(args)
    course.check_assignment(args.assignment)
    api = course.api()
    _nbgrader_step(api.generate_assignment(args.assignment), f"generate {args.assignment}")
    apply_to_gradebook(course, args.assignment)
    if course.exchange_ready():
        _nbgrader_step(api.release_assignment(args.assignment), f"release {args.assignment}")
        print(f"Released {args.assignment} to the exchange.")
    else:
        print(f"Generated {args.assignment} into {course.folder('release')}. Not released: "
              "no exchange folder is set up (create one and set c.Exchange.root in "
              "nbgrader_config.py, or give --exchange).")
    return 0


def collect_notes(course, assignments: list[str]) -> list[str]:
    """What the last collect of each assignment left out or refused, learner by learner."""
    from qispread.grading.cohort.collect import describe, read_notes

    return [f"{assignment} / {line}" for assignment in assignments
            for student, found in read_notes(course.state_folder(), assignment).items()
            for line in describe(student, found)]


def _collect(args, run=None) -> int:
    course = _course(args)
    if not course.exchange_ready():
        raise DataProblem("There is no exchange folder to collect from. Create it and set "
                          "c.Exchange.root in nbgrader_config.py, or give --exchange.")
    _nbgrader_step(course.api().collect(args.assignment), f"collect {args.assignment}")
    count = len(course.submitted_students(args.assignment))
    print(f"Collected {args.assignment}: {_plural(count, 'submission')} (the latest from each "
          f"learner) in {course.folder('submitted')}.{_log_note(run)}")
    for line in collect_notes(course, [args.assignment]):
        print(f"  {line}")
    return 0


def _autograde(args, run) -> int:
    from qispread.grading.autograde.autograder import Autograder
    from qispread.grading.cohort.deadlines import apply_to_gradebook
    from qispread.grading.cohort.resubmission import invalidate_stale, snapshot
    from qispread.grading.cohort.standings import record_failures

    course = _course(args)
    course.check_assignment(args.assignment)
    apply_to_gradebook(course, args.assignment)
    marked = snapshot(course, args.assignment)
    summary = Autograder(course, args.assignment).run(
        students=args.student or None, jobs=args.jobs, force=args.force,
        timeout=args.timeout, memory_mb=args.memory_mb or None, progress=run.progress,
        sandbox=not args.no_sandbox)
    record_failures(course, args.assignment, summary.failed)
    for student in invalidate_stale(course, args.assignment, marked):
        print(f"  {student} resubmitted after manual marking: their manual marks were cleared "
              "(kept for reference) and those cells need marking again.")
    print(f"Marked {len(summary.graded)}, could not mark {len(summary.failed)}, already up to "
          f"date {len(summary.skipped)}.{_log_note(run)}")
    for student in sorted(summary.failed):
        print(f"  {student}: could not be marked (see `qispread cohort status`)")
    for student, detail in sorted(summary.tampering.items()):
        print(f"  {student}: tampering suspected ({detail}); the clean re-check's marks stand")
    return 1 if summary.failed else 0


def _feedback(args, run) -> int:
    from qispread.coaching.returned import return_comments
    from qispread.coaching.review import COMMENTS_NAME
    from qispread.grading.cohort.standings import standings_of
    from qispread.grading.feedback.failed_pages import write_failed_feedback
    from qispread.grading.feedback.pages import (
        feedback_pages,
        generate_feedback,
        release_feedback,
        unreleasable,
    )
    from qispread.grading.feedback.release import release
    from qispread.grading.private_paths import default_path

    course = _course(args)
    course.check_assignment(args.assignment)
    summary = generate_feedback(course, args.assignment, args.student or None, release=False)
    marked = [s for s in summary.generated if feedback_pages(course, args.assignment, s)]
    wanted = args.student or sorted(set(course.submitted_students(args.assignment)))
    failed = write_failed_feedback(course, args.assignment,
                                   standings_of(course, [args.assignment], wanted))
    coached = return_comments(course, args.assignment, default_path(course, COMMENTS_NAME),
                              args.student or None)
    where = "not released (--no-release)"
    if not args.no_release:
        if course.exchange_ready():
            if args.student:
                held = [s for s in unreleasable(course, args.assignment) if s in args.student]
                ready = [s for s in args.student if s not in held]
                if ready:
                    release(course, args.assignment, ready)
                where = f"released to the exchange for {', '.join(ready) or 'nobody'} only"
            else:
                result, held = release_feedback(course, args.assignment)
                _nbgrader_step(result, "release feedback")
                where = "released to the exchange"
            for student in held:
                where += (f"; {student}'s was not released (their submission has no "
                          "submission_secret.txt or timestamp.txt, so it was not made by the "
                          "Assignments tab's Submit; ask them to submit again)")
        else:
            where = "not released (no exchange folder)"
    print(f"Feedback pages for {_plural(len(marked), 'learner')}, checked for hidden tests; "
          f"{len(failed)} more told their submission could not be marked and what to fix; "
          f"{where}.{_log_note(run)}")
    if coached:
        print(f"Coaching comments added to the pages of {_plural(len(coached), 'learner')}.")
    return 0


def _deadline(args) -> int:
    from qispread.grading.cohort.deadlines import parse_when, set_due, show_when

    course = _course(args)
    course.check_assignment(args.assignment)
    deadline = set_due(course, args.assignment, parse_when(args.due), args.late_penalty)
    penalty = (f"{deadline.penalty_percent_per_day:g}% of the mark off per day or part of a day "
               "late" if deadline.penalty_percent_per_day else "no late penalty")
    print(f"{args.assignment} is due {show_when(deadline.due)}; {penalty}.")
    return 0


def _extend(args) -> int:
    from qispread.grading.cohort.deadlines import extend, parse_when, show_when

    if bool(args.until) == bool(args.remove):
        raise DataProblem("Give either --until DATE (the learner's new due date) or --remove.")
    course = _course(args)
    course.check_assignment(args.assignment)
    until = parse_when(args.until) if args.until else None
    stored, added = extend(course, args.assignment, args.student, until)
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
    from qispread.grading.cohort.roster import sections
    from qispread.grading.private_paths import output_path
    from qispread.grading.reports.lms_export import Options, build, read_moodle_users, write
    from qispread.grading.reports.lms_memory import remember, would_clear
    from qispread.grading.reports.tables import cohort_tables

    course = _course(args)
    options = Options(
        moodle_match=args.moodle_match, sections=sections(course),
        moodle_users=read_moodle_users(Path(args.moodle_users), args.moodle_match)
        if args.moodle_users else None,
        canvas_ids=dict(_canvas_id(text) for text in args.canvas_assignment or []))
    path = output_path(course, args.output, f"grades-{args.layout}.csv")
    built = build(cohort_tables(course), args.layout, options)
    clearing = would_clear(course, args.layout, built) if args.layout != "generic" else []
    if clearing and not args.clear_grades:
        raise DataProblem(
            "Nothing was written: this export would clear grades you exported before, because "
            f"{args.layout.capitalize()} reads an empty cell as 'no grade' and removes the one "
            "it holds:\n  " + "\n  ".join(clearing) + "\nMark or regrade these first, or give "
            "--clear-grades if the grades should go.")
    files = write(built, path)
    remember(course, args.layout, built)
    print("Wrote " + " and ".join(str(f) for f in files) + ".")
    for student, why in built.left_out:
        print(f"  Left out {student}: {why}.")
    if args.layout == "moodle" and options.moodle_users is None:
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
    from qispread.grading.private_paths import output_path
    from qispread.grading.reports.report import write_report

    course = _course(args)
    print(f"Wrote {write_report(course, output_path(course, args.output, 'cohort-report.html'))}.")
    return 0


def _projects(args) -> int:
    from qispread.coaching.review import COMMENTS_NAME, review_projects
    from qispread.grading.private_paths import default_path, output_path
    from qispread.grading.reports.report import PROJECTS_PAGE

    course = _course(args)
    review = review_projects(course, output_path(course, args.output, PROJECTS_PAGE),
                             default_path(course, COMMENTS_NAME))
    print(f"Wrote {review.page}. Coaching comments go in {review.comments} (a row per learner "
          "and part; `qispread cohort feedback` sends each learner their own).")
    print("\n".join(review.lines()))
    return 0


def _status(args) -> int:
    from qispread.grading.reports.tables import assignment_status, attention, cohort_tables

    course = _course(args)
    tables = cohort_tables(course)
    table = assignment_status(course, tables)
    if not len(table):
        print("No assignments yet.")
        return 0
    print(table.to_string(index=False))
    unreleased = [a for a in course.assignments() if a not in tables.assignments]
    if unreleased:
        print(f"Not released yet: {', '.join(unreleased)}.")
    needs = attention(tables)
    if len(needs):
        print("\nNeeds attention:")
        print(needs.to_string(index=False))
    notes = collect_notes(course, course.assignments())
    if notes:
        print("\nFrom the exchange (the last collect of each assignment):")
        print("\n".join(f"  {line}" for line in notes))
    return 0


def _learner_edition(args) -> int:
    from qispread.grading.edition.learner_edition import build_learner_edition

    out = build_learner_edition(Path(args.root), Path(args.output))
    print(f"Learner edition written to {out}: course/, exercises/, source_data/ and the library; "
          "no solutions/, nbgrader's tutor tools turned off.")
    return 0


def _log_note(run) -> str:
    lines = run.warning_lines()
    return f" {_plural(lines, 'log line')} in {run.log}." if lines else ""


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
         "build the folder learners receive (no solutions/, no tutor tools)").add_argument(
        "--output", required=True, help="a new folder, outside this repository")


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
