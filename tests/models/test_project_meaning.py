"""Module 11's automatic marks read meaning, not presence (issue 23 §3): each test saves a project
that a learner could plausibly hand in, complete in form but wrong in substance, and checks that
the part it gets wrong loses its mark while the rest still earn theirs."""

from dataclasses import replace

import pandas as pd
import pytest
from project_samples import own_project

from qispread.models.aim import Aim
from qispread.models.chart_spec import load_chart_spec
from qispread.models.measures import load_measures
from qispread.models.pdsa import load_pdsa_log
from qispread.models.project_checks import all_problems
from qispread.models.spread_measures import (
    Component,
    ReachGroup,
    Site,
    SpreadMeasures,
    load_spread_measures,
)

# 20 weeks that swing round a steady level: no long run, plenty of crossings (Anhøj)
STEADY = [61, 58, 63, 57, 60, 62, 59, 64, 58, 61, 57, 62, 60, 63, 59, 58, 62, 60, 61, 59]


@pytest.fixture
def project(tmp_path):
    made = own_project(tmp_path / "p")
    assert all_problems(made) == {k: [] for k in ("aim", "measures", "chart", "pdsa",
                                                  "readiness", "spread_measures")}
    return made


def _only_fails(project, part):
    problems = all_problems(project)
    assert problems[part], f"{part} should lose its mark"
    assert all(not found for key, found in problems.items() if key != part), problems
    return problems[part][0]


@pytest.mark.parametrize("aim, missing", [
    ("Increase sepsis screening within one hour for adults in the emergency department at "
     "Hilltop Hospital to 80%.", "by when"),
    ("By March 2027, screen 80% of eligible adults for sepsis within one hour.", "where"),
    ("Improve sepsis screening for adults in the emergency department at Hilltop Hospital by "
     "March 2027.", "how much"),
])
def test_an_aim_missing_a_part_loses_the_mark(project, aim, missing):
    Aim(aim).save(project.path("aim"))
    assert missing in _only_fails(project, "aim")


def _edit_first_measure(project, **parts):
    family = load_measures(project.path("measures"))
    definition = family.measures[0].definition
    for name, text in parts.items():
        setattr(definition, name, text)
    family.save(project.path("measures"))


@pytest.mark.parametrize("parts, named", [
    ({"numerator": "Eligible patients arriving in the week",
      "denominator": "Eligible patients arriving in the week."}, "the same"),
    ({"frequency": "Regularly, as needed."}, "how often"),
    ({"data_source": "tbc"}, "data source"),
    ({"inclusions_exclusions": "n/a"}, "included and excluded"),
])
def test_a_definition_written_but_not_defined_loses_the_mark(project, parts, named):
    _edit_first_measure(project, **parts)
    assert named in _only_fails(project, "measures")


def _steady_chart(project, reading):
    spec = load_chart_spec(project.path("chart"))
    weeks = pd.DataFrame({"week": range(1, len(STEADY) + 1), "screened": STEADY})
    replace(spec, source=None, own_data_csv=weeks.to_csv(index=False), own_data_name="steady",
            x="week", y="screened", n=None, chart="run", freeze=None, multiply=1,
            interpretation=reading).save(project.path("chart"))


SHIFT_CLAIMED = ("After the prompt went onto the triage form in week 8 the percentage screened "
                 "rose, and the points from week 8 onwards show a shift upwards, so the change "
                 "is working and we should spread it to the other departments now.")
RANDOM_READ = ("The percentage screened swings between 57 and 64 each week around the median of "
               "60, with no long run and plenty of crossings: no signal, only common cause "
               "variation, so the prompt has not yet changed how many patients are screened.")


def test_claiming_a_shift_the_rules_do_not_find_loses_the_mark(project):
    _steady_chart(project, SHIFT_CLAIMED)
    assert "shows a shift" in _only_fails(project, "chart")
    _steady_chart(project, RANDOM_READ)
    assert all_problems(project)["chart"] == []


def test_claiming_points_outside_limits_on_a_run_chart_loses_the_mark(project):
    _steady_chart(project, RANDOM_READ + " Week 8 is above the upper control limit.")
    assert "outside the limits" in _only_fails(project, "chart")


