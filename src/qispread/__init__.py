"""qispread: quality improvement and spread methods for health and care, in Jupyter.

    from qispread import qic, ptd, load
    chart = qic(x="period", y="falls", data=load("falls"))   # shows as a chart in a notebook
    chart.explain()

Tools for the course are in qispread.widgets, their saved work in qispread.models, other figures in
qispread.plots. Names are imported on first use, so `import qispread` is quick.
"""

from typing import TYPE_CHECKING, Any

from qispread import _result_display
from qispread._lazy import exports
from qispread._slow_imports import leave_out_iri_checker

leave_out_iri_checker()

__version__ = "0.1.0"

_WHERE = {
    "qic": "qispread.spc.qic",
    "ptd": "qispread.spc.ptd",
    "funnel": "qispread.spc.funnel",
    "board": "qispread.spc.board",
    "QicResult": "qispread.spc.result",
    "PtdResult": "qispread.spc.ptd.result",
    "FunnelResult": "qispread.spc.funnel.result",
    "BoardResult": "qispread.spc.board",
    "Explanation": "qispread.spc.explanation",
    "load": "qispread.data",
    "pareto": "qispread.models.pareto",
    "check_table": "qispread.data",
    "provenance": "qispread.data",
    "attribution": "qispread.data",
    "data_sets": "qispread.data:names",
    "qic_figure": "qispread.plots.qic_figure",
    "ptd_figure": "qispread.plots.ptd_figure",
    "funnel_figure": "qispread.plots.funnel_figure",
    "save_image": "qispread.plots.export",
    "save_html": "qispread.plots.export",
    "QispreadError": "qispread.errors",
    "DataProblem": "qispread.errors",
}
__all__ = ["__version__", *_WHERE]
__getattr__, __dir__ = exports(__name__, _WHERE)


def _draw_result(result: Any, include: Any, exclude: Any) -> dict[str, Any]:
    """spc's results show as the charts plots draws (spc sits below plots, so it cannot ask)."""
    from qispread.plots.result_display import mimebundle

    return mimebundle(result, include, exclude)


def _draw_board(result: Any) -> str:
    """A board of many measures shows as the table plots builds."""
    from qispread.plots.board_html import board_table_html

    return board_table_html(result)


_result_display.draw = _draw_result
_result_display.draw_html = _draw_board

if TYPE_CHECKING:
    from qispread.data import attribution, check_table, load, provenance
    from qispread.data import names as data_sets
    from qispread.errors import DataProblem, QispreadError
    from qispread.models.pareto import pareto
    from qispread.plots.export import save_html, save_image
    from qispread.plots.funnel_figure import funnel_figure
    from qispread.plots.ptd_figure import ptd_figure
    from qispread.plots.qic_figure import qic_figure
    from qispread.spc.board import BoardResult, board
    from qispread.spc.explanation import Explanation
    from qispread.spc.funnel import funnel
    from qispread.spc.funnel.result import FunnelResult
    from qispread.spc.ptd import ptd
    from qispread.spc.ptd.result import PtdResult
    from qispread.spc.qic import qic
    from qispread.spc.result import QicResult
