"""Every tool of the course in a real JupyterLab, run as a learner runs a lesson: axe-core (WCAG 2.1
A and AA) finds no serious or critical problem in any tool's output (issue 23 §6), and the keyboard
reaches every control with Tab. The tools are the cells of one notebook, run once for the module
as a lesson full of tools is; each tool is made in a folder of its own, so none reads what
another saved (they save their empty parts when made)."""

import json

import pytest
from accessibility import axe_violations, serious

from browser.lab_actions import (
    NOTEBOOK_PANEL,
    OWN_FOLDERS,
    move_the_month_with_the_keys,
    open_widget,
    screenshot,
    show_cell,
    wait_until_drawn,
)
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


# The fields a screen reader cannot name. axe-core counts a placeholder as a name, and ipywidgets
# gives a text box without a description the placeholder U+200B (zero-width space): axe passes
# such a box, which a screen reader announces with no name at all.
NAMELESS_FIELDS = """output => [...output.querySelectorAll('input, select, textarea')]
    .filter(e => e.type !== 'hidden' && e.checkVisibility())
    .filter(e => {
        const labelled = (e.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean)
            .map(id => document.getElementById(id)?.textContent ?? '').join('');
        const labels = [...e.labels].filter(l => l.checkVisibility()).map(l => l.textContent);
        const placeholder = (e.placeholder || '').replaceAll('\u200b', '');
        return ![e.getAttribute('aria-label'), labelled, ...labels, e.title, placeholder]
            .some(name => name && name.trim());
    })
    .map(e => e.outerHTML.slice(0, 160))"""


@pytest.fixture(scope="module")
def every_tool(lab_server, lab_page):
    """The notebook of every tool, run once: the browser's error collector, which hears every
    console error from then on."""
    first = f"{OWN_FOLDERS}\n\nfrom qispread import widgets as tools"
    cells = [f"own_folder({name!r})\n{SPECIAL.get(name, f'tools.{name}()')}" for name in TOOLS]
    _panel, problems = open_widget(lab_page, lab_server, "a11y/every_tool", first, *cells)
    return problems


@pytest.fixture
def page(lab_page, every_tool):
    """The module's one page (conftest.lab_page), showing the notebook of every tool."""
    return lab_page


def tool_output(page, name: str):
    """The output of the tool's cell, at the top of the window."""
    return show_cell(page, TOOLS.index(name) + 1, name).locator(".jp-OutputArea-output").first


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
def test_a_screen_reader_can_name_and_a_keyboard_reach_every_part(name, page, every_tool,
                                                                   axe_script, artifacts):
    output = tool_output(page, name)
    output.locator(".jupyter-widgets").first.wait_for(timeout=60_000)
    wait_until_drawn(page)
    assert output.inner_text().strip() and "Traceback" not in output.inner_text()

    within = f"{NOTEBOOK_PANEL} .jp-Cell[data-shown='{name}'] .jp-OutputArea-output"
    violations = axe_violations(page, axe_script, within=within)
    (artifacts / f"axe-tool-{name}.json").write_text(json.dumps(violations, indent=1))
    found = serious(violations)
    assert not found, f"{name}: axe-core found " + json.dumps(found, indent=1)
    nameless = output.evaluate(NAMELESS_FIELDS)
    assert not nameless, f"{name}: fields with no name " + json.dumps(nameless, indent=1)

    screenshot(page, artifacts, f"a11y-{name}")  # before Tab walks on to the next tool
    assert controls(output), f"{name} has no control a keyboard could reach"
    missed = tab_misses(page, output)
    assert not missed, f"{name}: Tab never reaches " + json.dumps(missed, indent=1)
    assert every_tool.messages == []


def test_the_month_slider_is_named_and_moves_with_the_arrow_keys(page, every_tool, artifacts):
    """The one serious finding of issue 23 §6: a screen reader now hears "Show month", and the
    arrow keys move the month the network shows."""
    panel = tool_output(page, "SpreadSimulator")
    move_the_month_with_the_keys(page, panel)
    panel.locator(".js-plotly-plot").first.hover()
    wait_until_drawn(page)
    screenshot(page, artifacts, "a11y-month-slider")
    assert panel.locator(".modebar").count() == 0  # no toolbar over the charts' titles
    assert every_tool.messages == []
