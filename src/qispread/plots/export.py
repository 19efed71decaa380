"""Screen-reader summaries and export of figures to self-contained HTML and PNG.

Every figure qispread builds carries a plain-English summary in ``fig.layout.meta["summary"]``;
``figure_to_html`` puts it in a visible <figcaption> and links it to the chart with
aria-describedby, so a screen-reader user hears what a sighted user sees.
"""

from __future__ import annotations

import html
import warnings
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio

from qispread.plots.style import PLOT_CONFIG


def set_summary(fig: go.Figure, summary: str) -> go.Figure:
    """Store ``summary`` in the figure's metadata (kept by to_json/write_html) and return fig."""
    meta = fig.layout.meta
    meta = dict(meta) if isinstance(meta, dict) else {}
    meta["summary"] = summary
    fig.update_layout(meta=meta)
    return fig


def figure_summary(fig: go.Figure) -> str:
    """The text summary of ``fig`` for screen readers ("" when the figure has none)."""
    meta = fig.layout.meta
    if isinstance(meta, dict):
        return str(meta.get("summary", ""))
    return ""


def _chart_title(fig: go.Figure) -> str:
    return fig.layout.title.text or "Chart"


def figure_to_html(fig: go.Figure, path: str | Path, include_plotlyjs: bool | str = True) -> Path:
    """Write ``fig`` as a self-contained HTML page with its summary as a visible caption.

    ``include_plotlyjs=True`` embeds plotly.js (about 4.5 MB) so the page works offline;
    pass "cdn" for a small file that needs the internet.
    """
    path = Path(path)
    summary = figure_summary(fig)
    title = _chart_title(fig)
    chart_div = pio.to_html(
        fig, full_html=False, include_plotlyjs=include_plotlyjs, config=PLOT_CONFIG,
        div_id="qispread-chart",
    )
    page = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{html.escape(title)}</title>
<style>
body {{ font-family: Arial, Helvetica, sans-serif; margin: 1.5rem; color: #1a1a1a; }}
figcaption {{ font-size: 1.1rem; max-width: 60rem; margin-top: 0.75rem; line-height: 1.5; }}
</style>
</head>
<body>
<figure role="figure" aria-describedby="qispread-summary"
 title="{html.escape(summary, quote=True)}">
{chart_div}
<figcaption id="qispread-summary">{html.escape(summary)}</figcaption>
</figure>
</body>
</html>
"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path


save_html = figure_to_html


_server_started = False


def _ensure_kaleido_server() -> None:
    """Start kaleido's sync server once: later exports then take ~0.2 s instead of ~3 s."""
    global _server_started
    if _server_started:
        return
    import kaleido

    kaleido.start_sync_server(silence_warnings=True)
    _server_started = True


def save_image(fig: go.Figure, path: str | Path, width: int | None = None,
               height: int | None = None, scale: float = 1.0) -> Path:
    """Write ``fig`` as PNG or SVG, by the file's ending (kaleido with the system Chromium).

    The size defaults to the figure's own, else 900 × 500 pixels.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _ensure_kaleido_server()
    with warnings.catch_warnings():
        # plotly warns that per-call kaleido options are ignored when a server runs: harmless
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        fig.write_image(str(path), width=width or fig.layout.width or 900,
                        height=height or fig.layout.height or 500, scale=scale)
    return path
