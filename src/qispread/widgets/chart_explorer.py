"""ChartExplorer: a learner's run chart or control chart, built by pointing and clicking.

    ChartExplorer("my_chart.json", data="falls")

Every accepted change is saved to the file, so the chart comes back after a kernel restart and a
graded notebook can re-run it with `load_chart_spec("my_chart.json")`. The analysis is qic() or
ptd(); this widget only collects choices, shows the engine's figure and words, and exports them.

pandas, the analysis and the chart models are imported when the tool opens, not with the class:
`from qispread.widgets import ChartExplorer` stays quick in a fresh kernel
(bench/bench_tool_import.py).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from qispread.errors import DataProblem
from qispread.models.storage import ModelFileProblem
from qispread.models.typed_values import TypedNumber, typed_number
from qispread.widgets.chart_explorer_controls import (
    DETECT,
    NONE_LABEL,
    OWN_DATA,
    ExplorerControls,
)
from qispread.widgets.common import LINE_HEIGHT, guarded, resolve_path
from qispread.widgets.saving import save_on_creation

if TYPE_CHECKING:
    import pandas as pd

    from qispread.models.chart_spec import ChartSpec
    from qispread.models.spreadsheet import ReadingChoices, TableRead
    from qispread.plots.chart_outcome import ChartOutcome

EXPORT_KINDS = ("png", "html", "csv")
PASTED = "pasted table"


def _shown(name: str, article: str = "The") -> str:
    """How the learner's table is named in a sentence: 'falls.csv' or 'The pasted table'."""
    return f"{article} {name}" if name == PASTED else f"'{name}'"


