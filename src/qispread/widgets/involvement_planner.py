"""InvolvementPlanner: for each stage of the project, who from the public takes part, at which rung
of the ladder of engagement, how, and what changed because of it (module 09)."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as w

from qispread.models.involvement import (
    RUNGS,
    STAGES,
    InvolvementPlan,
    StageInvolvement,
    load_involvement_plan,
)
from qispread.widgets.common import MessageArea, guarded, on_any_change, open_tool
from qispread.widgets.part_form import TOOL_LAYOUT, show_to_do, text_box, tool_heading
from qispread.widgets.saving import save_on_creation

_RUNGS = [("Choose a rung", ""), *((text, key) for key, text in RUNGS.items())]


class StageBox(w.VBox):
    def __init__(self, title: str, stage: StageInvolvement) -> None:
        self.who = text_box(stage.who, "Who", "Which patients, carers or community members")
        self.rung = w.Dropdown(options=_RUNGS, value=stage.rung, description="Rung",
                               style={"description_width": "10em"},
                               layout=w.Layout(width="46em"))
        self.how = text_box(stage.how, "How", "How they take part, and when", long=True)
        self.changed = text_box(stage.changed, "What changed",
                                "Once it has happened: what you did differently because of "
                                "them", long=True)
        super().__init__([w.HTML(f"<h4 style='margin:4px 0'>{title}</h4>"), self.who,
                          self.rung, self.how, self.changed],
                         layout=w.Layout(border_bottom="1px solid #e5e5e5", padding="2px 0"))

    def fields(self) -> list[w.ValueWidget]:
        return [self.who, self.rung, self.how, self.changed]

    def stage(self) -> StageInvolvement:
        return StageInvolvement(self.who.value.strip(), self.rung.value, self.how.value.strip(),
                                self.changed.value.strip())


class InvolvementPlanner(w.VBox):
    """Saved to the file the notebook names at every change."""

    def __init__(self, path: str | Path = "my_involvement.json",
                 example: InvolvementPlan | None = None) -> None:
        self.path, self.messages, saved = open_tool(path, load_involvement_plan)
        self.to_do = MessageArea()
        self.model = saved or example or InvolvementPlan()
        self.boxes = {key: StageBox(title, self.model.stages[key])
                      for key, title in STAGES.items()}
        for box in self.boxes.values():
            on_any_change(box.fields(), self._changed)
        super().__init__([
            tool_heading("Involving patients and the public",
                         "For each stage of your project, say who from the public takes part, "
                         "how far up the ladder of engagement, and how. Choose the rung that "
                         "fits the decision being made, and involve people before it is made. "
                         "Come back to write what changed because of them."),
            *self.boxes.values(), self.messages, self.to_do,
        ], layout=w.Layout(**TOOL_LAYOUT))
        self._show_to_do()
        save_on_creation(self.path, self.save, self.messages)

    def _changed(self) -> None:
        self.model.stages = {key: box.stage() for key, box in self.boxes.items()}
        if guarded(self.messages, self.save):
            self._show_to_do()

    def _show_to_do(self) -> None:
        if self.model.is_empty():
            self.to_do.clear()
            return
        show_to_do(self.to_do, self.model.problems() + self.model.concerns())

    def save(self) -> None:
        self.model.save(self.path)
