"""Model answers meet their own mark schemes (issue 23 §2): module 11's model reading of its chart
ended "a shift, so the change worked", the over-claim its mark scheme marks down."""

import ast

import nbformat
from pipeline.notebooks import ROOT

from qispread.checks.meaning import overclaims

MODULE_10 = ROOT / "solutions" / "11_spread_plan" / "spread_plan_assignment.ipynb"


def model_reading() -> str:
    for cell in nbformat.read(MODULE_10, as_version=4).cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "plan_tool":
            for node in ast.walk(ast.parse(cell.source)):
                if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "reading":
                    return ast.literal_eval(node.value)
    raise AssertionError("module 11's model reading was not found")


def test_module_10s_model_reading_does_not_claim_the_chart_proves_the_change_worked():
    reading = model_reading()
    assert "shift" in reading  # it still reads the signal
    assert not overclaims(reading), reading
