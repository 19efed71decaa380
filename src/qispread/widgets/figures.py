"""The tools' charts: plotly's own output inside a tool, drawn by JupyterLab.

A chart is drawn from the output's data by JupyterLab's plotly renderer, afresh each time the tool
draws it, as wide as the notebook cell (the renderer follows the cell's width). Not a plotly
FigureWidget: each FigureWidget sends the browser its own copy of plotly.js (about 5 MB) to
evaluate, and anywidget gives it 2 s to start; past that, the chart stays blank and stops following
the tool (docs/test-suite.md, "Charts without FigureWidgets"). A tool reads nothing back from its
charts, so it needs no two-way link.
"""

from __future__ import annotations

import ipywidgets as w
import plotly.graph_objects as go

PLOTLY = "application/vnd.plotly.v1+json"
DEFAULT_HEIGHT = 450  # plotly's own, in px


class Chart(w.Output):
    """A chart the learner reads. `draw` shows a figure, replacing the one before; `shown` is the
    figure on show."""

    def __init__(self, fig: go.Figure | None = None) -> None:
        super().__init__(layout=w.Layout(width="100%"))
        self.shown = go.Figure()
        if fig is not None:
            self.draw(fig)

    def draw(self, fig: go.Figure) -> None:
        """plotly's own output, drawn by JupyterLab from the output's data each time it is shown
        (also when a notebook is opened again and run in the same kernel, where FigureWidgets
        drew blank). Its text is the figure's summary, for a notebook saved or read as text."""
        import json

        import plotly.io as pio

        from qispread.plots.export import figure_summary
        from qispread.plots.style import PLOT_CONFIG

        self.shown = fig
        figure = json.loads(pio.to_json(fig))
        # A height of its own, and not plotly's `responsive`: JupyterLab fits a chart's width to
        # the cell itself, and a responsive chart without a height takes its output's, none.
        figure["layout"].setdefault("height", DEFAULT_HEIGHT)
        config = {**PLOT_CONFIG, "responsive": False}
        bundle = {PLOTLY: {**figure, "config": config},
                  "text/plain": figure_summary(fig) or "A chart."}
        shown: tuple[dict, ...] = ({"output_type": "display_data", "data": bundle, "metadata": {}},)
        self.outputs = shown

    def clear(self) -> None:
        """No chart: for a tool with nothing to draw yet (its text says what to add)."""
        self.shown = go.Figure()
        self.outputs = ()
