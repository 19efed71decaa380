"""The learner's answers, taken out of their kernel as plain JSON values: a last cell is added
to each notebook that prints every `answer_*` value after a random marker. What it prints is the
learner's data (their code ran first and could print anything): the grader parses it as JSON
only, and the clean re-check (recheck.py) decides the marks."""

from __future__ import annotations

import json
import secrets

import nbformat

ANSWER_PREFIX = "answer_"
ANSWERS_BYTES = 1_000_000

# Runs as the last cell of each notebook: the learner's answers as plain JSON values. A value
# JSON cannot hold (a function, an object) is named by its type and earns nothing.
EXTRACT = '''
def _qispread_answers():
    import json, numbers
    def plain(value, depth=0):
        if depth > 20:
            return {"__qispread__": "other", "type": "deeply nested value"}
        if value is None or isinstance(value, (bool, str)):
            return value
        if isinstance(value, numbers.Integral):
            return int(value)
        if isinstance(value, numbers.Real):
            return float(value)
        if isinstance(value, (list, tuple)):
            return [plain(v, depth + 1) for v in value]
        if isinstance(value, dict) and all(isinstance(k, str) for k in value):
            return {k: plain(v, depth + 1) for k, v in value.items()}
        if value is Ellipsis:
            return {"__qispread__": "ellipsis"}
        return {"__qispread__": "other", "type": type(value).__name__}
    found = {}
    for name, value in list(globals().items()):
        if name.startswith(%(prefix)r):
            text = json.dumps(plain(value))
            found[name] = text if len(text) <= %(limit)d else json.dumps(
                {"__qispread__": "other", "type": "value too large"})
    print(%(marker)r + "{" + ", ".join(json.dumps(k) + ": " + v for k, v in found.items()) + "}")
_qispread_answers()
'''


def answers_from(nb, marker: str):
    """Pop the extraction cell; the answers it printed, or None if the kernel never got there."""
    cell = nb.cells.pop()
    text = "".join(o.get("text", "") for o in cell.get("outputs", [])
                   if o.get("output_type") == "stream")
    for line in text.splitlines():
        if line.startswith(marker):
            try:
                return json.loads(line[len(marker):])
            except ValueError:
                return None
    return None


def add_extraction_cell(nb) -> str:
    """Append the extraction cell; returns the marker its output line starts with."""
    marker = f"QISPREAD-ANSWERS-{secrets.token_hex(8)}:"
    nb.cells.append(nbformat.v4.new_code_cell(
        EXTRACT % {"prefix": ANSWER_PREFIX, "limit": ANSWERS_BYTES, "marker": marker}))
    return marker


def remove_extraction_cell(nb) -> None:
    """After a run that stopped early, the cell may still be there, unexecuted."""
    if nb.cells and "_qispread_answers" in nb.cells[-1].source:
        nb.cells.pop()
