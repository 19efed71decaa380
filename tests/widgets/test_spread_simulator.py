"""The spread simulator widget, driven headless as a learner would: change a setting, read the
summary and the figures; run it 100 times and get the model's own tally."""

import pytest

from qispread.models.spread_sim import SpreadSettings, reach_pattern, simulate
from qispread.plots.export import figure_summary
from qispread.widgets.spread_simulator import RUNS, SpreadSimulator


def _network_counts(sim):
    return {t.name.split(" (")[0]: int(t.name.split("(")[1].rstrip(")"))
            for t in sim.network.shown.data if "(" in (t.name or "")}


def test_changing_a_control_reruns_the_model_with_those_settings():
    sim = SpreadSimulator()
    sim.seeding.value = "hubs"
    sim.seed_teams.value = "3"
    sim.mode.value = "push"
    expected = simulate(SpreadSettings(seeding="hubs", seed_teams=3, mode="push",
                                       seed=int(sim.run_number.value)))
    assert (sim.run.states == expected.states).all()
    adopted = round(expected.final_adoption * expected.settings.teams)
    assert f"{adopted} of {expected.settings.teams} teams" in sim.summary.value
    assert _network_counts(sim)["adopted"] == adopted


def test_the_month_slider_shows_the_network_at_that_month():
    sim = SpreadSimulator()
    sim.month.value = 0
    assert _network_counts(sim)["adopted"] == len(sim.run.seed_teams)
    assert "month 0" in sim.network.shown.layout.title.text


def test_run_100_times_gives_the_same_tally_whatever_was_run_before():
    sim = SpreadSimulator()
    sim.run_number.value = "37"  # a learner's earlier exploring must not change the answer
    sim.seeding.value = "brokers"
    sim.many_button.click()
    tally = reach_pattern(SpreadSettings(seeding="brokers"), runs=RUNS)
    bars = sim.reach.shown.data[0]
    assert list(bars.x) == [tally["unit"], tally["organisation"], tally["beyond"]]
    assert f"{tally['beyond']} of {RUNS} runs" in figure_summary(sim.reach.shown)


def test_every_control_has_a_plain_english_label_and_the_model_is_labelled_a_teaching_model():
    sim = SpreadSimulator()
    for control in (sim.seeding, sim.seed_teams, sim.mode, sim.contacts, sim.adaptation,
                    sim.ties, sim.community, sim.run_number, sim.month):
        assert control.description.strip()
    text = " ".join(c.value for c in sim.children if hasattr(c, "value")
                    and isinstance(c.value, str))
    assert "teaching model" in text and "Granovetter" in text and "Centola" in text


@pytest.mark.parametrize(("box", "typed", "words"), [
    ("seed_teams", "50", "How many teams start: 50 is more than this tool allows. Type a whole "
                         "number from 1 to 20."),
    ("seed_teams", "three", "How many teams start: 'three' is not a whole number. Type a whole "
                            "number from 1 to 20."),
    ("contacts", "0", "Contacts most teams wait for: 0 is less than this tool allows. Type a "
                      "whole number from 1 to 5."),
    ("run_number", "", "Run number: the box is empty. Type a whole number from 0 to 100000."),
])
def test_a_number_the_simulator_cannot_use_is_explained_and_kept_as_typed(box, typed, words):
    sim = SpreadSimulator()
    before = sim.run
    getattr(sim, box).value = typed
    assert getattr(sim, box).value == typed  # never reset to 1 or 20 without a word
    assert words in sim.messages.value
    assert sim.run is before  # the last good run stays on screen
    getattr(sim, box).value = "2"
    assert sim.messages.value == "" and sim.run is not before


def test_the_month_slider_stays_within_the_months_run():
    sim = SpreadSimulator()
    sim.month.value = sim.month.max + 5
    assert sim.month.value == sim.month.max == sim.run.settings.months
    sim.month.value = -1
    assert sim.month.value == 0
