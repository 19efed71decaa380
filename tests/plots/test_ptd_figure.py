"""ptd_figure draws what a ptd() result says, in Making Data Count style.

Data: four-hour breaches at trust RRK (NHSRplotthedots vignette), whose published chart has an
8-point run of special cause improvement (points 11-18)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from figure_reading import marked_points, marker_traces, traces
from plot_cases import breaches, case

from qispread.plots.export import figure_summary
from qispread.plots.ptd_figure import POINT_STYLES, ptd_figure
from qispread.plots.ptd_icons import MDC_CONCERN, MDC_IMPROVEMENT, MDC_TARGET
from qispread.spc import ptd
from qispread.spc.errors import DataProblem


def names(fig, name):
    return [a.text for a in fig.layout.annotations if a.name == name]


def test_mdc_colours_are_nhsrplotthedots_defaults():
    # R/ptd_spc_colours.R: improvement #00b0f0, concern #e46c0a, target #de1b1b
    assert (MDC_IMPROVEMENT, MDC_CONCERN, MDC_TARGET) == ("#00b0f0", "#e46c0a", "#de1b1b")


def test_points_coloured_and_shaped_by_special_cause():
    result = breaches()
    fig = ptd_figure(result)
    (data,) = traces(fig, "data")
    assert np.allclose(data.y, result.data["y"])
    published = case("ptd_vignette_rrk_stable_decrease")["expected"]["DERIVED"]
    improvement = "special_cause_improvement"
    assert marked_points(fig, improvement) == published["special_cause_improvement_points_1based"]
    assert {(t.marker.color, t.marker.symbol) for t in marker_traces(fig, improvement)} == {
        (MDC_IMPROVEMENT, "diamond")}
    concern = "special_cause_concern"
    assert marked_points(fig, concern) == published["special_cause_concern_points_1based"]
    assert {(t.marker.color, t.marker.symbol) for t in marker_traces(fig, concern)} == {
        (MDC_CONCERN, "square")}


def test_mean_solid_limits_dashed_target_red_dashed_and_labelled():
    fig = ptd_figure(breaches(target=1200))
    (mean,) = traces(fig, "mean")
    assert mean.line.dash == "solid"
    assert {t.line.dash for t in traces(fig, "upl") + traces(fig, "lpl")} == {"dash"}
    (target,) = traces(fig, "target")
    assert (target.line.color, target.line.dash) == (MDC_TARGET, "dash")
    assert "Target 1,200" in names(fig, "edge_label")


def test_icons_show_variation_and_assurance_with_words():
    result = breaches(target=1200)
    fig = ptd_figure(result)
    row = result.summary().iloc[0]
    assert (row["variation_type"], row["assurance_type"]) == ("common_cause", "inconsistent")
    icons = {s.name for s in fig.layout.shapes}
    assert {"variation_icon", "assurance_icon"} <= icons
    assert names(fig, "icon_caption") == [
        "Common cause variation<br>Will sometimes pass, sometimes fail the target"]


def test_an_exercise_can_leave_the_icons_out():
    fig = ptd_figure(breaches(target=1200), icons=False)
    assert not any("icon" in (item.name or "")
                   for item in [*fig.layout.shapes, *fig.layout.annotations])
    assert "Target 1,200" in names(fig, "edge_label")  # the rest of the chart is still drawn


def test_no_target_no_assurance_icon():
    fig = ptd_figure(breaches())
    assert [s.name for s in fig.layout.shapes] == ["variation_icon"]


def test_rebase_periods_drawn_separately():
    result = breaches(rebase=[pd.Timestamp("2017-02-01")])
    fig = ptd_figure(result)
    assert len(traces(fig, "mean")) == result.data["rebase_group"].nunique() == 2
    assert [len(t.y) for t in traces(fig, "data")] == [10, 14]
    concern = names(fig, "variation_icon_letter")
    assert concern == ["<b>H</b>"]  # latest point: special cause concern (high)
    assert "Special cause concern (high)" in names(fig, "icon_caption")[0]


def test_facets_each_get_panel_and_icons():
    d = case("ptd_vignette_rrk_stable_decrease")["data"]
    frame = pd.DataFrame({"month": pd.to_datetime(d["period"]), "v": d["breaches"]})
    both = pd.concat([frame.assign(site="Site A"), frame.assign(site="Site B")])
    fig = ptd_figure(ptd(both, y="v", x="month", facet="site", improvement_direction="decrease"))
    assert {t.xaxis for t in traces(fig, "data")} == {"x", "x2"}
    assert [s.name for s in fig.layout.shapes].count("variation_icon") == 2
    assert "2 panels: Site A and Site B" in figure_summary(fig)


def test_each_row_of_panels_keeps_its_height_however_many_rows():
    d = case("ptd_vignette_rrk_stable_decrease")["data"]
    frame = pd.DataFrame({"month": pd.to_datetime(d["period"]), "v": d["breaches"]})

    def drawn(count):
        sites = pd.concat([frame.assign(site=f"Site {i}") for i in range(count)])
        fig = ptd_figure(ptd(sites, y="v", x="month", facet="site"), ylab="Breaches")
        plot = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
        return fig, plot * (fig.layout.yaxis.domain[1] - fig.layout.yaxis.domain[0])

    (two, two_row), (four, four_row) = drawn(2), drawn(4)
    assert two_row == pytest.approx(four_row) and four_row >= 200  # pixels of each panel
    assert four.layout.height > two.layout.height
    # the y axis's title once, beside the grid, not beside the first panel only
    assert [a.text for a in four.layout.annotations if a.name == "y_title"] == ["Breaches"]


def test_percentage_axis():
    frame = pd.DataFrame({"m": pd.date_range("2020-01-01", periods=15, freq="MS"),
                          "p": [0.9, 0.92, 0.91, 0.93, 0.9, 0.94, 0.92, 0.91, 0.9, 0.93, 0.92,
                                0.91, 0.94, 0.92, 0.93]})
    fig = ptd_figure(ptd(frame, y="p", x="m", target=0.95), percentage=True)
    assert fig.layout.yaxis.tickformat == ".0%"
    assert "Target 95.0%" in names(fig, "edge_label")


def test_summary_mentions_chart_signals_and_icons():
    text = figure_summary(ptd_figure(breaches(target=1200)))
    assert text.startswith("Making Data Count chart")
    assert "special cause improvement at 8 point(s) (diamonds)" in text
    assert "common cause variation" in text and "target 1,200" in text


def test_legend_names_each_point_type_shown():
    fig = ptd_figure(breaches())
    shown = {t.name for t in traces(fig, "points") if t.showlegend}
    assert shown == {POINT_STYLES[k].name for k in
                     ("common_cause", "special_cause_improvement", "special_cause_concern")}


def test_notes_are_drawn_and_read_out():
    result = breaches()
    when = result.data["x"].iloc[10]
    fig = ptd_figure(result, notes={when: "PDSA 1: streaming"})
    assert names(fig, "note") == ["PDSA 1: streaming"]
    (ring,) = traces(fig, "note")
    assert ring.x[0] == when and ring.y[0] == result.data["y"].iloc[10]
    assert "PDSA 1: streaming" in figure_summary(fig)
    low, high = fig.layout.yaxis.range  # labels sit in the top fifth: no point beneath them
    assert result.data[["y", "upl"]].max().max() < low + 0.8 * (high - low)


def test_not_a_result_gets_plain_message():
    with pytest.raises(DataProblem, match="needs the result of ptd()"):
        ptd_figure(pd.DataFrame({"y": [1, 2]}))
