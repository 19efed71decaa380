"""A learner's own long chart title wraps onto lines that fit the chart, every word kept, and the
chart keeps its size under it, for run and control charts and Making Data Count charts alike; a
long y axis title wraps onto lines no taller than the chart."""

from __future__ import annotations

import pandas as pd
import pytest

from qispread.plots.ptd_figure import ptd_figure
from qispread.plots.qic_figure import qic_figure
from qispread.spc import ptd, qic

LONG = ("Falls per 1,000 occupied bed days on the older people's wards at Hilltop Hospital, "
        "month by month (synthetic)")
DATA = pd.DataFrame({"month": pd.date_range("2024-01-01", periods=20, freq="MS"),
                     "falls": [5, 7, 6, 8, 4, 6, 7, 5, 6, 9, 4, 5, 6, 7, 5, 6, 8, 5, 6, 7]})
DRAW = {
    "run chart": lambda title: qic_figure(qic(x="month", y="falls", data=DATA, chart="run"),
                                          title=title),
    "Making Data Count": lambda title: ptd_figure(ptd(DATA, y="falls", x="month"), title=title),
}


@pytest.mark.parametrize("kind", DRAW)
def test_a_long_title_wraps_every_word_kept_and_the_chart_keeps_its_size(kind):
    short, long = DRAW[kind]("Falls"), DRAW[kind](LONG)
    lines = long.layout.title.text.split("<br>")
    assert " ".join(lines) == LONG and len(lines) > 1
    assert max(map(len, lines)) <= 76
    added = 26 * (len(lines) - 1)
    assert long.layout.margin.t == short.layout.margin.t + added
    assert long.layout.height == (short.layout.height or 450) + added


@pytest.mark.parametrize("kind", DRAW)
def test_a_short_title_is_left_as_it_was(kind):
    fig = DRAW[kind]("Falls per 1,000 bed days")
    assert fig.layout.title.text == "Falls per 1,000 bed days"


def test_a_long_y_axis_title_wraps_every_word_kept():
    ylab = "Percentage of eligible adults screened for sepsis within one hour of arrival"
    fig = qic_figure(qic(x="month", y="falls", data=DATA, chart="run"), ylab=ylab)
    lines = fig.layout.yaxis.title.text.split("<br>")
    assert " ".join(lines) == ylab
    assert max(map(len, lines)) <= 32  # about 300 pixels of 16-pixel text: the chart's height
