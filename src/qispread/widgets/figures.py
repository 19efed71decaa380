"""A plotly FigureWidget that fills the notebook cell's width, without plotly's toolbar (which
otherwise sits over the chart's title).

plotly 7 draws a FigureWidget before JupyterLab has put it on the page, so it cannot measure the
cell and falls back to 700 px, and it never looks again. `fitted` puts a small, invisible helper
under the chart that watches the cell's width and asks plotly to resize every chart of that output
to it (plotly's own `responsive` resize), once when each chart appears and whenever the width
changes.
"""

# annotations unevaluated: go.FigureWidget imports plotly's renderers, which a tool needs
# only once it draws
from __future__ import annotations

import anywidget
import ipywidgets as w
import plotly.graph_objects as go
import traitlets

_FIT_JS = """
export default {
  render({ el }) {
    el.style.cssText = "width: 100%; height: 0; overflow: hidden";
    const fitted = new WeakSet();
    let output = null, width = 0, charts = null;
    const fit = (all) => {
      if (!el.isConnected) return;  // its notebook closed: nothing to fit, no kernel to tell
      for (const chart of output.querySelectorAll(".js-plotly-plot")) {
        if ((all || !fitted.has(chart)) && chart._responsiveChartHandler) {
          fitted.add(chart);
          chart._responsiveChartHandler();
        }
      }
    };
    const sizes = new ResizeObserver(([entry]) => {
      const now = Math.round(entry.contentRect.width);
      if (!now || now === width) return;
      width = now;
      if (!output) {
        output = el.closest(".jp-OutputArea-output") || el.parentElement;
        charts = new MutationObserver(() => fit(false));  // a chart drawn after this one
        charts.observe(output, { childList: true, subtree: true });
      }
      fit(true);
    });
    sizes.observe(el);
    return () => { sizes.disconnect(); charts?.disconnect(); };
  },
};
"""


class FitToCell(anywidget.AnyWidget):
    """Invisible: resizes the plotly charts of its output to the cell's width."""

    _esm = traitlets.Unicode(_FIT_JS).tag(sync=True)


def figure_widget(fig: go.Figure | dict | None = None) -> go.FigureWidget:
    # imported here: qispread.plots imports pandas and the analysis, which importing a tool
    # does not need (bench/bench_tool_import.py); responsive: plotly resizes when asked (below)
    from qispread.plots.style import PLOT_CONFIG

    widget = go.FigureWidget(fig)
    widget._config = PLOT_CONFIG  # the front end's plotly config (FigureWidget has no public one)
    return widget


def fitted(figure: w.Widget) -> w.VBox:
    """The chart with the helper that makes it as wide as the cell."""
    return w.VBox([figure, FitToCell()], layout=w.Layout(width="100%"))


def figure_output() -> w.Output:
    """A place for a chart drawn from the notebook's output itself (see `draw_in`)."""
    return w.Output(layout=w.Layout(width="100%"))


def draw_in(output: w.Output, fig: go.Figure) -> None:
    """Show `fig` in `output` as plotly's own output, replacing what was there.

    JupyterLab's plotly renderer draws it from the output's data, each time the output is shown.
    A tool with several FigureWidgets drew some of them blank (empty axes, or nothing) when a
    notebook was opened again and run in the same kernel: a chart the learner only reads does not
    need a FigureWidget's two-way link.
    """
    import json

    import plotly.io as pio

    from qispread.plots.export import figure_summary
    from qispread.plots.style import PLOT_CONFIG

    bundle = {"application/vnd.plotly.v1+json": {**json.loads(pio.to_json(fig)),
                                                 "config": PLOT_CONFIG},
              "text/plain": figure_summary(fig) or "A chart."}
    output.outputs = ({"output_type": "display_data", "data": bundle, "metadata": {}},)
