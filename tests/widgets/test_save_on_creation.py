"""Every tool writes its file when it opens, so a check never says "there is no file" to a learner
who opened the tool but has not clicked yet; an existing file is never rewritten by opening."""

import pytest

from qispread.widgets.aim_checker import AimChecker
from qispread.widgets.chart_explorer import ChartExplorer
from qispread.widgets.coaching_planner import CoachingPlanner
from qispread.widgets.driver_diagram_builder import DriverDiagramBuilder
from qispread.widgets.measure_sorter import MeasureSorter
from qispread.widgets.pdsa_log import PDSALog
from qispread.widgets.spread_readiness import SpreadReadiness
from qispread.widgets.sustainability_check import SustainabilityCheck

TOOLS = [AimChecker, ChartExplorer, CoachingPlanner, DriverDiagramBuilder, MeasureSorter, PDSALog,
         SpreadReadiness, SustainabilityCheck]


@pytest.mark.parametrize("tool", TOOLS, ids=[t.__name__ for t in TOOLS])
def test_a_new_tool_saves_its_file_at_once(tmp_path, tool):
    path = tmp_path / "work.json"
    tool(path)
    assert path.is_file()
    opened_again = path.read_bytes()
    tool(path)
    assert path.read_bytes() == opened_again


def test_the_discharge_chart_exists_before_any_click(tmp_path, monkeypatch):
    """Module 05 question 9 used to say there was no my_discharge_chart.json until a click."""
    import pandas as pd

    from qispread.models.chart_spec import load_chart_spec

    monkeypatch.chdir(tmp_path)
    frame = pd.DataFrame({"week": range(1, 21), "sent": range(50, 70)})
    ChartExplorer("my_discharge_chart.json", data=frame)
    assert load_chart_spec("my_discharge_chart.json").freeze is None
