"""Aim checker (module 01): type an aim and see, as you type, which of its four parts were found.

Also holds two pieces the driver diagram builder and measure sorter reuse: the aim feedback as
HTML, and opening a widget's save file without ever losing a learner's work.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TypeVar

import ipywidgets as w

from qispread.errors import DataProblem
from qispread.models.aim import Aim, AimCheck, check_aim, load_aim
from qispread.widgets.common import LINE_HEIGHT, MessageArea, guarded, open_saved, resolve_path
from qispread.widgets.saving import save_on_creation

HEURISTIC_NOTE = (
    "The checker looks for numbers and percentages (how much), dates and time frames (by when), "
    "groups of people (for whom) and places or services (where). It is a rough guide, not a "
    "judge: it cannot tell whether your aim is ambitious, achievable or the right one."
)
EXAMPLE_AIM = (
    "e.g. By March 2027, reduce falls with harm among patients on Ward 12 at St Mary's Hospital "
    "from 8 to 4 per 1,000 bed days."
)

Model = TypeVar("Model")


def aim_feedback_html(check: AimCheck) -> str:
    """Each part of the aim with found / not found in words and symbols (not colour alone)."""
    if not check.text.strip():
        return (
            f"<div aria-live='polite' style='{LINE_HEIGHT}'><p><b>{escape(check.summary())}</b> "
            "It will look "
            f"for four parts: how much, by when, for whom and where.</p></div>"
        )
    rows = []
    for part in check.parts:
        if part.found:
            rows.append(
                f"<li>&#10003; <b>{part.name.capitalize()}</b>: found {escape(part.evidence)}</li>"
            )
        else:
            rows.append(
                f"<li>&#9675; <b>{part.name.capitalize()}</b>: not found. "
                f"{escape(part.why_it_matters)}</li>"
            )
    vague = ""
    if check.vague_words:
        words = ", ".join(f"'{escape(v)}'" for v in check.vague_words)
        vague = f"<p>Words such as {words} on their own do not say how much or by when.</p>"
    return (
        f"<div aria-live='polite' style='{LINE_HEIGHT}'><p><b>{escape(check.summary())}</b></p>"
        f"<ul style='margin:0;padding-left:1.2em'>{''.join(rows)}</ul>{vague}</div>"
    )


class AimChecker(w.VBox):
    """Write an aim; the feedback updates as you type and every change is saved to `path`."""

    def __init__(self, path: str | Path = "my_aim.json") -> None:
        self.path = resolve_path(path)
        self.messages = MessageArea()
        aim = open_saved(self.path, load_aim, self.messages) or Aim()
        self.text = w.Textarea(
            value=aim.text,
            description="Your aim",
            placeholder=EXAMPLE_AIM,
            continuous_update=True,
            layout=w.Layout(width="95%", height="6em"),
        )
        self.feedback = w.HTML(aim_feedback_html(aim.check()))
        note = w.HTML(f"<p style='color:#444;{LINE_HEIGHT}'><i>{escape(HEURISTIC_NOTE)}</i></p>")
        self.text.observe(self._on_text, names="value")
        super().__init__(
            [
                w.HTML(
                    "<h3 style='margin:0'>Aim checker: how much, by when, for whom, where?</h3>"
                ),
                self.text,
                self.feedback,
                note,
                self.messages,
            ]
        )
        save_on_creation(self.path, self.save, self.messages)

    @property
    def model(self) -> Aim:
        return Aim(self.text.value)

    def save(self) -> Path:
        return self.model.save(self.path)

    def export(self, path: str | Path) -> Path:
        """Save a copy of the aim: a .txt file holds the text only, a .json file the model."""
        target = resolve_path(path)
        if target.suffix == ".txt":
            target.write_text(self.text.value + "\n", encoding="utf-8")
            return target
        if target.suffix == ".json":
            return self.model.save(target)
        raise DataProblem(f"Cannot export an aim as '{target.suffix}'; use a .txt or .json name.")

    def _on_text(self, change: dict) -> None:
        self.feedback.value = aim_feedback_html(check_aim(change["new"]))
        guarded(self.messages, self.save)
