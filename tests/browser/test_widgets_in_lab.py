"""Four tools in a real JupyterLab: each renders, one interaction changes it, and the browser
reports no errors. The tools are the cells of one notebook, run once for the module."""

import pytest
from playwright.sync_api import expect

from browser.lab_actions import open_widget, screenshot, show_cell

pytestmark = pytest.mark.browser


CELLS = {
    "explorer": "from qispread.widgets.chart_explorer import ChartExplorer\n"
                "explorer = ChartExplorer('my_chart.json', data='falls')\nexplorer",
    "diagram": "from qispread.widgets.driver_diagram_builder import DriverDiagramBuilder\n"
               "builder = DriverDiagramBuilder('my_diagram.json')\nbuilder",
    "coaching": "from qispread.widgets.coaching_planner import CoachingPlanner\n"
                "planner = CoachingPlanner('my_coaching_plan.json')\nplanner",
    "sustainability": "from qispread.widgets.sustainability_check import SustainabilityCheck\n"
                      "check = SustainabilityCheck('my_sustainability.json')\ncheck",
}


@pytest.fixture(scope="module")
def every_widget(lab_server, lab_page):
    """The notebook of the four widgets, run once: the browser's error collector, which hears
    every console error from then on."""
    _panel, problems = open_widget(lab_page, lab_server, "widgets_in_lab", *CELLS.values())
    return problems


@pytest.fixture
def page(lab_page, every_widget):
    return lab_page


def widget_cell(page, name: str):
    return show_cell(page, list(CELLS).index(name), name)


def test_chart_explorer_renders_and_redraws(page, every_widget, artifacts):
    panel, problems = widget_cell(page, "explorer"), every_widget
    chart = panel.locator("svg.main-svg").first
    expect(chart).to_be_visible(timeout=60_000)
    # plotly draws the axes before the points: wait for the 36 months (a busy machine is slow)
    expect(panel.locator(".scatterlayer .point").nth(35)).to_be_attached(timeout=30_000)
    points_before = panel.locator(".scatterlayer .point").count()
    assert points_before >= 36, "the run chart of 36 months is not drawn"

    panel.locator(".lm-TabBar-tabLabel", has_text="Chart").first.click()
    chart_type = panel.locator("select").filter(has_text="Run chart").first
    chart_type.select_option(label="I chart (individual values)")
    expect(panel.locator(".g-ytitle, .annotation-text", has_text="UCL").first).to_be_visible(
        timeout=30_000)
    screenshot(page, artifacts, "chart_explorer")
    assert problems.messages == []


def test_driver_diagram_builder_adds_a_primary_driver(page, every_widget, artifacts):
    panel, problems = widget_cell(page, "diagram"), every_widget
    expect(panel.locator("svg.main-svg").first).to_be_visible(timeout=60_000)
    text_box = panel.get_by_role("textbox", name="Text", exact=True)
    text_box.fill("Staff know each patient's falls risk")
    text_box.press("Enter")
    panel.locator("button", has_text="Add").first.click()
    expect(panel.locator("svg.main-svg text", has_text="Staff know each").first).to_be_visible(
        timeout=30_000)
    screenshot(page, artifacts, "driver_diagram_builder")
    assert problems.messages == []


def test_coaching_planner_switches_model_and_keeps_notes(page, every_widget, artifacts):
    panel, problems = widget_cell(page, "coaching"), every_widget
    goal_notes = panel.locator(".widget-textarea textarea").first
    expect(goal_notes).to_be_visible(timeout=60_000)
    goal_notes.fill("Sam leads the huddle on her own by March")
    goal_notes.blur()
    panel.locator("button", has_text="OSCAR").first.click()
    expect(panel.locator(".widget-html b", has_text="Situation").first).to_be_visible(
        timeout=30_000)
    panel.locator("button", has_text="GROW").first.click()
    expect(goal_notes).to_have_value("Sam leads the huddle on her own by March", timeout=30_000)
    screenshot(page, artifacts, "coaching_planner")
    assert problems.messages == []


def test_sustainability_check_redraws_the_bars(page, every_widget, artifacts):
    panel, problems = widget_cell(page, "sustainability"), every_widget
    chart = panel.locator("svg.main-svg").first
    expect(chart).to_be_visible(timeout=60_000)
    panel.locator(".widget-dropdown select").first.select_option(label="4")
    # the chart is drawn afresh: its new bars, once there
    bar = panel.locator(".barlayer text", has_text="4").first
    expect(bar).to_be_attached(timeout=30_000)
    bar.scroll_into_view_if_needed()
    expect(bar).to_be_visible()
    screenshot(page, artifacts, "sustainability_check")
    assert problems.messages == []
