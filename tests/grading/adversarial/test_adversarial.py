"""Hostile submissions graded in one batch beside honest ones (issue #10): for every case the
batch completes, honest scores are unchanged, the cheat earns nothing, nothing secret reaches
the graded notebook or the feedback page, no connection is made, no file is written outside the
submission, and no process is left behind.

Set QISPREAD_TEST_NO_SANDBOX=1 to run the same batch with --no-sandbox: these tests then fail,
which is how we know it is the sandbox (and the clean re-check) that makes them pass."""

from __future__ import annotations

import json
import os
import secrets
import socket
import sys
import threading
from pathlib import Path

import nbformat
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from hostile import HOSTILE  # noqa: E402
from sample_course import (  # noqa: E402
    HIDDEN_MARKER,
    PARTIAL,
    RIGHT,
    SAMPLE,
    answered,
    make_course,
    submit,
)

from qispread.grading.autograde import Autograder  # noqa: E402
from qispread.grading.course import Course  # noqa: E402
from qispread.grading.feedback import feedback_pages, generate_feedback  # noqa: E402
from qispread.grading.redact import visible_text  # noqa: E402

PROJECT = Path(__file__).resolve().parents[3]
OTHER = "00_start_here"
SANDBOX = os.environ.get("QISPREAD_TEST_NO_SANDBOX") != "1"
TIMEOUT = 25
HONEST = {"honest_right": RIGHT, "honest_partial": PARTIAL,
          # earns its marks only if the kernel sees NBGRADER_EXECUTION=autograde, as documented
          "honest_sees_autograde": "import os\nanswer_median_odd = 3 if os.environ.get("
                                   "'NBGRADER_EXECUTION') == 'autograde' else 0\n"
                                   "answer_median_even = 2.5"}
EXPECTED = {"honest_right": 2, "honest_partial": 0, "honest_sees_autograde": 2}
ROSTER = [("honest_right", "ana.okafor@nhs.example"), ("honest_partial", "ben.price@nhs.example")]
pytestmark = pytest.mark.sandbox


class Listener:
    """A server on 127.0.0.1 that counts the connections it gets."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.5)
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while self.running:
            try:
                conn, _ = self.socket.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.running = False
        self.thread.join()
        self.socket.close()


def _notebook(release: nbformat.NotebookNode, case) -> nbformat.NotebookNode:
    nb = answered(release, case.code)
    tests = [c for c in nb.cells
             if c.metadata.get("nbgrader", {}).get("grade_id") == "median_tests"]
    if case.notebook == "delete_test":
        nb.cells.remove(tests[0])
    elif case.notebook == "edit_test":
        tests[0].source = "pass"
    elif case.notebook == "retag_test":
        tests[0].metadata["nbgrader"].update(grade_id="my_own_test", points=100)
        tests[0].source = "pass"
    return nb


def _fill(code: str, values: dict) -> str:
    for key, value in values.items():
        code = code.replace("{" + key + "}", str(value))
    return code


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    root = make_course(tmp_path_factory.mktemp("adversarial") / "course", PROJECT / "solutions",
                       [OTHER])
    course = Course(root)
    api = course.api()
    for name in (SAMPLE, OTHER):
        assert api.generate_assignment(name)["success"]
    with course.gradebook() as gb:
        for student, email in ROSTER:
            gb.update_or_create_student(student, email=email)
    token = secrets.token_hex(6)
    listener = Listener()
    values = {"course": root, "home": Path.home(), "port": listener.port, "token": token}
    release = nbformat.read(course.folder("release", assignment=SAMPLE) / "medians.ipynb", 4)
    for student, code in HONEST.items():
        submit(root, student, SAMPLE, {"medians.ipynb": answered(release, code)})
    for student, case in HOSTILE.items():
        case = type(case)(**{**case.__dict__, "code": _fill(case.code, values)})
        folder = submit(root, student, SAMPLE, {"medians.ipynb": _notebook(release, case)})
        if case.notebook == "truncate":
            path = folder / "medians.ipynb"
            path.write_text(path.read_text()[:200])
        for name, text in (case.extra_files or {}).items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text)
    secret_env = f"grader-secret-{token}"
    os.environ["QISPREAD_TEST_GRADER_SECRET"] = secret_env
    try:
        summary = Autograder(course, SAMPLE).run(jobs=2, timeout=TIMEOUT, sandbox=SANDBOX)
    finally:
        os.environ.pop("QISPREAD_TEST_GRADER_SECRET")
        listener.close()
    feedback_errors = {}
    for student in summary.graded:
        try:
            generate_feedback(course, SAMPLE, [student], release=False)
        except Exception as exc:  # the final check refusing a page is itself a finding
            feedback_errors[student] = exc
    return {"course": course, "summary": summary, "token": token, "secret_env": secret_env,
            "connections": listener.connections, "feedback_errors": feedback_errors,
            "home": Path.home()}


def score(course: Course, student: str) -> float:
    with course.gradebook() as gb:
        return gb.find_submission(SAMPLE, student).code_score


def state(course: Course, student: str) -> dict:
    return json.loads((course.state_folder() / SAMPLE / f"{student}.json").read_text())


def answer_outputs(graded: Path) -> list[str]:
    """The outputs of the graded notebook's cells other than the test cells (whose source, the
    hidden tests included, is the tutor's; feedback redacts them)."""
    if not graded.exists():
        return []
    nb = nbformat.read(graded, 4)
    return [json.dumps(cell.outputs) for cell in nb.cells if cell.cell_type == "code"
            and not cell.metadata.get("nbgrader", {}).get("grade")]


