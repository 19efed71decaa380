"""PDSALog: record tests of change as Plan-Do-Study-Act cycles, linked into ramps, and see when
each cycle started on a run chart of the project's measure.

    PDSALog("my_pdsa.json", measure="falls", x="period", y="falls", n="occupied_bed_days",
            chart="u", multiply=1000, ylab="Falls per 1,000 bed days")

Everything typed is kept in the file as a draft, even before a cycle can be saved, so a restart or
a mistake loses nothing. Graded code reads the log back with `load_pdsa_log("my_pdsa.json")`.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import ipywidgets as w
import pandas as pd
import plotly.graph_objects as go

from qispread.models.pdsa import (
    ACT_CHOICES,
    FIELD_LABELS,
    TEXT_FIELDS,
    CycleLog,
    PDSACycle,
    load_pdsa_log,
)
from qispread.models.storage import save_json
from qispread.widgets.common import MessageArea, guarded, open_saved, resolve_path
from qispread.widgets.figures import Chart
from qispread.widgets.saving import save_on_creation

NEW = "__new__"
# wide enough for the longest label, "Study: result against prediction", in full
LABEL_STYLE = {"description_width": "16em"}
PICKER_LAYOUT = w.Layout(width="49em")  # as wide as the text boxes: a title shown whole
FIGURE_HEIGHT = 600
LONG_FIELDS = {"objective", "prediction", "do", "study"}
FORM_FIELDS = (*TEXT_FIELDS, "act", "start", "end", "builds_on")


def _text_control(name: str) -> w.Widget:
    kind = w.Textarea if name in LONG_FIELDS else w.Text
    height = "3.5em" if name in LONG_FIELDS else None
    return kind(description=FIELD_LABELS[name], continuous_update=False,
                layout=w.Layout(width="49em", height=height),
                style=LABEL_STYLE)


class PDSALog(w.VBox):
    """A form for one cycle, the list of ramps, and (given a measure) the run chart."""

    def __init__(self, path: str | Path = "my_pdsa.json",
                 measure: str | pd.DataFrame | None = None, x: str | None = None,
                 y: str | None = None, n: str | None = None, chart: str = "run",
                 multiply: float = 1, ylab: str | None = None, xlab: str | None = None,
                 freeze: int | None = None) -> None:
        self.path = resolve_path(path)
        self.messages = MessageArea()
        self.model: CycleLog = open_saved(self.path, load_pdsa_log, self.messages) \
            or CycleLog()
        self.measure = _measure_frame(measure)
        self.chart_args: dict[str, Any] = {
            "x": x, "y": y, "n": n, "chart": chart, "multiply": multiply, "ylab": ylab,
            "xlab": xlab, "freeze": freeze}
        self.picker = w.Dropdown(description="Cycle", style=LABEL_STYLE, layout=PICKER_LAYOUT)
        self.fields: dict[str, w.Widget] = {name: _text_control(name) for name in TEXT_FIELDS}
        self.fields["start"] = _text_control("start")
        self.fields["end"] = _text_control("end")
        for name in ("start", "end"):
            self.fields[name].placeholder = "e.g. 2025-03-03 or 03/03/2025"
        self.fields["partner"].placeholder = "Optional: what a patient partner contributed"
        self.fields["act"] = w.Dropdown(
            description=FIELD_LABELS["act"], style=LABEL_STYLE, layout=PICKER_LAYOUT,
            options=[("Not decided yet", "")] + [(c.capitalize(), c) for c in ACT_CHOICES])
        self.fields["builds_on"] = w.Dropdown(description=FIELD_LABELS["builds_on"],
                                              style=LABEL_STYLE, layout=PICKER_LAYOUT)
        self.save_button = w.Button(description="Save cycle", button_style="primary", icon="check")
        self.delete_button = w.Button(description="Delete cycle", icon="trash")
        self.export_button = w.Button(description="Export log (Markdown and CSV)",
                                      icon="download", layout=w.Layout(width="auto"))
        self.ramps = w.HTML()
        self.figure = Chart()
        self._showing = False

        self.picker.observe(self._picked, names="value")
        for control in self.fields.values():
            control.observe(self._typed, names="value")
        self.save_button.on_click(lambda _b: self.save_cycle())
        self.delete_button.on_click(lambda _b: self.delete_cycle())
        self.export_button.on_click(lambda _b: self._export_clicked())

        form = w.VBox([self.picker, *self.fields.values(),
                       w.HBox([self.save_button, self.delete_button, self.export_button])])
        parts = [w.HTML("<h3 style='margin:0'>PDSA log</h3>"), self.messages, form, self.ramps]
        if self.measure is not None:
            parts.append(self.figure)
        super().__init__(parts)
        # open on the latest cycle, so that a saved log never looks empty
        latest = self.model.cycles[-1].id if self.model.cycles else NEW
        self._refresh(select=self.model.draft.get("id") or latest)
        save_on_creation(self.path, self._write, self.messages)

    # --- the form -------------------------------------------------------------------------
    def _form(self) -> dict[str, str]:
        return {name: self.fields[name].value or "" for name in FORM_FIELDS}

    def _show_form(self, values: dict[str, str]) -> None:
        self._showing = True
        try:
            for name in FORM_FIELDS:
                self.fields[name].value = values.get(name, "") or ""
        finally:
            self._showing = False

    def _typed(self, _change: dict) -> None:
        """Keep every keystroke's result in the file as a draft, valid or not."""
        if self._showing:
            return
        self.model.draft = {"id": self.picker.value or NEW, **self._form()}
        self._write()

    def _picked(self, change: dict) -> None:
        if self._showing:
            return
        chosen = change["new"]
        self._offer_links(chosen)
        self._show_form({} if chosen == NEW else self.model.get(chosen).to_form())
        self.model.draft = {}
        self._write()

    # --- actions --------------------------------------------------------------------------
    def save_cycle(self) -> bool:
        """Save the form as a cycle; on a problem, explain it and keep everything typed."""
        cycle_id = self.picker.value if self.picker.value != NEW else self.model.new_id()

        def action() -> None:
            self.model.put(PDSACycle.from_form(cycle_id, self._form()))
            self.model.draft = {}
            self._write()

        if guarded(self.messages, action):
            self.messages.show(f"cycle {cycle_id} is saved in '{self.path}'.", "ok")
            self._refresh(select=cycle_id)
            return True
        return False

    def delete_cycle(self) -> None:
        chosen = self.picker.value
        if chosen == NEW:
            self.messages.show("Choose the cycle to delete in the Cycle list first.")
            return
        if guarded(self.messages, lambda: self.model.remove(chosen)):
            self.model.draft = {}
            self._write()
            self._refresh(select=NEW)

    def export(self) -> tuple[Path, Path]:
        markdown = self.path.with_name(f"{self.path.stem}_export.md")
        table = self.path.with_name(f"{self.path.stem}_export.csv")
        markdown.write_text(self.model.to_markdown(), encoding="utf-8")
        table.write_text(self.model.to_csv(), encoding="utf-8")
        return markdown, table

    def _export_clicked(self) -> None:
        written = self.export()
        self.messages.show(f"the log is in '{written[0]}' and '{written[1]}'.", "ok")

    # --- showing the log ------------------------------------------------------------------
    def _write(self) -> None:
        save_json(self.path, self.model.to_dict())

    def _refresh(self, select: str) -> None:
        ids = [c.id for c in self.model.cycles]
        select = select if select in ids else NEW
        self._showing = True
        try:
            self.picker.options = [("New cycle", NEW)] + [(c.name, c.id) for c in self.model.cycles]
            self.picker.value = select
            self._offer_links(select)
        finally:
            self._showing = False
        draft = self.model.draft
        self._show_form(draft if draft else
                        ({} if select == NEW else self.model.get(select).to_form()))
        self.ramps.value = _ramps_html(self.model)
        if self.measure is not None:
            self._draw()

    def _offer_links(self, cycle_id: str) -> None:
        """A cycle may build on any other cycle, never on itself."""
        showing, self._showing = self._showing, True
        try:
            self.fields["builds_on"].options = [("Nothing: it starts a new ramp", "")] + [
                (c.name, c.id) for c in self.model.cycles if c.id != cycle_id]
        finally:
            self._showing = showing

    def _draw(self) -> None:
        from qispread.plots.pdsa_chart import pdsa_run_chart

        figures: list[go.Figure] = []
        if guarded(self.messages, lambda: figures.append(
                pdsa_run_chart(self.model, self.measure, **self.chart_args))):
            # tall enough for four rows of cycle labels; JupyterLab fits its width to the cell
            figures[0].update_layout(height=FIGURE_HEIGHT)
            self.figure.draw(figures[0])


def _measure_frame(measure: str | pd.DataFrame | None) -> pd.DataFrame | None:
    if measure is None or isinstance(measure, pd.DataFrame):
        return measure
    from qispread import data

    return data.load(measure)


def _ramps_html(log: CycleLog) -> str:
    if not log.cycles:
        return "<p>No cycles saved yet. Fill in the form and press <b>Save cycle</b>.</p>"
    blocks = []
    for number, chain in enumerate(log.ramps(), start=1):
        steps = " → ".join(
            f"{html.escape(c.name)}{' (' + c.act + ')' if c.act else ''}" for c in chain)
        blocks.append(f"<li><b>Ramp {number}:</b> {steps}</li>")
    return f"<p><b>Your ramps of tests</b></p><ul>{''.join(blocks)}</ul>"
