"""The spread measures tool (module 10 Part 2, the capstone's "How we will know it is spreading") in
a real JupyterLab 1366 pixels wide, driven as a learner does: type the sites, components and groups,
press Save and draw, rate a site's component in the grid, and see the three charts drawn with the
typed sites in them; run the notebook again, and open it again, and see the charts again (they were
blank the second time in a real lab); with more components than the cell is wide, scroll the grid
as one. Saves under names no other browser test uses. Screenshots in
test-artifacts/browser/spread-measures-*.png."""

import json

import pytest
from playwright.sync_api import expect

from browser.lab_actions import (
    BrowserProblems,
    open_notebook,
    run_all_from_menu,
    switch_notebook,
    wait_until_drawn,
)
from browser.test_readable_in_lab import expect_chart_fills_the_cell

pytestmark = pytest.mark.browser

SAVED = "spread_measures_browser.json"
NOT_DELIVERED = "✗ not delivered"  # the fidelity cell of the rating the test chooses
TYPED = {
    "e.g. One-hour sepsis screening": "Falls huddles",
    "e.g. Apr 2024, May 2024, Jun 2024": "Jan 2025, Feb 2025, Mar 2025, Apr 2025, May 2025",
    "Riverside | Apr 2024 | 62, 70, 78": "Ward Alpha | Jan 2025 | 60, 70, 80, 85, 90\n"
                                         "Ward Bravo | Feb 2025 | , 10, 20, 15, 12",
    "core: Screening prompt at triage": "core: Daily safety huddle\n"
                                        "periphery: Time of the huddle",
    "1 most deprived | 1240 | 682": "Over 80 | 100 | 40\nUnder 80 | 200 | 160",
}

# What plotly has drawn in each chart, read from its SVG: a chart built but never drawn, or drawn
# empty, has no line paths, no heatmap cells and no bars.
_DRAWN = """plot => ({
    lines: [...plot.querySelectorAll(".scatterlayer path.js-line")]
        .filter(p => (p.getAttribute("d") || "").length > 10).length,
    legend: [...plot.querySelectorAll(".legendtext")].map(t => t.textContent),
    cells: [...plot.querySelectorAll(".heatmaplayer text, .heatmaplayer tspan")]
        .map(t => t.textContent),
    heatmap: plot.querySelectorAll(".heatmaplayer image").length,
    bars: [...plot.querySelectorAll(".barlayer .point path")]
        .filter(p => (p.getAttribute("d") || "M0,0").length > 8).length,
    bartext: [...plot.querySelectorAll(".barlayer text")].map(t => t.textContent),
    ticks: [...plot.querySelectorAll(".ytick text, .xtick text")].map(t => t.textContent),
    title: plot.querySelector(".gtitle")?.textContent ?? "",
})"""


@pytest.fixture
def page(lab_page):
    lab_page.set_viewport_size({"width": 1366, "height": 900})
    return lab_page


def _charts(panel) -> dict[str, dict]:
    """Each of the tool's three charts (by title) and what plotly drew in it."""
    drawn = {}
    # as a learner does, scroll down to the charts (JupyterLab may leave what is out of view
    # undrawn)
    panel.locator(".jp-OutputArea-output").last.evaluate(
        "e => e.scrollIntoView({block: 'end'})")
    for plot in panel.locator(".js-plotly-plot").all():
        seen = plot.evaluate(_DRAWN)
        drawn[seen["title"].split(":")[0]] = seen
    return drawn


