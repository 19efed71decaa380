"""Spread measures: adoption (in use vs on paper), fidelity to core components, reach by group."""

from __future__ import annotations

import math

import pytest

from qispread.errors import DataProblem, ModelFileProblem
from qispread.models.project import example_project
from qispread.models.spread_measures import (
    Component,
    ReachGroup,
    Site,
    SpreadMeasures,
    load_spread_measures,
)

MONTHS = tuple(f"m{i}" for i in range(1, 9))


def _programme(**changes) -> SpreadMeasures:
    fields = dict(
        innovation="Sepsis screening", months=MONTHS,
        sites=(Site("A", 0, (60, 70, 80, 85, 90, 90, 90, 90)),
               Site("B", 1, (None, 55, 40, 60, 65, 70, 70, 75)),
               Site("C", 2, (None, None, 10, 20, 20, 25, 20, 30)),
               Site("D", 6, (None,) * 6 + (70, 80)),
               Site("E")),
        components=(Component("prompt"), Component("bundle"), Component("form", core=False)),
        fidelity={"A": {"prompt": "as designed", "bundle": "as designed", "form": "adapted"},
                  "C": {"prompt": "not delivered", "bundle": "as designed"}},
        reach=(ReachGroup("most deprived", 200, 80), ReachGroup("least deprived", 100, 80)))
    fields.update(changes)
    return SpreadMeasures(**fields)


def test_a_site_is_in_use_only_after_a_run_of_months_at_the_threshold():
    programme = _programme()
    a, b, c, d, _ = programme.sites
    assert programme.in_use_from(a) == 0
    assert programme.in_use_from(b) == 3  # 55 then a dip to 40 breaks the run
    assert programme.in_use_from(c) is None
    assert programme.in_use_from(d) is None


def test_statuses_separate_use_from_adoption_on_paper():
    table = _programme().adoption_table().set_index("site")
    assert table["status"].to_dict() == {"A": "in use", "B": "in use", "C": "on paper",
                                         "D": "too early to tell", "E": "not signed up"}
    assert table.loc["B", "in_use_from"] == "m4"
    assert _programme().on_paper() == ["C"]


def test_adoption_curve_counts_sites_signed_up_and_in_use_each_month():
    curve = _programme().adoption_curve()
    assert curve["signed_up"].tolist() == [1, 2, 3, 3, 3, 3, 4, 4]
    assert curve["in_use"].tolist() == [1, 1, 1, 2, 2, 2, 2, 2]
    assert curve["mean_uptake"].iloc[0] == 60


def test_adapting_the_periphery_is_fidelity_but_dropping_a_core_component_is_not():
    programme = _programme()
    assert programme.core_problems() == {"C": ["prompt"]}
    shares = programme.fidelity_table().set_index("site")["core_as_designed"]
    assert shares["A"] == 1 and shares["C"] == 0.5 and math.isnan(shares["B"])


def test_reach_by_group_shows_the_group_an_average_hides():
    programme = _programme()
    table = programme.reach_table().set_index("group")
    assert table.loc["most deprived", "share"] == 40
    assert round(programme.overall_reach(), 1) == 53.3
    assert "lowest in 'most deprived' (40%)" in programme.explain()


def test_the_reading_names_sites_in_use_on_paper_and_core_problems():
    text = _programme().explain()
    assert text.startswith("2 of 5 sites use the change")
    assert "adoption on paper: C" in text
    assert "C (prompt)" in text


def test_round_trip_through_a_file(tmp_path):
    programme = _programme()
    programme.save(tmp_path / "spread_measures.json")
    assert load_spread_measures(tmp_path / "spread_measures.json") == programme


@pytest.mark.parametrize(("changes", "words"), [
    (dict(sites=(Site("A"), Site("A"))), "Two sites are both called 'A'"),
    (dict(sites=(Site("A", 0, (120,)),)), "Uptake is a percentage from 0 to 100"),
    (dict(sites=(Site("A", 9),)), "not one of the programme's 8 months"),
    (dict(sites=(Site("A", 0, (50,) * 9),)), "has 9 months of uptake"),
    (dict(reach=(ReachGroup("x", 10, 11),)), "more people reached (11) than eligible (10)"),
    (dict(fidelity={"A": {"prompt": "mostly"}}), "'mostly' is not a way of delivering"),
    (dict(fidelity={"Z": {}}), "a site 'Z' that is not in the programme"),
    (dict(threshold=0), "a percentage above 0"),
    (dict(run_months=0), "whole number from 1 to 24"),
])
def test_bad_entries_get_a_plain_message(changes, words):
    with pytest.raises(DataProblem, match=words.replace("(", r"\(").replace(")", r"\)")):
        _programme(**changes)


def test_a_file_in_the_wrong_form_names_the_fix(tmp_path):
    path = tmp_path / "spread_measures.json"
    path.write_text('{"sites": [{"signed_up": 1}]}', encoding="utf-8")
    with pytest.raises(ModelFileProblem, match="delete it to start again"):
        load_spread_measures(path)


def test_the_example_project_holds_a_programme_with_adoption_on_paper():
    programme = load_spread_measures(example_project().path("spread_measures"))
    assert programme.on_paper() == ["Hillcrest", "Lakeside"]
    assert example_project().has("spread_measures")
