"""The course's start page is served by JupyterLab and opens as a notebook in a real browser."""

import pytest
from playwright.sync_api import expect

from browser.lab_actions import NOTEBOOK_PANEL, open_notebook, screenshot

pytestmark = pytest.mark.browser

START_PAGE = "course/00_start_here/start_here.ipynb"


def test_the_start_page_is_served_and_opens(lab_server, page, artifacts):
    listing = lab_server.api(f"contents/{START_PAGE}")
    assert listing["type"] == "notebook"
    first_cell = "".join(listing["content"]["cells"][0]["source"])
    open_notebook(page, lab_server, START_PAGE)
    tab = page.locator(".lm-TabBar-tabLabel", has_text="start_here.ipynb")
    assert tab.count() >= 1
    # The first line of the notebook's first cell is on screen, as the learner sees it.
    first_line = next(line for line in first_cell.splitlines() if line.strip()).lstrip("# ").strip()
    rendered = page.locator(f"{NOTEBOOK_PANEL} .jp-RenderedMarkdown").first
    expect(rendered).to_contain_text(first_line[:40])
    expect(rendered).to_be_visible()
    screenshot(page, artifacts, "start_here")
