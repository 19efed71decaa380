"""Pure figure builders: analysis result or model -> plotly Figure, each carrying a plain-English
summary for screen readers; export to HTML and PNG."""

from typing import TYPE_CHECKING

from qispread._lazy import exports

_WHERE = {
    "driver_diagram_figure": "qispread.plots.driver_diagram",
    "figure_summary": "qispread.plots.export",
    "figure_to_html": "qispread.plots.export",
    "pdsa_run_chart": "qispread.plots.pdsa_chart",
    "ptd_figure": "qispread.plots.ptd_figure",
    "qic_figure": "qispread.plots.qic_figure",
    "readiness_radar": "qispread.plots.radar",
    "save_html": "qispread.plots.export",
    "save_image": "qispread.plots.export",
    "driver_diagram_summary": "qispread.plots.driver_diagram:summary",
    "sustainability_figure": "qispread.plots.bars",
}
__all__ = list(_WHERE)
__getattr__, __dir__ = exports(__name__, _WHERE)

if TYPE_CHECKING:
    from qispread.plots.bars import sustainability_figure
    from qispread.plots.driver_diagram import driver_diagram_figure
    from qispread.plots.driver_diagram import summary as driver_diagram_summary
    from qispread.plots.export import figure_summary, figure_to_html, save_html, save_image
    from qispread.plots.pdsa_chart import pdsa_run_chart
    from qispread.plots.ptd_figure import ptd_figure
    from qispread.plots.qic_figure import qic_figure
    from qispread.plots.radar import readiness_radar
