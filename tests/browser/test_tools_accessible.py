"""Every tool of the course in a real JupyterLab, run as a learner runs a lesson: axe-core (WCAG 2.1
A and AA) finds no serious or critical problem in any tool's output (issue 23 §6), and the keyboard
reaches every control with Tab. Each tool opens as the installed wheel's smoke test opens it: bare,
in a folder of its own, so nothing it saves meets another test's files."""

import json

import pytest
from accessibility import axe_violations, serious
from playwright.sync_api import expect

from browser.lab_actions import NOTEBOOK_PANEL, open_widget, screenshot, wait_until_drawn
from qispread import widgets as tools

pytestmark = pytest.mark.browser

SPECIAL = {
    "Quiz": "tools.Quiz([tools.Question('Which?', ('a', 'b'), 0, 'Because.')])",
}
# project_tool("aim") wraps the AimChecker, checked here on its own
TOOLS = [name for name in tools.__all__ if name not in ("Question", "project_tool")]

# what a keyboard user must be able to reach: each tool's enabled, visible controls
CONTROLS = """output => [...output.querySelectorAll(
        'button, input, select, textarea, summary, [role=slider], [tabindex]:not([tabindex="-1"])')]
    .filter(e => !e.disabled && e.checkVisibility() && !e.closest('.modebar'))"""


@pytest.fixture
def page(lab_page):
    """The module's one page (conftest.lab_page): JupyterLab loads once for all its tests."""
    return lab_page


def controls(output) -> int:
    return output.evaluate(f"output => ({CONTROLS})(output).length")


def tab_misses(page, output) -> list[str]:
    """The controls that Tab, pressed from the first until it leaves the tool, never reaches
    (a chart's own buttons take Tab presses too)."""
    output.evaluate(f"output => ({CONTROLS})(output)[0].focus()")
    reached = set()
    for _ in range(400):
        now = output.evaluate(f"""output => output.contains(document.activeElement)
            ? ({CONTROLS})(output).indexOf(document.activeElement) : null""")
        if now is None:
            break
        reached.add(now)
        page.keyboard.press("Tab")
    return output.evaluate(f"""(output, reached) => ({CONTROLS})(output)
        .filter((e, i) => !reached.includes(i)).map(e => e.outerHTML.slice(0, 160))""",
                           sorted(reached - {-1}))


@pytest.mark.parametrize("name", TOOLS)
def test_a_screen_reader_can_name_and_a_keyboard_reach_every_part(name, lab_server, page,
                                                                   axe_script, artifacts):
    code = f"from qispread import widgets as tools\n{SPECIAL.get(name, f'tools.{name}()')}"
    panel, _problems = open_widget(page, lab_server, f"a11y/{name}", code)
    output = panel.locator(".jp-OutputArea-output").first
    output.locator(".jupyter-widgets").first.wait_for(timeout=60_000)
    wait_until_drawn(page)
    assert output.inner_text().strip() and "Traceback" not in output.inner_text()

    violations = axe_violations(page, axe_script, within=f"{NOTEBOOK_PANEL} .jp-OutputArea")
    (artifacts / f"axe-tool-{name}.json").write_text(json.dumps(violations, indent=1))
    found = serious(violations)
    assert not found, f"{name}: axe-core found " + json.dumps(found, indent=1)

    assert controls(output), f"{name} has no control a keyboard could reach"
    missed = tab_misses(page, output)
    screenshot(page, artifacts, f"a11y-{name}")
    assert not missed, f"{name}: Tab never reaches " + json.dumps(missed, indent=1)


def test_the_month_slider_is_named_and_moves_with_the_arrow_keys(lab_server, page, artifacts):
    """The one serious finding of issue 23 §6: a screen reader now hears "Show month", and the
    arrow keys move the month the network shows."""
    panel, problems = open_widget(page, lab_server, "a11y/month_slider",
                                  "from qispread.widgets import SpreadSimulator\nSpreadSimulator()")
    slider = panel.get_by_role("slider", name="Show month")
    slider.scroll_into_view_if_needed()
    expect(slider).to_have_value("60", timeout=60_000)
    slider.focus()
    page.keyboard.press("Home")
    expect(panel.locator(".gtitle", has_text="month 0,")).to_have_count(1, timeout=30_000)
    page.keyboard.press("ArrowRight")
    expect(panel.locator(".gtitle", has_text="month 1,")).to_have_count(1, timeout=30_000)
    wait_until_drawn(page)
    screenshot(page, artifacts, "a11y-month-slider")
    assert problems.messages == []
