"""Every tool's chart is plotly's own output, drawn by JupyterLab: no plotly FigureWidget, each of
which sends the browser its own 5 MB of plotly.js and stays blank if not started within
anywidget's 2 s (seen under load). The browser checks each chart's width and height itself
(tests/browser/test_readable_in_lab.py, test_legend_rows.py)."""

import plotly.graph_objects as go
import pytest

from qispread import widgets as tools
from qispread.widgets.figures import PLOTLY, Chart
from qispread.widgets.named_slider import NamedSlider

SPECIAL = {"Quiz": lambda: tools.Quiz([tools.Question("Which?", ("a", "b"), 0, "Because.")])}
TOOLS = [name for name in tools.__all__ if name not in ("Question", "project_tool")]


def parts(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from parts(child)


@pytest.fixture
def tool(request, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = request.param
    return SPECIAL.get(name, getattr(tools, name))()


@pytest.mark.parametrize("tool", TOOLS, indirect=True)
def test_no_tool_sends_plotly_js_with_a_chart(tool):
    from plotly.basewidget import BaseFigureWidget

    assert not any(isinstance(part, BaseFigureWidget) for part in parts(tool))


@pytest.mark.parametrize("tool", TOOLS, indirect=True)
def test_the_only_anywidget_a_tool_shows_is_the_named_slider(tool):
    """The browser tests pass over anywidget's 2-second message because the named slider is shown
    to work past it (tests/browser/test_charts_on_a_slow_browser.py); another anywidget would need
    the same proof first."""
    from anywidget import AnyWidget

    assert all(isinstance(part, NamedSlider) for part in parts(tool) if isinstance(part, AnyWidget))


@pytest.mark.parametrize("tool", TOOLS, indirect=True)
def test_each_chart_keeps_its_height_and_shows_no_toolbar(tool):
    for chart in (part for part in parts(tool) if isinstance(part, Chart)):
        for output in chart.outputs:
            figure = output["data"][PLOTLY]
            assert not figure["config"]["displayModeBar"]  # it covered the end of the title
            # responsive with no height of its own, a chart took its output's height: none
            assert figure["layout"]["height"] > 0 and not figure["config"]["responsive"]


def test_a_chart_shows_the_figure_drawn_last_with_its_summary():
    chart = Chart(go.Figure(go.Bar(x=["a"], y=[1])))
    second = go.Figure(go.Scatter(x=[1, 2], y=[3, 4]), layout={"meta": {"summary": "Two points."}})
    chart.draw(second)
    (output,) = chart.outputs
    assert output["data"][PLOTLY]["data"][0]["type"] == "scatter"
    assert output["data"]["text/plain"] == "Two points."
    assert chart.shown is second
    chart.clear()
    assert chart.outputs == () and not chart.shown.data
