"""One learner, without data of their own, works through every lesson from 00 to 11 in JupyterLab
and carries a project from the aim to the spread plan, using the tools only: Run All from the menu,
then clicking and typing in the tools, never code. Module 11's assignment makes the plan (HTML and
PDF). Screenshots of every step: test-artifacts/browser/walkthrough/NN-*.png (the top of each
lesson after Run All, then its "your project" tool)."""

import json
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser.lab_actions import (
    NOTEBOOK_PANEL,
    open_notebook,
    run_all_from_menu,
    switch_notebook,
    wait_until_drawn,
)

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
LESSONS = ("00_start_here", "01_model_for_improvement", "02_understanding_the_system",
           "03_driver_diagrams", "04_measurement",
           "05_run_charts", "06_spc", "07_pdsa", "08_spread_principles", "09_leading_spread",
           "10_sustaining_change", "11_spread_plan")
PROJECT_CELL = "your-project-tool"
TOOL_CELLS = {"11_spread_plan": "cell-11"}  # module 11's lesson ends with the plan builder
# worked examples photographed too: those drawn by one call to lesson_chart or xmr_steps
EXAMPLE_CELLS = {"04_measurement": ("cell-22",), "05_run_charts": ("cell-19",),
                 "06_spc": ("cell-03", "cell-08", "cell-10", "cell-22", "cell-27"),
                 "08_spread_principles": ("cell-05",)}
ASSIGNMENT = "exercises/11_spread_plan/spread_plan_assignment.ipynb"
PARTS = ["aim.json", "team.json", "process_map.json", "fishbone.json", "driver_diagram.json",
         "measures.json", "stakeholders.json", "involvement.json", "chart.json",
         "pdsa.json", "readiness.json", "coaching_plan.json", "sustainability.json",
         "spread_measures.json"]

MY_AIM = ("Increase the percentage of eligible adults screened for sepsis within one hour in the "
          "acute medical unit at Hilltop Hospital from 55% to 80% by 30 June 2026.")
MY_READING = ("Before our first test the percentage screened stayed near 60 each week. After the "
              "prompt went onto the form the points rose, and from September nearly every point "
              "is above the old centre line: a shift, so the change worked. One very low week in "
              "January was an IT outage, a special cause we can explain.")


@pytest.fixture(scope="module")
def shots(artifacts) -> Path:
    folder = artifacts / "walkthrough"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def _notebook(lab_server, folder: str) -> str:
    if folder == "assignment":
        return ASSIGNMENT
    [lesson] = sorted((lab_server.root / "course" / folder).glob("*.ipynb"))
    return str(lesson.relative_to(lab_server.root))


def _lesson(page, lab_server, folder: str, shots: Path):
    """Open a lesson (the first in a fresh JupyterLab, then each in place of the one before, its
    kernel shut down), run all of it, check no error was shown, photograph its top and its worked
    examples; return the lesson's "your project" cell, scrolled into view. The next lesson's
    kernel starts meanwhile, as a kernel that `make lab` starts would."""
    if folder == LESSONS[0]:
        open_notebook(page, lab_server, _notebook(lab_server, folder))
    else:
        switch_notebook(page, _notebook(lab_server, folder))
    following = LESSONS.index(folder) + 1
    kernel = lab_server.start_session(_notebook(lab_server, (*LESSONS, "assignment")[following]))
    lab_server.import_in(kernel, "qispread.widgets.chart_explorer, qispread.widgets.my_project")
    run_all_from_menu(page)
    assert _errors_shown(page) == [], folder
    _scroll_to(page, 0)
    _shot(page, shots, f"{folder[:2]}-lesson")
    for cell_id in EXAMPLE_CELLS.get(folder, ()):
        _scroll_to(page, cell_id)
        _shot(page, shots, f"{folder[:2]}-example-{cell_id}")
    cell_id = TOOL_CELLS.get(folder, PROJECT_CELL)
    _scroll_to(page, cell_id)
    cell = page.locator(f"{NOTEBOOK_PANEL} .jp-Cell.jp-mod-active")
    expect(cell.locator(".jp-OutputArea-output .widget-vbox").first).to_be_visible(timeout=60_000)
    return cell


