"""The project team form, stakeholder mapper and involvement planner driven as a learner would:
typing, clicking, and what is saved and shown."""

from qispread.models.involvement import load_involvement_plan
from qispread.models.stakeholders import load_stakeholder_map
from qispread.models.team import load_team
from qispread.plots.export import figure_summary
from qispread.widgets import InvolvementPlanner, ProjectTeamForm, StakeholderMapper


def test_team_form_saves_each_role_typed_and_says_which_are_still_empty(tmp_path):
    path = tmp_path / "team.json"
    form = ProjectTeamForm(path)
    assert load_team(path).is_empty() and form.to_do.value  # every role named as missing
    form.fields["sponsor"].value = "Chief nurse"
    form.fields["members"].value = "Ward sister\n\nPhysiotherapist\n"
    assert load_team(path).members == ["Ward sister", "Physiotherapist"]
    assert "clinical lead" in form.to_do.value and "sponsor" not in form.to_do.value
    for key in ("clinical_lead", "day_to_day_lead", "patient_partner"):
        form.fields[key].value = "Someone"
    assert form.to_do.value == ""
    assert ProjectTeamForm(path).fields["sponsor"].value == "Chief nurse"  # reopened


def test_stakeholder_mapper_places_people_and_keeps_the_file_when_a_name_repeats(tmp_path):
    path = tmp_path / "stakeholders.json"
    tool = StakeholderMapper(path)
    tool.new_name.value = "Ward manager"
    tool.add_button.click()
    tool.new_name.value = "Patients on the ward"
    tool.new_kind.value = "public"
    tool.add_button.click()
    manager, patients = tool.stakeholder_rows
    manager.influence.value, manager.interest.value = 4, 4
    patients.interest.value = 4
    patients.needs.value = "To feel safe walking"
    saved = load_stakeholder_map(path)
    assert [p.quadrant for p in saved.stakeholders] == ["Manage closely",
                                                        "Keep informed and involve"]
    assert "Manage closely:\n  - Ward manager" in figure_summary(tool.figure.shown)
    assert "at least three" in tool.to_do.value
    patients.name.value = "ward manager"  # a repeat: said, and the saved map is not spoiled
    assert "on the map twice" in tool.messages.value
    assert [p.name for p in load_stakeholder_map(path).stakeholders] == [
        "Ward manager", "Patients on the ward"]
    tool.new_name.value = "ward MANAGER"
    tool.add_button.click()
    assert len(tool.stakeholder_rows) == 2 and "on the map twice" in tool.messages.value


def test_involvement_planner_saves_each_stage_and_warns_when_people_come_in_late(tmp_path):
    path = tmp_path / "involvement.json"
    tool = InvolvementPlanner(path)
    assert tool.to_do.value == ""  # nothing typed: nothing to nag about
    aim = tool.boxes["aim"]
    aim.who.value = "Patients on the ward"
    aim.rung.value = "informing"
    aim.how.value = "A poster about the aim"
    saved = load_involvement_plan(path)
    assert saved.stage("aim").rung == "informing"
    assert "Understanding the system, Testing changes, Spreading" in tool.to_do.value
    assert "only informed or consulted" in tool.to_do.value
    aim.rung.value = "collaborating"
    assert "only informed or consulted" not in tool.to_do.value


def test_a_damaged_file_is_kept_and_the_tool_starts_afresh(tmp_path):
    path = tmp_path / "involvement.json"
    path.write_text("{not json")
    tool = InvolvementPlanner(path)
    assert "was kept as 'involvement.damaged-" in tool.messages.value
    assert len(list(tmp_path.glob("involvement.damaged-*.json"))) == 1
