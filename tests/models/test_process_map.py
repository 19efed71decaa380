"""Process-map arithmetic on small maps worked by hand, the text equivalent, and the saved file."""

import pytest

from qispread.errors import DataProblem, ModelFileProblem
from qispread.models.process_map import ProcessMap, Step, load_process_map


def arrival_to_ward() -> ProcessMap:
    return ProcessMap("Arrival to a ward bed", [
        Step("Booked in", "Reception", "value", 5),
        Step("Wait to be assessed", "Reception", "wait", 40),
        Step("Assessed by a nurse", "Nurse", "value", 15),
        Step("Bloods repeated (first sample clotted)", "Nurse", "rework", 10),
        Step("Referred to the medical team", "Nurse", "handoff", 5),
        Step("Wait for a doctor", "Doctor", "wait", 90),
        Step("Seen by a doctor", "Doctor", "value", 20),
        Step("Bed checked", "Bed manager", "check", 10),
        Step("Wait for a bed", "Bed manager", "wait", 120),
        Step("Taken to the ward", "Porter", "value", 10),
    ])


def test_lead_time_touch_time_and_value_share_by_hand():
    figures = arrival_to_ward().figures()
    # 5 + 40 + 15 + 10 + 5 + 90 + 20 + 10 + 120 + 10
    assert figures.lead_time == 325
    assert figures.waiting_time == 40 + 90 + 120
    assert figures.touch_time == 325 - 250
    assert figures.value_time == 5 + 15 + 20 + 10
    assert figures.value_share == pytest.approx(50 / 325)


def test_hand_offs_count_each_change_of_lane_and_loops_each_rework_step():
    figures = arrival_to_ward().figures()
    # Reception -> Nurse -> Doctor -> Bed manager -> Porter
    assert figures.handoffs == 4
    assert figures.loops == 1


def test_an_empty_map_has_no_time_and_no_share():
    figures = ProcessMap().figures()
    assert (figures.lead_time, figures.value_share, figures.handoffs) == (0, 0.0, 0)


def test_reading_names_the_longest_wait():
    words = arrival_to_ward().reading()
    assert words.startswith("From start to end takes 5 hours 25 minutes; 15% of it adds value "
                            "(50 minutes) and 4 hours 10 minutes is waiting.")
    assert "The longest wait is 'Wait for a bed' (2 hours)" in words
    assert "4 times" in words and "1 rework loop." in words


def test_reading_without_loops_says_so():
    quick = ProcessMap(steps=[Step("Seen", "Nurse", "value", 1),
                              Step("Home", "Nurse", "value", 90)])
    assert quick.reading().startswith("From start to end takes 1 hour 31 minutes")
    assert "The work never passes between people, with no rework loops." in quick.reading()


def test_text_equivalent_lists_every_step_with_lane_kind_and_time():
    lines = arrival_to_ward().text().splitlines()
    assert lines[0] == "Arrival to a ward bed"
    assert lines[2] == "2. Wait to be assessed (Reception; waiting; 40 minutes)"
    assert len(lines) == 11


def test_lanes_in_order_of_first_appearance():
    assert arrival_to_ward().lanes == ["Reception", "Nurse", "Doctor", "Bed manager", "Porter"]


def test_every_problem_is_named_with_its_step_number():
    broken = ProcessMap(steps=[Step("", "Nurse"), Step("Triage", "", "coffee", -3)])
    found = broken.problems()
    assert found[0].startswith("Step 1 has no name")
    assert any("Step 2 ('Triage') does not say who" in p for p in found)
    assert any("'coffee'" in p and "value-adding" in p for p in found)
    assert any("0 minutes or more" in p for p in found)
    with pytest.raises(DataProblem):
        broken.figures()


def test_saved_and_loaded_unchanged(tmp_path):
    path = tmp_path / "my_project" / "process_map.json"
    arrival_to_ward().save(path)
    assert load_process_map(path) == arrival_to_ward()


def test_a_file_of_another_kind_is_refused(tmp_path):
    path = tmp_path / "aim.json"
    path.write_text('{"kind": "aim"}')
    with pytest.raises(ModelFileProblem, match="does not hold a process map"):
        load_process_map(path)


def test_long_journeys_are_read_in_days_hours_and_minutes_exactly():
    referral = ProcessMap(steps=[Step("Letter written", "GP", "value", 20),
                                 Step("Wait for a clinic slot", "Booking", "wait", 60_480),
                                 Step("Seen", "Consultant", "value", 50)])
    assert referral.reading().startswith(
        "From start to end takes 42 days 1 hour 10 minutes; less than 1% of it adds value "
        "(1 hour 10 minutes)")
