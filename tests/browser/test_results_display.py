"""qic() and ptd() results, left as a cell's last line, show in JupyterLab as their charts (through
_repr_mimebundle_), with no browser errors (the cells of one notebook, run once for the module).
Screenshots are kept as test artefacts."""

import pytest
from playwright.sync_api import expect

from browser.lab_actions import open_widget, screenshot, show_cell

pytestmark = pytest.mark.browser


RESULTS = {
    # name: (code whose last line is a result, text the chart shows)
    "qic_result": ("from qispread import qic, load\n"
                   "qic(x='period', y='falls', data=load('falls'), chart='i')",
                   "points. Runs signal"),
    "ptd_result": ("from qispread import ptd, load\n"
                   "ptd(data=load('falls'), x='period', y='falls', "
                   "improvement_direction='decrease', target=40)", "Making Data Count"),
}


NAMES = sorted(RESULTS)


@pytest.fixture(scope="module")
def every_result(lab_server, lab_page):
    """The notebook of both results, run once: the browser's error collector."""
    _panel, problems = open_widget(lab_page, lab_server, "results_display",
                                   *(RESULTS[name][0] for name in NAMES))
    return problems


@pytest.mark.parametrize("name", NAMES)
def test_a_result_shows_as_its_chart(name, lab_page, every_result, artifacts):
    _code, words = RESULTS[name]
    page, problems = lab_page, every_result
    panel = show_cell(page, NAMES.index(name), name)
    chart = panel.locator(".jp-OutputArea-output svg.main-svg").first
    expect(chart).to_be_visible(timeout=60_000)
    expect(panel.locator(".jp-OutputArea-output").first).to_contain_text(words, timeout=30_000)
    assert "Traceback" not in panel.inner_text()
    screenshot(page, artifacts, name)
    assert problems.messages == []
