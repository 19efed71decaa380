"""Coaching conversation plans with GROW, CLEAR or OSCAR.

Stage names: GROW (Goal, Reality, Options, Will); CLEAR (Peter Hawkins: Contracting, Listening,
Exploring, Action, Review); OSCAR (Andrew Gilbert and Karen Whittleworth: Outcome, Situation,
Choices and consequences, Actions, Review). The prompt questions are the course's own wording.

A plan keeps notes for every model the learner has tried, so switching model never loses text.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass, field
from typing import Any

from qispread.errors import DataProblem
from qispread.models.storage import ModelFileProblem, load_json, save_json


@dataclass(frozen=True)
class Stage:
    name: str
    prompts: tuple[str, ...]


@dataclass(frozen=True)
class CoachingModel:
    name: str
    source: str
    stages: tuple[Stage, ...]


COACHING_MODELS: dict[str, CoachingModel] = {
    m.name: m
    for m in (
        CoachingModel("GROW", "GROW model (Goal, Reality, Options, Will)", (
            Stage("Goal", ("What would you like to be different by the end of this conversation?",
                           "How will you know you have got there?")),
            Stage("Reality", ("What is happening now, and who is involved?",
                              "What have you already tried, and what happened?")),
            Stage("Options", ("What could you do? What else?",
                              "If there were no limits, what would you try?")),
            Stage("Will", ("Which option will you take, and when will you start?",
                           "How sure are you, from 1 to 10, that you will do it?")),
        )),
        CoachingModel("CLEAR", "CLEAR model (Peter Hawkins)", (
            Stage("Contracting", ("What do we want from this conversation, and how will we "
                                  "work together?",
                                  "What is in and out of scope today?")),
            Stage("Listening", ("What is the situation in your own words?",
                                "What matters most to you about it?")),
            Stage("Exploring", ("How does this feel for you and for others involved?",
                                "What could you do differently?")),
            Stage("Action", ("What is your first step, and by when?",
                             "Who else needs to be involved?")),
            Stage("Review", ("What was useful in this conversation?",
                             "When shall we check how it went?")),
        )),
        CoachingModel("OSCAR", "OSCAR model (Andrew Gilbert and Karen Whittleworth)", (
            Stage("Outcome", ("What would you like to achieve in the long run?",
                              "What do you want from this session?")),
            Stage("Situation", ("Where are you now, and what is working already?",
                                "What is getting in the way?")),
            Stage("Choices and consequences", ("What choices do you have?",
                                               "What would each choice lead to, for you and "
                                               "for others?")),
            Stage("Actions", ("What will you do, and when?",
                              "What support do you need?")),
            Stage("Review", ("How and when will you review your progress?",
                             "What will tell you it is working?")),
        )),
    )
}
MODEL_NAMES = tuple(COACHING_MODELS)


@dataclass
class CoachingPlan:
    """The chosen model, a short title, and notes per model and stage."""

    model: str = "GROW"
    title: str = ""
    notes: dict[str, dict[str, str]] = field(default_factory=dict)

    def validate(self) -> CoachingPlan:
        if self.model not in COACHING_MODELS:
            raise DataProblem(
                f"'{self.model}' is not a coaching model this planner knows. Choose one of "
                f"{', '.join(MODEL_NAMES)}."
            )
        for model_name, stages in self.notes.items():
            if model_name not in COACHING_MODELS:
                raise DataProblem(f"The notes mention an unknown coaching model '{model_name}'. "
                                 f"Use one of {', '.join(MODEL_NAMES)}.")
            known = [s.name for s in COACHING_MODELS[model_name].stages]
            for stage, text in stages.items():
                if stage not in known:
                    raise DataProblem(f"'{stage}' is not a stage of {model_name}. Its stages are "
                                     f"{', '.join(known)}.")
                if not isinstance(text, str):
                    raise DataProblem(f"The notes for {model_name} – {stage} must be text.")
        return self

    @property
    def stages(self) -> tuple[Stage, ...]:
        return COACHING_MODELS[self.model].stages

    def note(self, stage: str, model: str | None = None) -> str:
        return self.notes.get(model or self.model, {}).get(stage, "")

    def set_note(self, stage: str, text: str, model: str | None = None) -> None:
        self.notes.setdefault(model or self.model, {})[stage] = text
        self.validate()

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "coaching plan", "model": self.model, "title": self.title,
                "notes": self.notes}

    @classmethod
    def from_dict(cls, payload: dict[str, Any]) -> CoachingPlan:
        notes = payload.get("notes", {})
        if not isinstance(notes, dict) or not all(isinstance(v, dict) for v in notes.values()):
            raise ModelFileProblem("The notes in this coaching plan file are not in the expected "
                                   "form.")
        plan = cls(model=str(payload.get("model", "GROW")), title=str(payload.get("title", "")),
                   notes={k: dict(v) for k, v in notes.items()})
        return plan.validate()

    def save(self, path: str | os.PathLike) -> None:
        save_json(path, self.validate().to_dict())

    def to_markdown(self, level: int = 1) -> str:
        """The plan as Markdown; ``level`` is its title's heading level (3 sits well inside a
        notebook section), the stages one level below."""
        model = COACHING_MODELS[self.model]
        title, stage_mark = "#" * level, "#" * (level + 1)
        lines = [f"{title} Coaching plan: {self.title or 'untitled'}", "", f"Model: {model.source}",
                 ""]
        for stage in model.stages:
            lines += [f"{stage_mark} {stage.name}", ""]
            lines += [f"- *{p}*" for p in stage.prompts]
            lines += ["", self.note(stage.name).strip() or "_(no notes yet)_", ""]
        return "\n".join(lines)

    def to_html(self) -> str:
        model = COACHING_MODELS[self.model]
        esc = html.escape
        parts = [f"<h1>Coaching plan: {esc(self.title or 'untitled')}</h1>",
                 f"<p>Model: {esc(model.source)}</p>"]
        for stage in model.stages:
            prompts = "".join(f"<li><em>{esc(p)}</em></li>" for p in stage.prompts)
            text = esc(self.note(stage.name).strip()) or "<em>(no notes yet)</em>"
            parts.append(f"<h2>{esc(stage.name)}</h2><ul>{prompts}</ul>"
                         f"<p style=\"white-space:pre-wrap\">{text}</p>")
        return "<!DOCTYPE html><html lang=\"en-GB\"><meta charset=\"utf-8\"><body>" + \
            "".join(parts) + "</body></html>\n"


def load_coaching_plan(path: str | os.PathLike) -> CoachingPlan:
    """Read a coaching plan saved by the CoachingPlanner widget."""
    return CoachingPlan.from_dict(load_json(path, "coaching plan"))
