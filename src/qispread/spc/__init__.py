"""Analysis for run charts and SPC charts (no plotting, no widgets)."""

from qispread.spc.ihi_rules import perla_runs_table
from qispread.spc.ptd import PtdResult, ptd
from qispread.spc.qic import qic
from qispread.spc.result import QicResult
from qispread.spc.runs import RunsAnalysis, runs_analysis

__all__ = ["PtdResult", "QicResult", "RunsAnalysis", "perla_runs_table", "ptd", "qic",
           "runs_analysis"]