class ChartExplorer(w.VBox):
    """Choose data, columns and chart; set a baseline, phases and notes; read the signals."""

    def __init__(self, path: str | Path = "my_chart.json", data: str | pd.DataFrame | None = None):
        self.path = resolve_path(path)
        self.ui = ExplorerControls(_dataset_options())
        self.frame: pd.DataFrame | None = None
        self.outcome: ChartOutcome | None = None
        self._syncing = False
        self._file_problem: str | None = None
        self._own_input: tuple[Callable[[ReadingChoices], TableRead], str] | None = None
        self.model = self._first_model(data)
        self._connect()
        super().__init__(
            [
                self.ui.tabs(),
                self.ui.messages,
                self.ui.chart_area(),
                self.ui.interpretation,
            ]
        )
        self._load_frame_and_draw()
        if self._file_problem:
            self.ui.messages.show(self._file_problem)
        save_on_creation(self.path, self.save, self.ui.messages)

    # --- the file ---------------------------------------------------------------------------
    def _first_model(self, data: str | pd.DataFrame | None) -> ChartSpec:
        import pandas as pd

        from qispread.models.chart_spec import ChartSpec, load_chart_spec, table_to_csv

        if self.path.exists():
            try:
                return load_chart_spec(self.path)
            except (ModelFileProblem, DataProblem, TypeError) as err:
                # Never overwrite a file we could not read: the learner may want it back.
                self._file_problem = f"{err} Until then, changes here are not saved."
                return ChartSpec()
        if isinstance(data, pd.DataFrame):
            return ChartSpec(
                own_data_csv=table_to_csv(data), own_data_name="data from the notebook"
            )
        return ChartSpec(source=data)

    def save(self) -> None:
        if self._file_problem:
            raise ModelFileProblem(self._file_problem)
        self.model.save(self.path)

    # --- wiring -----------------------------------------------------------------------------
    def _connect(self) -> None:
        from qispread.models.chart_spec import parse_point_numbers
        from qispread.models.spreadsheet import read_pasted

        ui = self.ui
        edits: dict[w.Widget, Callable[[Any], dict[str, Any]]] = {
            ui.x: lambda v: {"x": v},
            ui.y: lambda v: {"y": v},
            ui.n: lambda v: {"n": v},
            ui.chart: lambda v: {"chart": v},
            ui.method: lambda v: {"method": v},
            ui.title: lambda v: {"title": v},
            ui.ylab: lambda v: {"ylab": v},
            ui.exclude: lambda v: {"exclude": parse_point_numbers(v, self._point_count())},
            ui.making_data_count: lambda v: {"making_data_count": v},
            ui.direction: lambda v: {"improvement_direction": v},
        }
        for control, changes in edits.items():
            control.observe(partial(self._edited, changes), names="value")
        ui.target.observe(self._target_typed, names="value")
        ui.interpretation.observe(self._interpretation_typed, names="value")
        ui.source.observe(self._source_chosen, names="value")
        ui.upload.observe(self._file_uploaded, names="value")
        ui.use_paste.on_click(lambda _b: self._read_own(partial(read_pasted, ui.paste.value),
                                                        "pasted table"))
        for choice in (ui.separator, ui.decimal):
            choice.observe(lambda _c: self._read_own(), names="value")
        ui.help_choose.observe(self._toggle_chooser, names="value")
        ui.chooser.on_choose = self._chart_chosen
        ui.end_baseline.on_click(lambda _b: self._apply(lambda: {"freeze": ui.point.value}))
        ui.no_baseline.on_click(lambda _b: self._apply(lambda: {"freeze": None}))
        ui.add_break.on_click(
            lambda _b: self._apply(lambda: {"parts": [*self.model.parts, ui.point.value]})
        )
        ui.no_breaks.on_click(lambda _b: self._apply(lambda: {"parts": []}))
        ui.add_note.on_click(lambda _b: self._apply(self._note_added))
        ui.no_notes.on_click(lambda _b: self._apply(lambda: {"notes": {}}))
        for kind in EXPORT_KINDS:
            getattr(ui, f"export_{kind}").on_click(partial(self._export_clicked, kind))

    def _edited(self, changes: Callable[[Any], dict[str, Any]], change: dict) -> None:
        if not self._syncing:
            self._apply(lambda: changes(change["new"]))

    def _apply(self, changes: Callable[[], dict[str, Any]], redraw: bool = True) -> bool:
        """Make the learner's change to the model, save it, and redraw; or explain the problem."""

        def action() -> None:
            self.model = replace(self.model, **changes())
            self.save()

        if guarded(self.ui.messages, action):
            if redraw:
                self.redraw()
            return True
        return False

    # --- data -------------------------------------------------------------------------------
    def _source_chosen(self, change: dict) -> None:
        self.ui.own_data_box.layout.display = None if change["new"] == OWN_DATA else "none"
        if self._syncing or change["new"] in (None, OWN_DATA):
            return
        self._change_data({"source": change["new"], "own_data_csv": None, "own_data_name": None,
                           "own_data_notes": [], "own_data_rows": []})

    def _file_uploaded(self, change: dict) -> None:
        from qispread.models.spreadsheet import read_upload

        if change["new"]:
            upload = change["new"][0]
            self._read_own(partial(read_upload, upload["name"], bytes(upload["content"])),
                           upload["name"])

    def _read_own(self, reader: Callable[[ReadingChoices], TableRead] | None = None,
                  name: str = "") -> None:
        """Read the learner's file or pasted table (again, when a reading choice changes): chart
        it and say what was left out or converted; or clear the chart and say why."""
        from qispread.models.chart_spec import table_to_csv
        from qispread.models.spreadsheet import ReadingChoices

        if reader is not None:
            self._own_input = (reader, name)
        if self._own_input is None:
            return
        reader, name = self._own_input
        separator, decimal = (None if choice.value == DETECT else choice.value
                              for choice in (self.ui.separator, self.ui.decimal))
        choices = ReadingChoices(separator, decimal)
        tables: list[TableRead] = []
        changed = guarded(self.ui.messages, lambda: tables.append(reader(choices))) and (
            self._change_data({"source": None, "own_data_csv": table_to_csv(tables[0].frame),
                               "own_data_name": name, "own_data_notes": list(tables[0].notes),
                               "own_data_rows": list(tables[0].rows)}))
        if not changed:
            self._clear_chart(name)
        elif tables[0].notes:
            self.ui.messages.show(f"{_shown(name)} was read. " + " ".join(tables[0].notes),
                                  "warning")

    def _clear_chart(self, name: str) -> None:
        """A table that could not be read leaves no chart: an old one would carry a new name."""
        self.frame, self.outcome = None, None
        self._show_no_chart(f"No chart: {_shown(name, 'the')} could not be read")
        self.ui.data_note.value = (
            f"<p><b>{html.escape(_shown(name))} could not be read</b>, so no data is in use and "
            "the chart "
            "is cleared. See the problem below, correct the table and upload or paste it again."
            "</p>")
        self.ui.explanation.value = (
            f"<p><b>No chart.</b> {html.escape(_shown(name))} could not be read: see the problem "
            "above."
            "</p>")

    def _show_no_chart(self, words: str) -> None:
        import plotly.graph_objects as go

        self.ui.figure.draw(go.Figure(layout={
            "height": 460, "title": {"text": "No chart"},
            "xaxis": {"visible": False}, "yaxis": {"visible": False},
            "annotations": [{"text": html.escape(words), "showarrow": False, "xref": "paper",
                             "yref": "paper", "x": 0.5, "y": 0.6, "font": {"size": 18}}]}))
        self._sync_points({})
        self.ui.settings_summary.value = ""

    def _change_data(self, data_fields: dict[str, Any]) -> bool:
        from qispread.models.chart_spec import suggest_columns

        def action() -> None:
            candidate = replace(self.model, **data_fields)
            frame = candidate.load_table()
            columns = list(frame.columns)
            kept = {
                key: getattr(candidate, key)
                for key in ("x", "y", "n")
                if getattr(candidate, key) in columns
            }
            if "y" not in kept:
                kept = {"n": kept.get("n"), **suggest_columns(frame)}
            self.model = replace(candidate, **{"x": None, "y": None, "n": None, **kept})
            self.frame = frame
            self.save()

        if not guarded(self.ui.messages, action):
            return False
        self._sync_controls()
        if not self.redraw():
            # the chart on screen is of the old data: never leave it under the new data's name
            self.outcome = None
            self._show_no_chart("No chart yet: choose the columns on the Chart tab")
        return True

    def _load_frame_and_draw(self) -> None:
        from qispread.models.chart_spec import suggest_columns

        def load() -> None:
            if self.model.source is not None or self.model.own_data_csv is not None:
                self.frame = self.model.load_table()
                if self.model.y is None:
                    self.model = replace(self.model, **suggest_columns(self.frame))

        self._sync_controls()
        if guarded(self.ui.messages, load) and self.frame is not None:
            self._sync_controls()
            self.redraw()
        elif self.frame is None:
            self.ui.explanation.value = (
                "<p>Choose a data set on the <b>Data</b> tab, or upload or paste your own.</p>"
            )

    # --- drawing ----------------------------------------------------------------------------
    def redraw(self) -> bool:
        """Analyse and draw the chart; on bad input keep the settings and explain the problem.
        Returns whether the chart was drawn."""
        from qispread.plots.chart_outcome import analyse

        def action() -> None:
            if self.frame is None:
                raise DataProblem("Choose data on the Data tab first.")
            self.outcome = analyse(self.model, self.frame)

        if not guarded(self.ui.messages, action):
            self.ui.explanation.value = (
                "<p><b>The chart has not been redrawn.</b> Your settings are kept: see the "
                "problem above and change the setting it names.</p>"
            )
            return False
        assert self.outcome is not None  # action() set it
        self.ui.figure.draw(self.outcome.figure)
        self.ui.explanation.value = _explanation_html(self.outcome.explanation)
        labels = self._point_labels()
        self._sync_points(labels)
        self.ui.settings_summary.value = _settings_html(self.model, labels)
        return True

    def _sync_points(self, labels: dict[int, str]) -> None:
        options = [(f"{number}. {label}", number) for number, label in labels.items()]
        if list(self.ui.point.options) != options:
            current = self.ui.point.value
            self.ui.point.options = options
            if current in labels:
                self.ui.point.value = current

    def _point_count(self) -> int | None:
        return len(self.outcome.table) if self.outcome is not None else None

    def _point_labels(self) -> dict[int, str]:
        """Point number (from 1) -> its x value as text, for the points on the current chart."""
        from qispread.models.chart_spec import x_texts

        if self.outcome is None:
            return {}
        return dict(enumerate(x_texts(self.outcome.table["x"]), start=1))

    def _note_added(self) -> dict[str, Any]:
        text = self.ui.note_text.value.strip()
        if not text:
            raise DataProblem("Type the note first, for example: PDSA 1, new falls checklist.")
        label = self._point_labels().get(self.ui.point.value)
        if label is None:
            raise DataProblem("Choose the point the note belongs to first.")
        self.ui.note_text.value = ""
        return {"notes": {**self.model.notes, label: text}}

    # --- the rest of the controls -----------------------------------------------------------
    def _sync_controls(self) -> None:
        """Show the model's values in the controls without treating them as the learner's edits."""
        ui, spec = self.ui, self.model
        self._syncing = True
        try:
            columns = list(self.frame.columns) if self.frame is not None else []
            ui.x.options = ui.y.options = ui.n.options = [
                (NONE_LABEL, None),
                *[(str(c), c) for c in columns],
            ]
            # Before the data is loaded the saved column names are not yet among the options.
            shown = {None, *columns}
            ui.x.value, ui.y.value, ui.n.value = (
                c if c in shown else None for c in (spec.x, spec.y, spec.n)
            )
            known = [value for _label, value in ui.source.options]
            source = OWN_DATA if spec.own_data_csv is not None else spec.source
            ui.source.value = source if source in known else None
            ui.own_data_box.layout.display = None if ui.source.value == OWN_DATA else "none"
            ui.chart.value, ui.method.value = spec.chart, spec.method
            ui.title.value, ui.ylab.value = spec.title, spec.ylab
            ui.exclude.value = ", ".join(str(p) for p in spec.exclude)
            ui.making_data_count.value = spec.making_data_count
            ui.direction.value = spec.improvement_direction
            ui.target.value = "" if spec.target is None else f"{spec.target:g}"
            ui.interpretation.value = spec.interpretation
            ui.data_note.value = _data_note_html(spec)
        finally:
            self._syncing = False

    def _target_typed(self, change: dict) -> None:
        if self._syncing:
            return
        typed: list[TypedNumber] = []

        def changes() -> dict[str, Any]:
            typed.append(typed_number(change["new"], "The target", "95"))
            return {"target": typed[0].value}

        if self._apply(changes) and typed[0].note:
            self.ui.messages.show(typed[0].note + self._scale_hint(typed[0].value), "warning")

    def _scale_hint(self, target: float | None) -> str:
        """A percentage target beside a chart of proportions (0 to 1) is on another scale."""
        import pandas as pd

        if self.outcome is None or target is None or target <= 1:
            return ""
        values = pd.to_numeric(self.outcome.table["y"], errors="coerce").dropna()
        if values.empty or values.max() > 1:
            return ""
        return (f" The chart's values run from {values.min():g} to {values.max():g}: if they are "
                f"proportions, type {target / 100:g} for {target:g}%.")

    def _interpretation_typed(self, change: dict) -> None:
        if not self._syncing:
            self._apply(lambda: {"interpretation": change["new"]}, redraw=False)

    def _toggle_chooser(self, change: dict) -> None:
        self.ui.chooser.layout.display = None if change["new"] else "none"

    def _chart_chosen(self, chart: str) -> None:
        self.ui.chart.value = chart
        self.ui.help_choose.value = False

    # --- export -----------------------------------------------------------------------------
    def export(self, kind: str = "png", path: str | Path | None = None) -> Path:
        """Save the chart as PNG or HTML, or its results table as CSV; returns the file's path."""
        from qispread.plots.export import figure_to_html, save_image

        if kind not in EXPORT_KINDS:
            raise DataProblem(f"'{kind}' is not an export format. Choose png, html or csv.")
        if self.outcome is None:
            raise DataProblem("There is no chart to export yet. Choose data and columns first.")
        target = Path(path) if path else self.path.with_name(f"{self.path.stem}_export.{kind}")
        if kind == "png":
            save_image(self.outcome.figure, target)
        elif kind == "html":
            figure_to_html(self.outcome.figure, target)
        else:
            self.outcome.table.to_csv(target, index=False)
        return target

    def _export_clicked(self, kind: str, _button: w.Button) -> None:
        exported: list[Path] = []
        if guarded(self.ui.messages, lambda: exported.append(self.export(kind))):
            self.ui.messages.show(f"the chart is in '{exported[0]}'.", "ok")


