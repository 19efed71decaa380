"""Module 02's tools (process map, fishbone, Pareto chart, waiting-list model) in a real JupyterLab
at its default width: each draws its controls and chart with no browser error, the chart fills the
cell, nothing is cut off, and typing in a tool redraws it. The tools are the cells of one notebook,
run once for the module, each in a folder of its own. Screenshots in
test-artifacts/browser/system-*.png."""

import pytest
from playwright.sync_api import expect

from browser.lab_actions import OWN_FOLDERS, open_widget, show_cell, wait_until_drawn
from browser.test_readable_in_lab import expect_chart_fills_the_cell

pytestmark = pytest.mark.browser

LESSON = "course/02_understanding_the_system"

TOOLS = {
    "process_map": (f"""
import shutil
shutil.copy({{root!r}} + "/{LESSON}/arrival_to_ward_map.json", "map.json")
from qispread.widgets import ProcessMapper
ProcessMapper("map.json")
""", "The longest wait is"),
    "fishbone": (f"""
import shutil
shutil.copy({{root!r}} + "/{LESSON}/sepsis_fishbone.json", "fishbone.json")
from qispread.widgets import FishboneBuilder
FishboneBuilder("fishbone.json")
""", "Candidate secondary drivers"),
    "pareto": ("""
from qispread import data
from qispread.widgets import ParetoExplorer
ParetoExplorer(data.load("ward_incidents"), category="category", weight="harm_weight",
               title="Incidents on the ward, April 2023 to March 2024")
""", "categories (Falls, Communication and handover"),
    "waiting_list": ("""
from qispread.models.demand_capacity import QueueSettings
from qispread.widgets import WaitingListModel
WaitingListModel(QueueSettings(runs=1000))
""", "The middle 90% of runs"),
}


# every tool, and a second process map to type in
CELLS = [*sorted(TOOLS), "typing"]


@pytest.fixture(scope="module")
def every_tool(lab_server, lab_page):
    """The notebook of every tool, run once: the browser's error collector, which hears every
    console error from then on."""
    cells = [f"own_folder({name!r})\n" + TOOLS[name if name in TOOLS else "process_map"][0]
             for name in CELLS]
    _panel, problems = open_widget(lab_page, lab_server, "system_tools", OWN_FOLDERS,
                                   *(cell.format(root=str(lab_server.root)) for cell in cells))
    return problems


@pytest.fixture
def page(lab_page, every_tool):
    return lab_page


def tool_cell(page, name: str):
    return show_cell(page, CELLS.index(name) + 1, name)


@pytest.mark.parametrize("name", sorted(TOOLS))
def test_tool_draws_whole_in_lab(name, page, every_tool, artifacts):
    _code, words = TOOLS[name]
    panel, problems = tool_cell(page, name), every_tool
    output = panel.locator(".jp-OutputArea-output .widget-vbox").first
    expect(output).to_be_visible(timeout=60_000)
    expect(output).to_contain_text(words, timeout=30_000)
    expect(panel.locator("svg.main-svg").first).to_be_visible(timeout=30_000)
    expect_chart_fills_the_cell(panel)
    for text in panel.locator("svg .annotation-text, svg .textpoint text").all():
        box, plot = text.bounding_box(), panel.locator(".js-plotly-plot").first.bounding_box()
        if box and box["width"]:  # every label inside the chart, none clipped at its edge
            assert plot["x"] - 1 <= box["x"] and box["x"] + box["width"] <= plot["x"] + plot[
                "width"] + 1, text.text_content()
    plot = panel.locator(".js-plotly-plot").first
    if name == "fishbone":  # the data are drawn, not only the axes
        expect(plot).to_contain_text("Screening done late", timeout=30_000)
    else:
        expect(plot.locator(".scatterlayer .trace .js-line, .point").first).to_be_attached(
            timeout=30_000)
    for target, suffix in ((panel, ""),
                           (panel.locator(".js-plotly-plot").first, "-chart")):
        target.scroll_into_view_if_needed()
        wait_until_drawn(page)
        target.screenshot(path=str(artifacts / f"system-{name}{suffix}.png"))
    assert "Traceback" not in panel.inner_text()
    assert problems.messages == []


def test_typing_a_step_redraws_the_map_and_its_figures(page, every_tool):
    panel, problems = tool_cell(page, "typing"), every_tool
    reading = panel.locator(".widget-html", has_text="From start to end").first
    expect(reading).to_contain_text("5 hours 25 minutes", timeout=60_000)
    minutes = panel.locator(".widget-text", has_text="Minutes").nth(8).locator("input")
    minutes.fill("60")
    minutes.press("Enter")
    expect(reading).to_contain_text("4 hours 25 minutes", timeout=30_000)
    expect(reading).to_contain_text("The longest wait is 'Wait for a doctor' (1 hour 30 minutes)")
    assert problems.messages == []
