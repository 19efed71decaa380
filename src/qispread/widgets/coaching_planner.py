"""CoachingPlanner: plan a coaching conversation with GROW, CLEAR or OSCAR."""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as w

from qispread.errors import DataProblem
from qispread.models.coaching import (
    COACHING_MODELS,
    MODEL_NAMES,
    CoachingPlan,
    Stage,
    load_coaching_plan,
)
from qispread.widgets.common import guarded, open_tool
from qispread.widgets.part_form import TOOL_LAYOUT, text_box, tool_heading
from qispread.widgets.saving import save_on_creation


class StageBox(w.VBox):
    """One stage: its name, the prompt questions and the learner's notes."""

    def __init__(self, stage: Stage, text: str) -> None:
        self.stage = stage
        prompts = "".join(f"<li>{html.escape(p)}</li>" for p in stage.prompts)
        self.notes = w.Textarea(value=text, description="Your notes",
                                placeholder=f"What you will ask or explore at the "
                                            f"{stage.name.lower()} stage…",
                                continuous_update=False,
                                layout=w.Layout(width="46em", height="5em"),
                                style={"description_width": "6em"})
        super().__init__([
            w.HTML(f"<b>{html.escape(stage.name)}</b><ul style='margin:2px 0 2px 1em;padding:0;"
                   f"font-size:14px'>{prompts}</ul>"),
            self.notes,
        ], layout=w.Layout(border_bottom="1px solid #e5e5e5", padding="4px 0"))


class CoachingPlanner(w.VBox):
    """Choose a model, write notes per stage; saved to the file the notebook names."""

    def __init__(self, path: str | Path = "my_coaching_plan.json") -> None:
        self.path, self.messages, saved = open_tool(path, load_coaching_plan)
        self.model = saved or CoachingPlan()
        self.title = text_box(self.model.title, "Conversation about",
                              "e.g. Helping Sam lead the falls huddles")
        self.choice = w.ToggleButtons(options=MODEL_NAMES, value=self.model.model,
                                      description="Coaching model",
                                      tooltips=[COACHING_MODELS[m].source for m in MODEL_NAMES],
                                      style={"description_width": "10em"})
        self.source = w.HTML()
        self.stages = w.VBox()
        self.export_button = w.Button(description="Save plan as a web page", icon="download",
                                      tooltip="Write the plan next to your saved file, as HTML",
                                      layout=w.Layout(width="auto"))
        self.title.observe(lambda _c: self._changed(), names="value")
        self.choice.observe(lambda _c: self._switch(), names="value")
        self.export_button.on_click(lambda _b: self._export_page())
        super().__init__([
            tool_heading("Coaching conversation planner",
                         "Pick a model, then jot down what you want to cover at each stage. The "
                         "questions are ours, to get you started. If you switch model, your "
                         "notes for the other model are kept."),
            self.title, self.choice, self.source, self.messages, self.stages, self.export_button,
        ], layout=w.Layout(**TOOL_LAYOUT))
        self._build_stages()
        save_on_creation(self.path, self.save, self.messages)

    def _build_stages(self) -> None:
        self.source.value = f"<i>{html.escape(COACHING_MODELS[self.model.model].source)}</i>"
        boxes = [StageBox(s, self.model.note(s.name)) for s in self.model.stages]
        for box in boxes:
            box.notes.observe(lambda _c: self._changed(), names="value")
        self.stages.children = boxes

    @property
    def stage_boxes(self) -> list[StageBox]:
        return list(self.stages.children)

    def _switch(self) -> None:
        self.model.model = self.choice.value
        self._build_stages()
        guarded(self.messages, self.save)

    def _changed(self) -> None:
        self.model.title = self.title.value
        for box in self.stage_boxes:
            self.model.set_note(box.stage.name, box.notes.value)
        guarded(self.messages, self.save)

    def _export_page(self) -> None:
        target = self.path.with_suffix(".html")
        if guarded(self.messages, lambda: self.export(target)):
            self.messages.show(f"Your plan is in '{target.name}', next to your notebook.", "ok")

    def save(self) -> None:
        self.model.save(self.path)

    def export(self, path: str | Path) -> Path:
        """Write the plan as Markdown (.md) or a web page (.html)."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix == ".md":
            path.write_text(self.model.to_markdown(), encoding="utf-8")
        elif suffix == ".html":
            path.write_text(self.model.to_html(), encoding="utf-8")
        else:
            raise DataProblem(f"'{path.name}' has an ending this export does not know. Use .md "
                             "or .html.")
        return path
