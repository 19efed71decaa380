"""qic_figure draws what a qic() result says: the tests read the figure back as a user sees it."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from plot_cases import case
from plot_fakes import FakeQicResult, qic_data

from qispread.plots import style
from qispread.plots.export import figure_summary
from qispread.plots.qic_figure import CHART_NAMES, qic_figure
from qispread.spc.errors import DataProblem


def traces(fig, role):
    return [t for t in fig.data if isinstance(t.meta, dict) and t.meta.get("role") == role]


def annotation_texts(fig, name=None):
    return [a.text for a in fig.layout.annotations if name is None or a.name == name]


def same(a, b):
    return np.allclose(np.asarray(a, dtype=float), np.asarray(b, dtype=float), equal_nan=True)


@pytest.fixture
def i_chart():
    """Montgomery table 6.7 I chart frozen after 20 points (qicharts2 test_montgomery.R)."""
    c = case("qic_i_freeze20_montgomery_6_5")
    e = c["expected"]
    data = qic_data(c["data"]["y"], e["cl"], e["lcl"], e["ucl"], freeze=20,
                    sigma_points=e["sigma_signal_points_1based"])
    return FakeQicResult("i", data, explanations=["Two points are above the upper limit."])


@pytest.fixture
def p_chart_parts():
    """Montgomery table 7.1 p chart: two parts (30 + 64 points), points 15 and 23 excluded."""
    c = case("qic_p_part30_exclude_montgomery_7_1")
    e = c["expected"]
    y = np.array(c["data"]["count"]) / np.array(c["data"]["n"])
    cl = [e["part1"]["cl"]] * 30 + [e["part2"]["cl"]] * (len(y) - 30)
    ucl = [e["part1"]["ucl"]] * 30 + [e["part2"]["ucl"]] * (len(y) - 30)
    lcl = [e["part1"]["lcl"]] * 30 + [e["part2"]["lcl"]] * (len(y) - 30)
    data = qic_data(y, cl, lcl, ucl, part=[31], exclude=c["params"]["exclude_1based"],
                    sigma_points=[21])
    return FakeQicResult("p", data)


def test_plotted_values_are_the_results(i_chart):
    fig = qic_figure(i_chart)
    (data,) = traces(fig, "data")
    assert same(data.y, i_chart.data["y"])
    assert same(data.x, i_chart.data["x"])
    (cl,) = traces(fig, "cl")
    assert same(cl.y, i_chart.data["cl"])
    ucl = traces(fig, "ucl")[0]
    assert same(ucl.y, i_chart.data["ucl"])


def test_sigma_signals_change_marker_shape_and_colour(i_chart):
    fig = qic_figure(i_chart)
    (data,) = traces(fig, "data")
    signal = {i for i, s in enumerate(data.marker.symbol) if s == style.MARKER_SIGNAL}
    assert signal == {38, 39}  # points 39 and 40, as qicharts2's test expects
    assert {data.marker.color[i] for i in signal} == {style.SIGNAL_COLOUR}
    assert "Outside the limits (special cause)" in [t.name for t in fig.data if t.showlegend]


def test_centre_line_and_limits_labelled_with_values_at_right_edge(i_chart):
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


def test_summary_names_chart_and_signals(i_chart):
    text = figure_summary(qic_figure(i_chart))
    assert text.startswith("I chart")
    assert "2 point(s) outside the control limits, at 39 and 40" in text
    assert "no runs signal" in text
    assert "Two points are above the upper limit." in text  # result.explain()


def test_each_part_drawn_separately(p_chart_parts):
    fig = qic_figure(p_chart_parts)
    cls = traces(fig, "cl")
    assert len(cls) == p_chart_parts.data["part"].nunique() == 2
    data = traces(fig, "data")
    assert [len(t.y) for t in data] == [30, 64]  # no line joins the last point of part 1 to part 2
    assert [round(t.y[0], 6) for t in cls] == [0.215, 0.109687]


def test_excluded_points_are_hollow(p_chart_parts):
    fig = qic_figure(p_chart_parts)
    symbols = [s for t in traces(fig, "data") for s in t.marker.symbol]
    hollow = [i + 1 for i, s in enumerate(symbols) if s == style.MARKER_EXCLUDED]
    assert hollow == [15, 23]
    assert "Excluded from the calculations (hollow points): 15 and 23" in figure_summary(fig)


def test_p_chart_has_percent_axis(p_chart_parts):
    fig = qic_figure(p_chart_parts)
    assert fig.layout.yaxis.tickformat == ".0%"
    assert "Mean 11.0%" in annotation_texts(fig, "edge_label")


def test_p_chart_multiplied_keeps_plain_axis():
    result = FakeQicResult("p", qic_data([12.0, 15.0, 11.0], 12.7, 5.0, 20.0), multiply=100)
    assert qic_figure(result).layout.yaxis.tickformat is None


def test_variable_limits_are_steps_following_each_point():
    c = case("qic_p_variable_n_montgomery_tbl_7_4")
    e = c["expected"]
    y = np.array(c["data"]["count"]) / np.array(c["data"]["n"])
    result = FakeQicResult("p", qic_data(y, e["cl"], e["lcl"], e["ucl"], n=c["data"]["n"],
                                         sigma_points=e["sigma_signal_points_1based"]))
    fig = qic_figure(result)
    ucl = traces(fig, "ucl")[0]
    assert same(ucl.y, e["ucl"]) and ucl.line.shape == "hvh"
    assert "they vary with the subgroup size" in figure_summary(fig)


def test_runs_signal_turns_median_dashed_and_coloured():
    """CDI run chart frozen after 24 points (qicharts2 vignette): median 19, runs signal."""
    c = case("qic_cdi_vignette_run_freeze_and_c_part")
    e = c["expected"]["run_freeze24"]
    result = FakeQicResult("run", qic_data(c["data"]["n"], e["cl_median"], freeze=24,
                                           runs_signal=e["DERIVED"]["runs.signal"]))
    fig = qic_figure(result)
    (cl,) = traces(fig, "cl")
    assert cl.line.dash == "dash" and cl.line.color == style.RUNS_SIGNAL_COLOUR
    assert cl.name.startswith("Median")
    assert not traces(fig, "ucl")  # a run chart has no limits
    assert annotation_texts(fig, "edge_label") == ["Median 19.0"]
    assert "runs signal" in figure_summary(fig)


def test_centre_line_solid_without_runs_signal(i_chart):
    (cl,) = traces(qic_figure(i_chart), "cl")
    assert cl.line.dash == "solid" and cl.line.color == style.CENTRE_COLOUR


def test_missing_values_leave_gaps():
    result = FakeQicResult("run", qic_data([3, 5, None, 4, 6], 4.5))
    fig = qic_figure(result)
    (data,) = traces(fig, "data")
    assert math.isnan(data.y[2]) and data.connectgaps is False
    assert "Missing values (gaps in the line): 3" in figure_summary(fig)


def test_facets_become_small_multiples():
    a = qic_data([1, 2, 3, 2], 2.0, 0.0, 4.0, facet="Ward A")
    b = qic_data([5, 6, 5, 7], 6.0, 3.0, 9.0, facet="Ward B")
    fig = qic_figure(FakeQicResult("i", pd.concat([a, b], ignore_index=True)))
    assert {t.xaxis for t in traces(fig, "data")} == {"x", "x2"}
    assert {"Ward A", "Ward B"} <= set(annotation_texts(fig))
    assert "2 panels: Ward A and Ward B" in figure_summary(fig)


def test_notes_column_drawn_in_its_own_panel():
    a = qic_data([1, 2, 3, 2], 2.0, 0.0, 4.0, facet="Ward A", notes=[None, "Audit", None, None])
    b = qic_data([5, 6, 5, 7], 6.0, 3.0, 9.0, facet="Ward B")
    fig = qic_figure(FakeQicResult("i", pd.concat([a, b], ignore_index=True)))
    (note,) = traces(fig, "note")
    assert note.xaxis == "x" and list(note.x) == [2]


@pytest.mark.parametrize("chart", sorted(CHART_NAMES))
def test_every_chart_type_builds(chart):
    result = FakeQicResult(chart, qic_data([0.2, 0.3, 0.25, 0.6], 0.3, 0.1, 0.5))
    fig = qic_figure(result)
    assert fig.layout.title.text == CHART_NAMES[chart]
    assert figure_summary(fig).startswith(CHART_NAMES[chart])
    assert "point(s) outside the control limits, at 4" in figure_summary(fig)


def test_show_95_adds_two_sigma_lines(i_chart):
    assert not traces(qic_figure(i_chart), "ucl_95")
    (line,) = traces(qic_figure(i_chart, show_95=True), "ucl_95")
    assert same(line.y, i_chart.data["ucl_95"])


def test_not_a_result_gets_plain_message():
    with pytest.raises(DataProblem, match="needs the result of qic()"):
        qic_figure(pd.DataFrame({"y": [1, 2]}))


def test_missing_column_gets_plain_message(i_chart):
    i_chart.data = i_chart.data.drop(columns=["ucl"])
    with pytest.raises(DataProblem, match="no column.*ucl"):
        qic_figure(i_chart)
