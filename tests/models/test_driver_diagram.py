"""Driver diagram model: editing with checks, gentle warnings, structure report, JSON round trip."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qispread.models.driver_diagram import DriverDiagram, load_diagram
from qispread.models.storage import ModelFileProblem
from qispread.spc.errors import DataProblem

AIM = "Reduce falls on Ward 12 from 8 to 4 per 1,000 bed days by March 2027."


def falls_diagram() -> DriverDiagram:
    d = DriverDiagram(aim=AIM)
    p1 = d.add("primary", "Reliable risk assessment", measure="% assessed within 6 hours")
    p2 = d.add("primary", "Safe environment", measure="Weekly environment audit score")
    s1 = d.add("secondary", "Risk assessment on admission", parents=[p1.id])
    s2 = d.add("secondary", "Clutter-free bays", parents=[p2.id])
    d.add("change", "Falls risk checklist in admission pack", parents=[s1.id])
    d.add("change", "Night-time bay checks", parents=[s1.id, s2.id])
    return d


def test_ids_are_given_per_level():
    d = falls_diagram()
    assert [i.id for i in d.primary] == ["P1", "P2"]
    assert [i.id for i in d.secondary] == ["S1", "S2"]
    assert [i.id for i in d.change] == ["C1", "C2"]


def test_a_change_idea_may_link_to_several_secondary_drivers():
    d = falls_diagram()
    assert [c.text for c in d.children("S1")] == [
        "Falls risk checklist in admission pack",
        "Night-time bay checks",
    ]
    assert [c.text for c in d.children("S2")] == ["Night-time bay checks"]


@pytest.mark.parametrize(
    ("level", "text", "parents", "message"),
    [
        ("primary", "   ", [], "has no text"),
        ("primary", "safe ENVIRONMENT", [], "already a primary driver called"),
        ("secondary", "Staff training", ["P9"], "P9, which is not a primary driver"),
        ("change", "Hourly rounding", ["P1"], "P1, which is not a secondary driver"),
        ("primary", "Leadership", ["P1"], "links to the aim only"),
        ("nonsense", "x", [], "not a level"),
    ],
)
def test_bad_edits_are_refused_with_a_plain_message(level, text, parents, message):
    d = falls_diagram()
    before = d.to_dict()
    with pytest.raises(DataProblem, match=message):
        d.add(level, text, parents=parents)
    assert d.to_dict() == before


def test_edit_checks_like_add_and_keeps_other_fields():
    d = falls_diagram()
    with pytest.raises(DataProblem, match="already a secondary driver"):
        d.edit("S2", text="Risk assessment on admission")
    d.edit("S2", measure="Bays clear at 10 pm (%)")
    assert d.find("S2").text == "Clutter-free bays"
    assert d.find("S2").measure == "Bays clear at 10 pm (%)"


def test_removing_a_driver_removes_its_links_but_keeps_children():
    d = falls_diagram()
    d.remove("S1")
    assert [c.parents for c in d.change] == [[], ["S2"]]
    assert "C1 'Falls risk checklist in admission pack'" in d.structure_report().unlinked


def test_gentle_warnings():
    d = falls_diagram()
    warnings = " ".join(d.warnings())
    assert "2 to 5" not in warnings  # two primary drivers is within IHI's suggestion
    assert "S1 'Risk assessment on admission'" in warnings  # no measure
    d.add("change", "Falls champion")
    d.add("primary", "Patient and family involvement")
    warnings = " ".join(d.warnings())
    assert "Falls champion" in warnings and "not linked" in warnings
    assert "nothing linked on their right" in warnings
    lone = DriverDiagram(aim="Improve safety")
    lone.add("primary", "Teamwork", measure="Survey score")
    warnings = " ".join(lone.warnings())
    assert "1 primary driver." in warnings and "IHI suggests 2 to 5" in warnings
    assert "how much" in warnings


def test_structure_report_counts_per_level():
    report = falls_diagram().structure_report()
    assert report.counts == {"primary": 2, "secondary": 2, "change": 2}
    assert report.links == 5
    assert report.unlinked == []
    assert report.aim_parts_missing == ["for whom"]
    assert "2 primary drivers, 2 secondary drivers, 2 change ideas, 5 links." in report.as_text()


def test_json_round_trip(tmp_path):
    d = falls_diagram()
    path = d.save(tmp_path / "my_diagram.json")
    again = load_diagram(path)
    assert again == d
    saved = json.loads(path.read_text())
    assert saved["change"][1]["parents"] == ["S1", "S2"]


def test_hand_edited_file_problems_are_found(tmp_path):
    payload = falls_diagram().to_dict()
    payload["change"][0]["parents"] = ["S7"]
    payload["secondary"][1]["text"] = ""
    path = tmp_path / "d.json"
    path.write_text(json.dumps(payload))
    problems = " ".join(load_diagram(path).problems())
    assert "S7, which is not a secondary driver" in problems
    assert "has no text" in problems
    path.write_text(json.dumps({"primary": "oops"}))
    with pytest.raises(ModelFileProblem, match="expected a list"):
        load_diagram(path)


texts = st.text(alphabet="abcdefgh ", min_size=1, max_size=12).filter(str.strip)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["primary", "secondary", "change"]), texts), max_size=15))
def test_any_accepted_edits_round_trip_and_stay_consistent(edits):
    d = DriverDiagram(aim="x")
    for level, text in edits:
        left = {"primary": [], "secondary": d.primary, "change": d.secondary}[level]
        try:
            d.add(level, text, parents=[i.id for i in left[:2]])
        except DataProblem:
            pass
    assert d.problems() == []
    assert DriverDiagram.from_dict(json.loads(json.dumps(d.to_dict()))) == d
