"""Analysis for run charts and SPC charts (no plotting, no widgets)."""

from qispread.spc.ptd import PtdResult, ptd
from qispread.spc.qic import qic
from qispread.spc.result import QicResult

__all__ = ["PtdResult", "QicResult", "ptd", "qic"]
