"""SpreadReadiness: rate a project against the seven principles for spread; compare on a radar."""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as w

from qispread.models.readiness import (
    DIMENSIONS,
    SOURCE,
    ReadinessAssessment,
    ReadinessRecord,
    default_label,
    load_readiness,
)
from qispread.plots.radar import readiness_radar
from qispread.widgets.common import guarded, open_tool
from qispread.widgets.figures import Chart
from qispread.widgets.part_form import TOOL_LAYOUT, tool_heading
from qispread.widgets.ratings import RatingRow, export_ratings
from qispread.widgets.saving import save_on_creation


class SpreadReadiness(w.VBox):
    """Self-assessment against the seven principles, saved to the file the notebook names."""

    def __init__(self, path: str | Path = "my_readiness.json") -> None:
        self.path, self.messages, saved = open_tool(path, load_readiness)
        self.model = saved or ReadinessRecord()
        self._loading = False
        if not self.model.assessments:
            self.model.add(default_label())
        self.which = w.Dropdown(description="Site or date", style={"description_width": "7em"},
                                layout=w.Layout(width="34em"))  # a site and a month, whole
        self.new_label = w.Text(placeholder="e.g. Ward 9, June 2025",
                                description="New site or date",
                                style={"description_width": "9em"}, layout=w.Layout(width="24em"))
        self.add_button = w.Button(description="Add", icon="plus",
                                   tooltip="Add an assessment for another site or date")
        self.rows = [RatingRow(d, self._changed) for d in DIMENSIONS]
        self.chart = Chart(readiness_radar(self.model))
        self.suggestions = w.HTML()
        self.which.observe(lambda _c: self._show_assessment(), names="value")
        self.add_button.on_click(lambda _b: self._add())
        header = tool_heading(
            "Spread readiness self-assessment",
            "Rate your project against the seven interconnected principles for spread and "
            "adoption, and systems convening. The questions are ours, written to help you "
            f"think; the principles are from {html.escape(SOURCE)}. The seventh principle is "
            "shown by its 2020 name, <i>innovation development</i>, from NHS Horizons' 2020 list "
            "of the seven; that name is unverified in the 2021 guide, so check the guide's own "
            "page.")
        super().__init__([header, w.HBox([self.which, self.new_label, self.add_button]),
                          self.messages, *self.rows, self.suggestions, self.chart],
                         layout=w.Layout(**TOOL_LAYOUT))
        self._refresh_choices(self.model.assessments[0].label)
        save_on_creation(self.path, self.save, self.messages)

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
        self.chart.draw(readiness_radar(self.model))
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
        return export_ratings(self.model, self.chart.shown, Path(path))
