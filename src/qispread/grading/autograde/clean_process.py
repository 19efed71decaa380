"""The clean process of step 3: runs the course's test cells on a learner's answers, outside the
learner's kernel, so nothing the learner's code patched (modules, builtins, the import system,
IPython) can change a mark.

It only ever receives data: the test cells' source (from the gradebook's copy of the
assignment, never the submission's), hidden tests included (only their visible part ran in the
learner's kernel), the answers as JSON values, and a folder holding the course's own files and
the learner's saved work (saved_work.py), nothing else. Started once per grading worker with
the course's imports done; each submission is checked in a child forked from it, so no
submission can leave anything behind for the next. Protocol: one JSON request per line on
stdin, one JSON reply per line."""

from __future__ import annotations

import builtins
import contextlib
import importlib
import io
import json
import os
import resource
import sys
import traceback
from collections.abc import Sequence

CELL_FILE = "<graded cell>"
SECONDS_PER_SUBMISSION = 120
MEMORY_BYTES = 2 * 1024 ** 3


class UnmarkableValue:
    """Stands for an answer that is not a plain value (a function, an object): earns nothing."""

    def __init__(self, kind: str):
        self.kind = kind

    def __repr__(self) -> str:
        return f"<a {self.kind}, which cannot be marked: type a plain answer>"

    __str__ = __repr__


def restore(value):
    if isinstance(value, list):
        return [restore(v) for v in value]
    if isinstance(value, dict):
        tag = value.get("__qispread__")
        if tag == "ellipsis" and len(value) == 1:
            return Ellipsis
        if tag == "other":
            return UnmarkableValue(str(value.get("type", "value")))
        return {k: restore(v) for k, v in value.items()}
    return value


def run_cell(source: str, answers: dict, setup: Sequence[str] = (),
             visible: str | None = None) -> dict:
    """Outputs as nbformat dicts, and whether the cell passed (no error), as nbgrader decides.
    `setup` is the course's own given code the cell needs first (its output is not shown).
    `visible` is the cell's visible part, the only part the learner's kernel ran: whether it
    passes here too is reported, for comparison with the kernel (the hidden part may use names
    the visible part defines, so the whole cell is run as one, as nbgrader runs it)."""
    passed, outputs = _run(source, answers, setup)
    visible_passed = passed if visible is None or visible == source \
        else _run(visible, answers, setup)[0]
    return {"outputs": outputs, "passed": passed, "visible_passed": visible_passed}


def _run(source: str, answers: dict, setup: Sequence[str]) -> tuple[bool, list[dict]]:
    namespace = {"__name__": "__main__", "__builtins__": builtins}
    namespace.update({k: restore(v) for k, v in answers.items() if k.startswith("answer_")})
    captured = io.StringIO()
    outputs = []
    error = None
    with contextlib.redirect_stdout(captured), contextlib.redirect_stderr(captured):
        try:
            for given in setup:
                exec(compile(given, "<given cell>", "exec"), namespace)
            captured.seek(0)
            captured.truncate()
            exec(compile(source, CELL_FILE, "exec"), namespace)
        except BaseException as exc:  # noqa: BLE001 - a test cell's failure is its result
            error = error_output(exc, source)
    if captured.getvalue():
        outputs.append({"output_type": "stream", "name": "stdout", "text": captured.getvalue()})
    if error:
        outputs.append(error)
    return error is None, outputs


def error_output(exc: BaseException, source: str) -> dict:
    """IPython's shape (`Cell In[1], line N`), showing only the test cell's own frame: library
    frames would show the grader's paths."""
    ename, evalue = type(exc).__name__, str(exc)
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == CELL_FILE]
    lines = source.splitlines()
    shown = ["Traceback (most recent call last):"]
    if frames:
        number = frames[0].lineno or 0
        shown += [f"Cell In[1], line {number}",
                  f"    {lines[number - 1] if 0 < number <= len(lines) else ''}"]
    shown.append(f"{ename}: {evalue}")
    return {"output_type": "error", "ename": ename, "evalue": evalue, "traceback": shown}


def check(request: dict) -> dict:
    os.chdir(request["folder"])
    answers = request.get("answers") or {}
    return {cell["id"]: run_cell(cell["source"], answers, cell.get("setup", []),
                                 cell.get("visible"))
            for cell in request["cells"]}


def _child(request: dict, write_fd: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (SECONDS_PER_SUBMISSION, SECONDS_PER_SUBMISSION))
    try:
        reply: dict[str, object] = {"results": check(request)}
    except BaseException as exc:  # noqa: BLE001 - reported to the grader, not raised
        reply = {"error": f"{type(exc).__name__}: {exc}"}
    with os.fdopen(write_fd, "w") as out:
        json.dump(reply, out)


def serve(preload: list[str]) -> None:
    for module in preload:
        with contextlib.suppress(Exception):
            importlib.import_module(module)
    protocol = os.fdopen(os.dup(1), "w")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    for line in sys.stdin:
        request = json.loads(line)
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            try:
                _child(request, write_fd)
            finally:
                os._exit(0)
        os.close(write_fd)
        with os.fdopen(read_fd) as result:  # the child's CPU limit ends a runaway check
            text = result.read()
        os.waitpid(pid, 0)
        protocol.write((text or json.dumps({"error": "the check stopped unexpectedly"})) + "\n")
        protocol.flush()


if __name__ == "__main__":
    serve(json.loads(sys.argv[1]) if len(sys.argv) > 1 else [])
