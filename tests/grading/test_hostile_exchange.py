"""File-level attacks through a real exchange folder: hand-made inbound entries holding links to
the tutor's files, hard links, a link to a folder, a deep tree, a FIFO, a file over the size cap,
names with line breaks or `..`, an entry in another learner's name and one with no
submission_secret.txt. For each: the tutor's data never reaches that learner's submitted,
autograded or feedback folders; every other learner is collected, graded and sent feedback as
usual; and the tutor is told, in words, which learner and what was wrong.

Learners are named after this machine's system accounts so that each honest entry is owned by
the account it names, as on a hub with one Unix account per learner (the test runs as root and
gives each entry to its account)."""

from __future__ import annotations

import os
import pwd
import stat
from pathlib import Path

import nbformat
import pytest
from course_notebooks import release_notebooks, source_notebooks
from sample_course import RIGHT, SAMPLE, WRONG, answered, make_course, submit

from qispread.cli_cohort import main
from qispread.grading.cohort.standings import AWAITING_MANUAL, GRADED, standings_of
from qispread.grading.course import Course

STAMP = "2026-01-10 09:00:00.000000 UTC"
TUTOR_SECRET = "TUTOR_SECRET_91c2"
SOLUTION_TEXT = "BEGIN SOLUTION"
HONEST = ["daemon", "bin"]
COURSE_DATA = "ward,falls\nA,3\n"
# learner -> what their entry holds besides an honest notebook
ATTACKS = {
    "sys": "links to the tutor's files, and the notebook a link to the solutions",
    "sync": "a hard link to the tutor's roster copy, and a file where the course has a folder",
    "games": "a link to the whole course folder",
    "man": "folders nested 30 deep",
    "lp": "a FIFO",
    "mail": "a 150 MB file",
    "news": "a file name with a line break",
    "uucp": "an entry owned by another account",
    "www-data": "no submission_secret.txt",
    "backup": "the entry itself a link to the solutions folder",
}
# ".." is never even listed (nbgrader's glob skips dot names); the others are refused by name
BAD_IDS = ["..", "evil\nid", "<img src=x onerror=alert(1)>"]
ROSTER = "id,first_name,last_name,email\n" + "".join(
    f"{s},{s.title()},Learner,{s}@nhs.net\n" for s in [*HONEST, *ATTACKS, "list", "irc"])


def _entry(exchange: Path, student: str, notebook=None, secret: bool = True) -> Path:
    """What the Assignments tab's Submit leaves in the exchange, owned by the learner."""
    entry = exchange / "qispread" / "inbound" / f"{student}+{SAMPLE}+{STAMP}+x1"
    entry.mkdir(parents=True)
    if notebook is not None:
        nbformat.write(notebook, entry / "medians.ipynb")
    (entry / "timestamp.txt").write_text(STAMP)
    if secret:
        (entry / "submission_secret.txt").write_text(f"secret-{student}")
    return entry


def _give(entry: Path, account: str) -> None:
    uid = pwd.getpwnam(account).pw_uid
    for folder, dirs, files in os.walk(entry):
        for name in [*dirs, *files]:
            os.lchown(os.path.join(folder, name), uid, uid)
    os.lchown(entry, uid, uid)


