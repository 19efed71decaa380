"""The adversarial batch: a copy of the sample course with honest and hostile submissions of
the sample assignment, and a loopback server that counts the connections it gets. Graded by
qispread (test_adversarial.py) and by stock nbgrader (test_stock_nbgrader.py)."""

from __future__ import annotations

import json
import secrets
import socket
import threading
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import nbformat
from hostile import HOSTILE
from sample_course import HIDDEN_MARKER, PARTIAL, RIGHT, SAMPLE, answered, make_course, submit

from qispread.grading.course import Course

PROJECT = Path(__file__).resolve().parents[3]
OTHER = "00_start_here"
HONEST = {"honest_right": RIGHT, "honest_partial": PARTIAL,
          # earns its marks only if the kernel sees NBGRADER_EXECUTION=autograde, as documented
          "honest_sees_autograde": "import os\nanswer_median_odd = 3 if os.environ.get("
                                   "'NBGRADER_EXECUTION') == 'autograde' else 0\n"
                                   "answer_median_even = 2.5"}
ROSTER = [("honest_right", "ana.okafor@nhs.example"), ("honest_partial", "ben.price@nhs.example")]
# cheats that fake marks from inside the learner's kernel
IN_KERNEL_CHEATS = ("rebinds_checks_function", "replaces_function_code", "wraps_import",
                    "rewrites_assert_with_input_transformer", "shadowing_module_in_submission")


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


@dataclass
class Batch:
    course: Course
    token: str
    listener: Listener
    home: Path


def hostile_batch(root: Path, home: Path, only: Collection[str] | None = None) -> Batch:
    """The sample course with the honest submissions and the hostile ones (those named in
    `only`, if given)."""
    make_course(root, PROJECT / "solutions", [OTHER])
    # a cell timeout shorter than the sample course's 20 s: only the endless loop reaches it, and
    # it keeps a core busy until then (qispread and stock nbgrader alike)
    with open(root / "nbgrader_config.py", "a") as config:
        config.write("c.Execute.timeout = 5\n")
    course = Course(root)
    api = course.api()
    for name in (SAMPLE, OTHER):
        assert api.generate_assignment(name)["success"]
    with course.gradebook() as gb:
        for student, email in ROSTER:
            gb.update_or_create_student(student, email=email)
    token = secrets.token_hex(6)
    listener = Listener()
    values = {"course": root, "home": home, "port": listener.port, "token": token}
    release = nbformat.read(course.folder("release", assignment=SAMPLE) / "medians.ipynb", 4)
    for student, code in HONEST.items():
        submit(root, student, SAMPLE, {"medians.ipynb": answered(release, code)})
    for student, case in HOSTILE.items():
        if only is not None and student not in only:
            continue
        case = type(case)(**{**case.__dict__, "code": _fill(case.code, values)})
        folder = submit(root, student, SAMPLE, {"medians.ipynb": _notebook(release, case)})
        if case.notebook == "truncate":
            path = folder / "medians.ipynb"
            path.write_text(path.read_text()[:200])
        for name, text in (case.extra_files or {}).items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text)
    return Batch(course, token, listener, home)


def score(course: Course, student: str) -> float:
    with course.gradebook() as gb:
        return gb.find_submission(SAMPLE, student).code_score


def answer_outputs(graded: Path) -> list[str]:
    """The outputs of the graded notebook's cells other than the test cells (whose source, the
    hidden tests included, is the tutor's; feedback redacts them)."""
    if not graded.exists():
        return []
    nb = nbformat.read(graded, 4)
    return [json.dumps(cell.outputs) for cell in nb.cells if cell.cell_type == "code"
            and not cell.metadata.get("nbgrader", {}).get("grade")]


def secrets_of(secret_env: str) -> list[str]:
    """Text that must never reach a learner: hidden tests and mark schemes of both assignments,
    model answers, other learners' emails, the grader's environment."""
    return [HIDDEN_MARKER, "answer_median_even = 2.5", "Full marks for: skewed data",
            "the estimate is that about one third spread", 'answer_q1 = "C"',
            "ben.price@nhs.example", "ana.okafor@nhs.example", secret_env,
            "SQLite format 3", "CREATE TABLE"]


def files_written_outside(batch: Batch) -> list[Path]:
    token = batch.token
    outside = [batch.course.root / f"pwned-{token}", Path(f"/tmp/pwned-{token}"),
               batch.home / f"pwned-{token}"]
    return [p for p in outside if p.exists()]


def processes_left(token: str) -> list[int]:
    left = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if token.encode() in (proc / "cmdline").read_bytes():
                left.append(int(proc.name))
        except OSError:
            continue
    return left
