"""ProcessMapper: map a journey step by step (who, what kind, how long) and read its figures."""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as w

from qispread.models.process_map import KINDS, ProcessMap, Step, load_process_map
from qispread.plots.process_map import process_map_figure
from qispread.widgets.common import INTRO_STYLE, guarded, open_tool
from qispread.widgets.figures import Chart
from qispread.widgets.part_form import TOOL_LAYOUT, editable_rows, text_box, tool_heading
from qispread.widgets.saving import save_on_creation

_KIND_OPTIONS = [(label, key) for key, label in KINDS.items()]


class StepRow(w.HBox):
    """One step's fields, with buttons to move it up or remove it."""

    def __init__(self, step: Step) -> None:
        self.name = w.Text(value=step.name, placeholder="What happens", description="Step",
                           continuous_update=False, layout=w.Layout(width="22em"),
                           style={"description_width": "3em"})
        self.lane = w.Text(value=step.lane, placeholder="Who does it", description="Who",
                           continuous_update=False, layout=w.Layout(width="14em"),
                           style={"description_width": "3em"})
        self.kind = w.Dropdown(options=_KIND_OPTIONS, value=step.kind if step.kind in KINDS
                               else "value", description="Kind", layout=w.Layout(width="14em"),
                               style={"description_width": "3em"})
        self.minutes = w.BoundedFloatText(value=step.minutes, min=0, max=525_600,
                                          description="Minutes", layout=w.Layout(width="11em"),
                                          style={"description_width": "5em"})
        self.up = w.Button(icon="arrow-up", tooltip="Move this step up",
                           layout=w.Layout(width="2.6em"))
        self.remove = w.Button(icon="trash", tooltip="Remove this step",
                               layout=w.Layout(width="2.6em"))
        super().__init__([self.name, self.lane, self.kind, self.minutes, self.up, self.remove],
                         layout=w.Layout(flex_flow="row wrap"))

    def step(self) -> Step:
        return Step(self.name.value.strip(), self.lane.value.strip(), self.kind.value,
                    float(self.minutes.value))

    def fields(self) -> list[w.ValueWidget]:
        return [self.name, self.lane, self.kind, self.minutes]


class ProcessMapper(w.VBox):
    """Steps in order; the map, its figures in words and its text equivalent update as you type.
    Saved to the file the notebook names at every change, even while a step is unfinished (the
    map waits until every step has a name, a person and a time)."""

    def __init__(self, path: str | Path = "my_process_map.json",
                 example: ProcessMap | None = None) -> None:
        self.path, self.messages, saved = open_tool(path, load_process_map)
        self.model = saved or example or ProcessMap()
        self.title = text_box(self.model.title, "Journey", "e.g. Referral to first appointment",
                              label_width="5em")
        self.rows = w.VBox()
        self.add_button = w.Button(description="Add a step", icon="plus")
        self.reading = w.HTML()
        self.text = w.HTML()
        self.figure = Chart()
        self.title.observe(lambda _c: self._changed(), names="value")
        self.add_button.on_click(lambda _b: self._add())
        super().__init__([
            tool_heading("Process map",
                         "Write each step of the journey in order: what happens, who does it, "
                         "what kind of step it is and roughly how many minutes it takes. Waits "
                         "count too: they are often most of the time."),
            self.title, self.rows, self.add_button, self.messages, self.reading,
            self.figure, self.text,
        ], layout=w.Layout(**TOOL_LAYOUT))
        self._build_rows()
        self._redraw()
        save_on_creation(self.path, self.save, self.messages)

    @property
    def step_rows(self) -> list[StepRow]:
        return list(self.rows.children)

    def _build_rows(self) -> None:
        rows = editable_rows([StepRow(step) for step in self.model.steps], self._changed,
                             self._remove)
        for row in rows:
            row.up.on_click(lambda _b, r=row: self._move_up(r))
        self.rows.children = rows

    def _add(self) -> None:
        lane = self.model.steps[-1].lane if self.model.steps else ""
        self.model.steps.append(Step("", lane, "value", 0))
        self._build_rows()
        self.step_rows[-1].name.focus()

    def _move_up(self, row: StepRow) -> None:
        i = self.step_rows.index(row)
        if i:
            steps = self.model.steps
            steps[i - 1], steps[i] = steps[i], steps[i - 1]
            self._build_rows()
            self._changed()

    def _remove(self, row: StepRow) -> None:
        del self.model.steps[self.step_rows.index(row)]
        self._build_rows()
        self._changed()

    def _changed(self) -> None:
        self.model.title = self.title.value.strip()
        self.model.steps = [row.step() for row in self.step_rows]
        if guarded(self.messages, self.save):
            self._redraw()

    def _redraw(self) -> None:
        problems = self.model.problems()
        if problems:
            self.messages.show(" ".join(problems[:3]), "warning")
            self.reading.value = ""
            return
        if self.model.steps:
            words = html.escape(self.model.reading(), quote=False)
            self.reading.value = f"<p style='{INTRO_STYLE}'>{words}</p>"
        self.figure.draw(process_map_figure(self.model))
        lines = html.escape(self.model.text(), quote=False).replace("\n", "<br>")
        self.text.value = (f"<details><summary>The map as text</summary><p style='{INTRO_STYLE}'>"
                           f"{lines}</p></details>")

    def save(self) -> None:
        self.model.save(self.path)


