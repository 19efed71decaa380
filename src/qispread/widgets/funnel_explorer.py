"""FunnelExplorer: every type-1 A&E department in England for one month, seen within four hours,
on a funnel plot; pick the month, switch the overdispersion adjustment on and off.

    FunnelExplorer()                      # December 2018, unadjusted limits
    FunnelExplorer(month="2017-01-01", adjusted=True)

The same lesson as Laney's p′ chart, across sites instead of over time: with about 10,000
attendances a month, chance alone allows a department very little room, so most of them fall
outside unadjusted limits; allowing for the real variation between departments leaves the few
that stand out even so.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w
import pandas as pd

from qispread import data as course_data
from qispread.plots.funnel_figure import funnel_figure
from qispread.spc.funnel import FunnelResult, funnel
from qispread.widgets.common import INTRO_STYLE, MessageArea, guarded
from qispread.widgets.figures import Chart

SOURCE = "ae_attendances"
WIDE = {"description_width": "6em"}


def type1_departments() -> pd.DataFrame:
    """Type-1 (major emergency department) rows, with those seen within four hours."""
    rows = course_data.load(SOURCE)
    rows = rows[rows["type"] == "1"]
    return rows.assign(within_4h=rows["attendances"] - rows["breaches"])


class FunnelExplorer(w.VBox):
    """A month of real A&E data as a funnel plot, with the adjustment for overdispersion as a
    switch; the engine's reading under the chart."""

    def __init__(self, month: str = "2018-12-01", adjusted: bool = False) -> None:
        self._rows = type1_departments()
        months = sorted(self._rows["period"].unique())
        self.messages = MessageArea()
        self.month = w.Dropdown(options=[(f"{m:%B %Y}", m) for m in months],
                                value=pd.Timestamp(month), description="Month", style=WIDE,
                                layout=w.Layout(width="20em"))
        self.adjusted = w.ToggleButtons(
            options=[("Unadjusted: chance alone", False),
                     ("Adjusted for overdispersion", True)],
            value=adjusted, description="Limits", style={**WIDE, "button_width": "16em"},
            tooltips=["Limits from chance alone (binomial variation)",
                      "Limits that also allow for the real differences between departments "
                      "(Spiegelhalter 2005)"])
        self.reading = w.HTML()
        self.figure = Chart()
        self.result: FunnelResult | None = None
        self.month.observe(lambda _c: self._redraw(), names="value")
        self.adjusted.observe(lambda _c: self._redraw(), names="value")
        super().__init__([
            w.HTML("<h3 style='margin:0'>Comparing A&amp;E departments: a funnel plot</h3>"
                   f"<p style='{INTRO_STYLE}'>Each point is one type-1 emergency department: "
                   "the share of its attendances seen within four hours (up the side) against "
                   "how many attendances it had (along the bottom). Hover over a point to see "
                   "which department it is.</p>"),
            self.month, self.adjusted, self.messages, self.figure,
            self.reading,
            w.HTML(f"<p style='font-size:14px;color:#333;max-width:60em'>"
                   f"{escape(course_data.attribution(SOURCE))}</p>"),
        ], layout=w.Layout(padding="6px 10px", border="1px solid #ccc"))
        self._redraw()

    def _redraw(self) -> None:
        chosen = self._rows[self._rows["period"] == self.month.value]

        def analyse() -> None:
            self.result = funnel(chosen, numerator="within_4h", denominator="attendances",
                                 group="org_code", data_type="PR", multiplier=100,
                                 draw_adjusted=self.adjusted.value, draw_unadjusted=True)
        if not guarded(self.messages, analyse) or self.result is None:
            return
        kind = "adjusted for overdispersion" if self.adjusted.value else "unadjusted"
        title = f"Seen within four hours, {self.month.value:%B %Y} ({kind})"
        self.figure.draw(funnel_figure(self.result, title=title, units="departments",
                                               ylab="Seen within four hours"))
        items = "".join(f"<li>{escape(line)}</li>"
                        for line in self.result.explain(units="departments"))
        self.reading.value = (f"<ul style='font-size:15px;line-height:1.5;max-width:60em'>"
                              f"{items}</ul>")
