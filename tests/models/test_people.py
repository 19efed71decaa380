"""The people in a project: the team's roles, the stakeholder map on the power/interest grid and
the involvement plan on the ladder of engagement — round trips, plain-English refusals, what makes
each complete, and what the spread plan prints of them."""

import json

import pytest

from qispread.errors import DataProblem, ModelFileProblem
from qispread.models.involvement import (
    STAGES,
    InvolvementPlan,
    StageInvolvement,
    load_involvement_plan,
)
from qispread.models.pdsa import load_pdsa_log
from qispread.models.project import Project, example_project
from qispread.models.project_checks import COMPLETE, EMPTY, STARTED, part_problems, part_state
from qispread.models.stakeholders import Stakeholder, StakeholderMap, load_stakeholder_map
from qispread.models.team import ProjectTeam, load_team
from qispread.spread_plan.sections import sections


def ward_map() -> StakeholderMap:
    return StakeholderMap([
        Stakeholder("Ward manager", "staff", 4, 4, "Fewer falls without more paperwork",
                    "Weekly huddle"),
        Stakeholder("Estates", "organisation", 3, 1, "Notice of changes", "Monthly email"),
        Stakeholder("Patients and families", "public", 1, 4, "To feel safe walking",
                    "Ask what matters to them on admission"),
    ])


def test_a_stakeholder_s_quadrant_follows_the_power_interest_grid():
    assert [p.quadrant for p in ward_map().stakeholders] == [
        "Manage closely", "Keep satisfied", "Keep informed and involve"]
    assert Stakeholder("Porters", "staff", 2, 2).quadrant == "Monitor"


def test_stakeholder_map_round_trips_and_its_text_groups_by_quadrant(tmp_path):
    ward_map().save(tmp_path / "s.json")
    again = load_stakeholder_map(tmp_path / "s.json")
    assert again == ward_map()
    text = again.text()
    assert "Keep satisfied:\n  - Estates (partner organisation; influence fairly high, " \
        "interest low)" in text
    assert "Monitor: nobody" in text


@pytest.mark.parametrize("change, message", [
    (lambda m: m.stakeholders.append(Stakeholder("ward manager", "staff", 1, 1)),
     "'ward manager' is on the map twice"),
    (lambda m: setattr(m.stakeholders[0], "influence", 5), "must be 1, 2, 3 or 4"),
    (lambda m: setattr(m.stakeholders[0], "interest", True), "must be 1, 2, 3 or 4"),
    (lambda m: setattr(m.stakeholders[0], "kind", "boss"), "not a kind of stakeholder"),
    (lambda m: setattr(m.stakeholders[0], "name", " "), "has no name"),
])
def test_a_broken_stakeholder_map_is_refused_in_plain_english(change, message):
    grid = ward_map()
    change(grid)
    with pytest.raises(DataProblem, match=message):
        grid.validate()


def test_a_map_without_the_public_or_without_needs_is_not_complete():
    grid = ward_map()
    assert grid.problems() == []
    grid.stakeholders[2].kind = "staff"
    grid.stakeholders[1].involvement = ""
    problems = " ".join(grid.problems())
    assert "Nobody on your stakeholder map is a patient" in problems
    assert "for: Estates." in problems
    assert "at least three" in StakeholderMap(ward_map().stakeholders[:2]).problems()[0]


def plan_after_the_decision() -> InvolvementPlan:
    """The critique item's plan: the aim is set by staff, then patients are asked about it."""
    plan = InvolvementPlan()
    plan.stages["aim"] = StageInvolvement("Patients on the ward", "informing",
                                          "Told the aim on a poster")
    plan.stages["system"] = StageInvolvement("Ten patients", "consulting",
                                             "A survey about the chosen change")
    plan.stages["testing"] = StageInvolvement("Patient partner", "involving", "Reviews cycles")
    plan.stages["spreading"] = StageInvolvement("Patient partner", "collaborating",
                                                "Co-presents", "Chose the patient story")
    return plan


def test_involvement_plan_round_trips_and_warns_when_people_are_told_after_deciding(tmp_path):
    plan_after_the_decision().save(tmp_path / "i.json")
    again = load_involvement_plan(tmp_path / "i.json")
    assert again == plan_after_the_decision()
    assert again.problems() == []
    assert "setting the aim and understanding the system" in again.concerns()[0]
    assert again.text().splitlines()[0] == "Setting the aim: Informing — Patients on the ward"


