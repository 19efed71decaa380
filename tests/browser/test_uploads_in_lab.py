"""A learner's own files uploaded through the chart explorer's button in a real JupyterLab: a
European export is charted as its numbers, and a file that cannot be read leaves no chart."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser.lab_actions import open_widget, screenshot, wait_until_drawn

pytestmark = pytest.mark.browser
CORPUS = Path(__file__).parents[1] / "uploads"


def test_an_upload_is_charted_as_its_numbers_or_clears_the_chart(lab_server, page, artifacts):
    panel, problems = open_widget(
        page, lab_server, "uploads",
        "from qispread.widgets.chart_explorer import ChartExplorer\n"
        "ChartExplorer('uploads_chart.json', data='falls')",
    )
    expect(panel.locator("svg.main-svg").first).to_be_visible(timeout=60_000)
    panel.locator("select").filter(has_text="My own data").first.select_option(
        label="My own data")
    button = panel.locator(".widget-upload").first

    def upload(name: str) -> None:
        # the widget's file input is never on the page: its button opens the file chooser
        with page.expect_file_chooser() as chooser:
            button.click()
        chooser.value.set_files(str(CORPUS / name))

    upload("excel_de_semicolon_decimal_comma.csv")
    expect(panel.get_by_text("Numbers were read with a decimal comma").first).to_be_visible(
        timeout=30_000)
    wait_until_drawn(page)
    panel.locator(".jp-OutputArea-output").first.scroll_into_view_if_needed()
    screenshot(page, artifacts, "chart_explorer_decimal_comma_upload")
    # the file's five weeks, not 36 months of the course's data, on an axis of dates
    expect(panel.locator(".scatterlayer .point")).to_have_count(5)
    expect(panel.locator(".xtick text").first).to_contain_text("Apr")

    upload("suppressed_values.csv")
    expect(panel.get_by_text("holds numbers, except in rows 3 and 5").first).to_be_visible(
        timeout=30_000)
    wait_until_drawn(page)
    panel.locator(".jp-OutputArea-output").first.scroll_into_view_if_needed()
    screenshot(page, artifacts, "chart_explorer_failed_upload")
    expect(panel.locator(".annotation-text", has_text="No chart").first).to_be_visible()
    expect(panel.locator(".scatterlayer .point")).to_have_count(0)
    assert problems.messages == []
