"""qic_figure draws what a qic() result says: the tests read the figure back as a user sees it.

Expected signals and values come from the published reference cases (plot_cases.py)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from figure_reading import marked_points, marker_traces, traces
from plot_cases import case, qic_result

from qispread.plots import style
from qispread.plots.export import figure_summary
from qispread.plots.qic_figure import CHART_NAMES, qic_figure
from qispread.spc import qic
from qispread.spc.errors import DataProblem


def annotation_texts(fig, name=None):
    return [a.text for a in fig.layout.annotations if name is None or a.name == name]


def same(a, b):
    return np.allclose(np.asarray(a, dtype=float), np.asarray(b, dtype=float), equal_nan=True)


def signal_points(fig):
    """1-based positions of points drawn with a signal marker, across all parts."""
    return marked_points(fig, "signal", "signal_excluded")


@pytest.fixture(scope="module")
def i_chart():
    """Montgomery table 6.7 I chart frozen after 20 points (qicharts2 test_montgomery.R)."""
    return qic_result("i")


@pytest.fixture(scope="module")
def p_chart_parts():
    """Montgomery table 7.1 p chart: parts of 30 and 64 points, points 15 and 23 excluded."""
    return qic_result("p")


@pytest.mark.parametrize("chart", sorted(CHART_NAMES))
def test_every_chart_type_plots_its_result(chart):
    result = qic_result(chart)
    fig = qic_figure(result)
    data = traces(fig, "data")
    assert same(np.concatenate([t.y for t in data]), result.data["y"])
    assert len(traces(fig, "cl")) == result.data["part"].nunique()
    expected = [i + 1 for i, s in enumerate(result.data["sigma_signal"]) if s]
    assert signal_points(fig) == expected
    assert fig.layout.title.text == CHART_NAMES[chart]
    assert figure_summary(fig).startswith(CHART_NAMES[chart])


def test_sigma_signals_are_the_published_points(i_chart):
    fig = qic_figure(i_chart)
    assert signal_points(fig) == case("qic_i_freeze20_montgomery_6_5")["expected"][
        "sigma_signal_points_1based"]
    (signal,) = marker_traces(fig, "signal")
    assert (signal.marker.color, signal.marker.symbol) == (style.SIGNAL_COLOUR,
                                                           style.MARKER_SIGNAL)
    assert "Outside the limits" in [t.name for t in fig.data if t.showlegend]


def test_centre_line_and_limits_labelled_with_values_at_right_edge(i_chart):
    # qicharts2: CL 300.5, UCL 321.216685, LCL 279.783315
    texts = annotation_texts(qic_figure(i_chart), "edge_label")
    assert sorted(texts) == ["LCL 279.8", "Mean 300.5", "UCL 321.2"]


def test_frozen_baseline_is_shaded_and_labelled(i_chart):
    fig = qic_figure(i_chart)
    (shade,) = [s for s in fig.layout.shapes if s.name == "baseline"]
    assert shade.x0 <= 1 and 20 < shade.x1 < 21
    assert any("Baseline" in t for t in annotation_texts(fig, "baseline_label"))
    assert "fixed from the baseline up to 20" in figure_summary(fig)


def test_notes_become_annotations_with_markers(i_chart):
    fig = qic_figure(i_chart, notes={10: "PDSA 1: new form", 25: "PDSA 2"})
    assert annotation_texts(fig, "note") == ["PDSA 1: new form", "PDSA 2"]
    assert [t.x[0] for t in traces(fig, "note")] == [10, 25]
    assert "PDSA 1: new form" in figure_summary(fig)


def test_note_labels_sit_above_the_data_and_ticks_stay_within_it(p_chart_parts):
    fig = qic_figure(p_chart_parts, notes={10: "PDSA 1", 12: "PDSA 2", 40: "Ward move"})
    low, high = fig.layout.yaxis.range
    drawn = p_chart_parts.data[["y", "ucl"]].max().max()
    assert drawn < low + 0.8 * (high - low)  # the top fifth holds the labels
    assert max(fig.layout.yaxis.tickvals) <= 1.0  # no tick at an impossible 120%


def test_run_chart_baseline_freezes_the_median():
    fig = qic_figure(qic_result("run"))
    assert annotation_texts(fig, "baseline_label") == [
        "Baseline: median fixed from these points"]
    assert "The median is fixed from the baseline" in figure_summary(fig)


def test_summary_names_chart_and_signals(i_chart):
    text = figure_summary(qic_figure(i_chart))
    assert text.startswith("I chart")
    assert "2 point(s) outside the control limits, at 39 and 40" in text
    # in words a sponsor reads, not "longest run 6, limit 8; crossings 20, minimum 14"
    assert ("the runs show no change beyond chance: the longest run of points on one side of the "
            "mean is 6 (more than 8 would be unusual), and the points cross the mean 20 times "
            "(fewer than 14 would be unusual)") in text
    assert i_chart.explain()[0] in text


def test_each_part_drawn_separately(p_chart_parts):
    fig = qic_figure(p_chart_parts)
    cls = traces(fig, "cl")
    assert np.allclose([t.y[0] for t in cls], [0.215, 0.109687], atol=1e-6)  # published CLs
    assert [len(t.y) for t in traces(fig, "data")] == [30, 64]  # no line joins the parts


def test_excluded_points_are_hollow(p_chart_parts):
    fig = qic_figure(p_chart_parts)
    assert marked_points(fig, "excluded", "signal_excluded") == [15, 23]
    assert {t.marker.symbol for t in marker_traces(fig, "signal_excluded")} == {
        style.MARKER_SIGNAL_EXCLUDED}
    assert style.MARKER_SIGNAL_EXCLUDED.endswith("-open")
    assert "Excluded from the calculations (hollow points): 15 and 23" in figure_summary(fig)


def test_excluded_points_outside_limits_are_hollow_diamonds(p_chart_parts):
    # Montgomery 7.1: points 15, 21 and 23 are outside the limits; 15 and 23 are excluded
    fig = qic_figure(p_chart_parts)
    expected = case("qic_p_part30_exclude_montgomery_7_1")["expected"]
    assert signal_points(fig) == expected["sigma_signal_points_1based"]
    assert marked_points(fig, "signal_excluded") == [15, 23]
    assert marked_points(fig, "signal") == [21]


def test_p_chart_has_percent_axis(p_chart_parts):
    fig = qic_figure(p_chart_parts)
    assert fig.layout.yaxis.tickformat == ".0%"
    assert "Mean 11.0%" in annotation_texts(fig, "edge_label")


def test_multiplied_p_chart_keeps_plain_axis():
    d = case("qic_p_variable_n_montgomery_tbl_7_4")["data"]
    fig = qic_figure(qic(y=d["count"], n=d["n"], chart="p", multiply=100))
    assert fig.layout.yaxis.tickformat is None
    assert "Mean 9.55" in annotation_texts(fig, "edge_label")


def test_variable_limits_are_steps_following_each_point():
    c = case("qic_p_variable_n_montgomery_tbl_7_4")
    fig = qic_figure(qic(y=c["data"]["count"], n=c["data"]["n"], chart="p"))
    ucl = traces(fig, "ucl")[0]
    assert np.allclose(ucl.y, c["expected"]["ucl"], atol=1e-6)
    assert ucl.line.shape == "hvh"
    assert "they vary with the subgroup size" in figure_summary(fig)


def test_runs_signal_turns_median_dashed_and_coloured():
    """CDI run chart frozen after 24 points (qicharts2 vignette): median 19, runs signal."""
    fig = qic_figure(qic_result("run"))
    (cl,) = traces(fig, "cl")
    assert cl.line.dash == "dash" and cl.line.color == style.RUNS_SIGNAL_COLOUR
    assert cl.name.startswith("Median")
    assert not traces(fig, "ucl")  # a run chart has no limits
    assert annotation_texts(fig, "edge_label") == ["Median 19.0"]
    assert "the runs show a change beyond chance, so the centre line is drawn dashed" in \
        figure_summary(fig)
    assert cl.name == "Median (runs show a change)"  # not "Median: unusual runs"


def test_centre_line_solid_without_runs_signal(i_chart):
    (cl,) = traces(qic_figure(i_chart), "cl")
    assert cl.line.dash == "solid" and cl.line.color == style.CENTRE_COLOUR


def test_a_moving_range_centre_line_is_named_in_words():
    (cl,) = traces(qic_figure(qic_result("mr")), "cl")
    assert cl.name == "Centre line"  # not "CL"


def test_missing_values_leave_gaps():
    fig = qic_figure(qic(y=[3, 5, None, 4, 6, 5, 4], chart="run"))
    (data,) = traces(fig, "data")
    assert math.isnan(data.y[2]) and data.connectgaps is False
    assert "Missing values (gaps in the line): 3" in figure_summary(fig)


def test_facets_become_small_multiples_with_their_notes():
    result = qic(y=[1, 2, 3, 2, 5, 6, 5, 7], chart="i",
                 facets=["Ward A"] * 4 + ["Ward B"] * 4,
                 notes=[None, "Audit", None, None, None, None, None, None])
    fig = qic_figure(result)
    assert {t.xaxis for t in traces(fig, "data")} == {"x", "x2"}
    assert {"Ward A", "Ward B"} <= set(annotation_texts(fig))
    assert "2 panels: Ward A and Ward B" in figure_summary(fig)
    (note,) = traces(fig, "note")
    assert note.xaxis == "x" and list(note.x) == [2]


def test_show_95_adds_two_sigma_lines(i_chart):
    assert not traces(qic_figure(i_chart), "ucl_95")
    (line,) = traces(qic_figure(i_chart, show_95=True), "ucl_95")
    assert same(line.y, i_chart.data["ucl_95"])


def test_titles_and_axis_labels_as_given(i_chart):
    fig = qic_figure(i_chart, title="Cost per week", ylab="£", xlab="Week")
    assert (fig.layout.title.text, fig.layout.yaxis.title.text, fig.layout.xaxis.title.text) == (
        "Cost per week", "£", "Week")


def test_not_a_result_gets_plain_message():
    with pytest.raises(DataProblem, match="needs the result of qic()"):
        qic_figure(pd.DataFrame({"y": [1, 2]}))


def test_missing_column_gets_plain_message():
    result = qic(y=[1, 2, 3, 4], chart="i")
    result.data = result.data.drop(columns=["ucl"])
    with pytest.raises(DataProblem, match="no column.*ucl"):
        qic_figure(result)
