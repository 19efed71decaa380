"""One learner, without data of their own, carries a project from module 00 to the spread plan of
module 10 in JupyterLab, using the tools only: clicking and typing, never code. Each module's step
is the "your project" cell at the end of its lesson, run in that lesson's folder; module 10 is the
real assignment. Screenshots of every step: test-artifacts/browser/walkthrough-NN-*.png."""

import json
import shutil
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import expect

from browser.lab_actions import (
    NOTEBOOK_PANEL,
    open_notebook,
    run_all_cells,
    wait_until_idle,
)

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]

MY_AIM = ("Increase the percentage of eligible adults screened for sepsis within one hour in the "
          "acute medical unit at Hilltop Hospital from 55% to 80% by 30 June 2026.")
MY_READING = ("Before our first test the percentage screened stayed near 60 each week. After the "
              "prompt went onto the form the points rose, and from September nearly every point "
              "is above the old centre line: a shift, so the change worked. One very low week in "
              "January was an IT outage, a special cause we can explain.")


def _your_project_step(lab_root: Path, folder: str) -> str:
    """A notebook in the lesson's folder holding the lesson's own 'your project' cell."""
    [lesson] = sorted((ROOT / "course" / folder).glob("*.ipynb"))
    cell = next(c for c in nbformat.read(lesson, as_version=4).cells
                if c.get("id") == "your-project-tool")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(cell.source)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)",
                                       "language": "python"}
    relative = f"course/{folder}/your_project_step.ipynb"
    nbformat.write(notebook, lab_root / relative)
    return relative


def _open_and_run(page, lab_server, relative: str):
    open_notebook(page, lab_server, relative)
    run_all_cells(page)
    wait_until_idle(page)
    panel = page.locator(NOTEBOOK_PANEL)
    expect(panel.locator(".jp-OutputArea-output .widget-vbox").first).to_be_visible(
        timeout=60_000)
    return panel


def _shot(page, artifacts, name: str) -> None:
    page.wait_for_timeout(1500)
    page.screenshot(path=str(artifacts / f"walkthrough-{name}.png"))


def test_a_learner_goes_from_aim_to_spread_plan_with_the_tools_only(lab_server, page, artifacts):
    root = lab_server.root
    shutil.copytree(ROOT / "exercises" / "10_spread_plan", root / "exercises" / "10_spread_plan")
    project = root / "my_project"

    # 00: no project of my own yet: start from the example project
    panel = _open_and_run(page, lab_server, _your_project_step(root, "00_start_here"))
    panel.get_by_role("button", name="Fill the empty parts from the example project").click()
    expect(panel.get_by_text("filled from the example")).to_be_visible()
    _shot(page, artifacts, "00-my-project")
    assert sorted(p.name for p in project.glob("*.json")) == sorted(
        ["aim.json", "driver_diagram.json", "measures.json", "chart.json", "pdsa.json",
         "readiness.json", "coaching_plan.json", "sustainability.json"])

    # 01: my own aim, typed into the aim checker
    panel = _open_and_run(page, lab_server, _your_project_step(root, "01_model_for_improvement"))
    aim_box = panel.locator(".jp-OutputArea-output textarea").first
    aim_box.fill(MY_AIM)
    expect(panel.get_by_text("found all four parts", exact=False)).to_be_visible()
    _shot(page, artifacts, "01-aim")
    assert json.loads((project / "aim.json").read_text())["text"] == MY_AIM

    for folder, name in (("02_driver_diagrams", "02-diagram"), ("03_measurement", "03-measures")):
        _open_and_run(page, lab_server, _your_project_step(root, folder))
        _shot(page, artifacts, name)

    # 04: my reading of the chart, typed in the box under it
    panel = _open_and_run(page, lab_server, _your_project_step(root, "04_run_charts"))
    expect(panel.locator("svg.main-svg").first).to_be_visible(timeout=30_000)
    reading = panel.locator(".jp-OutputArea-output textarea").last
    reading.fill(MY_READING)
    reading.press("Tab")  # the box saves when you leave it
    page.wait_for_timeout(1000)
    _shot(page, artifacts, "04-chart")
    assert json.loads((project / "chart.json").read_text())["interpretation"] == MY_READING

    for folder, name in (("05_spc", "05-spc"), ("06_pdsa", "06-pdsa"),
                         ("07_spread_principles", "07-readiness"),
                         ("08_leading_spread", "08-coaching"),
                         ("09_sustaining_change", "09-sustainability")):
        panel = _open_and_run(page, lab_server, _your_project_step(root, folder))
        assert "Traceback" not in panel.inner_text()
        _shot(page, artifacts, name)

    # 10: the assignment: run it, type my name, make the plan, read the checks
    panel = _open_and_run(page, lab_server, "exercises/10_spread_plan/spread_plan_assignment.ipynb")
    panel.get_by_placeholder("as it should appear on the plan").fill("Sam Jones")
    panel.get_by_role("button", name="Make my spread plan (HTML and PDF)").click()
    expect(panel.get_by_text("your spread plan is in", exact=False)).to_be_visible(
        timeout=180_000)
    _shot(page, artifacts, "10-spread-plan-made")
    plan = root / "exercises" / "10_spread_plan" / "my_spread_plan"
    assert "Sam Jones" in (plan / "spread_plan.html").read_text()
    assert (plan / "spread_plan.pdf").read_bytes().startswith(b"%PDF")
    # run the check cells again now that the copy is made: every automatic check passes
    run_all_cells(page)
    wait_until_idle(page)
    text = panel.text_content()  # every cell, also those scrolled out of view
    for ok in ("Your aim can be marked.", "Every primary driver has a fully defined measure.",
               "Your chart and your reading of it can be marked.",
               "Your PDSA log has a ramp with a prediction and a study.",
               "Every principle is rated."):
        assert ok in text
    _shot(page, artifacts, "10-checks")
    page.goto(f"file://{plan / 'spread_plan.html'}")
    page.wait_for_timeout(3000)
    page.screenshot(path=str(artifacts / "walkthrough-10-plan-in-browser.png"), full_page=False)
