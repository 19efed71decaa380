"""ptd(): SPC with NHS England "Making Data Count" rules and NHSRplotthedots' semantics."""

from qispread.spc.ptd.core import ptd
from qispread.spc.ptd.result import PtdResult

__all__ = ["PtdResult", "ptd"]