def test_a_steady_chart_read_without_saying_it_is_random_loses_the_mark(project):
    _steady_chart(project, "The percentage screened was about 60 each week over the twenty "
                           "weeks, going up and down from week to week, and we will keep "
                           "testing the prompt on the night shift next.")
    assert "no signal" in _only_fails(project, "chart")


def test_calling_a_real_shift_random_loses_the_mark(project):
    spec = load_chart_spec(project.path("chart"))
    replace(spec, interpretation=(
        "The points go up and down from week to week around the centre line, all of it common "
        "cause variation, so the chart gives us no reason to think the triage prompt changed "
        "anything in the department.")).save(project.path("chart"))
    assert "does not name a signal" in _only_fails(project, "chart")


def _relink(project, **changes):
    log = load_pdsa_log(project.path("pdsa"))
    for cycle_id, fields in changes.items():
        for name, value in fields.items():
            setattr(log.get(cycle_id), name, value)
    log.save(project.path("pdsa"))


def test_cycles_that_do_not_build_on_each_other_lose_the_mark(project):
    _relink(project, C2={"builds_on": None}, C3={"builds_on": None})
    assert "one cycle" in _only_fails(project, "pdsa")


def test_building_on_an_abandoned_or_undecided_test_loses_the_mark(project):
    _relink(project, C1={"act": "abandon"}, C2={"act": ""})
    assert "Act decision" in _only_fails(project, "pdsa")


def test_a_ramp_that_repeats_its_prediction_loses_the_mark(project):
    log = load_pdsa_log(project.path("pdsa"))
    same = log.get("C1").prediction
    _relink(project, C2={"prediction": same}, C3={"prediction": same})
    assert "predicts the same" in _only_fails(project, "pdsa")


def test_a_ramp_whose_latest_cycle_is_still_running_earns_the_mark(project):
    _relink(project, C3={"study": "", "act": ""})
    assert all_problems(project)["pdsa"] == []


# How spread will be measured (issue 23 §3): the plan names a real measure of adoption, fidelity
# and reach, whatever figures it has yet.
def _save_spread(project, **changes):
    replace(load_spread_measures(project.path("spread_measures")), **changes).save(
        project.path("spread_measures"))


def test_a_plan_with_no_figures_yet_earns_the_mark(project):
    measures = load_spread_measures(project.path("spread_measures"))
    _save_spread(project, sites=tuple(Site(s.name) for s in measures.sites), fidelity={},
                 reach=tuple(ReachGroup(g.group, 0, 0) for g in measures.reach))
    assert all_problems(project)["spread_measures"] == []


def test_an_empty_section_loses_the_mark_and_names_the_tool(project):
    SpreadMeasures().save(project.path("spread_measures"))
    assert "module 10" in _only_fails(project, "spread_measures")


def test_placeholders_name_no_measure(project):
    _save_spread(project, sites=(Site("tbc"), Site("?")), fidelity={},
                 components=(Component("tbc"), Component("...")),
                 reach=(ReachGroup("n/a", 0, 0),))
    found = _only_fails(project, "spread_measures")
    assert all(kind in found for kind in ("Adoption:", "Fidelity:", "Reach:"))


def test_a_plan_that_measures_only_adoption_loses_the_mark(project):
    _save_spread(project, components=(Component("Who completes the screen", core=False),),
                 fidelity={}, reach=())
    found = _only_fails(project, "spread_measures")
    assert "Fidelity:" in found and "Reach:" in found and "Adoption:" not in found


@pytest.mark.parametrize("changes, named", [
    ({"reach": ()}, "Reach:"),
    ({"components": (), "fidelity": {}}, "Fidelity:"),
    ({"months": (), "sites": (Site("Riverside"), Site("Northgate")), "fidelity": {}},
     "Adoption:"),
])
def test_each_measure_missing_on_its_own_loses_the_mark(project, changes, named):
    _save_spread(project, **changes)
    assert named in _only_fails(project, "spread_measures")


def test_one_site_is_not_spread(project):
    measures = load_spread_measures(project.path("spread_measures"))
    first = measures.sites[0]
    _save_spread(project, sites=(first,),
                 fidelity={first.name: measures.fidelity.get(first.name, {})})
    assert "Adoption:" in _only_fails(project, "spread_measures")