def _dataset_options() -> list[tuple[str, str]]:
    from qispread import data as course_data

    return [(name.replace("_", " ").capitalize(), name) for name in course_data.names()]


def _data_note_html(spec: ChartSpec) -> str:
    if spec.own_data_csv is not None:
        notes = "".join(f"<li>{html.escape(note)}</li>" for note in spec.own_data_notes)
        return (f"<p style='{LINE_HEIGHT}'>Using your own data: "
                f"{html.escape(spec.own_data_name or 'a table')}.</p>"
                + (f"<ul style='{LINE_HEIGHT}'>{notes}</ul>" if notes else ""))
    if spec.source is None:
        return ""
    from qispread.widgets.reading import source_text

    try:
        return f"<p><small>{source_text(spec.source)}</small></p>"
    except (ValueError, KeyError):
        return ""


def _explanation_html(lines: list[str]) -> str:
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return (f"<h4 style='margin-top:0'>What the chart shows</h4>"
            f"<ul style='{LINE_HEIGHT}'>{items}</ul>")


def _settings_html(spec: ChartSpec, labels: dict[int, str]) -> str:
    def point(number: int) -> str:
        return (
            f"point {number} ({html.escape(labels[number])})"
            if number in labels
            else (f"point {number}")
        )

    bits = [f"Baseline: up to {point(spec.freeze)}." if spec.freeze else "Baseline: all points."]
    if spec.parts:
        bits.append("New phase after " + ", ".join(point(p) for p in spec.parts) + ".")
    if spec.notes:
        bits.append(
            "Notes: "
            + "; ".join(f"{html.escape(x)}: {html.escape(text)}" for x, text in spec.notes.items())
            + "."
        )
    if spec.exclude:
        bits.append("Left out of the calculations: " + ", ".join(point(p) for p in spec.exclude))
    return "<p>" + "<br>".join(bits) + "</p>"
