"""The chart explorer's legend sits under the chart in at most two rows at JupyterLab's default
width, for a control chart with every kind of point and for a Making Data Count chart (the cells of
one notebook, run once for the module). Screenshots: test-artifacts/browser/legend-*.png."""

import pytest
from playwright.sync_api import expect

from browser.lab_actions import open_widget, show_cell, wait_until_drawn

pytestmark = pytest.mark.browser


SEPSIS = """
from qispread import data
from qispread.models.chart_spec import ChartSpec, table_to_csv
from qispread.widgets.chart_explorer import ChartExplorer
sepsis = data.load("sepsis_screening")
ChartSpec(own_data_csv=table_to_csv(sepsis), x="week_starting", y="screened_within_1h",
          n="eligible", chart="p", multiply=100, freeze=17, exclude=[30], {extra}
          ).save("legend_{name}.json")
ChartExplorer("legend_{name}.json")
"""
CASES = {
    "control": "",
    "making-data-count": "making_data_count=True, target=95,",
}


NAMES = list(CASES)


@pytest.fixture(scope="module")
def every_case(lab_server, lab_page):
    """The notebook of both charts, run once: the browser's error collector."""
    _panel, problems = open_widget(lab_page, lab_server, "legend_rows", *(
        SEPSIS.format(extra=CASES[name], name=name) for name in NAMES))
    return problems


@pytest.mark.parametrize("name", NAMES)
def test_the_legend_fits_in_two_rows(name, lab_page, every_case, artifacts):
    page, problems = lab_page, every_case
    panel = show_cell(page, NAMES.index(name), name)
    plot = panel.locator(".js-plotly-plot").first
    expect(plot.locator(".legend .traces").first).to_be_attached(timeout=60_000)
    plot.scroll_into_view_if_needed()
    wait_until_drawn(page)
    plot.screenshot(path=str(artifacts / f"legend-{name}.png"))
    rows = plot.locator(".legend .traces").evaluate_all(
        "items => new Set(items.map(i => Math.round(i.getBoundingClientRect().top))).size")
    assert rows <= 2, f"the legend takes {rows} rows"
    assert problems.messages == []
