"""Every tool's plotly chart sits beside the helper that makes it as wide as the notebook cell
(plotly 7 otherwise draws a FigureWidget 700 px wide); the browser checks the width itself
(tests/browser/test_readable_in_lab.py)."""

import ipywidgets as w
import plotly.graph_objects as go
import pytest

from qispread import data
from qispread.widgets.chart_explorer import ChartExplorer
from qispread.widgets.figures import FitToCell
from qispread.widgets.pdsa_log import PDSALog
from qispread.widgets.spread_readiness import SpreadReadiness
from qispread.widgets.sustainability_check import SustainabilityCheck

TOOLS = {
    "chart explorer": lambda: ChartExplorer("my_chart.json", data="falls"),
    "PDSA log": lambda: PDSALog("my_pdsa.json", measure=data.load("sepsis_screening"),
                                x="week_starting", y="screened_within_1h", n="eligible"),
    "spread readiness": lambda: SpreadReadiness("my_readiness.json"),
    "sustainability": lambda: SustainabilityCheck("my_sustainability.json"),
}


def _boxes(widget):
    if isinstance(widget, w.Box):
        yield widget
        for child in widget.children:
            yield from _boxes(child)


@pytest.mark.parametrize("name", TOOLS)
def test_each_chart_is_fitted_to_the_cell(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    tool = TOOLS[name]()
    charts = [box for box in _boxes(tool)
              if any(isinstance(child, go.FigureWidget) for child in box.children)]
    assert charts, "no chart found"
    for box in charts:
        assert any(isinstance(child, FitToCell) for child in box.children)
        figure = next(child for child in box.children if isinstance(child, go.FigureWidget))
        assert figure._config.get("responsive") and figure.layout.width is None