def test_an_unplanned_stage_or_an_unknown_rung_is_named():
    plan = plan_after_the_decision()
    plan.stages["testing"] = StageInvolvement("Patient partner")
    assert plan.problems() == ["Say who from the public takes part, at which rung and how, for: "
                               "Testing changes."]
    plan.stages["testing"].rung = "tokenism"
    with pytest.raises(DataProblem, match="'tokenism' at the stage 'Testing changes' is not a "
                                          "rung"):
        plan.validate()


def test_another_part_s_file_is_not_read_as_an_involvement_plan():
    with pytest.raises(ModelFileProblem, match="does not hold an involvement plan"):
        load_involvement_plan(example_project().path("team"))


def test_a_stage_with_a_field_the_plan_does_not_know_is_a_plain_message(tmp_path):
    payload = InvolvementPlan().to_dict()
    payload["stages"]["aim"]["rating"] = 5
    (tmp_path / "i.json").write_text(json.dumps(payload))
    with pytest.raises(ModelFileProblem, match="a field it does not know"):
        load_involvement_plan(tmp_path / "i.json")


def test_team_round_trips_and_names_the_roles_nobody_holds(tmp_path):
    team = ProjectTeam(sponsor="Chief nurse", members=["  ", "Ward sister"])
    team.save(tmp_path / "t.json")
    again = load_team(tmp_path / "t.json")
    assert again.members == ["Ward sister"]
    assert [r.name for r in again.unfilled()] == ["Clinical lead", "Day-to-day lead",
                                                  "Patient partner"]
    with pytest.raises(DataProblem, match="keep it to a name and a job title"):
        ProjectTeam(sponsor="x" * 201).validate()


def test_each_part_is_empty_started_or_complete_by_what_it_holds(tmp_path):
    project = Project(tmp_path)
    ProjectTeam().save(project.path("team"))
    StakeholderMap().save(project.path("stakeholders"))
    InvolvementPlan().save(project.path("involvement"))
    assert {k: part_state(project, k) for k in ("team", "stakeholders", "involvement")} == \
        dict.fromkeys(("team", "stakeholders", "involvement"), EMPTY)
    ProjectTeam(sponsor="Chief nurse").save(project.path("team"))
    StakeholderMap(ward_map().stakeholders[:1]).save(project.path("stakeholders"))
    plan = InvolvementPlan()
    plan.stages["aim"].who = "Patient partner"
    plan.save(project.path("involvement"))
    assert {k: part_state(project, k) for k in ("team", "stakeholders", "involvement")} == \
        dict.fromkeys(("team", "stakeholders", "involvement"), STARTED)
    assert part_problems(project, "team") == [
        "Your project team has no clinical lead, no day-to-day lead, no team members, no patient "
        "partner. Name who holds each role (one person may hold two in a small project)."]
    ward_map().save(project.path("stakeholders"))
    assert part_state(project, "stakeholders") == COMPLETE


def test_the_plan_prints_the_team_the_map_and_what_changed_because_of_involvement():
    found = {s.key: s.body for s in sections(example_project())}
    assert "<td>Patient partner</td><td>A former patient treated for sepsis" in found["team"]
    assert 'id="chart-stakeholders"' in found["stakeholders"]
    assert "<td>Sepsis survivors&#x27; group</td><td>Patients, carers or public</td>" \
        "<td>fairly low / high</td><td>Keep informed and involve</td>" in found["stakeholders"]
    involvement = found["involvement"]
    assert "<th scope=\"col\">What changed because of it</th>" in involvement
    assert "<td>Spreading</td>" in involvement and "not known yet" in involvement
    assert 'class="concern"' not in involvement  # the example involves people early
    assert "Patient partner's part:</b> Our patient partner moved" in found["diagram"]
    assert "<th scope=\"col\">Patient partner&#x27;s part</th>" in found["pdsa"]


def test_a_plan_that_consults_after_deciding_prints_the_concern(tmp_path):
    project = example_project().copy_to(tmp_path / "p")
    plan_after_the_decision().save(project.path("involvement"))
    body = {s.key: s.body for s in sections(project)}["involvement"]
    assert '<p class="concern">At setting the aim and understanding the system' in body


def test_older_pdsa_and_diagram_files_without_a_partner_still_load(tmp_path):
    payload = json.loads(example_project().path("pdsa").read_text())
    for cycle in payload["cycles"]:
        cycle.pop("partner")
    (tmp_path / "p.json").write_text(json.dumps(payload))
    assert all(c.partner == "" for c in load_pdsa_log(tmp_path / "p.json").cycles)
    assert list(STAGES) == ["aim", "system", "testing", "spreading"]