def _expect_charts_drawn(panel) -> dict[str, dict]:
    """The adoption curve with both wards' uptake, the fidelity grid with Ward Bravo's core
    huddle not delivered and the reach bars, each drawn (not only present), each as wide as the
    cell."""
    for _ in range(60):  # plotly draws within moments of the kernel's reply
        drawn = _charts(panel)
        adoption, fidelity, reach = (drawn.get(t, {}) for t in ("Adoption", "Fidelity", "Reach"))
        if adoption.get("lines", 0) >= 4 and NOT_DELIVERED in fidelity.get("cells", []) \
                and reach.get("bars") == 2:
            break
        panel.page.wait_for_timeout(250)
    assert adoption.get("lines", 0) >= 4, f"adoption curve not drawn: {adoption} {drawn}"
    assert {"Ward Alpha", "Ward Bravo", "signed up", "in use"} <= set(adoption["legend"])
    assert fidelity.get("heatmap"), f"fidelity grid not drawn: {fidelity}"
    assert NOT_DELIVERED in fidelity["cells"]
    assert {"Ward Alpha", "Ward Bravo"} <= set(fidelity["ticks"])
    assert reach.get("bars") == 2, f"reach bars not drawn: {reach}"
    assert "40% (40 of 100)" in reach["bartext"] and "80% (160 of 200)" in reach["bartext"]
    expect_chart_fills_the_cell(panel)
    return drawn


def _shoot(page, panel, artifacts, name: str) -> None:
    wait_until_drawn(page)
    for i, plot in enumerate(panel.locator(".js-plotly-plot").all()):
        plot.scroll_into_view_if_needed()
        wait_until_drawn(page)
        plot.screenshot(path=str(artifacts / f"spread-measures-{name}-chart{i + 1}.png"))
    grid = panel.locator(".widget-vbox .widget-dropdown").first
    grid.scroll_into_view_if_needed()
    wait_until_drawn(page)
    page.screenshot(path=str(artifacts / f"spread-measures-{name}-grid.png"))


def _run_tool(page, lab_server, name: str, arguments: str):
    """Open a notebook of the tool called with ``arguments`` and run it from the menu, as a
    learner does: the notebook's panel and the tool in it, shown."""
    notebook = lab_server.write_notebook(
        f"browser/{name}.ipynb",
        f"from qispread.widgets import SpreadMeasuresTool\nSpreadMeasuresTool({arguments})")
    open_notebook(page, lab_server, notebook)
    run_all_from_menu(page)
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    tool = panel.locator(".jp-OutputArea-output .widget-vbox").first
    expect(tool).to_contain_text("Is it spreading?", timeout=60_000)
    return notebook, panel, tool


def test_typed_programme_draws_and_draws_again_when_run_and_opened_again(lab_server, page,
                                                                        artifacts):
    # the notebook closed when another opens can no longer send its widgets' messages, nor
    # restore its debugger; under load JupyterLab may still ask the closed notebook's session
    # for its kernel (its session is gone: null)
    problems = BrowserProblems(ignored=("Could not send widget sync message",
                                        "Could not restore the debugger state",
                                        "pageerror: Cannot read properties of null (reading "
                                        "'kernel')"))
    problems.watch(page)
    notebook, panel, tool = _run_tool(page, lab_server, "spread_measures_run", f'"{SAVED}"')
    for placeholder, text in TYPED.items():
        panel.get_by_placeholder(placeholder, exact=False).fill(text)
    panel.get_by_role("button", name="Save and draw").click()
    expect(tool).to_contain_text(f"saved to {SAVED}", timeout=30_000)

    # the grid: Ward Bravo does not deliver the core huddle
    bravo_core = panel.get_by_title("Ward Bravo: Daily safety huddle")
    bravo_core.select_option(label="not delivered")
    expect(tool).to_contain_text("Core components adapted or dropped at: Ward Bravo",
                                 timeout=30_000)
    _expect_charts_drawn(panel)
    saved = json.loads(lab_server.root.joinpath("browser", SAVED).read_text())
    assert saved["fidelity"]["Ward Bravo"] == {"Daily safety huddle": "not delivered"}
    _shoot(page, panel, artifacts, "typed")

    # run again: the tool opens the saved file and draws it
    run_all_from_menu(page)
    expect(tool).to_contain_text("Ward Alpha", timeout=30_000)
    _expect_charts_drawn(panel)

    # open again (another notebook first, then this one), as a learner coming back does
    other = lab_server.write_notebook("browser/spread_measures_other.ipynb", "1 + 1")
    switch_notebook(page, other)
    switch_notebook(page, notebook)
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    run_all_from_menu(page)
    _expect_charts_drawn(panel)
    _shoot(page, panel, artifacts, "reopened")
    assert "Traceback" not in panel.inner_text()
    assert problems.messages == []


