"""qic() and ptd() results, left as a cell's last line, show in JupyterLab as their charts (through
_repr_mimebundle_), with no browser errors. Screenshots are kept as test artefacts."""

import pytest
from playwright.sync_api import expect

from browser.lab_actions import open_widget, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def page(lab_page):
    """The module's one page (conftest.lab_page): JupyterLab loads once for all its tests."""
    return lab_page

RESULTS = {
    # name: (code whose last line is a result, text the chart shows)
    "qic_result": ("from qispread import qic, load\n"
                   "qic(x='period', y='falls', data=load('falls'), chart='i')",
                   "points. Runs signal"),
    "ptd_result": ("from qispread import ptd, load\n"
                   "ptd(data=load('falls'), x='period', y='falls', "
                   "improvement_direction='decrease', target=40)", "Making Data Count"),
}


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_a_result_shows_as_its_chart(name, lab_server, page, artifacts):
    code, words = RESULTS[name]
    panel, problems = open_widget(page, lab_server, name, code)
    chart = panel.locator(".jp-OutputArea-output svg.main-svg").first
    expect(chart).to_be_visible(timeout=60_000)
    expect(panel.locator(".jp-OutputArea-output").first).to_contain_text(words, timeout=30_000)
    assert "Traceback" not in panel.inner_text()
    screenshot(page, artifacts, name)
    assert problems.messages == []
