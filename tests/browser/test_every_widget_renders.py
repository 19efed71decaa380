"""The course's other tools in a real JupyterLab: each one draws its controls (and chart, where it
has one) and the browser reports no errors. The tools are the cells of one notebook, run once for
the module. Screenshots are kept as test artefacts."""

import pytest
from playwright.sync_api import expect

from browser.lab_actions import open_widget, screenshot, show_cell, wait_until_drawn

pytestmark = pytest.mark.browser

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


NAMES = sorted(WIDGETS)


@pytest.fixture(scope="module")
def every_tool(lab_server, lab_page):
    """The notebook of every tool, run once: the browser's error collector, which hears every
    console error from then on."""
    _panel, problems = open_widget(lab_page, lab_server, "every_widget",
                                   *(WIDGETS[name][0] for name in NAMES))
    return problems


@pytest.mark.parametrize("name", NAMES)
def test_widget_renders_without_browser_errors(name, lab_page, every_tool, artifacts):
    _code, words, has_chart = WIDGETS[name]
    page, problems = lab_page, every_tool
    panel = show_cell(page, NAMES.index(name), name)
    output = panel.locator(".jp-OutputArea-output .widget-vbox").first
    expect(output).to_be_visible(timeout=60_000)
    expect(output).to_contain_text(words, timeout=30_000)
    if has_chart:
        expect(panel.locator("svg.main-svg").first).to_be_visible(timeout=30_000)
    assert "Traceback" not in panel.inner_text()
    wait_until_drawn(page)
    screenshot(page, artifacts, name)
    assert problems.messages == []
