"""SpreadReadiness: rate a project against the seven principles for spread; compare on a radar.

Also holds the rating rows and figure helpers that the sustainability check shares.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import ipywidgets as w
import plotly.graph_objects as go

from qispread.models.readiness import (
    DIMENSIONS,
    SOURCE,
    Dimension,
    RatedItems,
    ReadinessAssessment,
    ReadinessRecord,
    default_label,
    load_readiness,
)
from qispread.plots.export import figure_to_html, save_png
from qispread.plots.radar import readiness_radar
from qispread.widgets.common import MessageArea, guarded, resolve_path

RATING_OPTIONS = [("Not rated yet", 0), ("1 – not in place", 1), ("2", 2), ("3", 3), ("4", 4),
                  ("5 – fully in place", 5)]


class RatingRow(w.HBox):
    """One dimension: its name and prompts, a 1–5 rating and a notes box."""

    def __init__(self, dimension: Dimension, on_change: Callable[[], None],
                 options: list[tuple[str, int]] = RATING_OPTIONS) -> None:
        self.dimension = dimension
        prompts = "".join(f"<li>{html.escape(p)}</li>" for p in dimension.prompts)
        self.rating = w.Dropdown(options=options, value=0, description="Rating",
                                 layout=w.Layout(width="15em"),
                                 style={"description_width": "4em"})
        self.notes = w.Textarea(placeholder=f"Your notes on {dimension.name.lower()}…",
                                description="Notes", continuous_update=False,
                                layout=w.Layout(width="24em", height="4.5em"),
                                style={"description_width": "4em"})
        self.rating.observe(lambda _c: on_change(), names="value")
        self.notes.observe(lambda _c: on_change(), names="value")
        label = w.HTML(f"<b>{html.escape(dimension.name)}</b>"
                       f"<ul style='margin:2px 0 0 1em;padding:0;font-size:90%;line-height:1.3'>"
                       f"{prompts}</ul>", layout=w.Layout(width="30em"))
        super().__init__([label, w.VBox([self.rating]), self.notes],
                         layout=w.Layout(border_bottom="1px solid #e5e5e5", padding="4px 0"))

    def show(self, items: RatedItems) -> None:
        self.rating.value = items.score(self.dimension.key) or 0
        self.notes.value = items.notes(self.dimension.key)

    def store(self, items: RatedItems) -> None:
        items.set_score(self.dimension.key, self.rating.value or None)
        items.set_notes(self.dimension.key, self.notes.value)


def load_or_set_aside(path: Path, loader: Callable[[Path], object], messages: MessageArea):
    """The model saved at path, or None; a damaged file is renamed, never overwritten."""
    if not path.exists():
        return None
    try:
        return loader(path)
    except ValueError as err:
        aside = path.with_name(f"{path.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}")
        path.rename(aside)
        messages.show(f"{err} Your old file was kept as '{aside.name}', and this widget "
                      "starts afresh.")
        return None


def show_figure(target: go.FigureWidget, fig: go.Figure) -> None:
    """Replace what a FigureWidget shows with a freshly built figure."""
    with target.batch_update():
        target.data = []
        target.add_traces(list(fig.data))
        target.layout = fig.layout


def export_ratings(model, fig: go.Figure, path: Path) -> Path:
    """A rating model as .json or .csv, or its chart as .png or .html, by the file's ending."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        model.save(path)
    elif suffix == ".csv":
        path.write_text(model.to_csv(), encoding="utf-8")
    elif suffix == ".png":
        save_png(fig, path, width=900, height=int(fig.layout.height or 560))
    elif suffix == ".html":
        figure_to_html(fig, path)
    else:
        raise ValueError(f"'{path.name}' has an ending this export does not know. Use .json, "
                         ".csv, .png or .html.")
    return path


class SpreadReadiness(w.VBox):
    """Self-assessment against the seven principles, saved to the file the notebook names."""

    def __init__(self, path: str | Path = "my_readiness.json") -> None:
        self.path = resolve_path(path)
        self.messages = MessageArea()
        self.model = load_or_set_aside(self.path, load_readiness, self.messages) or \
            ReadinessRecord()
        self._loading = False
        if not self.model.assessments:
            self.model.add(default_label())
        self.which = w.Dropdown(description="Site or date", style={"description_width": "7em"},
                                layout=w.Layout(width="26em"))
        self.new_label = w.Text(placeholder="e.g. Ward 9, June 2025",
                                description="New site or date",
                                style={"description_width": "9em"}, layout=w.Layout(width="24em"))
        self.add_button = w.Button(description="Add", icon="plus",
                                   tooltip="Add an assessment for another site or date")
        self.rows = [RatingRow(d, self._changed) for d in DIMENSIONS]
        self.figure = readiness_radar(self.model)
        self.chart = go.FigureWidget(self.figure)
        self.suggestions = w.HTML()
        self.which.observe(lambda _c: self._show_assessment(), names="value")
        self.add_button.on_click(lambda _b: self._add())
        header = w.HTML(
            "<h3 style='margin:0'>Spread readiness self-assessment</h3>"
            "<p style='margin:2px 0;max-width:60em'>Rate your project against the seven "
            "interconnected principles for spread and adoption, and systems convening. "
            "The questions are ours, written to help you think; the principles are from "
            f"{html.escape(SOURCE)}. We could not verify the seventh principle's name from a "
            "source we can cite, so it is shown as unverified: look it up in the guide.</p>"
        )
        super().__init__([header, w.HBox([self.which, self.new_label, self.add_button]),
                          self.messages, *self.rows, self.suggestions, self.chart],
                         layout=w.Layout(padding="6px 10px", border="1px solid #ccc"))
        self._refresh_choices(self.model.assessments[0].label)

    @property
    def current(self) -> ReadinessAssessment:
        return self.model.get(self.which.value)

    def _refresh_choices(self, select: str) -> None:
        self._loading = True
        self.which.options = [a.label for a in self.model.assessments]
        self.which.value = select
        self._loading = False
        self._show_assessment()

    def _show_assessment(self) -> None:
        self._loading = True
        for row in self.rows:
            row.show(self.current)
        self._loading = False
        self._redraw()

    def _changed(self) -> None:
        if self._loading:
            return
        for row in self.rows:
            row.store(self.current)
        if guarded(self.messages, self.save):
            self._redraw()

    def _add(self) -> None:
        label = self.new_label.value.strip()
        if guarded(self.messages, lambda: self.model.add(label)):
            self.new_label.value = ""
            guarded(self.messages, self.save)
            self._refresh_choices(label)

    def _redraw(self) -> None:
        self.figure = readiness_radar(self.model)
        show_figure(self.chart, self.figure)
        steps = self.current.suggestions(2)
        if not steps:
            self.suggestions.value = "<p><i>Rate some principles to see suggested steps.</i></p>"
            return
        items = "".join(f"<li><b>{html.escape(d.name)}:</b> {html.escape(text)}</li>"
                        for d, text in steps)
        self.suggestions.value = (
            f"<p style='margin:6px 0 0'><b>Suggestions</b> for your lowest-rated principles "
            f"({html.escape(self.current.label)}), our own ideas to discuss with your team, "
            f"not rules:</p><ul style='margin-top:2px'>{items}</ul>"
        )

    def save(self) -> None:
        self.model.save(self.path)

    def export(self, path: str | Path) -> Path:
        """Write the assessments as .json or .csv, or the radar chart as .png or .html."""
        return export_ratings(self.model, self.figure, Path(path))
