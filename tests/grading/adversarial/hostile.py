"""Named hostile submissions of the sample assignment, one per way a learner might attack
grading. Each is the answer cell's code, or a change to the whole notebook or its folder.

`{course}`, `{home}`, `{port}` and `{token}` are filled in by the test: the course folder, the
grader's home, a loopback server's port and a string unique to the run."""

from __future__ import annotations

from dataclasses import dataclass

from sample_course import WRONG

# A value equal to anything: what a cheat returns in place of a checked answer.
ANY = "type('Anything', (), {'__eq__': lambda self, other: True})()"


@dataclass
class Hostile:
    code: str = WRONG  # the answer cell
    notebook: str | None = None  # "delete_test", "edit_test", "retag_test", "truncate"
    extra_files: dict | None = None  # files placed beside the notebook
    fails: str | None = None  # the reason a failed submission must give, if it fails
    may_fail: bool = False  # graded or failed, either is right (the cheat earns nothing)


SNOOP = """
import glob, os, pathlib
def show(label, paths):
    for p in paths:
        try:
            print(label, p, pathlib.Path(p).read_bytes()[:4000])
        except Exception as e:
            print(label, p, type(e).__name__)
"""

HOSTILE = {
    "endless_loop_ignoring_sigint": Hostile(
        "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass",
        fails="did not stop when interrupted"),
    "os_exit": Hostile("import os\nos._exit(0)", fails="its Python kernel stopped"),
    # keeps what it got, so later cells may find no memory left and time out
    "memory_bomb": Hostile("hog = []\nwhile True:\n    hog.append(bytearray(10 ** 8))\n" + WRONG,
                           may_fail=True),
    "fifty_megabyte_line": Hostile("print('x' * 50_000_000)\n" + WRONG),
    "test_cell_deleted": Hostile(notebook="delete_test",
                                 fails="a test cell was deleted or changed"),
    "test_cell_edited": Hostile(notebook="edit_test"),
    "grade_id_and_points_changed": Hostile(notebook="retag_test",
                                           fails="a test cell was deleted or changed"),
    "truncated_json": Hostile(notebook="truncate",
                              fails="the notebook file is damaged and cannot be read"),
    "reads_solutions": Hostile(SNOOP + "show('SOL', glob.glob('{course}/solutions/**/*.ipynb', "
                               "recursive=True))\n" + WRONG),
    "reads_gradebook": Hostile(SNOOP + "show('DB', ['{course}/gradebook/gradebook.db'])\n"
                               + WRONG),
    "reads_other_submissions": Hostile(
        SNOOP + "show('SUB', glob.glob('{course}/gradebook/submitted/*/*/*.ipynb'))\n" + WRONG),
    "reads_proc_environ": Hostile(SNOOP + "show('PROC', glob.glob('/proc/*/environ'))\n" + WRONG),
    "reads_environment": Hostile("import os\nprint(dict(os.environ))\n" + WRONG),
    "connects_to_loopback": Hostile(
        "import socket\ntry:\n    socket.create_connection(('127.0.0.1', {port}), 3)"
        ".sendall(b'{token}')\nexcept Exception as e:\n    print(e)\n" + WRONG),
    "writes_outside_its_folder": Hostile(
        "for target in ['{course}/pwned-{token}', '/tmp/pwned-{token}', '{home}/pwned-{token}']:\n"
        "    try:\n        open(target, 'w').write('x')\n    except Exception as e:\n"
        "        print(e)\n" + WRONG),
    "detached_child_process": Hostile(
        "import subprocess, sys\nsubprocess.Popen([sys.executable, '-c', "
        "'import time; time.sleep(600)  # {token}'], start_new_session=True, "
        "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n" + WRONG),
    "rebinds_checks_function": Hostile(
        f"from qispread import checks\nchecks.number = lambda *a, **k: {ANY}\n" + WRONG),
    "replaces_function_code": Hostile(
        "import builtins\nfrom qispread import checks\n"
        f"builtins.QISPREAD_ANY = lambda *a, **k: {ANY}\n"
        "checks.number.__code__ = (lambda value, question, *, minimum=None, maximum=None: "
        "QISPREAD_ANY()).__code__\n" + WRONG),
    "wraps_import": Hostile(
        "import builtins, types\nreal_import = builtins.__import__\n"
        f"fake = types.SimpleNamespace(number=lambda *a, **k: {ANY})\n"
        "def sneaky(name, *args, **kwargs):\n    module = real_import(name, *args, **kwargs)\n"
        "    if name == 'qispread':\n        return types.SimpleNamespace(checks=fake)\n"
        "    return module\nbuiltins.__import__ = sneaky\n" + WRONG),
    "rewrites_assert_with_input_transformer": Hostile(
        "get_ipython().input_transformers_post.append("
        "lambda lines: [line.replace('assert ', 'pass  # ') for line in lines])\n" + WRONG),
    "shadowing_module_in_submission": Hostile(
        "import sys\nsys.path.insert(0, '.')\nfor name in list(sys.modules):\n"
        "    if name.startswith('qispread'):\n        del sys.modules[name]\n" + WRONG,
        extra_files={"qispread/__init__.py": "",
                     "qispread/checks.py": f"def number(*a, **k):\n    return {ANY}\n"}),
}
