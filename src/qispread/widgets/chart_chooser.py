"""A small "help me choose" widget: a few questions about the data, and the chart to use."""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as w

from qispread.models.chart_choice import DATA_KINDS, ChartAdvice, recommend_chart
from qispread.widgets.common import MessageArea, guarded

_WIDE = {"description_width": "initial"}


class ChartChooser(w.VBox):
    """Answers to the chart-selection questions -> a recommended chart and the reason for it.

    on_choose(chart_code) is called when the learner presses "Use this chart".
    """

    def __init__(self, on_choose: Callable[[str], None] | None = None) -> None:
        self.on_choose = on_choose
        self.kind = w.RadioButtons(
            options=[(label, key) for key, label in DATA_KINDS.items()],
            value="measurement",
            description="What does each value record?",
            style=_WIDE,
            layout=w.Layout(width="auto"),
        )
        self.subgroup_size = w.BoundedIntText(
            value=1,
            min=1,
            max=1000,
            description="How many measurements at each point?",
            style=_WIDE,
            layout=w.Layout(width="32em"),  # room for the question and the number after it
        )
        self.equal_opportunity = w.ToggleButtons(
            options=[("Yes, about the same", True), ("No, it varies", False)],
            value=True,
            description="Is the chance for events the same at every point (same beds, same days)?",
            style=_WIDE,
        )
        self.large_denominators = w.Checkbox(
            value=False,
            description="Thousands of cases behind each point (for example, all A&E attendances)",
            style=_WIDE,
            layout=w.Layout(width="auto"),
        )
        self.advice_text = w.HTML(layout=w.Layout(max_width="46em"))
        self.use_button = w.Button(
            description="Use this chart", icon="check", tooltip="Use the recommended chart"
        )
        self.messages = MessageArea()
        self.advice: ChartAdvice | None = None
        for control in (
            self.kind,
            self.subgroup_size,
            self.equal_opportunity,
            self.large_denominators,
        ):
            control.observe(lambda _change: self.refresh(), names="value")
        self.use_button.on_click(lambda _button: self._use())
        super().__init__(
            children=[
                w.HTML("<b>Help me choose a chart</b>"),
                self.kind,
                self.subgroup_size,
                self.equal_opportunity,
                self.large_denominators,
                self.advice_text,
                self.use_button,
                self.messages,
            ],
            layout=w.Layout(border="1px solid #ccc", padding="6px 10px"),
        )
        self.refresh()

    def refresh(self) -> None:
        kind = self.kind.value
        _show(self.subgroup_size, kind == "measurement")
        _show(self.equal_opportunity, kind == "count")
        _show(
            self.large_denominators,
            kind in ("count", "proportion")
            and not (kind == "count" and self.equal_opportunity.value),
        )
        guarded(self.messages, self._advise)

    def _advise(self) -> None:
        from qispread.spc.vocabulary import CHART_NAMES

        kind = self.kind.value
        self.advice = recommend_chart(
            kind,
            subgroup_size=self.subgroup_size.value if kind == "measurement" else 1,
            equal_opportunity=self.equal_opportunity.value,
            large_denominators=self.large_denominators.value,
        )
        self.advice_text.value = (
            f"<p><b>Suggested: {html.escape(CHART_NAMES[self.advice.chart])}.</b> "
            f"{html.escape(self.advice.reason)}</p>"
        )

    def _use(self) -> None:
        if self.advice is not None and self.on_choose is not None:
            self.on_choose(self.advice.chart)


def _show(control: w.Widget, visible: bool) -> None:
    control.layout.display = None if visible else "none"