def _attack(root: Path, exchange: Path, honest_nb) -> None:
    private = root / "gradebook" / "private-notes.txt"
    private.write_text(f"{TUTOR_SECRET} the tutor's notes on every learner\n")
    roster = root / "gradebook" / "roster.csv"
    solutions = root / "solutions" / SAMPLE

    entry = _entry(exchange, "sys")
    for name, target in (("gradebook.db", root / "gradebook" / "gradebook.db"),
                         ("roster.csv", roster), ("notes.txt", private),
                         ("medians.ipynb", solutions / "medians.ipynb")):
        (entry / name).symlink_to(target)
    _give(entry, "sys")

    entry = _entry(exchange, "sync", honest_nb)
    os.link(roster, entry / "roster.csv")
    (entry / "data").write_text("a file where the course has a folder")
    _give(entry, "sync")
    os.chown(roster, 0, 0)  # the tutor's file stays the tutor's

    entry = _entry(exchange, "games", honest_nb)
    (entry / "course").symlink_to(root, target_is_directory=True)
    _give(entry, "games")

    entry = _entry(exchange, "man", honest_nb)
    deep = entry.joinpath(*["d"] * 30)
    deep.mkdir(parents=True)
    (deep / "leaf.txt").write_text("deep")
    _give(entry, "man")

    entry = _entry(exchange, "lp", honest_nb)
    os.mkfifo(entry / "data.csv")
    _give(entry, "lp")

    entry = _entry(exchange, "mail", honest_nb)
    with open(entry / "big.bin", "wb") as fh:
        fh.truncate(150 * 1_000_000)  # sparse: over nbgrader's 100 MB default cap
    _give(entry, "mail")

    entry = _entry(exchange, "news", honest_nb)
    (entry / "notes\nINFO | collected everything.txt").write_text("a forged log line")
    _give(entry, "news")

    entry = _entry(exchange, "uucp", honest_nb)
    _give(entry, "proxy")  # someone else's account submits in uucp's name

    _give(_entry(exchange, "www-data", honest_nb, secret=False), "www-data")

    entry = exchange / "qispread" / "inbound" / f"backup+{SAMPLE}+{STAMP}+x1"
    entry.symlink_to(solutions, target_is_directory=True)

    for bad in BAD_IDS:
        _entry(exchange, bad, honest_nb)


@pytest.fixture(scope="module")
def attacked(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile-exchange")
    root, exchange = make_course(base / "course"), base / "exchange"
    (root / "solutions" / SAMPLE / "data").mkdir()
    (root / "solutions" / SAMPLE / "data" / "wards.csv").write_text(COURSE_DATA)
    exchange.mkdir()
    (base / "roster.csv").write_text(ROSTER)
    common = ["--root", str(root), "--exchange", str(exchange)]
    assert main(["cohort", "init", "--roster", str(base / "roster.csv"), *common]) == 0
    assert main(["cohort", "release", SAMPLE, *common]) == 0
    course = Course(root)
    release = release_notebooks(course, SAMPLE)["medians.ipynb"]
    honest = {"daemon": source_notebooks(course, SAMPLE)["medians.ipynb"],
              "bin": answered(release, WRONG)}
    for student, nb in honest.items():
        _give(_entry(exchange, student, nb), student)
    right = answered(release, RIGHT)
    _attack(root, exchange, right)
    # a submission laid out by another tool (stock nbgrader's collect, a copy by hand):
    # autograde's own layout must not follow its links either
    folder = submit(root, "list", SAMPLE, {"medians.ipynb": right})
    (folder / "submission_secret.txt").write_text("secret-list")
    (folder / "notes.txt").symlink_to(root / "gradebook" / "private-notes.txt")
    # and one with no submission_secret.txt: its feedback cannot be released, the others' can
    submit(root, "irc", SAMPLE, {"medians.ipynb": right})
    return base, root, exchange, common


@pytest.fixture(scope="module")
def collected(attacked):
    import contextlib
    import io

    _, _, _, common = attacked
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["cohort", "collect", SAMPLE, *common])
    assert code == 0
    return out.getvalue()


@pytest.fixture(scope="module")
def graded(attacked, collected):
    _, _, exchange, common = attacked
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        main(["cohort", "autograde", SAMPLE, "--jobs", "2", *common])
        assert main(["cohort", "feedback", SAMPLE, *common]) == 0
    return out.getvalue()


def _learner_files(root: Path, student: str) -> list[Path]:
    files = []
    # list's submitted folder was laid out by hand, link included: the later steps must hold
    kinds = ("autograded", "feedback") if student == "list" else ("submitted", "autograded",
                                                                   "feedback")
    for kind in kinds:
        folder = root / "gradebook" / kind / student / SAMPLE
        for dirpath, dirs, names in os.walk(folder):
            files += [Path(dirpath, n) for n in [*dirs, *names]]
    return files


