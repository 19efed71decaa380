"""A cohort on a real JupyterHub: an instructor and two learners with real Unix accounts.

Through the hub (REST API with an admin service token, then each learner's own single-user
server with a token made for that learner): starting servers, fetch, editing the notebook
(contents API), submit, fetch feedback, and the cross-user checks. Through `runuser -u tutor`
(no API exists for them): the tutor's qispread cohort commands (init, release, collect,
autograde, feedback). Learner A's file-level isolation is also checked with `runuser -u`."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import nbformat
import pytest
from hub_setup import Hub, UserServer, create_user, remove_user, run, shared_python
from sample_course import (  # the grading tests' (tests/grading is on pytest's pythonpath)
    HIDDEN_MARKER,
    PARTIAL,
    RIGHT,
    SAMPLE,
    answered,
    make_course,
    sample_notebook,
)

from qispread.grading.reports.tables import STATUS_COLUMNS

pytestmark = pytest.mark.hub
TUTOR, ANA, BEN = "qstutor", "qsana", "qsben"
COURSE_ID = "qispread"


@pytest.fixture(scope="module")
def academy():
    if os.geteuid() != 0:
        pytest.fail("The hub test creates Unix users and runs JupyterHub's LocalProcessSpawner: "
                    "run it as root (CI does), e.g. sudo .venv/bin/python -m pytest -m hub")
    if not shutil.which("npm") and not shutil.which("configurable-http-proxy"):
        pytest.fail("The hub test needs configurable-http-proxy: apt-get install npm")
    work = Path(tempfile.mkdtemp(prefix="qispread-hub-"))
    work.chmod(0o755)
    users = [TUTOR, ANA, BEN]
    for user in users:
        remove_user(user)
        create_user(user)
    hub = None
    try:
        python, python_env, share = shared_python(work, ANA)
        exchange = work / "exchange"
        exchange.mkdir()
        exchange.chmod(0o1777)
        config_dir = work / "jupyter_config"
        config_dir.mkdir()
        (config_dir / "nbgrader_config.py").write_text(
            f"c = get_config()\nc.CourseDirectory.course_id = {COURSE_ID!r}\n"
            f"c.Exchange.root = {str(exchange)!r}\n")
        course = make_course(work / "course")
        (work / "roster.csv").write_text(f"id,first_name,last_name,email\n{ANA},Ana,Okafor,"
                                         f"ana@nhs.net\n{BEN},Ben,Price,ben@nhs.net\n")
        run("chown", "-R", f"{TUTOR}:{TUTOR}", course, work / "roster.csv")
        course.chmod(0o700)
        hub = Hub(work, python, users, config_dir, python_env, share)
        yield {"work": work, "python": python, "python_env": python_env, "share": share,
               "course": course,
               "exchange": exchange, "config_dir": config_dir, "hub": hub}
    finally:
        if hub:
            hub.stop()
        for user in users:
            remove_user(user)
        shutil.rmtree(work, ignore_errors=True)


def tutor(academy, *args):
    """A `qispread cohort` step run as the tutor's Unix account."""
    home = f"/home/{TUTOR}"
    env = {"HOME": home, "PATH": f"{academy['python'].parent}:/usr/bin:/bin",
           "JUPYTER_CONFIG_DIR": str(academy["config_dir"]), "JUPYTER_PATH": str(academy["share"]),
           "JUPYTER_DATA_DIR": f"{home}/.local/share/jupyter",
           "JUPYTER_RUNTIME_DIR": f"{home}/.local/share/jupyter/runtime",
           **academy["python_env"]}
    result = run(academy["python"], "-m", "qispread.cli_cohort", "cohort", *args,
                 "--root", academy["course"], "--exchange", academy["exchange"],
                 user=TUTOR, env=env, check=False, cwd=academy["course"])
    assert result.returncode == 0, f"cohort {args[0]}: {result.stdout}\n{result.stderr[-3000:]}"
    return result.stdout


