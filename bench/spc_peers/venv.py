"""The peers' own venv (bench/.peers-venv): created on first use, never mixed with .venv."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PEERS = ("clinical-qikit==0.5.0", "controlchartspy==0.1.3")
VENV = Path(__file__).resolve().parents[1] / ".peers-venv"
STAMP = VENV / ".installed"


def peers_python() -> Path:
    """The venv's python, installing the pinned peers first if they are not there yet."""
    python = VENV / "bin" / "python"
    wanted = "\n".join(PEERS)
    if not python.exists():
        print(f"creating {VENV} for the peer packages", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    if not STAMP.exists() or STAMP.read_text() != wanted:
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *PEERS], check=True)
        STAMP.write_text(wanted)
    return python
