"""Pieces every widget shares: a message area for plain-English problems, and autosave to a file."""

from collections.abc import Callable
from pathlib import Path

import ipywidgets as w


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


def guarded(messages: MessageArea, action: Callable[[], None]) -> bool:
    """Run action; show a ValueError's message in the widget instead of a traceback.

    Returns True when the action succeeded. Only ValueError (the library's bad-input errors) is
    turned into a message: anything else is a bug and should surface as one.
    """
    try:
        action()
    except ValueError as err:
        messages.show(str(err))
        return False
    messages.clear()
    return True


def resolve_path(path: str | Path) -> Path:
    """A widget's save file, relative to the notebook's working folder."""
    return Path(path).expanduser()
