"""Saving and loading models as JSON files that a notebook names.

A learner's work lives in these files, so writes are atomic (a crash mid-save never leaves half a
file) and a file that cannot be read gets a message saying which file and what to do.
"""

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from qispread.errors import ModelFileProblem


def save_json(path: str | os.PathLike, payload: dict[str, Any]) -> Path:
    """Write payload to path atomically, creating the folder if needed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def load_json(path: str | os.PathLike, kind: str) -> dict[str, Any]:
    """Read a JSON object saved by save_json; `kind` names what the file should hold."""
    path = Path(path)
    if not path.exists():
        raise ModelFileProblem(
            f"There is no file called '{path}'. Check the name, or run the cell that creates "
            f"your {kind} first."
        )
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise ModelFileProblem(
            f"The file '{path}' is damaged and cannot be read as a {kind} ({err}). Restore it "
            f"from a backup, or delete it to start again."
        ) from err
    if not isinstance(payload, dict):
        raise ModelFileProblem(f"The file '{path}' does not hold a {kind}. Check the file name.")
    return payload


def records(payload: dict[str, Any], key: str, problem: str) -> list[dict[str, Any]]:
    """payload[key] as a list of JSON objects (none when the key is absent); otherwise a
    ModelFileProblem whose message is `problem`."""
    items = payload.get(key, [])
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise ModelFileProblem(problem)
    return items


def load_kind(path: str | os.PathLike, kind: str) -> dict[str, Any]:
    """A JSON object saved by save_json whose "kind" says it holds a `kind` (e.g. "project team"):
    another tool's file opened by mistake gets a message saying so."""
    payload = load_json(path, kind)
    if payload.get("kind") != kind:
        article = "an" if kind[0] in "aeiou" else "a"
        raise ModelFileProblem(f"The file '{path}' does not hold {article} {kind}.")
    return payload
