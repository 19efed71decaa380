"""A tool on a browser too slow for anywidget: anywidget gives each model 2 s to start, then
reports "Failed to initialize model." and stops passing it messages from Python. Forced here to
1 ms, as a learner's slow machine or a busy hub might make it (the full suite's load did), a
tool's chart still draws and still follows the tool (a plotly FigureWidget drew empty axes and
missed its update: docs/test-suite.md, "Charts without FigureWidgets"), and the month slider
still works."""

import pytest
from playwright.sync_api import expect

from browser.lab_actions import move_the_month_with_the_keys, open_widget, show_cell

pytestmark = pytest.mark.browser

# anywidget's only 2-second timer: every model it sets up is given up on after 1 ms instead
IMPATIENT_ANYWIDGET = """(() => {
    const timeout = AbortSignal.timeout.bind(AbortSignal);
    AbortSignal.timeout = ms => timeout(ms === 2000 ? 1 : ms);
})();"""

SUSTAINABILITY = ("from qispread.widgets.sustainability_check import SustainabilityCheck\n"
                  "SustainabilityCheck('slow_sustainability.json')")


@pytest.fixture
def slow_page(browser):
    page = browser.new_page()
    page.set_default_timeout(60_000)
    page.add_init_script(IMPATIENT_ANYWIDGET)
    yield page
    page.close()


def test_a_chart_draws_and_follows_its_tool_when_anywidget_gives_up(slow_page, lab_server):
    open_widget(slow_page, lab_server, "slow_browser", SUSTAINABILITY)
    panel = show_cell(slow_page, 0, "sustainability")
    expect(panel.locator(".barlayer .point").first).to_be_visible(timeout=60_000)
    panel.locator(".widget-dropdown select").first.select_option(label="4")
    bar = panel.locator(".barlayer text", has_text="4").first
    expect(bar).to_be_attached(timeout=30_000)


def test_the_month_slider_moves_the_network_when_anywidget_gives_up(slow_page, lab_server):
    """The course's one anywidget: given up on, it still draws, takes the arrow keys and moves
    the network's month; nothing else goes wrong in the browser."""
    _panel, problems = open_widget(slow_page, lab_server, "slow_simulator",
                                   "from qispread.widgets import SpreadSimulator\n"
                                   "SpreadSimulator()")
    move_the_month_with_the_keys(slow_page, show_cell(slow_page, 0, "simulator"))
    assert problems.messages == []
