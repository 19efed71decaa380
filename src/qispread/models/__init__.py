"""The learner's work as plain data: aims, process maps, fishbones, driver diagrams, measures,
PDSA cycles, readiness, sustainability and coaching plans, each with validation and a JSON round
trip; and the small models the lessons teach with (Pareto tables, a waiting list)."""

from typing import TYPE_CHECKING

from qispread._lazy import exports

_WHERE = {
    "Aim": "qispread.models.aim",
    "Cause": "qispread.models.fishbone",
    "InvolvementPlan": "qispread.models.involvement",
    "ProjectTeam": "qispread.models.team",
    "Stakeholder": "qispread.models.stakeholders",
    "StakeholderMap": "qispread.models.stakeholders",
    "load_involvement_plan": "qispread.models.involvement",
    "load_stakeholder_map": "qispread.models.stakeholders",
    "load_team": "qispread.models.team",
    "Fishbone": "qispread.models.fishbone",
    "ParetoTable": "qispread.models.pareto",
    "ProcessMap": "qispread.models.process_map",
    "ProcessStep": "qispread.models.process_map:Step",
    "QueueSettings": "qispread.models.demand_capacity",
    "ChartSpec": "qispread.models.chart_spec",
    "CoachingPlan": "qispread.models.coaching",
    "CycleLog": "qispread.models.pdsa",
    "DriverDiagram": "qispread.models.driver_diagram",
    "Measure": "qispread.models.measures",
    "MeasureFamily": "qispread.models.measures",
    "OperationalDefinition": "qispread.models.measures",
    "PDSACycle": "qispread.models.pdsa",
    "Project": "qispread.models.project",
    "ReadinessRecord": "qispread.models.readiness",
    "SUSTAINABILITY_FACTORS": "qispread.models.sustainability:FACTORS",
    "SUSTAINABILITY_GROUPS": "qispread.models.sustainability:GROUPS",
    "SpreadSettings": "qispread.models.spread_sim",
    "SustainabilityRating": "qispread.models.sustainability",
    "check_aim": "qispread.models.aim",
    "load_aim": "qispread.models.aim",
    "load_chart_spec": "qispread.models.chart_spec",
    "load_coaching_plan": "qispread.models.coaching",
    "load_diagram": "qispread.models.driver_diagram",
    "load_fishbone": "qispread.models.fishbone",
    "load_process_map": "qispread.models.process_map",
    "load_measures": "qispread.models.measures",
    "load_pdsa_log": "qispread.models.pdsa",
    "load_readiness": "qispread.models.readiness",
    "load_sustainability": "qispread.models.sustainability",
    "pareto": "qispread.models.pareto",
    "recommend_chart": "qispread.models.chart_choice",
    "simulate_queue": "qispread.models.demand_capacity",
    "simulate_spread": "qispread.models.spread_sim:simulate",
}
__all__ = list(_WHERE)
__getattr__, __dir__ = exports(__name__, _WHERE)

if TYPE_CHECKING:
    from qispread.models.aim import Aim, check_aim, load_aim
    from qispread.models.chart_choice import recommend_chart
    from qispread.models.chart_spec import ChartSpec, load_chart_spec
    from qispread.models.coaching import CoachingPlan, load_coaching_plan
    from qispread.models.demand_capacity import QueueSettings, simulate_queue
    from qispread.models.driver_diagram import DriverDiagram, load_diagram
    from qispread.models.fishbone import Cause, Fishbone, load_fishbone
    from qispread.models.involvement import InvolvementPlan, load_involvement_plan
    from qispread.models.measures import (
        Measure,
        MeasureFamily,
        OperationalDefinition,
        load_measures,
    )
    from qispread.models.pareto import ParetoTable, pareto
    from qispread.models.pdsa import CycleLog, PDSACycle, load_pdsa_log
    from qispread.models.process_map import ProcessMap, load_process_map
    from qispread.models.process_map import Step as ProcessStep
    from qispread.models.project import Project
    from qispread.models.readiness import ReadinessRecord, load_readiness
    from qispread.models.spread_sim import SpreadSettings
    from qispread.models.spread_sim import simulate as simulate_spread
    from qispread.models.stakeholders import Stakeholder, StakeholderMap, load_stakeholder_map
    from qispread.models.sustainability import FACTORS as SUSTAINABILITY_FACTORS
    from qispread.models.sustainability import GROUPS as SUSTAINABILITY_GROUPS
    from qispread.models.sustainability import SustainabilityRating, load_sustainability
    from qispread.models.team import ProjectTeam, load_team
