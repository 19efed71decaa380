"""The gradebook on a real PostgreSQL server (started here on 127.0.0.1) through --db-url,
with two grading workers reading while the one writer writes."""

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from course_notebooks import release_notebooks, source_notebooks
from sample_course import SAMPLE, make_course, submit

from qispread.cli_cohort import main

pytestmark = pytest.mark.postgres


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def postgres_url(postgres_bin):
    pytest.importorskip("psycopg2", reason="pip install psycopg2-binary")
    # not under pytest's tmp folder: that is private to root, and the server runs as postgres
    data = Path(tempfile.mkdtemp(prefix="qispread-pg-")) / "data"
    data.parent.chmod(0o777)
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        pwd.getpwnam("postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    subprocess.run([*as_user, postgres_bin / "initdb", "-D", data, "-A", "trust", "-U", "grader"],
                   check=True, capture_output=True)
    log = data.parent / "pg.log"
    subprocess.run([*as_user, postgres_bin / "pg_ctl", "-D", data, "-l", log, "-w", "-o",
                    f"-c listen_addresses=127.0.0.1 -p {port} -k {data}", "start"],
                   check=True, capture_output=True)
    try:
        subprocess.run([*as_user, postgres_bin / "createdb", "-h", "127.0.0.1", "-p", str(port),
                        "-U", "grader", "gradebook"], check=True, capture_output=True)
        yield f"postgresql://grader@127.0.0.1:{port}/gradebook"
    finally:
        subprocess.run([*as_user, postgres_bin / "pg_ctl", "-D", data, "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(data.parent, ignore_errors=True)


def test_cohort_on_postgresql(tmp_path, postgres_url, capsys):
    root = make_course(tmp_path / "course")
    (tmp_path / "roster.csv").write_text("id,first_name,last_name,email\n"
                                         "ana,Ana,Okafor,ana@nhs.net\nben,Ben,Price,\n")
    common = ["--root", str(root), "--db-url", postgres_url]
    assert main(["cohort", "init", "--roster", str(tmp_path / "roster.csv"), *common]) == 0
    assert main(["cohort", "release", SAMPLE, *common]) == 0
    from qispread.grading.course import Course

    course = Course(root, db_url_override=postgres_url)
    submit(root, "ana", SAMPLE, source_notebooks(course, SAMPLE))
    submit(root, "ben", SAMPLE, release_notebooks(course, SAMPLE))
    started = time.perf_counter()
    assert main(["cohort", "autograde", SAMPLE, "--jobs", "2", *common]) == 0
    assert time.perf_counter() - started < 120
    assert not (root / "gradebook" / "gradebook.db").exists()  # nothing went to SQLite
    import psycopg2

    with psycopg2.connect(postgres_url.replace('+psycopg2', '')) as conn, conn.cursor() as cur:
        cur.execute("select s.id, sum(g.auto_score) from grade g "
                    "join submitted_notebook n on g.notebook_id = n.id "
                    "join submitted_assignment a on n.assignment_id = a.id "
                    "join student s on a.student_id = s.id group by s.id order by s.id")
        assert cur.fetchall() == [("ana", 2.0), ("ben", 0.0)]
    capsys.readouterr()
    assert main(["cohort", "status", *common]) == 0
    # assignment, submitted, graded (none: the reflections await manual marks), needs manual marks
    assert capsys.readouterr().out.splitlines()[1].split()[:4] == [SAMPLE, "2", "0", "2"]
