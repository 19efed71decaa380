"""Funnel plots for comparing units (FunnelPlotR's semantics; Spiegelhalter 2005)."""

from qispread.spc.funnel.core import funnel
from qispread.spc.funnel.result import FunnelResult

__all__ = ["FunnelResult", "funnel"]