def test_rating_options_are_readable_whole(lab_server, page, artifacts):
    """Every rating in the grid's drop-downs shows whole at 1366 pixels, not cut off."""
    _notebook, panel, _tool = _run_tool(page, lab_server, "spread_measures_example",
                                        '"spread_measures_browser_example.json", example=True')
    boxes = panel.locator(".widget-dropdown select")
    expect(boxes.first).to_be_visible(timeout=60_000)
    cut = boxes.evaluate_all("""boxes => boxes.filter(b => b.scrollWidth > b.clientWidth + 1
        || (() => {  // the chosen option's words wider than the box shows
            const probe = document.createElement("span");
            const style = getComputedStyle(b);
            probe.style.font = style.font;
            probe.style.position = "absolute";
            probe.textContent = b.options[b.selectedIndex].text;
            document.body.append(probe);
            const wide = probe.getBoundingClientRect().width;
            probe.remove();
            const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
            return wide > b.clientWidth - padding;
        })()).map(b => b.title + ": " + b.options[b.selectedIndex].text)""")
    boxes.first.scroll_into_view_if_needed()
    wait_until_drawn(page)
    page.screenshot(path=str(artifacts / "spread-measures-example-grid.png"))
    assert cut == []


def test_many_components_scroll_as_one_grid_under_their_headings(lab_server, page, artifacts):
    """Nine components are wider than the cell: the grid scrolls sideways as one, each drop-down
    staying under its component's heading, and each site's name on one line."""
    _notebook, panel, tool = _run_tool(page, lab_server, "spread_measures_wide",
                                       '"spread_measures_browser_wide.json"')
    panel.get_by_placeholder("e.g. Apr 2024", exact=False).fill("Jan 2025, Feb 2025")
    panel.get_by_placeholder("Riverside | Apr 2024", exact=False).fill(
        "Ward Alpha | Jan 2025 | 60, 70\nWard Bravo | Jan 2025 | 10, 20")
    panel.get_by_placeholder("core: Screening", exact=False).fill(
        "\n".join(f"core: Component {i} of the bundle" for i in range(9)))
    panel.get_by_role("button", name="Save and draw").click()
    expect(tool).to_contain_text("saved to", timeout=30_000)
    last = panel.get_by_title("Ward Bravo: Component 8 of the bundle")
    grid = last.evaluate_handle("box => box.closest('.widget-hbox').parentElement")
    grid.evaluate("g => g.scrollLeft = g.scrollWidth")
    wait_until_drawn(page)
    seen = grid.evaluate("""g => {
        const rows = [...g.children];
        const left = e => e.getBoundingClientRect().left;
        return {
            wider: g.scrollWidth > g.clientWidth,
            scrolled: g.scrollLeft,
            rows_scrolling: rows.filter(r => r.scrollWidth > r.clientWidth + 1).length,
            columns: rows.map(r => [...r.children].map(left)),
            visible: [left(g), g.getBoundingClientRect().right],
            site_heights: rows.slice(1).map(r => r.children[0].getBoundingClientRect().height),
        };
    }""")
    grid.evaluate("g => g.scrollIntoView({block: 'center'})")
    wait_until_drawn(page)
    page.screenshot(path=str(artifacts / "spread-measures-wide-grid.png"))
    assert seen["wider"] and seen["scrolled"] > 0, seen
    assert seen["rows_scrolling"] == 0, "a line of the grid scrolls on its own"
    heading, *rows = seen["columns"]
    for row in rows:
        assert row == pytest.approx(heading, abs=1), "drop-downs not under their headings"
    assert seen["visible"][0] <= heading[-1] < seen["visible"][1]  # the last column in view
    assert max(seen["site_heights"]) < 2 * min(seen["site_heights"]) < 60  # one line each
