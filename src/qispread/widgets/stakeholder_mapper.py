"""StakeholderMapper: place people and groups on the power/interest grid, each with what they
need from the project and how the team will involve them (module 09)."""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as w

from qispread.models.stakeholders import (
    KINDS,
    LEVELS,
    Stakeholder,
    StakeholderMap,
    load_stakeholder_map,
)
from qispread.plots.stakeholder_grid import stakeholder_grid_figure
from qispread.widgets.common import INTRO_STYLE, MessageArea, guarded, open_tool
from qispread.widgets.figures import Chart
from qispread.widgets.part_form import (
    TOOL_LAYOUT,
    editable_rows,
    show_to_do,
    text_box,
    tool_heading,
)
from qispread.widgets.saving import save_on_creation

_KINDS = [(label, key) for key, label in KINDS.items()]
_LEVELS = [(label, value) for value, label in LEVELS.items()]


def _picker(options: list, value: object, label: str, width: str) -> w.Dropdown:
    return w.Dropdown(options=options, value=value, description=label,
                      style={"description_width": "initial"}, layout=w.Layout(width=width))


class StakeholderRow(w.VBox):
    """One person or group: who, what kind, influence, interest; then needs and involvement."""

    def __init__(self, person: Stakeholder) -> None:
        self.name = w.Text(value=person.name, description="Who", continuous_update=False,
                           style={"description_width": "3em"}, layout=w.Layout(width="20em"))
        self.kind = _picker(_KINDS, person.kind, "Kind", "17em")
        self.influence = _picker(_LEVELS, person.influence, "Influence", "13em")
        self.interest = _picker(_LEVELS, person.interest, "Interest", "13em")
        self.needs = text_box(person.needs, "Needs", "What they need from the project",
                              width="36em", label_width="5em")
        self.involvement = text_box(person.involvement, "Involve by",
                                    "How you will involve them", width="36em",
                                    label_width="5.5em")
        self.remove = w.Button(icon="trash", tooltip=f"Remove {person.name}",
                               layout=w.Layout(width="2.6em"))
        super().__init__([
            w.HBox([self.name, self.kind, self.influence, self.interest, self.remove],
                   layout=w.Layout(flex_flow="row wrap")),
            w.HBox([self.needs, self.involvement], layout=w.Layout(flex_flow="row wrap")),
        ], layout=w.Layout(border_bottom="1px solid #e5e5e5", padding="2px 0"))

    def fields(self) -> list[w.ValueWidget]:
        return [self.name, self.kind, self.influence, self.interest, self.needs, self.involvement]

    def stakeholder(self) -> Stakeholder:
        return Stakeholder(self.name.value.strip(), self.kind.value, self.influence.value,
                           self.interest.value, self.needs.value.strip(),
                           self.involvement.value.strip())


class StakeholderMapper(w.VBox):
    """Saved to the file the notebook names at every change."""

    def __init__(self, path: str | Path = "my_stakeholders.json",
                 example: StakeholderMap | None = None) -> None:
        self.path, self.messages, saved = open_tool(path, load_stakeholder_map)
        self.to_do = MessageArea()
        self.model = saved or example or StakeholderMap()
        self.new_name = w.Text(placeholder="A person or group, e.g. Carers of people with "
                               "dementia", layout=w.Layout(width="28em"))
        self.new_kind = _picker(_KINDS, "staff", "Kind", "17em")
        self.add_button = w.Button(description="Add to the map", icon="plus")
        self.rows = w.VBox()
        self.figure = Chart()
        self.text = w.HTML()
        self.add_button.on_click(lambda _b: self._add())
        super().__init__([
            tool_heading("Stakeholder map",
                         "Add the people and groups your project needs or affects, patients "
                         "and carers among them. Place each by how much influence they have "
                         "over the project and how interested they are in it, then say what "
                         "they need from it and how you will involve them."),
            w.HBox([self.new_name, self.new_kind, self.add_button],
                   layout=w.Layout(flex_flow="row wrap")),
            self.messages, self.rows, self.to_do, self.figure, self.text,
        ], layout=w.Layout(**TOOL_LAYOUT))
        self._build_rows()
        self._redraw()
        save_on_creation(self.path, self.save, self.messages)

    @property
    def stakeholder_rows(self) -> list[StakeholderRow]:
        return list(self.rows.children)

    def _build_rows(self) -> None:
        self.rows.children = editable_rows(
            [StakeholderRow(person) for person in self.model.stakeholders], self._changed,
            self._remove)

    def _add(self) -> None:
        if guarded(self.messages, lambda: self.model.add(self.new_name.value,
                                                          self.new_kind.value)):
            self.new_name.value = ""
            self._build_rows()
            if guarded(self.messages, self.save):
                self._redraw()

    def _remove(self, row: StakeholderRow) -> None:
        del self.model.stakeholders[self.stakeholder_rows.index(row)]
        self._build_rows()
        self._changed()

    def _changed(self) -> None:
        previous = self.model.stakeholders
        self.model.stakeholders = [row.stakeholder() for row in self.stakeholder_rows]
        if guarded(self.messages, self.save):
            self._redraw()
        else:  # e.g. a name cleared or repeated: the file keeps the last good map
            self.model.stakeholders = previous

    def _redraw(self) -> None:
        show_to_do(self.to_do, self.model.problems() if self.model.stakeholders else [])
        self.figure.draw(stakeholder_grid_figure(self.model))
        lines = html.escape(self.model.text(), quote=False).replace("\n", "<br>")
        self.text.value = (f"<details><summary>The map as text</summary>"
                           f"<p style='{INTRO_STYLE}'>{lines}</p></details>")

    def save(self) -> None:
        self.model.save(self.path)
