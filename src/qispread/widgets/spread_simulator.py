"""SpreadSimulator: choose who starts, push or pull, adaptation and convening; watch the spread."""

from __future__ import annotations

import html

import ipywidgets as w

from qispread.models.spread_sim import (
    ADAPTATION,
    MODES,
    REACH_LABELS,
    SEEDING,
    SpreadSettings,
    reach_pattern,
    simulate,
)
from qispread.models.typed_values import typed_whole_number
from qispread.plots.spread_sim import (
    adoption_curve,
    network_figure,
    reach_figure,
)
from qispread.widgets.common import INTRO_STYLE, MessageArea, guarded
from qispread.widgets.figures import Chart
from qispread.widgets.named_slider import NamedSlider

RUNS = 100
SEED_TEAMS = range(1, 21)
CONTACTS = range(1, 6)
RUN_NUMBERS = range(0, 100_001)
FIRST_RUN = 4
"""A run that spreads beyond its organisation, so the first picture shows every state."""
WIDE = {"description_width": "15em"}

ASSUMPTIONS = """
<details style='max-width:60em'><summary><b>How this teaching model works (its assumptions)</b>
</summary><ul style='margin:4px 0'>
<li>A <b>teaching model</b>, not a forecast: made-up teams, simple rules, no real data.</li>
<li>Teams belong to organisations. Most trusted contacts are inside a team's own organisation;
a few teams (boundary spanners) have contacts in other organisations.</li>
<li><b>Pull</b>: a team tries the change once enough of its trusted contacts use it (after
Granovetter 1978; needing more than one contact is Centola and Macy's 2007 <i>complex
contagion</i>). A quarter of teams are keen and need one contact; a quarter are reluctant and need
one more than most.</li>
<li><b>Push</b>: a mandate tells every team to start trying it within the first 12 months.</li>
<li>A trial lasts 2 to 5 months. It works only if the team has enough support (contacts that use
it, plus help from a community of practice) for the local adaptation the change needs there;
otherwise the team abandons it, and comes back once its support has grown.</li>
<li><b>Convening</b> adds ties between organisations, or a community of practice with two teams
from each organisation who help each other adapt.</li>
<li>A team that has adopted keeps the change (sustaining it is module 10's subject).</li>
<li>Each run number gives one made-up network; the same settings and run number always give the
same result. <i>Run 100 times</i> always uses runs 1 to 100.</li>
</ul></details>
"""


def _whole_number_box(value: int, description: str, allowed: range) -> w.Text:
    """A box for a whole number that never changes what was typed (an IntText silently turns
    letters back into the old number and 50 into its maximum): settings() says what is wrong."""
    return w.Text(value=str(value), description=description, style=WIDE,
                  placeholder=f"{allowed.start} to {allowed.stop - 1}", continuous_update=False,
                  tooltip=f"A whole number from {allowed.start} to {allowed.stop - 1}",
                  layout=w.Layout(width="22em"))


