"""Driver diagram builder (module 03): an aim, drivers and change ideas, drawn as you build them.

A thin front end over qispread.models.driver_diagram (all checks live there) and
qispread.plots.driver_diagram (the figure). Every accepted change is saved to the learner's file.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

import ipywidgets as w

from qispread.errors import DataProblem
from qispread.models.driver_diagram import (
    LEVEL_NAMES,
    LEVELS,
    DriverDiagram,
    load_diagram,
)
from qispread.plots.driver_diagram import driver_diagram_figure
from qispread.plots.export import figure_to_html, save_image
from qispread.widgets.aim_checker import EXAMPLE_AIM, aim_feedback_html
from qispread.widgets.common import MessageArea, guarded, open_saved, resolve_path
from qispread.widgets.figures import Chart
from qispread.widgets.saving import save_on_creation

LEVEL_CHOICES = [(LEVEL_NAMES[level].capitalize(), level) for level in LEVELS]
EXPORT_FORMATS = (".png", ".svg", ".html", ".json")
WIDE = w.Layout(width="95%")


def _link_hint(level: str) -> str:
    if level == "primary":
        return "A primary driver links straight to the aim, so there is nothing to choose."
    left = LEVEL_NAMES[LEVELS[LEVELS.index(level) - 1]]
    return f"Choose the {left}s it affects (hold Ctrl, or Cmd on a Mac, to choose more than one)."


class _ItemForm(w.VBox):
    """Text, measure and links for one item: used both to add and to edit."""

    def __init__(self, action: str) -> None:
        self.text = w.Text(description="Text", placeholder="a few words", layout=WIDE)
        self.measure = w.Text(
            description="Measure",
            layout=WIDE,
            placeholder="optional: how you will know it is changing",
        )
        self.parents = w.SelectMultiple(description="Links to", rows=5, layout=WIDE)
        self.hint = w.HTML()
        self.button = w.Button(description=action, button_style="primary")
        super().__init__([self.text, self.measure, self.hint, self.parents])

    def show_links(self, diagram: DriverDiagram, level: str) -> None:
        self.hint.value = f"<span style='font-size:14px'>{escape(_link_hint(level))}</span>"
        if level == "primary":
            options: list[tuple[str, str]] = []
        else:
            left = LEVELS[LEVELS.index(level) - 1]
            options = [(f"{i.id}  {i.text}", i.id) for i in diagram.items(left)]
        chosen = tuple(v for v in self.parents.value if v in {o[1] for o in options})
        self.parents.options = options
        self.parents.value = chosen
        self.parents.disabled = not options


class DriverDiagramBuilder(w.VBox):
    """Build a driver diagram, saved to `path` on every accepted change. `candidates` are
    secondary drivers offered for import (the likely causes of the learner's fishbone)."""

    def __init__(self, path: str | Path = "my_diagram.json",
                 candidates: Sequence[str] = ()) -> None:
        self.path = resolve_path(path)
        self.messages = MessageArea()
        self.diagram = open_saved(self.path, load_diagram, self.messages) or DriverDiagram()

        self.aim = w.Textarea(
            value=self.diagram.aim,
            description="Aim",
            placeholder=EXAMPLE_AIM,
            layout=w.Layout(width="95%", height="4.5em"),
        )
        self.aim_feedback = w.HTML()
        self.aim.observe(self._on_aim, names="value")
        self.partner = w.Text(value=self.diagram.partner, continuous_update=False,
                              description="Patient partner's part (optional)",
                              placeholder="e.g. Added the driver 'families know who to ask'",
                              layout=WIDE, style={"description_width": "initial"})
        self.partner.observe(self._on_partner, names="value")

        self.level = w.Dropdown(options=LEVEL_CHOICES, value="primary", description="Level")
        self.add_form = _ItemForm("Add")
        self.level.observe(lambda _: self._refresh_links(), names="value")
        self.add_form.button.on_click(lambda _: self._add())
        self.candidates = w.Dropdown(options=list(candidates), value=None, layout=WIDE,
                                     description="From fishbone",
                                     style={"description_width": "initial"})
        self.use_candidate = w.Button(description="Use as a secondary driver", icon="arrow-down",
                                      layout=w.Layout(width="auto"),
                                      tooltip="Puts this likely cause in the form below; "
                                              "choose its links, then press Add")
        self.use_candidate.on_click(lambda _: self._use_candidate())
        offer = [w.HTML("<small>Likely causes from your fishbone (module 02), ready to use as "
                        "secondary drivers:</small>"),
                 w.HBox([self.candidates, self.use_candidate])] if candidates else []

        self.item_list = w.Select(description="Items", rows=8, layout=WIDE)
        self.edit_form = _ItemForm("Save changes")
        self.remove_button = w.Button(
            description="Remove",
            button_style="danger",
            tooltip="Remove the selected item and its links",
        )
        self.item_list.observe(lambda _: self._fill_edit_form(), names="value")
        self.edit_form.button.on_click(lambda _: self._edit())
        self.remove_button.on_click(lambda _: self._remove())

        self.export_name = w.Text(description="File name", value="my_diagram.png")
        self.export_button = w.Button(description="Export", tooltip=", ".join(EXPORT_FORMATS))
        self.export_button.on_click(lambda _: self._export())

        self.warnings = w.HTML()
        self.figure = Chart(driver_diagram_figure(self.diagram))

        tabs = w.Tab(
            children=[
                w.VBox([*offer, self.level, self.add_form, self.add_form.button]),
                w.VBox(
                    [
                        self.item_list,
                        self.edit_form,
                        w.HBox([self.edit_form.button, self.remove_button]),
                    ]
                ),
                w.VBox(
                    [
                        w.HTML(
                            "<small>Name the file with .png, .svg, .html or .json at the "
                            "end.</small>"
                        ),
                        w.HBox([self.export_name, self.export_button]),
                    ]
                ),
            ],
            titles=("Add an item", "Edit or remove", "Export"),
        )
        super().__init__(
            [
                w.HTML("<h3 style='margin:0'>Driver diagram builder</h3>"),
                self.aim,
                self.aim_feedback,
                self.partner,
                tabs,
                self.messages,
                self.warnings,
                self.figure,
            ]
        )
        self._refresh()
        save_on_creation(self.path, self.save, self.messages)

    # ---- the widget API
    @property
    def model(self) -> DriverDiagram:
        return self.diagram

    def save(self) -> Path:
        return self.diagram.save(self.path)

    def export(self, path: str | Path) -> Path:
        """Write the diagram as .png, .svg or .html (a picture) or .json (a copy of the model)."""
        target = resolve_path(path)
        suffix = target.suffix.lower()
        if suffix not in EXPORT_FORMATS:
            raise DataProblem(
                f"Cannot export as '{target.name}': end the file name with "
                f"{', '.join(EXPORT_FORMATS)}."
            )
        if suffix == ".json":
            return self.diagram.save(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        fig = driver_diagram_figure(self.diagram)
        if suffix == ".html":
            return figure_to_html(fig, target)
        return save_image(fig, target)

    # ---- handlers: each hands the work to the model, then redraws and saves
    def _on_aim(self, change: dict) -> None:
        self.diagram.aim = change["new"]
        self._changed()

    def _on_partner(self, change: dict) -> None:
        self.diagram.partner = change["new"].strip()
        self._changed()

    def _add(self) -> None:
        form = self.add_form

        def add() -> None:
            self.diagram.add(
                self.level.value, form.text.value, form.parents.value, form.measure.value
            )

        if guarded(self.messages, add):
            form.text.value = form.measure.value = ""
            form.parents.value = ()
            self._changed()

    def _use_candidate(self) -> None:
        if self.candidates.value is None:
            self.messages.show("Choose a likely cause in the list first.")
            return
        self.level.value = "secondary"
        self.add_form.text.value = self.candidates.value

    def _edit(self) -> None:
        form, item_id = self.edit_form, self.item_list.value
        if item_id is None:
            self.messages.show("Choose an item in the list first, then change it.")
            return
        if guarded(
            self.messages,
            lambda: self.diagram.edit(
                item_id, form.text.value, form.measure.value, form.parents.value
            ),
        ):
            self._changed()

    def _remove(self) -> None:
        item_id = self.item_list.value
        if item_id is None:
            self.messages.show("Choose an item in the list first, then remove it.")
            return
        self.diagram.remove(item_id)
        self.item_list.value = None
        self._changed()

    def _export(self) -> None:
        target: list[Path] = []
        if guarded(self.messages, lambda: target.append(self.export(self.export_name.value))):
            self.messages.show(f"a copy of your diagram is in '{target[0]}'.", kind="ok")

    # ---- redrawing
    def _changed(self) -> None:
        self.save()
        self._refresh()

    def _refresh(self) -> None:
        self.aim_feedback.value = aim_feedback_html(self.diagram.aim_check)
        selected = self.item_list.value
        self.item_list.options = [
            (f"{item.id}  {LEVEL_NAMES[level]}: {item.text}", item.id)
            for level in LEVELS
            for item in self.diagram.items(level)
        ]
        self.item_list.value = (
            selected if selected in {i.id for i in self.diagram.all_items()} else None
        )
        self._refresh_links()
        advice = self.diagram.warnings()
        self.warnings.value = (
            "<div role='note'><b>Things to look at (suggestions, not errors):</b><ul>"
            + "".join(f"<li>{escape(a)}</li>" for a in advice)
            + "</ul></div>"
            if advice
            else ""
        )
        self.figure.draw(driver_diagram_figure(self.diagram))

    def _refresh_links(self) -> None:
        self.add_form.show_links(self.diagram, self.level.value)
        if self.item_list.value is not None:
            self.edit_form.show_links(self.diagram, self.diagram.level_of(self.item_list.value))

    def _fill_edit_form(self) -> None:
        item_id, form = self.item_list.value, self.edit_form
        if item_id is None:
            form.text.value = form.measure.value = ""
            form.parents.options = []
            return
        item = self.diagram.find(item_id)
        form.show_links(self.diagram, self.diagram.level_of(item_id))
        form.text.value, form.measure.value = item.text, item.measure
        form.parents.value = tuple(item.parents)
