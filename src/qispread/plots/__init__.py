"""Pure figure builders: analysis result or model -> plotly Figure, each carrying a plain-English
summary for screen readers; export to HTML and PNG.

qic_figure, ptd_figure and funnel_figure are imported with the package: they share their
names with their modules, which would otherwise stand in their place once imported. The other
builders are imported on first use (qispread/_lazy.py), so a tool that draws one kind of chart
does not pay for every other kind when its kernel starts (bench/bench_tool_import.py).
"""

from typing import TYPE_CHECKING

from qispread._lazy import exports
from qispread.plots.funnel_figure import funnel_figure
from qispread.plots.ptd_figure import ptd_figure
from qispread.plots.qic_figure import qic_figure

_WHERE = {
    "board_table_html": "qispread.plots.board_html",
    "driver_diagram_figure": "qispread.plots.driver_diagram",
    "driver_diagram_summary": "qispread.plots.driver_diagram:summary",
    "figure_summary": "qispread.plots.export",
    "figure_to_html": "qispread.plots.export",
    "pdsa_run_chart": "qispread.plots.pdsa_chart",
    "readiness_radar": "qispread.plots.radar",
    "save_board_html": "qispread.plots.board_html",
    "save_html": "qispread.plots.export",
    "save_image": "qispread.plots.export",
    "sustainability_figure": "qispread.plots.bars",
}
__all__ = sorted([*_WHERE, "funnel_figure", "ptd_figure", "qic_figure"])
__getattr__, __dir__ = exports(__name__, _WHERE)

if TYPE_CHECKING:
    from qispread.plots.bars import sustainability_figure
    from qispread.plots.board_html import board_table_html, save_board_html
    from qispread.plots.driver_diagram import driver_diagram_figure
    from qispread.plots.driver_diagram import summary as driver_diagram_summary
    from qispread.plots.export import figure_summary, figure_to_html, save_html, save_image
    from qispread.plots.pdsa_chart import pdsa_run_chart
    from qispread.plots.radar import readiness_radar