def learner_cannot(user: str, *cmd) -> None:
    result = run(*cmd, user=user, check=False)
    assert result.returncode != 0, f"{user} could run {cmd}: {result.stdout[:200]}"


def notebook_model(nb) -> dict:
    return {"type": "notebook", "format": "json", "content": json.loads(nbformat.writes(nb))}


def test_release_fetch_submit_collect_grade_feedback(academy):
    hub = academy["hub"]
    # learners and the tutor run a Python installed where all can read it, not the checkout's
    where = run(academy["python"], "-c", "import qispread; print(qispread.__file__)", user=ANA,
                env=academy["python_env"]).stdout.strip()
    assert Path(where).is_relative_to(academy["work"]), where
    tutor(academy, "init", "--roster", str(academy["work"] / "roster.csv"))
    tutor(academy, "release", SAMPLE)

    servers = {user: UserServer(hub, user, hub.start_server(user)) for user in (ANA, BEN)}
    answers = {ANA: RIGHT, BEN: PARTIAL}
    for user, server in servers.items():
        server.assignment_action("fetch", COURSE_ID, SAMPLE)
        path = f"/api/contents/{SAMPLE}/medians.ipynb"
        fetched = server.get(path)
        assert fetched.status_code == 200, fetched.text
        release = nbformat.from_dict(fetched.json()["content"])
        assert HIDDEN_MARKER not in nbformat.writes(release)
        assert server.put(path, json=notebook_model(answered(release, answers[user]))).ok
        server.assignment_action("submit", COURSE_ID, SAMPLE)

    assert f"Collected {SAMPLE}: 2 submissions" in tutor(academy, "collect", SAMPLE)
    assert "Marked 2, could not mark 0" in tutor(academy, "autograde", SAMPLE, "--jobs", "2")
    assert "released to the exchange" in tutor(academy, "feedback", SAMPLE)
    status = dict(zip(STATUS_COLUMNS, tutor(academy, "status").splitlines()[1].split(),
                      strict=True))
    assert (status["submitted"], status["needs manual marks"], status["feedback released"]) \
        == ("2", "2", "2")  # both reflections wait for the tutor

    pages = {}
    for user, server in servers.items():
        server.assignment_action("fetch_feedback", COURSE_ID, SAMPLE)
        folder = server.get(f"/api/contents/{SAMPLE}/feedback").json()
        stamp = folder["content"][0]["path"]
        page = server.get(f"/api/contents/{stamp}/medians.html").json()["content"]
        assert HIDDEN_MARKER not in page and "answer_median_even ==" not in page
        pages[user] = page
    assert "A hidden test did not pass" in pages[BEN]
    assert "A hidden test did not pass" not in pages[ANA]

    # Through the hub: Ana's token opens neither Ben's server nor anything outside her home.
    ana = servers[ANA]
    ana_on_ben = UserServer(hub, BEN, ana.headers["Authorization"].split()[1])
    assert ana_on_ben.get("/api/contents").status_code in (302, 403, 404)
    for escape in (f"/api/contents/../{BEN}", "/api/contents/..%2F..%2Fetc"):
        assert ana.get(escape).status_code in (400, 403, 404)

    # As Ana's Unix account: nothing of Ben's, no solutions, no gradebook, no inbound listing.
    course, exchange = academy["course"], academy["exchange"]
    learner_cannot(ANA, "cat", f"/home/{BEN}/{SAMPLE}/medians.ipynb")
    learner_cannot(ANA, "ls", f"/home/{BEN}/{SAMPLE}/feedback")
    learner_cannot(ANA, "cat", course / "solutions" / SAMPLE / "medians.ipynb")
    learner_cannot(ANA, "cat", course / "gradebook" / "gradebook.db")
    learner_cannot(ANA, "ls", course / "gradebook" / "submitted" / BEN)
    learner_cannot(ANA, "ls", exchange / COURSE_ID / "inbound")
    learner_cannot(ANA, "ls", exchange / COURSE_ID / "feedback")
    assert HIDDEN_MARKER in nbformat.writes(sample_notebook())  # the marker is really searched for
