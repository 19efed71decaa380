"""Simulator figures: every state told apart by more than colour, numbers as the model has them."""

import pytest

from qispread.models.spread_sim import STATES, reach_pattern, simulate
from qispread.plots.export import figure_summary
from qispread.plots.spread_sim import (
    STATE_STYLE,
    adoption_curve,
    network_figure,
    reach_figure,
)


@pytest.fixture(scope="module")
def run():
    return simulate(mode="push", adaptation="a lot", seed=2)


def test_each_state_has_its_own_colour_dash_and_marker_shape():
    for feature in ("color", "dash", "symbol"):
        assert len({STATE_STYLE[s][feature] for s in STATES}) == len(STATES)


def test_the_curve_has_one_line_per_state_labelled_with_its_final_count(run):
    fig = adoption_curve(run, month=10)
    counts = run.counts()
    for i, state in enumerate(STATES):
        trace = next(t for t in fig.data if t.name == state)
        assert list(trace.y) == list(counts[:, i])
    labels = {a.text for a in fig.layout.annotations}
    assert {f"{s} {counts[-1, i]}" for i, s in enumerate(STATES)} <= labels
    assert "Adoption curve" in figure_summary(fig)


def test_end_labels_do_not_overlap(run):
    fig = adoption_curve(run)
    heights = sorted(a.y for a in fig.layout.annotations)
    gaps = [b - a for a, b in zip(heights, heights[1:], strict=False)]
    assert min(gaps) >= 0.07 * run.settings.teams - 1e-9


def test_the_network_shows_every_state_in_the_legend_with_its_count(run):
    fig = network_figure(run, month=8)
    named = {t.name for t in fig.data if t.showlegend}
    for code, state in enumerate(STATES):
        assert f"{state} ({(run.states[8] == code).sum()})" in named
    assert len([t for t in fig.data if t.name == "started here"][0].x) == len(run.seed_teams)


def test_reach_bars_show_exact_counts_and_shares():
    tally = reach_pattern(runs=20)
    fig = reach_figure(tally)
    assert list(fig.data[0].x) == [tally["unit"], tally["organisation"], tally["beyond"]]
    share = 100 * tally['beyond'] / 20
    assert fig.data[0].text[2] == f"{tally['beyond']} of 20 runs ({share:.0f}%)"
