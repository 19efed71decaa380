"""Hostile submissions graded in one batch beside honest ones (issue #10): for every case the
batch completes, honest scores are unchanged, the cheat earns nothing, nothing secret reaches
the graded notebook or the feedback page, no connection is made, no file is written outside the
submission, and no process is left behind.

Set QISPREAD_TEST_NO_SANDBOX=1 to run the same batch with --no-sandbox: these tests then fail,
which is how we know it is the sandbox (and the clean re-check) that makes them pass."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from batch_course import (
    HONEST,
    IN_KERNEL_CHEATS,
    Batch,
    answer_outputs,
    files_written_outside,
    hostile_batch,
    processes_left,
    score,
    secrets_of,
)
from hostile import HOSTILE
from sample_course import SAMPLE

from qispread.grading.autograde.autograder import Autograder
from qispread.grading.course import Course
from qispread.grading.feedback.pages import feedback_pages, generate_feedback
from qispread.grading.feedback.redact import visible_text

SANDBOX = os.environ.get("QISPREAD_TEST_NO_SANDBOX") != "1"
TIMEOUT = 25
EXPECTED = {"honest_right": 2, "honest_partial": 0, "honest_sees_autograde": 2}
pytestmark = pytest.mark.sandbox


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    made: Batch = hostile_batch(tmp_path_factory.mktemp("adversarial") / "course", Path.home())
    course, token = made.course, made.token
    secret_env = f"grader-secret-{token}"
    os.environ["QISPREAD_TEST_GRADER_SECRET"] = secret_env
    try:
        summary = Autograder(course, SAMPLE).run(jobs=2, timeout=TIMEOUT, sandbox=SANDBOX)
    finally:
        os.environ.pop("QISPREAD_TEST_GRADER_SECRET")
        made.listener.close()
    feedback_errors = {}
    for student in summary.graded:
        try:
            generate_feedback(course, SAMPLE, [student], release=False)
        except Exception as exc:  # the final check refusing a page is itself a finding
            feedback_errors[student] = exc
    return {"course": course, "summary": summary, "token": token, "secret_env": secret_env,
            "connections": made.listener.connections, "feedback_errors": feedback_errors,
            "made": made}


def state(course: Course, student: str) -> dict:
    return json.loads((course.state_folder() / SAMPLE / f"{student}.json").read_text())


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
        assert not [s for s in secrets_of(batch["secret_env"]) if s in text]


def test_cheats_are_flagged_as_tampering(batch):
    course = batch["course"]
    for name in IN_KERNEL_CHEATS:
        record = state(course, name)
        assert record["tampering"] and "median_tests" in record["tampering_detail"], name


def test_no_connection(batch):
    assert batch["connections"] == 0


def test_no_file_written_outside_the_submission(batch):
    assert not files_written_outside(batch["made"])


def test_no_process_left(batch):
    assert not processes_left(batch["token"])
