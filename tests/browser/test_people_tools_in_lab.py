"""The stakeholder map and involvement plan (module 09) and the team form (module 01) in a real
JupyterLab 1366 pixels wide: each draws whole with no browser error, the grid fills the cell with
every name inside it, and adding a stakeholder puts them on the grid. The tools are the cells of
one notebook, run once for the module, each saving under its own file name. Screenshots in
test-artifacts/browser/people-*.png."""

import pytest
from playwright.sync_api import expect

from browser.lab_actions import open_widget, show_cell, wait_until_drawn
from browser.test_readable_in_lab import expect_chart_fills_the_cell

pytestmark = pytest.mark.browser

TOOLS = {  # each opens on the example project's part, saving under its own name
    "stakeholders": ("""
from qispread.models import load_stakeholder_map
from qispread.models.project import example_project
from qispread.widgets import StakeholderMapper
StakeholderMapper("people_stakeholders.json",
                  example=load_stakeholder_map(example_project().path("stakeholders")))
""", "Sepsis survivors"),
    "involvement": ("""
from qispread.models import load_involvement_plan
from qispread.models.project import example_project
from qispread.widgets import InvolvementPlanner
InvolvementPlanner("people_involvement.json",
                   example=load_involvement_plan(example_project().path("involvement")))
""", "Understanding the system"),
    "team": ("""
from qispread.widgets import ProjectTeamForm
ProjectTeamForm("people_team.json")
""", "Day-to-day lead"),
}


# every tool, and a second stakeholder map to add to
CELLS = [*sorted(TOOLS), "adding"]


@pytest.fixture(scope="module")
def every_tool(lab_server, lab_page):
    """The notebook of every tool, run once 1366 pixels wide: the browser's error collector,
    which hears every console error from then on."""
    lab_page.set_viewport_size({"width": 1366, "height": 900})
    adding = TOOLS["stakeholders"][0].replace("people_stakeholders.json", "people_adding.json")
    cells = [TOOLS[name][0] if name in TOOLS else adding for name in CELLS]
    _panel, problems = open_widget(lab_page, lab_server, "people_tools", *cells)
    return problems


@pytest.fixture
def page(lab_page, every_tool):
    return lab_page


def _shoot(page, cell, artifacts, name: str) -> None:
    cell.scroll_into_view_if_needed()
    wait_until_drawn(page)
    cell.screenshot(path=str(artifacts / f"people-{name}.png"))


@pytest.mark.parametrize("name", sorted(TOOLS))
def test_tool_draws_whole_in_lab(name, page, every_tool, artifacts):
    _code, words = TOOLS[name]
    panel, problems = show_cell(page, CELLS.index(name), name), every_tool
    output = panel.locator(".jp-OutputArea-output .widget-vbox").first
    expect(output).to_be_visible(timeout=60_000)
    expect(output).to_contain_text(words, timeout=30_000)
    if name == "stakeholders":
        plot = panel.locator(".js-plotly-plot").first
        expect(plot).to_contain_text("Director of nursing", timeout=30_000)
        expect_chart_fills_the_cell(panel)
        box = plot.bounding_box()
        for text in panel.locator("svg .annotation-text, svg .textpoint text").all():
            label = text.bounding_box()
            if label and label["width"]:  # every name and corner inside the chart
                assert box["x"] - 1 <= label["x"] and \
                    label["x"] + label["width"] <= box["x"] + box["width"] + 1, \
                    text.text_content()
        plot.scroll_into_view_if_needed()
        wait_until_drawn(page)
        plot.screenshot(path=str(artifacts / "people-stakeholders-chart.png"))
    _shoot(page, panel, artifacts, name)
    assert "Traceback" not in panel.inner_text()
    assert problems.messages == []


def test_adding_a_stakeholder_puts_them_on_the_grid(lab_server, page, every_tool):
    panel, problems = show_cell(page, CELLS.index("adding"), "adding"), every_tool
    name = panel.get_by_placeholder("A person or group", exact=False)
    name.fill("Local Healthwatch")
    panel.get_by_role("button", name="Add to the map").click()
    plot = panel.locator(".js-plotly-plot").first
    expect(plot).to_contain_text("Local Healthwatch", timeout=30_000)
    assert lab_server.root.joinpath("browser", "people_adding.json").read_text().count(
        "Local Healthwatch") == 1
    assert problems.messages == []
