"""Keep Jupyter's config, data and runtime folders out of the home folder while tests run."""

import os
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

_jupyter_home = Path(tempfile.mkdtemp(prefix="qispread-jupyter-"))
for _name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "IPYTHONDIR"):
    os.environ[_name] = str(_jupyter_home / _name.lower())
os.environ.setdefault("MPLBACKEND", "Agg")
# nbgrader's gradebook runs `alembic` in a subprocess: the venv's bin/ must be on PATH.
_venv_bin = str(Path(sys.executable).parent)
if _venv_bin not in os.environ.get("PATH", "").split(os.pathsep):
    os.environ["PATH"] = _venv_bin + os.pathsep + os.environ.get("PATH", "")


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT
