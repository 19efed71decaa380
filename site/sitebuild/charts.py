"""A plotly figure as HTML for a course page: interactive, offline, with its text summary.

The page loads plotly.js once from the site's own _static folder (never from a CDN), so the chart
HTML carries only the figure. plotly.js loads deferred (site/conf.py): evaluating its 4.8 MB took
1.4 s before a lesson's text could show, so the text shows first and each chart is drawn once the
page is read (DOMContentLoaded, which a deferred script always precedes).

qispread's figures keep a plain-English summary in ``layout.meta["summary"]``; it becomes the
figure's visible caption, linked to the chart with aria-describedby, as in
qispread.plots.export.figure_to_html.
"""

from __future__ import annotations

import html
import re

import plotly.graph_objects as go
import plotly.io as pio

from qispread.plots.export import figure_summary
from qispread.plots.style import PLOT_CONFIG

CHART_CLASS = "qs-chart"
NO_SUMMARY = "qs-chart-without-summary"


def figure_html(figure: dict | go.Figure, div_id: str) -> str:
    fig = go.Figure(figure)
    summary = figure_summary(fig)
    title = fig.layout.title.text or "Chart"
    chart = pio.to_html(fig, full_html=False, include_plotlyjs=False, config=PLOT_CONFIG,
                        div_id=div_id)
    opening, drawing = chart.split("<script>", 1)
    body, closing = drawing.rsplit("</script>", 1)
    chart = (f"{opening}<script>addEventListener(\"DOMContentLoaded\", () => {{{body}}});"
             f"</script>{closing}")
    css = CHART_CLASS if summary else f"{CHART_CLASS} {NO_SUMMARY}"
    return (
        f'<figure class="{css}" aria-label="{html.escape(_plain(title), quote=True)}" '
        f'aria-describedby="{div_id}-summary">{chart}'
        f'<figcaption id="{div_id}-summary">{html.escape(summary)}</figcaption></figure>'
    )


def _plain(title: str) -> str:
    """A plotly title without its inline <br>/<b> tags, for an aria-label."""
    return " ".join(re.sub(r"<[^>]+>", " ", title).split())
