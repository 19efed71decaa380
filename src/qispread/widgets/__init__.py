"""The course's interactive tools (ipywidgets), each saving the learner's work to a file the
notebook names. Each is imported on first use: `from qispread.widgets import ChartExplorer`."""

from typing import TYPE_CHECKING

from qispread._lazy import exports
from qispread.widgets.rerun_note import carry_in_every_tool

_WHERE = {
    "AimChecker": "qispread.widgets.aim_checker",
    "ChartChooser": "qispread.widgets.chart_chooser",
    "ChartExplorer": "qispread.widgets.chart_explorer",
    "CoachingPlanner": "qispread.widgets.coaching_planner",
    "CourseMap": "qispread.widgets.course_map",
    "DriverDiagramBuilder": "qispread.widgets.driver_diagram_builder",
    "FishboneBuilder": "qispread.widgets.fishbone_builder",
    "FunnelExplorer": "qispread.widgets.funnel_explorer",
    "InvolvementPlanner": "qispread.widgets.involvement_planner",
    "MeasureSorter": "qispread.widgets.measure_sorter",
    "PDSALog": "qispread.widgets.pdsa_log",
    "ParetoExplorer": "qispread.widgets.pareto_explorer",
    "ProcessMapper": "qispread.widgets.process_mapper",
    "ProjectStatus": "qispread.widgets.my_project",
    "ProjectTeamForm": "qispread.widgets.project_team",
    "Question": "qispread.widgets.quiz",
    "Quiz": "qispread.widgets.quiz",
    "SpreadPlanBuilder": "qispread.widgets.spread_plan_builder",
    "SpreadReadiness": "qispread.widgets.spread_readiness",
    "SpreadMeasuresTool": "qispread.widgets.spread_measures_tool",
    "SpreadSimulator": "qispread.widgets.spread_simulator",
    "StakeholderMapper": "qispread.widgets.stakeholder_mapper",
    "SustainabilityCheck": "qispread.widgets.sustainability_check",
    "WaitingListModel": "qispread.widgets.waiting_list",
    "project_tool": "qispread.widgets.my_project",
}
__all__ = list(_WHERE)
__getattr__, __dir__ = exports(__name__, _WHERE)
carry_in_every_tool()  # after Kernel ▸ Restart, each tool says what to do (rerun_note.py)

if TYPE_CHECKING:
    from qispread.widgets.aim_checker import AimChecker
    from qispread.widgets.chart_chooser import ChartChooser
    from qispread.widgets.chart_explorer import ChartExplorer
    from qispread.widgets.coaching_planner import CoachingPlanner
    from qispread.widgets.course_map import CourseMap
    from qispread.widgets.driver_diagram_builder import DriverDiagramBuilder
    from qispread.widgets.fishbone_builder import FishboneBuilder
    from qispread.widgets.funnel_explorer import FunnelExplorer
    from qispread.widgets.involvement_planner import InvolvementPlanner
    from qispread.widgets.measure_sorter import MeasureSorter
    from qispread.widgets.my_project import ProjectStatus, project_tool
    from qispread.widgets.pareto_explorer import ParetoExplorer
    from qispread.widgets.pdsa_log import PDSALog
    from qispread.widgets.process_mapper import ProcessMapper
    from qispread.widgets.project_team import ProjectTeamForm
    from qispread.widgets.quiz import Question, Quiz
    from qispread.widgets.spread_measures_tool import SpreadMeasuresTool
    from qispread.widgets.spread_plan_builder import SpreadPlanBuilder
    from qispread.widgets.spread_readiness import SpreadReadiness
    from qispread.widgets.spread_simulator import SpreadSimulator
    from qispread.widgets.stakeholder_mapper import StakeholderMapper
    from qispread.widgets.sustainability_check import SustainabilityCheck
    from qispread.widgets.waiting_list import WaitingListModel
