"""The funnel plot a learner reads: sites named on hover, outliers marked by shape as well as
colour, both limits (95% and 99.8%), adjusted and unadjusted, a legend and a text equivalent.
The worked example is real: four-hour A&E performance by type-1 department, December 2018."""

from __future__ import annotations

import numpy as np
import pytest

from qispread import funnel, funnel_figure, load
from qispread.errors import DataProblem
from qispread.plots.export import figure_summary, save_image


@pytest.fixture(scope="module")
def december():
    data = load("ae_attendances")
    month = data[(data["type"] == "1") & (data["period"] == "2018-12-01")]
    return month.assign(within_4h=month["attendances"] - month["breaches"])


def _result(month, adjusted: bool):
    return funnel(month, numerator="within_4h", denominator="attendances", group="org_code",
                  data_type="PR", multiplier=100, draw_adjusted=adjusted, draw_unadjusted=True)


def _traces(fig, role):
    return [t for t in fig.data if isinstance(t.meta, dict) and t.meta.get("role") == role]


def test_unadjusted_shows_many_outliers_and_adjusted_few(december):
    unadjusted, adjusted = _result(december, False), _result(december, True)
    assert unadjusted.data["outlier"].sum() > len(december) / 2  # the p chart's lesson again
    assert 0 < adjusted.data["outlier"].sum() <= 5
    assert adjusted.phi > 100  # 10,000 attendances a month: chance alone is tiny


def test_hover_names_the_site_and_outliers_differ_in_shape(december):
    result = _result(december, True)
    fig = funnel_figure(result, units="departments")
    points = {t.meta["position"]: t for t in _traces(fig, "points")}
    assert points["inside"].marker.symbol == "circle"
    assert points["above"].marker.symbol == "triangle-up"
    assert points["above"].marker.color != points["inside"].marker.color
    above = result.data.loc[result.data["position"] == "above", "group"].tolist()
    assert list(points["above"].customdata[:, 0]) == above
    assert list(points["above"].text) == above  # few enough to name beside the points
    assert "customdata[0]" in points["inside"].hovertemplate


def test_both_limits_adjusted_and_unadjusted_with_a_legend(december):
    fig = funnel_figure(_result(december, True))
    drawn = {(t.meta["level"], t.meta["adjusted"]) for t in _traces(fig, "limits")}
    assert drawn == {("95", False), ("99", False), ("95", True), ("99", True)}
    assert fig.layout.showlegend
    assert fig.layout.yaxis.ticksuffix == "%"


def test_unadjusted_only_when_asked(december):
    fig = funnel_figure(_result(december, False))
    assert {t.meta["adjusted"] for t in _traces(fig, "limits")} == {False}


def test_text_equivalent_reads_the_chart(december):
    result = _result(december, True)
    text = figure_summary(funnel_figure(result, units="departments"))
    sentence = text[text.index("above the adjusted 99.8% limit: "):]
    for name in result.data.loc[result.data["outlier"], "group"]:
        assert name in sentence
    assert "triangles" in text and "79.3%" in text


def test_many_outliers_are_left_to_the_hover_box(december):
    fig = funnel_figure(_result(december, False))
    assert all(t.text is None for t in _traces(fig, "points"))


@pytest.mark.chromium
def test_png_renders(december, tmp_path):
    path = save_image(funnel_figure(_result(december, True)), tmp_path / "funnel.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_not_a_funnel_result_gets_a_plain_message():
    with pytest.raises(DataProblem, match="needs the result of funnel"):
        funnel_figure({"data": 1})


def test_names_of_crowded_outliers_never_overlap():
    from qispread.plots.funnel_labels import label_places

    x = np.array([10.0, 10.5, 11.0, 500.0])
    y = np.array([0.2, 0.21, 0.22, 3.0])
    places = label_places(x, y, ["30068", "30044", "30035", "32003"],
                          np.array([False, False, False, True]), (0, 900), (0, 4),
                          np.arange(4))
    assert places[0] is not None and places[3] == "top center"
    assert places[1:3].count(None) >= 1  # no room beside the first for both the others


def test_a_result_shows_as_its_funnel_plot_in_a_notebook(december, monkeypatch):
    import plotly.io as pio

    monkeypatch.setattr(pio.renderers, "default", "plotly_mimetype")  # what JupyterLab uses
    bundle = _result(december, True)._repr_mimebundle_()
    assert "application/vnd.plotly.v1+json" in bundle
    assert bundle["text/plain"].startswith("134 units; 2 outside the adjusted 99.8% limits")


def test_limits_made_astronomical_by_overdispersion_run_off_the_chart():
    """Three units, two of them tiny (Hypothesis found it): tau-squared near 53,000 puts the
    adjusted limits at the small units near 10^195; the points must still be readable."""
    result = funnel(numerator=[1, 1, 1716], denominator=[1.0, 1.0, 27452.0],
                    group=["a", "b", "c"], data_type="SR", sr_method="SHMI")
    assert result.draw_adjusted and result.data["od95ucl"].max() > 1e100
    low, high = funnel_figure(result).layout.yaxis.range
    ratios = result.data["rr"]
    assert 0 <= low <= ratios.min() and ratios.max() <= high < 2 * ratios.max()


def test_limits_at_the_units_sizes_stay_in_view(december):
    result = _result(december, True)
    low, high = funnel_figure(result).layout.yaxis.range
    limits = result.data[list(result.limit_columns(True))].to_numpy()
    assert low <= limits.min() and limits.max() <= high
