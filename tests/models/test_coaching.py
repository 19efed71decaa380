"""Coaching plans: the three models' stages, notes kept across models, exports, round trip."""

import pytest

from qispread.models.coaching import COACHING_MODELS, CoachingPlan, load_coaching_plan

# Stage names as published: GROW; CLEAR (Hawkins); OSCAR (Gilbert & Whittleworth).
STAGES = {
    "GROW": ["Goal", "Reality", "Options", "Will"],
    "CLEAR": ["Contracting", "Listening", "Exploring", "Action", "Review"],
    "OSCAR": ["Outcome", "Situation", "Choices and consequences", "Actions", "Review"],
}


def test_stage_names_and_prompt_counts():
    assert {n: [s.name for s in m.stages] for n, m in COACHING_MODELS.items()} == STAGES
    for model in COACHING_MODELS.values():
        for stage in model.stages:
            assert 2 <= len(stage.prompts) <= 3


def test_switching_model_keeps_notes_for_each_model(tmp_path):
    plan = CoachingPlan(title="Falls huddle")
    plan.set_note("Goal", "Huddle on every shift")
    plan.model = "CLEAR"
    plan.set_note("Contracting", "30 minutes, confidential")
    plan.model = "GROW"
    assert plan.note("Goal") == "Huddle on every shift"
    assert plan.note("Contracting", model="CLEAR") == "30 minutes, confidential"
    path = tmp_path / "my_coaching_plan.json"
    plan.save(path)
    assert load_coaching_plan(path) == plan


def test_unknown_model_or_stage_gets_a_message():
    with pytest.raises(ValueError, match="GROW, CLEAR, OSCAR"):
        CoachingPlan(model="SMART").validate()
    plan = CoachingPlan(model="OSCAR")
    with pytest.raises(ValueError, match="not a stage of OSCAR"):
        plan.set_note("Goal", "x")


def test_markdown_and_html_show_stages_prompts_and_notes():
    plan = CoachingPlan(model="OSCAR", title="Sepsis <screening>")
    plan.set_note("Actions", "Audit 10 notes by Friday")
    md = plan.to_markdown()
    assert "## Choices and consequences" in md and "Audit 10 notes by Friday" in md
    assert md.count("_(no notes yet)_") == 4
    in_a_notebook = plan.to_markdown(level=3)  # under a lesson's own section headings
    assert in_a_notebook.startswith("### Coaching plan") and "\n#### Actions" in in_a_notebook
    page = plan.to_html()
    assert "Sepsis &lt;screening&gt;" in page and "<h2>Review</h2>" in page