@pytest.mark.parametrize("student", [*ATTACKS, "list", "irc"])
def test_no_tutor_data_reaches_the_learners_folders(attacked, graded, student):
    _, root, _, _ = attacked
    for path in _learner_files(root, student):
        info = path.lstat()
        assert stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode), path
        if stat.S_ISREG(info.st_mode):
            data = path.read_bytes()
            for secret in (TUTOR_SECRET, SOLUTION_TEXT, "SQLite format 3", "Learner,"):
                assert secret.encode() not in data, f"{secret} in {path}"


def test_bad_names_write_nothing_outside_the_submitted_folder(attacked, collected):
    _, root, _, _ = attacked
    assert sorted(p.name for p in (root / "gradebook").iterdir()
                  if p.name not in ("submitted", "autograded", "feedback", "qispread-state",
                                    "logs")) == [
        "gradebook.db", "private-notes.txt", "roster.csv"]
    assert not any("\n" in p.name for p in (root / "gradebook" / "submitted").iterdir())


def test_every_other_learner_is_collected(attacked, collected):
    _, root, _, _ = attacked
    submitted = {p.name for p in (root / "gradebook" / "submitted").iterdir()}
    refused = {"man", "www-data", "backup"}
    assert submitted == {*HONEST, *ATTACKS, "list", "irc"} - refused


@pytest.mark.parametrize(("student", "words"), [
    ("sys", "left out gradebook.db: it is a link (links are never followed)"),
    ("sys", "left out medians.ipynb: it is a link"),
    ("sync", "left out roster.csv: it is a hard link to another file"),
    ("games", "left out course: it is a link"),
    ("man", "not collected"),
    ("man", "nested more than 20 deep"),
    ("lp", "left out data.csv: it is not an ordinary file"),
    ("mail", "left out big.bin: it is too large (150.0 MB; the course's limit is 100.0 MB"),
    ("news", "left out notes\\nINFO | collected everything.txt: its name holds a line break"),
    ("uucp", "claims to be by uucp but is owned by proxy"),
    ("www-data", "it has no submission_secret.txt"),
    ("backup", "it is not an ordinary folder"),
    ("<img src=x onerror=alert(1)>", "its learner id holds a slash, a space"),
    ("evil\\nid", "its learner id holds a slash, a space, a line break"),
])
def test_the_tutor_is_told_who_and_what(collected, student, words):
    lines = [ln for ln in collected.splitlines() if ln.strip().startswith(f"{SAMPLE} / "
                                                                          f"{student}: ")]
    assert any(words in ln for ln in lines), collected


def test_honest_learners_have_no_notes(collected):
    for student in HONEST:
        assert f"/ {student}:" not in collected


def test_status_keeps_the_impersonation_warning(attacked, graded, capsys):
    _, _, _, common = attacked
    assert main(["cohort", "status", *common]) == 0
    out = capsys.readouterr().out
    assert "uucp: the submission claims to be by uucp but is owned by proxy" in out


def test_everyone_with_a_notebook_is_graded_and_gets_feedback(attacked, graded):
    _, root, exchange, _ = attacked
    course = Course(root)
    collected_with_notebook = [*HONEST, "sync", "games", "lp", "mail", "news", "uucp", "list",
                               "irc"]
    states = {s.student: s.state for s in standings_of(course, [SAMPLE],
                                                       collected_with_notebook)}
    assert all(states[s] == AWAITING_MANUAL for s in collected_with_notebook), states
    released = len(list((exchange / "qispread" / "feedback").glob("*.html")))
    assert released == len(collected_with_notebook) - 1  # irc's cannot be delivered
    assert ("irc's was not released (their submission has no submission_secret.txt or "
            "timestamp.txt") in graded


def test_a_notebook_left_out_scores_as_a_missing_one(attacked, graded):
    _, root, _, _ = attacked
    (sys_standing,) = [s for s in standings_of(Course(root), [SAMPLE], ["sys"])
                       if s.student == "sys"]
    assert (sys_standing.state, sys_standing.score) == (GRADED, 0.0)


def test_the_courses_files_replace_what_a_learner_put_in_their_place(attacked, graded):
    _, root, _, _ = attacked
    wards = root / "gradebook" / "autograded" / "sync" / SAMPLE / "data" / "wards.csv"
    assert wards.read_text() == COURSE_DATA
