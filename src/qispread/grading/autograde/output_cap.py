"""Cap a notebook's outputs in bytes (nbgrader's LimitOutput counts lines, so one 50 MB line
passed whole into the graded notebook and the feedback page)."""

from __future__ import annotations

import json

from nbformat import from_dict

CELL_TEXT_BYTES = 100_000
CELL_DATA_BYTES = 5_000_000
CUT_NOTE = "\n... (output cut here: this cell printed more than {limit} kB)\n"
DROPPED_NOTE = "(an output of this cell was left out: it was larger than {limit} MB)"


def _size(value) -> int:
    return len(value.encode("utf-8", "replace")) if isinstance(value, str) else len(
        json.dumps(value, default=str))


def _cut(text: str, budget: int) -> str:
    head = text.encode("utf-8", "replace")[: max(budget, 0)].decode("utf-8", "ignore")
    return head + CUT_NOTE.format(limit=CELL_TEXT_BYTES // 1000)


def cap_cell(outputs: list[dict], text_bytes: int = CELL_TEXT_BYTES,
             data_bytes: int = CELL_DATA_BYTES) -> list[dict]:
    """One cell's outputs with printed text cut after `text_bytes` in all, and any rich output
    past `data_bytes` in all replaced by a note saying so."""
    kept: list[dict] = []
    text_left, data_left = text_bytes, data_bytes
    for out in outputs:
        kind = out.get("output_type")
        if kind == "stream":
            size = _size(out.get("text", ""))
            if text_left <= 0:
                continue
            if size > text_left:
                out["text"] = _cut(out.get("text", ""), text_left)
            text_left -= size
        elif kind == "error":
            for key in ("ename", "evalue"):
                if _size(out.get(key, "")) > text_bytes:
                    out[key] = _cut(out[key], text_bytes)
            frames, total = [], 0
            for frame in out.get("traceback", []):
                total += _size(frame)
                frames.append(frame if total <= text_bytes else _cut(frame, 0))
                if total > text_bytes:
                    break
            out["traceback"] = frames
        else:
            size = _size(out.get("data", {}))
            if size > data_left:
                out = {"output_type": "stream", "name": "stdout",
                       "text": DROPPED_NOTE.format(limit=data_bytes // 1_000_000)}
            else:
                data_left -= size
        kept.append(out)
    return kept


def cap_notebook(nb) -> None:
    for cell in nb.cells:
        if cell.get("cell_type") == "code":
            cell["outputs"] = [from_dict(o) for o in cap_cell(cell.get("outputs", []))]
