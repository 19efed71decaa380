"""SustainabilityCheck: an unweighted 1–5 self-rating inspired by the NHS Sustainability Model."""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as w

from qispread.models.sustainability import (
    GROUPS,
    LICENCE_NOTE,
    SustainabilityRating,
    load_sustainability,
)
from qispread.plots.bars import sustainability_figure
from qispread.widgets.common import guarded, open_tool
from qispread.widgets.figures import Chart
from qispread.widgets.part_form import TOOL_LAYOUT, text_box, tool_heading
from qispread.widgets.ratings import RatingRow, export_ratings
from qispread.widgets.saving import save_on_creation

_OPTIONS = [("Not rated yet", 0), ("1 – weak", 1), ("2", 2), ("3", 3), ("4", 4),
            ("5 – strong", 5)]


class SustainabilityCheck(w.VBox):
    """Rate the ten factors (process, staff, organisation); saved to the file the notebook names."""

    def __init__(self, path: str | Path = "my_sustainability.json") -> None:
        self.path, self.messages, saved = open_tool(path, load_sustainability)
        self.model = saved or SustainabilityRating()
        self._loading = True
        self.project = text_box(self.model.project, "Project",
                                "e.g. Sepsis screening on the acute medical unit", width="40em",
                                label_width="5em")
        self.rows = [RatingRow(d, self._changed, _OPTIONS) for _, dims in GROUPS for d in dims]
        sections = []
        for group, dims in GROUPS:
            sections.append(w.HTML(f"<h4 style='margin:8px 0 0'>{html.escape(group)}</h4>"))
            sections += [r for r in self.rows if r.dimension in dims]
        for row in self.rows:
            row.show(self.model)
        self.project.observe(lambda _c: self._changed(), names="value")
        self.chart = Chart(sustainability_figure(self.model))
        header = tool_heading("Sustainability self-rating", f"{html.escape(LICENCE_NOTE)} The "
                              "questions are ours, to help you think.")
        super().__init__([header, self.project, self.messages, *sections, self.chart],
                         layout=w.Layout(**TOOL_LAYOUT))
        self._loading = False
        save_on_creation(self.path, self.save, self.messages)

    def _changed(self) -> None:
        if self._loading:
            return
        self.model.project = self.project.value
        for row in self.rows:
            row.store(self.model)
        if guarded(self.messages, self.save):
            self.chart.draw(sustainability_figure(self.model))

    def save(self) -> None:
        self.model.save(self.path)

    def export(self, path: str | Path) -> Path:
        """Write the ratings as .json or .csv, or the chart as .png or .html."""
        return export_ratings(self.model, self.chart.shown, Path(path))
