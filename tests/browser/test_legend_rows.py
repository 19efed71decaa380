"""The chart explorer's legend sits under the chart in at most two rows at JupyterLab's default
width, for a control chart with every kind of point and for a Making Data Count chart. Screenshots:
test-artifacts/browser/legend-*.png."""

import pytest
from playwright.sync_api import expect

from browser.lab_actions import open_widget, wait_until_drawn

pytestmark = pytest.mark.browser


@pytest.fixture
def page(lab_page):
    """The module's one page (conftest.lab_page): JupyterLab loads once for all its tests."""
    return lab_page

SEPSIS = """
from qispread import data
from qispread.models.chart_spec import ChartSpec, table_to_csv
from qispread.widgets.chart_explorer import ChartExplorer
sepsis = data.load("sepsis_screening")
ChartSpec(own_data_csv=table_to_csv(sepsis), x="week_starting", y="screened_within_1h",
          n="eligible", chart="p", multiply=100, freeze=17, exclude=[30], {extra}
          ).save("legend.json")
ChartExplorer("legend.json")
"""
CASES = {
    "control": "",
    "making-data-count": "making_data_count=True, target=95,",
}


@pytest.mark.parametrize("name", CASES)
def test_the_legend_fits_in_two_rows(name, lab_server, page, artifacts):
    panel, problems = open_widget(page, lab_server, f"legend_{name}",
                                  SEPSIS.format(extra=CASES[name]))
    plot = panel.locator(".js-plotly-plot").first
    expect(plot.locator(".legend .traces").first).to_be_attached(timeout=60_000)
    plot.scroll_into_view_if_needed()
    wait_until_drawn(page)
    plot.screenshot(path=str(artifacts / f"legend-{name}.png"))
    rows = plot.locator(".legend .traces").evaluate_all(
        "items => new Set(items.map(i => Math.round(i.getBoundingClientRect().top))).size")
    assert rows <= 2, f"the legend takes {rows} rows"
    assert problems.messages == []
