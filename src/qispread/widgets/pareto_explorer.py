"""ParetoExplorer: a Pareto chart of a table, counted or weighted by harm at a click."""

from __future__ import annotations

import html

import ipywidgets as w
import pandas as pd

from qispread.models.pareto import pareto
from qispread.plots.pareto import pareto_figure
from qispread.widgets.common import INTRO_STYLE, MessageArea, guarded
from qispread.widgets.figures import Chart


class ParetoExplorer(w.VBox):
    """A table's categories as a Pareto chart; with no table, the course's synthetic ward
    incidents, weighted by their harm at a click."""

    def __init__(self, data: pd.DataFrame | None = None, category: str = "category",
                 count: str | None = None, weight: str | None = None,
                 title: str = "Pareto chart") -> None:
        if data is None:
            from qispread import data as course_data

            data, weight = course_data.load("ward_incidents"), weight or "harm_weight"
        self.data, self.category, self.count, self.weight, self.title = (
            data, category, count, weight, title)
        self.messages = MessageArea()
        options = [("How often", "count")] + ([(f"Weighted by {weight}", "weight")]
                                               if weight else [])
        self.order_by = w.ToggleButtons(options=options, value="count",
                                        description="Order by", style={"description_width": "5em"})
        self.reading = w.HTML()
        self.table = w.HTML()
        self.figure = Chart()
        self.order_by.observe(lambda _c: self.redraw(), names="value")
        super().__init__([self.order_by, self.messages, self.reading, self.figure,
                          self.table],
                         layout=w.Layout(padding="6px 10px", border="1px solid #ccc"))
        self.redraw()

    def redraw(self) -> None:
        weighted = self.order_by.value == "weight"

        def draw() -> None:
            result = pareto(self.data, category=self.category, count=self.count,
                            weight=self.weight if weighted else None)
            title = f"{self.title}, weighted by {self.weight}" if weighted else self.title
            self.figure.draw(pareto_figure(result, title))
            self.reading.value = f"<p style='{INTRO_STYLE}'>{html.escape(result.reading())}</p>"
            rows = "".join(
                f"<tr><td>{html.escape(str(r.category))}</td><td>{r.count:,g}</td>"
                f"<td>{r.total:,g}</td><td>{r.share:.1%}</td><td>{r.cumulative_share:.1%}</td>"
                f"</tr>" for r in result.table.itertuples())
            self.table.value = (
                "<details><summary>The table</summary><table><tr><th>Category</th><th>Events"
                "</th><th>Total</th><th>Share</th><th>Running share</th></tr>"
                f"{rows}</table></details>")
        guarded(self.messages, draw)
