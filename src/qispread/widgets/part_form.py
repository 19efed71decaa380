"""Pieces the project's part tools share (the team, the maps, the plans, the self-ratings): the
heading with its paragraph, the box around a tool, a labelled text box, rows the learner edits and
removes, and a list of things still to do shown as a gentle check rather than an error."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TypeVar

import ipywidgets as w

from qispread.widgets.common import INTRO_STYLE, MessageArea, on_any_change

Row = TypeVar("Row", bound=w.Box)

TOOL_LAYOUT = {"padding": "6px 10px", "border": "1px solid #ccc"}


def tool_heading(title: str, intro: str) -> w.HTML:
    return w.HTML(f"<h3 style='margin:0'>{html.escape(title)}</h3>"
                  f"<p style='{INTRO_STYLE}'>{intro}</p>")


def text_box(value: str, label: str, placeholder: str = "", *, long: bool = False,
             width: str = "46em", label_width: str = "10em") -> w.Text | w.Textarea:
    """A text box that reports its value when the learner leaves it (so saving is not per key)."""
    kind = w.Textarea if long else w.Text
    return kind(value=value, description=label, placeholder=placeholder,
                continuous_update=False, style={"description_width": label_width},
                layout=w.Layout(width=width, height="3.6em" if long else None))


def editable_rows(rows: list[Row], on_change: Callable[[], object],
                  on_remove: Callable[[Row], object]) -> list[Row]:
    """The rows, each telling on_change when one of its fields() changes and on_remove when its
    remove button is pressed."""
    for row in rows:
        on_any_change(row.fields(), on_change)
        row.remove.on_click(lambda _b, r=row: on_remove(r))
    return rows


def show_to_do(messages: MessageArea, to_do: list[str]) -> None:
    """What keeps the part from being complete, or nothing once it is."""
    if to_do:
        messages.show(" ".join(to_do), "warning")
    else:
        messages.clear()
