"""nbgrader's gradebook runs the `alembic` command in a subprocess, so the bin/ folder of the
Python that runs qispread must be on PATH even when the venv was never activated (e.g.
`.venv/bin/qispread`)."""

import os
import sys
from pathlib import Path


def put_python_bin_on_path() -> None:
    bin_dir = str(Path(sys.executable).parent)
    parts = os.environ.get("PATH", "").split(os.pathsep)
    if bin_dir not in parts:
        os.environ["PATH"] = os.pathsep.join([bin_dir, *parts])
