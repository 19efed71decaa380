"""The funnel explorer, driven headless as a learner would: pick a month, switch the adjustment
on, read the chart and the reading under it."""


from qispread.plots.export import figure_summary
from qispread.widgets import FunnelExplorer


def _outside(explorer):
    return int(explorer.result.data["outlier"].sum())


def test_switching_the_adjustment_on_leaves_few_departments_outside():
    explorer = FunnelExplorer()
    many = _outside(explorer)
    explorer.adjusted.value = True
    assert explorer.result.draw_adjusted and _outside(explorer) < many / 10
    assert "adjusted for overdispersion" in explorer.figure.shown.layout.title.text
    assert "above the adjusted 99.8% limit" in explorer.reading.value


def test_picking_a_month_shows_that_months_departments():
    explorer = FunnelExplorer()
    explorer.month.value = explorer.month.options[0][1]
    assert "April 2016" in explorer.figure.shown.layout.title.text
    shown = sum(len(t.x) for t in explorer.figure.shown.data
                if isinstance(t.meta, dict) and t.meta.get("role") == "points")
    assert shown == len(explorer.result.data) > 100
    assert "departments" in figure_summary(explorer.figure.shown)


def test_every_control_is_labelled_and_the_source_is_credited():
    explorer = FunnelExplorer(adjusted=True)
    assert explorer.month.description == "Month" and explorer.adjusted.description == "Limits"
    assert any("Open Government Licence" in str(getattr(child, "value", ""))
               for child in explorer.children)