class SpreadSimulator(w.VBox):
    """Plain-English controls over a SpreadSettings; three figures redrawn in place."""

    def __init__(self, settings: SpreadSettings | None = None) -> None:
        start = settings or SpreadSettings(seed=FIRST_RUN)
        self.messages = MessageArea()
        self.seeding = w.Dropdown(options=[(text, key) for key, text in SEEDING.items()],
                                  value=start.seeding, description="Who starts",
                                  style=WIDE, layout=w.Layout(width="44em"))
        self.seed_teams = _whole_number_box(start.seed_teams, "How many teams start", SEED_TEAMS)
        self.mode = w.RadioButtons(options=[(text, key) for key, text in MODES.items()],
                                   value=start.mode, description="How it spreads", style=WIDE,
                                   layout=w.Layout(width="auto"))
        self.contacts = _whole_number_box(start.contacts_needed, "Contacts most teams wait for",
                                          CONTACTS)
        self.adaptation = w.ToggleButtons(options=list(ADAPTATION), value=start.adaptation,
                                          description="Local adaptation needed", style=WIDE)
        self.ties = w.Checkbox(value=start.cross_boundary_ties, indent=False,
                               description="Convene: add ties between organisations",
                               layout=w.Layout(width="auto"))
        self.community = w.Checkbox(value=start.community_of_practice, indent=False,
                                    description="Convene: a community of practice across "
                                                "organisations", layout=w.Layout(width="auto"))
        self.run_number = _whole_number_box(start.seed, "Run number", RUN_NUMBERS)
        self.month = NamedSlider(value=start.months, min=0, max=start.months,
                                 description="Show month", layout=w.Layout(width="44em"))
        self.summary = w.HTML()
        self.many_button = w.Button(description=f"Run {RUNS} times", icon="play",
                                    tooltip=f"Runs 1 to {RUNS} with these settings: how far did "
                                            "the change get?", layout=w.Layout(width="14em"))
        self.many_summary = w.HTML()
        self._months = start.months
        self.run = simulate(start)
        self.curve = Chart(adoption_curve(self.run, self.month.value))
        self.network = Chart(network_figure(self.run, self.month.value))
        self.reach = Chart(reach_figure({"unit": 0, "organisation": 0, "beyond": 0}).update_layout(
            title_text=f"Press “Run {RUNS} times” to see how far it gets"))
        for control in (self.seeding, self.seed_teams, self.mode, self.contacts, self.adaptation,
                        self.ties, self.community, self.run_number):
            control.observe(lambda _c: self._rerun(), names="value")
        self.month.observe(lambda _c: self._show_month(), names="value")
        self.many_button.on_click(lambda _b: self._run_many())
        super().__init__([
            w.HTML("<h3 style='margin:0'>Spread simulator (a teaching model)</h3>"
                   f"<p style='{INTRO_STYLE}'>A made-up network of "
                   f"{start.teams} teams in {start.organisations} organisations. Choose how the "
                   "change starts and spreads, then watch what happens month by month.</p>"),
            w.HTML(ASSUMPTIONS),
            self.seeding, w.HBox([self.seed_teams, self.run_number]), self.mode, self.contacts,
            self.adaptation, self.ties, self.community, self.messages, self.summary,
            self.curve, self.month, self.network,
            w.HBox([self.many_button, self.many_summary]), self.reach,
        ], layout=w.Layout(padding="6px 10px", border="1px solid #ccc"))
        self._describe()

    def settings(self) -> SpreadSettings:
        """The settings in the controls; DataProblem naming a box whose entry is not allowed
        (the box keeps what was typed)."""
        def whole(box: w.Text, allowed: range) -> int:
            return typed_whole_number(box.value, box.description, allowed.start, allowed.stop - 1)

        return SpreadSettings(seeding=self.seeding.value,
                              seed_teams=whole(self.seed_teams, SEED_TEAMS),
                              mode=self.mode.value,
                              contacts_needed=whole(self.contacts, CONTACTS),
                              adaptation=self.adaptation.value,
                              cross_boundary_ties=self.ties.value,
                              community_of_practice=self.community.value,
                              months=self._months, seed=whole(self.run_number, RUN_NUMBERS))

    def _rerun(self) -> None:
        def run() -> None:
            self.run = simulate(self.settings())
        if guarded(self.messages, run):
            self.many_summary.value = ""
            self._redraw()

    def _redraw(self) -> None:
        self._show_month()
        self._describe()

    def _show_month(self) -> None:
        self.curve.draw(adoption_curve(self.run, self.month.value))
        self.network.draw(network_figure(self.run, self.month.value))

    def _describe(self) -> None:
        run = self.run
        adopted = round(run.final_adoption * run.settings.teams)
        half = run.months_to(0.5)
        when = (f"half the teams used it by month {half}" if half is not None
                else "it never reached half the teams")
        self.summary.value = (
            f"<p style='margin:4px 0'><b>Run {run.settings.seed}:</b> after "
            f"{run.settings.months} months, {adopted} of {run.settings.teams} teams use the "
            f"change; {when}. It {html.escape(REACH_LABELS[run.reach()])}.</p>"
            f"<p style='margin:4px 0'><b>As a programme would measure it</b> (one site per "
            f"organisation, in use when half its teams have adopted for 3 months): "
            f"{html.escape(_first_sentence(run.spread_measures().explain()))}</p>")

    def _run_many(self) -> None:
        self.many_summary.value = f"<i>Running {RUNS} times…</i>"
        tally: dict[str, int] = {}

        def run() -> None:
            tally.update(reach_pattern(self.settings(), runs=RUNS))
        if guarded(self.messages, run):
            self.reach.draw(reach_figure(tally))
            self.many_summary.value = (f"<span style='line-height:2.2em'>Runs 1 to {RUNS} with "
                                       "the settings above.</span>")


def _first_sentence(text: str) -> str:
    """The adoption sentence (and any sites on paper) of a programme's reading."""
    return " ".join(part for part in text.split(". ")
                    if "site" in part or "on paper" in part).rstrip(".") + "."