def _errors_shown(page) -> list[str]:
    """The errors in the notebook's outputs (every cell, also those scrolled out of view)."""
    return page.evaluate("""() => window.jupyterapp.shell.currentWidget.content.widgets
        .filter(cell => cell.model.type === "code")
        .flatMap(cell => cell.model.outputs.toJSON())
        .filter(output => output.output_type === "error")
        .map(output => `${output.ename}: ${output.evalue}`)""")


def _scroll_to(page, cell: str | int) -> None:
    """Make a cell (its id, or its position) the active one, at the top of the window."""
    index = page.evaluate(
        """cell => {
            const notebook = window.jupyterapp.shell.currentWidget.content;
            const index = typeof cell === "number" ? cell
                : notebook.widgets.findIndex(widget => widget.model.id === cell);
            if (index < 0) return index;
            notebook.activeCellIndex = index;
            notebook.scrollToItem(index, "start");
            return index;
        }""", cell)
    assert index >= 0, f"the lesson has no cell {cell}"


def _shot(page, shots: Path, name: str) -> None:
    wait_until_drawn(page)
    page.screenshot(path=str(shots / f"{name}.png"))


def test_a_learner_goes_from_aim_to_spread_plan_with_the_tools_only(lab_server, page, shots):
    root = lab_server.root
    shutil.copytree(ROOT / "exercises" / "11_spread_plan", root / "exercises" / "11_spread_plan")
    project = root / "my_project"

    # 00: no project of my own yet: start from the example project
    cell = _lesson(page, lab_server, "00_start_here", shots)
    cell.get_by_role("button", name="Fill the empty parts from the example project").click()
    expect(cell.get_by_text("filled from the example")).to_be_visible()
    _shot(page, shots, "00-project")
    assert sorted(p.name for p in project.glob("*.json")) == sorted(PARTS)

    # 01: my own aim, typed into the aim checker of my project
    cell = _lesson(page, lab_server, "01_model_for_improvement", shots)
    cell.locator("textarea").first.fill(MY_AIM)
    expect(cell.get_by_text("found all four parts", exact=False)).to_be_visible()
    _shot(page, shots, "01-project")
    assert json.loads((project / "aim.json").read_text())["text"] == MY_AIM

    for folder in ("02_understanding_the_system", "03_driver_diagrams", "04_measurement"):
        _lesson(page, lab_server, folder, shots)
        _shot(page, shots, f"{folder[:2]}-project")

    # 05: my reading of my chart, typed in the box under it
    cell = _lesson(page, lab_server, "05_run_charts", shots)
    expect(cell.locator("svg.main-svg").first).to_be_visible(timeout=30_000)
    reading = cell.locator("textarea").last
    reading.fill(MY_READING)
    reading.press("Tab")  # the box saves when you leave it
    _shot(page, shots, "05-project")
    assert json.loads((project / "chart.json").read_text())["interpretation"] == MY_READING

    for folder in LESSONS[LESSONS.index("05_run_charts") + 1:]:
        _lesson(page, lab_server, folder, shots)
        _shot(page, shots, f"{folder[:2]}-project")

    # 11: the assignment: run it, type my name, make the plan, read the checks
    switch_notebook(page, ASSIGNMENT)
    run_all_from_menu(page)
    panel = page.locator(NOTEBOOK_PANEL)
    panel.get_by_placeholder("as it should appear on the plan").fill("Sam Jones")
    panel.get_by_role("button", name="Make my spread plan (HTML and PDF)").click()
    expect(panel.get_by_text("your spread plan is in", exact=False)).to_be_visible(
        timeout=180_000)
    _shot(page, shots, "11-assignment-plan-made")
    plan = root / "exercises" / "11_spread_plan" / "my_spread_plan"
    assert "Sam Jones" in (plan / "spread_plan.html").read_text()
    assert (plan / "spread_plan.pdf").read_bytes().startswith(b"%PDF")
    # run the check cells again now that the copy is made: every automatic check passes
    run_all_from_menu(page)
    for ok in ("Question 1: your aim can be marked.",
               "Question 2: every primary driver has a fully defined measure.",
               "Question 3: your chart can be marked, and your reading agrees with its rules.",
               "Question 4: your PDSA log has a ramp of cycles that build on each other.",
               "Question 5: every marked principle is rated."):
        expect(panel).to_contain_text(ok, timeout=60_000)
    _shot(page, shots, "11-assignment-checks")
    page.goto(f"file://{plan / 'spread_plan.html'}")
    expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible()
    wait_until_drawn(page)
    page.screenshot(path=str(shots / "11-plan-in-browser.png"))
