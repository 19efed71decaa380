"""FishboneBuilder: write the effect, rename categories, add causes and their whys, mark the
most likely; the likely causes are offered to the driver diagram as secondary drivers."""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as w

from qispread.models.fishbone import MOST_WHYS, Cause, Fishbone, load_fishbone
from qispread.plots.fishbone import fishbone_figure
from qispread.widgets.common import INTRO_STYLE, guarded, open_tool
from qispread.widgets.figures import Chart
from qispread.widgets.part_form import TOOL_LAYOUT, editable_rows, text_box, tool_heading
from qispread.widgets.saving import save_on_creation


class CauseRow(w.VBox):
    """A cause: its text, whether it is most likely, and its whys (one per line)."""

    def __init__(self, category: str, cause: Cause) -> None:
        self.category, self.cause = category, cause
        self.likely = w.Checkbox(value=cause.likely, description="most likely",
                                 indent=False, layout=w.Layout(width="9em"))
        self.whys = w.Textarea(value="\n".join(cause.whys), continuous_update=False,
                               placeholder=f"Why? One answer a line, up to {MOST_WHYS}",
                               layout=w.Layout(width="40em", height="4.5em"))
        self.remove = w.Button(icon="trash", tooltip="Remove this cause",
                               layout=w.Layout(width="2.6em"))
        super().__init__([
            w.HBox([w.HTML(f"<b>{html.escape(category)}:</b> {html.escape(cause.text)}",
                           layout=w.Layout(width="31em")), self.likely, self.remove]),
            self.whys,
        ], layout=w.Layout(border_bottom="1px solid #e5e5e5", padding="2px 0"))

    def fields(self) -> list[w.ValueWidget]:
        return [self.likely, self.whys]

    def read_into_cause(self) -> None:
        self.cause.likely = self.likely.value
        self.cause.whys = [line.strip() for line in self.whys.value.splitlines() if line.strip()]


class FishboneBuilder(w.VBox):
    """Saved to the file the notebook names at every change."""

    def __init__(self, path: str | Path = "my_fishbone.json",
                 example: Fishbone | None = None) -> None:
        self.path, self.messages, saved = open_tool(path, load_fishbone)
        self.model = saved or example or Fishbone()
        self.effect = text_box(self.model.effect, "Effect", "The problem, as specific as your aim",
                               label_width="5em")
        self.category = w.Dropdown(description="Category", style={"description_width": "5em"})
        self.new_name = w.Text(placeholder="New name for this category",
                               layout=w.Layout(width="16em"))
        self.rename_button = w.Button(description="Rename", icon="pencil")
        self.new_cause = w.Text(placeholder="A cause under this category",
                                layout=w.Layout(width="24em"))
        self.add_button = w.Button(description="Add cause", icon="plus")
        self.causes = w.VBox()
        self.drivers = w.HTML()
        self.figure = Chart()
        self.effect.observe(lambda _c: self._changed(), names="value")
        self.rename_button.on_click(lambda _b: self._rename())
        self.add_button.on_click(lambda _b: self._add())
        super().__init__([
            tool_heading("Cause and effect (fishbone)",
                         "Write the problem as the effect. Add the causes your team can think of "
                         "under each category (rename the categories to fit), ask \"why?\" of a "
                         "cause until you reach something you could change, and tick the causes "
                         "you think most likely: they become candidate secondary drivers for your "
                         "driver diagram."),
            self.effect, w.HBox([self.category, self.new_name, self.rename_button]),
            w.HBox([self.new_cause, self.add_button]), self.messages, self.causes,
            self.drivers, self.figure,
        ], layout=w.Layout(**TOOL_LAYOUT))
        self._rebuild()
        save_on_creation(self.path, self.save, self.messages)

    @property
    def cause_rows(self) -> list[CauseRow]:
        return list(self.causes.children)

    def _rebuild(self) -> None:
        chosen = self.category.value
        names = list(self.model.categories)
        self.category.options = names
        self.category.value = chosen if chosen in names else (names[0] if names else None)
        self.causes.children = editable_rows(
            [CauseRow(name, cause) for name, causes in self.model.categories.items()
             for cause in causes], self._changed, self._remove)
        self._redraw()

    def _rename(self) -> None:
        if guarded(self.messages, lambda: self.model.rename(self.category.value,
                                                            self.new_name.value)):
            self.category.value = None
            self.new_name.value = ""
            self._rebuild()
            guarded(self.messages, self.save)

    def _add(self) -> None:
        if guarded(self.messages, lambda: self.model.add_cause(self.category.value,
                                                               self.new_cause.value)):
            self.new_cause.value = ""
            self._rebuild()
            guarded(self.messages, self.save)

    def _remove(self, row: CauseRow) -> None:
        self.model.categories[row.category].remove(row.cause)
        self._rebuild()
        guarded(self.messages, self.save)

    def _changed(self) -> None:
        self.model.effect = self.effect.value.strip()
        for row in self.cause_rows:
            row.read_into_cause()
        if guarded(self.messages, self.save):
            self._redraw()

    def _redraw(self) -> None:
        self.figure.draw(fishbone_figure(self.model))
        drivers = self.model.candidate_drivers()
        items = "".join(f"<li>{html.escape(d)}</li>" for d in drivers)
        self.drivers.value = (
            f"<p style='{INTRO_STYLE}'><b>Candidate secondary drivers</b> (your most likely "
            f"causes, from the last answer to \"why?\"):</p><ul>{items}</ul>" if drivers else
            f"<p style='{INTRO_STYLE}'>Tick \"most likely\" on a cause to make it a candidate "
            "secondary driver.</p>")

    def save(self) -> None:
        self.model.save(self.path)
