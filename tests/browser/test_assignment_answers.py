"""An assignment as a learner meets it in JupyterLab (issues 23 and 24): checks are collapsed, one
line each; slips typed in answer cells (no quotes, "93%", a comma decimal) get plain hints, never a
traceback; Run All runs every question and the last cell lists what is still to do."""

from __future__ import annotations

import shutil

import nbformat
import pytest

from browser.conftest import ROOT
from browser.lab_actions import (
    NOTEBOOK_PANEL,
    open_notebook,
    run_all_from_menu,
    screenshot,
    wait_until_drawn,
)

pytestmark = pytest.mark.browser

ASSIGNMENT = "07_pdsa"
SLIPS = {"q1_answer": "answer_q1 = D, B, C, E, A",  # no quotes
         "q3_answer": "answer_q3 = B, F, Q"}  # Q is not an option; question 2 left blank


# every output of the notebook, from JupyterLab's model (cells off screen are not in the page)
OUTPUTS = """() => {
    const cells = window.jupyterapp.shell.currentWidget.content.model.cells;
    const found = [];
    for (let i = 0; i < cells.length; i++) {
        const cell = cells.get(i);
        if (cell.type === "code") found.push(...cell.toJSON().outputs);
    }
    return found;
}"""


def test_slips_get_hints_and_run_all_reaches_the_end(page, lab_server, artifacts):
    folder = shutil.copytree(ROOT / "exercises" / ASSIGNMENT,
                             lab_server.root / "exercises" / ASSIGNMENT, dirs_exist_ok=True)
    (path,) = folder.glob("*.ipynb")
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in SLIPS:
            cell.source = SLIPS[grade_id]
    nbformat.write(nb, path)
    open_notebook(page, lab_server, f"exercises/{ASSIGNMENT}/{path.name}")
    run_all_from_menu(page)
    wait_until_drawn(page)
    panel = page.locator(NOTEBOOK_PANEL)
    outputs = page.evaluate(OUTPUTS)
    shown = "\n".join(o.get("text", "") if isinstance(o.get("text"), str)
                      else "".join(o.get("text", [])) for o in outputs)
    assert not [o for o in outputs if o["output_type"] == "error"], shown
    assert "Traceback" not in shown and "Error" not in shown, shown
    assert "Question 1: your order D, B, C, E, A can be marked." in shown
    assert "Question 3: 'Q' is not one of the options" in shown
    assert "Still to do" in shown and "Question 2a" in shown and "Question 4" in shown
    # every check cell is collapsed: its code is not on the screen
    assert panel.locator(".jp-Cell .jp-InputArea:has-text('checks.sequence')").count() == 0
    hint = panel.locator(".jp-OutputArea-output", has_text="'Q' is not one of the options")
    hint.first.scroll_into_view_if_needed()
    page.mouse.wheel(0, -250)
    wait_until_drawn(page)
    screenshot(page, artifacts, "assignment_06_slips")
