"""Summaries for screen readers survive export; PNG export works and stays small."""

from __future__ import annotations

import html

import pytest
from plot_cases import qic_result

from qispread.plots.export import figure_summary, figure_to_html, save_image
from qispread.plots.qic_figure import qic_figure


def test_html_page_has_visible_caption_linked_by_aria(tmp_path):
    fig = qic_figure(qic_result("i"))
    page = figure_to_html(fig, tmp_path / "chart.html", include_plotlyjs="cdn").read_text()
    summary = html.escape(figure_summary(fig))
    assert f'<figcaption id="qispread-summary">{summary}</figcaption>' in page
    assert 'aria-describedby="qispread-summary"' in page
    assert 'displayModeBar": false' in page.replace("'", '"') or '"displayModeBar":false' in page


@pytest.mark.chromium
def test_png_export(tmp_path):
    path = save_image(qic_figure(qic_result("run")), tmp_path / "run.png")
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and 5_000 < len(data) < 100_000


def test_figure_without_summary_reads_back_empty():
    import plotly.graph_objects as go

    assert figure_summary(go.Figure()) == ""