def secrets_of(batch) -> list[str]:
    """Text that must never reach a learner: hidden tests and mark schemes of both assignments,
    model answers, other learners' emails, the grader's environment."""
    return [HIDDEN_MARKER, "answer_median_even = 2.5", "Full marks for: skewed data",
            "the estimate is that about one third spread", 'answer_q1 = "C"',
            "ben.price@nhs.example", "ana.okafor@nhs.example", batch["secret_env"],
            "SQLite format 3", "CREATE TABLE"]


def test_the_batch_completes_with_honest_scores_unchanged(batch):
    summary, course = batch["summary"], batch["course"]
    assert sorted([*summary.graded, *summary.failed]) == sorted([*HONEST, *HOSTILE])
    assert {s: score(course, s) for s in HONEST} == EXPECTED
    assert not batch["feedback_errors"]
    for student in HONEST:
        assert state(course, student)["state"] == "graded"
        assert not state(course, student)["tampering"]


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_submission_earns_nothing_and_leaks_nothing(batch, name):
    course, case = batch["course"], HOSTILE[name]
    record = state(course, name)
    if case.fails:
        assert record["state"] == "failed" and case.fails in record["reason"]
    elif not case.may_fail:
        assert record["state"] == "graded", record["reason"]
    assert score(course, name) == 0
    shown = answer_outputs(course.folder("autograded", name, SAMPLE) / "medians.ipynb")
    assert name not in batch["feedback_errors"], batch["feedback_errors"][name]
    shown += [visible_text(p.read_text()) for p in feedback_pages(course, SAMPLE, name)]
    for text in shown:
        assert len(text) < 2_000_000
        assert not [s for s in secrets_of(batch) if s in text]


def test_cheats_are_flagged_as_tampering(batch):
    course = batch["course"]
    for name in ("rebinds_checks_function", "replaces_function_code", "wraps_import",
                 "rewrites_assert_with_input_transformer", "shadowing_module_in_submission"):
        record = state(course, name)
        assert record["tampering"] and "median_tests" in record["tampering_detail"], name


def test_no_connection(batch):
    assert batch["connections"] == 0


def test_no_file_written_outside_the_submission(batch):
    token, course = batch["token"], batch["course"]
    outside = [course.root / f"pwned-{token}", Path(f"/tmp/pwned-{token}"),
               batch["home"] / f"pwned-{token}"]
    assert not [p for p in outside if p.exists()]


def test_no_process_left(batch):
    left = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if batch["token"].encode() in (proc / "cmdline").read_bytes():
                left.append(proc.name)
        except OSError:
            continue
    assert not left
