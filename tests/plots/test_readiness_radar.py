"""The spread readiness radar: however many sites or dates are compared, the radar keeps its size
and the legend naming them gets the rows it needs under it."""

from __future__ import annotations

from qispread.models.readiness import ReadinessRecord
from qispread.plots.radar import readiness_radar


def _radar(count: int, label: str):
    record = ReadinessRecord()
    for i in range(count):
        record.add(f"{label} {i + 1}").set_score("complexity", 1 + i % 5)
    fig = readiness_radar(record)
    return fig, fig.layout.height - fig.layout.margin.t - fig.layout.margin.b


def test_the_legend_grows_the_chart_not_shrinks_the_radar():
    one, two = _radar(1, "Ward assessment, March 2025"), _radar(2, "Ward assessment, March 2025")
    assert one[1] == two[1]  # a row of the legend holds two long names
    sixteen = _radar(16, "Ward assessment, March 2025")
    assert sixteen[1] - one[1] >= 7 * 20  # eight rows of two names: seven more rows
    short = _radar(16, "W")
    assert one[1] < short[1] < sixteen[1]  # short names share rows


def test_every_assessment_is_named_in_the_legend():
    fig, _ = _radar(12, "Ward assessment, March 2025")
    assert [t.name for t in fig.data] == [f"Ward assessment, March 2025 {i}" for i in range(1, 13)]
    assert all(t.showlegend is not False for t in fig.data)
