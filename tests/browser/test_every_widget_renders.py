"""The course's other tools in a real JupyterLab: each one draws its controls (and chart, where it
has one) and the browser reports no errors. Screenshots are kept as test artefacts."""

import pytest
from playwright.sync_api import expect

from browser.lab_actions import open_widget, screenshot, wait_until_drawn

pytestmark = pytest.mark.browser


@pytest.fixture
def page(lab_page):
    """The module's one page (conftest.lab_page): JupyterLab loads once for all its tests."""
    return lab_page

WIDGETS = {
    # name: (code that shows the widget, text the learner should see, has a chart)
    "aim_checker": ("from qispread.widgets.aim_checker import AimChecker\n"
                    "AimChecker('my_aim.json')", "Your aim", False),
    "measure_sorter": ("from qispread.widgets.measure_sorter import MeasureSorter\n"
                       "MeasureSorter('my_measures.json')", "Balancing", False),
    "chart_chooser": ("from qispread.widgets.chart_chooser import ChartChooser\nChartChooser()",
                      "What does each value record?", False),
    "pdsa_log": ("from qispread.widgets.pdsa_log import PDSALog\nPDSALog('my_pdsa.json')",
                 "Prediction", False),
    "spread_readiness": ("from qispread.widgets.spread_readiness import SpreadReadiness\n"
                         "SpreadReadiness('my_readiness.json')", "Networks", True),
    "spread_measures_tool": ("from qispread.widgets import SpreadMeasuresTool\n"
                             "SpreadMeasuresTool('my_spread_measures.json', example=True)",
                             "adoption on paper: Hillcrest, Lakeside", True),
}


@pytest.mark.parametrize("name", sorted(WIDGETS))
def test_widget_renders_without_browser_errors(name, lab_server, page, artifacts):
    code, words, has_chart = WIDGETS[name]
    panel, problems = open_widget(page, lab_server, name, code)
    output = panel.locator(".jp-OutputArea-output .widget-vbox").first
    expect(output).to_be_visible(timeout=60_000)
    expect(output).to_contain_text(words, timeout=30_000)
    if has_chart:
        expect(panel.locator("svg.main-svg").first).to_be_visible(timeout=30_000)
    assert "Traceback" not in panel.inner_text()
    wait_until_drawn(page)
    screenshot(page, artifacts, name)
    assert problems.messages == []
