"""Pieces every widget shares: a message area for plain-English problems and the save file (opened
without ever losing a damaged one)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import ipywidgets as w

from qispread.errors import QispreadError

Model = TypeVar("Model")

# Text in an ipywidgets HTML otherwise takes the widgets' 28 px line height: double-spaced lines.
LINE_HEIGHT = "line-height:1.45"
INTRO_STYLE = f"margin:2px 0;max-width:60em;{LINE_HEIGHT}"  # the paragraph under a tool's title


class MessageArea(w.HTML):
    """Shows one plain-English message (a problem, a warning or a confirmation) inside a widget."""

    _STYLES = {
        "problem": ("#8a1c1c", "#fdecea", "Problem"),
        "warning": ("#7a4b00", "#fff4e0", "Check"),
        "ok": ("#1d5e20", "#e9f5ea", "Saved"),
    }

    def show(self, text: str, kind: str = "problem") -> None:
        colour, background, label = self._STYLES[kind]
        self.value = (
            f'<div role="status" style="color:{colour};background:{background};'
            f'padding:6px 10px;border-radius:4px"><b>{label}:</b> {_escape(text)}</div>'
        )

    def clear(self) -> None:
        self.value = ""


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def guarded(messages: MessageArea, action: Callable[[], object]) -> bool:
    """Run action; show a qispread error's message in the widget instead of a traceback.

    Returns True when the action succeeded. Only QispreadError (the library's errors, written for
    learners) is turned into a message: anything else is a bug and should surface as one.
    """
    try:
        action()
    except QispreadError as err:
        messages.show(str(err))
        return False
    messages.clear()
    return True


def resolve_path(path: str | Path) -> Path:
    """A widget's save file, relative to the notebook's working folder."""
    return Path(path).expanduser()


def open_saved(path: Path, load: Callable[[Path], Model], messages: MessageArea) -> Model | None:
    """The model saved at path, or None when there is none yet.

    A file that cannot be read is renamed with the time (never overwritten, so nothing typed is
    lost) and the widget says so, then starts afresh.
    """
    if not path.exists():
        return None
    try:
        return load(path)
    except QispreadError as err:
        aside = path.with_name(f"{path.stem}.damaged-{datetime.now():%Y%m%d-%H%M%S}{path.suffix}")
        path.rename(aside)
        messages.show(f"{err} Your old file was kept as '{aside.name}', and this widget "
                      "starts afresh.")
        return None


def open_tool(path: str | Path,
              load: Callable[[Path], Model]) -> tuple[Path, MessageArea, Model | None]:
    """A tool's save file, its message area, and the work saved there (None when there is none
    yet; a damaged file is set aside as open_saved says)."""
    where = resolve_path(path)
    messages = MessageArea()
    return where, messages, open_saved(where, load, messages)


def on_any_change(fields: Iterable[w.ValueWidget], action: Callable[[], object]) -> None:
    """Run action whenever the learner changes one of the fields."""
    for field in fields:
        field.observe(lambda _c: action(), names="value")
