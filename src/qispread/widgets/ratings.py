"""Parts the self-rating widgets share (spread readiness, sustainability): a row per dimension
with a 1–5 rating and notes, and export by file ending."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

import ipywidgets as w
import plotly.graph_objects as go

from qispread.errors import DataProblem
from qispread.models.readiness import Dimension, RatedItems
from qispread.plots.export import figure_to_html, save_image

RATING_OPTIONS = [("Not rated yet", 0), ("1 – not in place", 1), ("2", 2), ("3", 3), ("4", 4),
                  ("5 – fully in place", 5)]


class RatingRow(w.HBox):
    """One dimension: its name and prompts, a 1–5 rating and a notes box."""

    def __init__(self, dimension: Dimension, on_change: Callable[[], None],
                 options: list[tuple[str, int]] = RATING_OPTIONS) -> None:
        self.dimension = dimension
        prompts = "".join(f"<li>{html.escape(p)}</li>" for p in dimension.prompts)
        self.rating = w.Dropdown(options=options, value=0, description="Rating",
                                 layout=w.Layout(width="17em"),
                                 style={"description_width": "4em"})
        self.notes = w.Textarea(placeholder=f"Your notes on {dimension.name.lower()}…",
                                description="Notes", continuous_update=False,
                                layout=w.Layout(width="24em", height="4.5em"),
                                style={"description_width": "4em"})
        self.rating.observe(lambda _c: on_change(), names="value")
        self.notes.observe(lambda _c: on_change(), names="value")
        label = w.HTML(f"<b>{html.escape(dimension.name)}</b>"
                       f"<ul style='margin:2px 0 0 1em;padding:0;font-size:14px;line-height:1.4'>"
                       f"{prompts}</ul>", layout=w.Layout(width="30em"))
        super().__init__([label, w.VBox([self.rating]), self.notes],
                         layout=w.Layout(border_bottom="1px solid #e5e5e5", padding="4px 0"))

    def show(self, items: RatedItems) -> None:
        self.rating.value = items.score(self.dimension.key) or 0
        self.notes.value = items.notes(self.dimension.key)

    def store(self, items: RatedItems) -> None:
        items.set_score(self.dimension.key, self.rating.value or None)
        items.set_notes(self.dimension.key, self.notes.value)


def export_ratings(model, fig: go.Figure, path: Path) -> Path:
    """A rating model as .json or .csv, or its chart as .png or .html, by the file's ending."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        model.save(path)
    elif suffix == ".csv":
        path.write_text(model.to_csv(), encoding="utf-8")
    elif suffix == ".png":
        save_image(fig, path)
    elif suffix == ".html":
        figure_to_html(fig, path)
    else:
        raise DataProblem(f"'{path.name}' has an ending this export does not know. Use .json, "
                         ".csv, .png or .html.")
    return path
