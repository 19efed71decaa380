"""WaitingListModel: set demand and capacity, predict, run the teaching model, read the result."""

from __future__ import annotations

import html

import ipywidgets as w

from qispread.models.demand_capacity import MOST_RUNS, MOST_WEEKS, QueueSettings, simulate_queue
from qispread.plots.queue import queue_figure
from qispread.widgets.common import INTRO_STYLE, MessageArea, guarded
from qispread.widgets.figures import Chart

_NUMBER = {"layout": w.Layout(width="21em"), "style": {"description_width": "13em"}}


class WaitingListModel(w.VBox):
    """A waiting list run forward week by week; the same seed gives the same runs."""

    def __init__(self, settings: QueueSettings | None = None) -> None:
        s = settings or QueueSettings()
        self.messages = MessageArea()
        self.demand = w.BoundedFloatText(value=s.demand, min=0, max=100_000,
                                         description="Average demand", **_NUMBER)
        self.demand_sd = w.BoundedFloatText(value=s.demand_sd, min=0, max=100_000,
                                            description="Demand varies by (sd)", **_NUMBER)
        self.capacity = w.BoundedFloatText(value=s.capacity, min=0, max=100_000,
                                           description="Average capacity", **_NUMBER)
        self.capacity_sd = w.BoundedFloatText(value=s.capacity_sd, min=0, max=100_000,
                                              description="Capacity varies by (sd)", **_NUMBER)
        self.start = w.BoundedIntText(value=s.start_backlog, min=0, max=1_000_000,
                                      description="Waiting at the start", **_NUMBER)
        self.weeks = w.BoundedIntText(value=s.weeks, min=1, max=MOST_WEEKS,
                                      description="Weeks", **_NUMBER)
        self.runs = w.BoundedIntText(value=s.runs, min=1, max=MOST_RUNS,
                                     description="Runs (1 = one story)", **_NUMBER)
        self.seed = w.BoundedIntText(value=s.seed, min=0, max=2**31 - 1,
                                     description="Random seed", **_NUMBER)
        self.run_button = w.Button(description="Run the model", icon="play",
                                   button_style="primary")
        self.reading = w.HTML()
        self.figure = Chart()
        self.run_button.on_click(lambda _b: self.run())
        fields = [self.demand, self.demand_sd, self.capacity, self.capacity_sd, self.start,
                  self.weeks, self.runs, self.seed]
        super().__init__([
            w.HTML("<h3 style='margin:0'>Waiting list model</h3>"
                   f"<p style='{INTRO_STYLE}'>All figures are people a week. Each week new "
                   "referrals arrive and the service "
                   "sees as many as its capacity allows; both vary from week to week. Before "
                   "you press Run, write down what you expect the list to do. A teaching model, "
                   "not a forecast.</p>"),
            w.HBox([w.VBox(fields[:4]), w.VBox(fields[4:])],
                   layout=w.Layout(flex_flow="row wrap")),
            self.run_button, self.messages, self.reading, self.figure,
        ], layout=w.Layout(padding="6px 10px", border="1px solid #ccc"))
        self.run()

    def settings(self) -> QueueSettings:
        return QueueSettings(self.demand.value, self.demand_sd.value, self.capacity.value,
                             self.capacity_sd.value, self.start.value, self.weeks.value,
                             self.runs.value, self.seed.value)

    def run(self) -> None:
        def simulate() -> None:
            runs = simulate_queue(self.settings())
            self.figure.draw(queue_figure(runs))
            self.reading.value = f"<p style='{INTRO_STYLE}'>{html.escape(runs.reading())}</p>"
        guarded(self.messages, simulate)
