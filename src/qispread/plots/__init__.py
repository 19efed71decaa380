"""Pure figure builders: analysis result -> plotly Figure."""

from qispread.plots.export import figure_summary, figure_to_html, save_html, save_image
from qispread.plots.ptd_figure import ptd_figure
from qispread.plots.qic_figure import qic_figure

__all__ = ["figure_summary", "figure_to_html", "ptd_figure", "qic_figure", "save_html",
           "save_image"]
