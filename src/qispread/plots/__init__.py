"""Pure figure builders: analysis result or model -> plotly Figure, each carrying a plain-English
summary for screen readers; export to HTML and PNG.

Imported eagerly (unlike qispread and qispread.widgets): every builder needs plotly anyway, and
qic_figure and ptd_figure share their names with their modules.
"""

from qispread.plots.bars import sustainability_figure
from qispread.plots.board_html import board_table_html, save_board_html
from qispread.plots.driver_diagram import driver_diagram_figure
from qispread.plots.driver_diagram import summary as driver_diagram_summary
from qispread.plots.export import figure_summary, figure_to_html, save_html, save_image
from qispread.plots.funnel_figure import funnel_figure
from qispread.plots.pdsa_chart import pdsa_run_chart
from qispread.plots.ptd_figure import ptd_figure
from qispread.plots.qic_figure import qic_figure
from qispread.plots.radar import readiness_radar

__all__ = ["board_table_html", "driver_diagram_figure", "driver_diagram_summary",
           "figure_summary", "figure_to_html", "funnel_figure", "pdsa_run_chart", "ptd_figure",
           "qic_figure", "readiness_radar", "save_board_html", "save_html",
           "save_image", "sustainability_figure"]
