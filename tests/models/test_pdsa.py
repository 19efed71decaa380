"""PDSA log: cycle validation, ramps as chains, links, loops, round trip and exports."""

import csv
import io
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qispread.models.pdsa import CycleLog, PDSACycle, load_pdsa_log, parse_date


def cycle(cid, builds_on=None, start=None, **kw):
    return PDSACycle(id=cid, title=kw.pop("title", f"Test {cid}"), builds_on=builds_on,
                     start=start, **kw)


def test_dates_in_iso_or_uk_form_and_a_message_otherwise():
    assert parse_date("2025-03-14", "Start date") == date(2025, 3, 14)
    assert parse_date("14/03/2025", "Start date") == date(2025, 3, 14)
    assert parse_date("  ", "Start date") is None
    with pytest.raises(ValueError, match="start date '31/02/2025'.*2025-03-14"):
        parse_date("31/02/2025", "Start date")


def test_cycle_checks_title_dates_and_act():
    with pytest.raises(ValueError, match="no title"):
        PDSACycle(id="C1").validate()
    with pytest.raises(ValueError, match="ends .* before it starts"):
        cycle("C1", start=date(2025, 3, 14), end=date(2025, 3, 1)).validate()
    with pytest.raises(ValueError, match="adopt, adapt or abandon"):
        cycle("C1", act="keep").validate()
    assert cycle("C1", act=" Adapt ").validate().act == "adapt"


def test_form_keeps_text_and_parses_dates():
    form = {"title": "Huddle", "start": "01/04/2025", "end": "2025-04-07", "act": "adopt",
            "builds_on": ""}
    c = PDSACycle.from_form("C1", form)
    assert c.start == date(2025, 4, 1) and c.builds_on is None
    assert c.to_form()["end"] == "2025-04-07"


def test_links_to_missing_self_and_loops_are_refused():
    with pytest.raises(ValueError, match="C9, which is not in the log"):
        CycleLog([cycle("C1", "C9")]).validate()
    with pytest.raises(ValueError, match="build on itself"):
        CycleLog([cycle("C1", "C1")]).validate()
    with pytest.raises(ValueError, match="loop: C1 → C3 → C2 → C1"):
        CycleLog([cycle("C1", "C3"), cycle("C2", "C1"), cycle("C3", "C2")]).validate()
    with pytest.raises(ValueError, match="both build on C1"):
        CycleLog([cycle("C1"), cycle("C2", "C1"), cycle("C3", "C1")]).validate()


def test_put_leaves_the_log_unchanged_when_invalid():
    log = CycleLog([cycle("C1"), cycle("C2", "C1")])
    with pytest.raises(ValueError):
        log.put(cycle("C1", "C2"))
    assert log.get("C1").builds_on is None
    log.put(cycle("C2", None, title="Renamed"))
    assert [c.id for c in log.cycles] == ["C1", "C2"] and log.get("C2").title == "Renamed"
    assert log.new_id() == "C3"


def test_cannot_delete_a_cycle_another_builds_on():
    log = CycleLog([cycle("C1"), cycle("C2", "C1")])
    with pytest.raises(ValueError, match="C2 builds on C1"):
        log.remove("C1")
    log.remove("C2")
    assert [c.id for c in log.cycles] == ["C1"]


def test_ramps_are_chains_in_start_order():
    log = CycleLog([
        cycle("C1", start=date(2025, 5, 1)), cycle("C2", start=date(2025, 3, 1)),
        cycle("C3", "C2", start=date(2025, 3, 8)), cycle("C4", "C3"), cycle("C5", "C1"),
    ]).validate()
    assert [[c.id for c in r] for r in log.ramps()] == [["C2", "C3", "C4"], ["C1", "C5"]]


def test_round_trip_with_draft_and_exports(tmp_path):
    log = CycleLog([cycle("C1", start=date(2025, 3, 1), act="adapt", prediction="Fewer falls"),
                    cycle("C2", "C1", start=date(2025, 3, 8))],
                   draft={"title": "Half typed", "start": "31/02/2025"})
    path = tmp_path / "my_pdsa.json"
    log.save(path)
    again = load_pdsa_log(path)
    assert again == log and again.draft["start"] == "31/02/2025"
    rows = list(csv.DictReader(io.StringIO(again.to_csv())))
    assert [(r["ramp"], r["id"], r["builds_on"]) for r in rows] == [("1", "C1", ""),
                                                                    ("1", "C2", "C1")]
    md = again.to_markdown()
    assert "## Ramp 1" in md and "- **Prediction:** Fewer falls" in md and "01 Mar 2025" in md


def test_the_markdown_names_a_patient_partner_only_when_there_was_one():
    log = CycleLog([cycle("C1", partner="Read the prompt aloud with the team"),
                    cycle("C2", "C1")])
    md = log.to_markdown()
    assert md.count("Patient partner's part") == 1
    assert "- **Patient partner's part:** Read the prompt aloud with the team" in md
    assert ":**\n" not in md and not md.rstrip().endswith(":**")  # no empty line for C2


@given(st.lists(st.integers(0, 8), min_size=1, max_size=8))
def test_any_valid_chain_set_round_trips(parents):
    # cycle i may build on an earlier cycle not already built on: always valid chains
    cycles, taken = [], set()
    for i, p in enumerate(parents, start=1):
        parent = f"C{p}" if 1 <= p < i and p not in taken else None
        if parent:
            taken.add(p)
        cycles.append(cycle(f"C{i}", parent))
    log = CycleLog(cycles).validate()
    assert sorted(c.id for r in log.ramps() for c in r) == sorted(c.id for c in cycles)
    assert CycleLog.from_dict(log.to_dict()) == log
