"""Measure sorter (module 04): sort measures into outcome, process and balancing, and define them.

A thin front end over qispread.models.measures; every change is saved to the learner's file.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path

import ipywidgets as w

from qispread.models.measures import (
    TYPE_MEANINGS,
    TYPES,
    Measure,
    MeasureFamily,
    load_measures,
)
from qispread.widgets.common import MessageArea, guarded, open_saved, resolve_path
from qispread.widgets.saving import save_on_creation

TYPE_CHOICES = [("Choose a type…", ""), *((kind.capitalize(), kind) for kind in TYPES)]
FIELD_LABELS = {
    "what_is_counted": "What is counted",
    "numerator": "Numerator",
    "denominator": "Denominator",
    "inclusions_exclusions": "Included / excluded",
    "data_source": "Data source",
    "frequency": "How often",
}
LABEL_STYLE = {"description_width": "10em"}


def _completeness_html(measure: Measure) -> str:
    return f"<span style='font-size:14px'>{escape(measure.completeness())}</span>"


def _guide() -> str:
    items = "".join(
        f"<li><b>{kind.capitalize()}</b>: {escape(TYPE_MEANINGS[kind])}</li>" for kind in TYPES
    )
    return f"<p>Choose a type for each measure.</p><ul style='margin-top:0'>{items}</ul>"


class _DefinitionForm(w.VBox):
    """The six parts of one measure's operational definition, with a completeness note."""

    def __init__(self, measure: Measure, on_change) -> None:
        self.name = measure.name
        self.fields = {
            part: w.Text(
                value=getattr(measure.definition, part),
                description=label,
                style=LABEL_STYLE,
                layout=w.Layout(width="95%"),
            )
            for part, label in FIELD_LABELS.items()
        }
        self.completeness = w.HTML(_completeness_html(measure))
        for part, box in self.fields.items():
            box.observe(
                lambda change, part=part: on_change(self, part, change["new"]), names="value"
            )
        super().__init__([*self.fields.values(), self.completeness])


class MeasureSorter(w.VBox):
    """Sort the listed measures by type and write their operational definitions; saved to `path`."""

    def __init__(self, path: str | Path = "my_measures.json", measures: Iterable[str] = ()) -> None:
        self.path = resolve_path(path)
        self.messages = MessageArea()
        self.family = open_saved(self.path, load_measures, self.messages) or MeasureFamily()
        known = {m.name.casefold() for m in self.family.measures}
        for name in measures:
            if " ".join(name.split()).casefold() not in known:
                self.family.add(name)

        self.new_name = w.Text(
            description="New measure", placeholder="name of your own measure", style=LABEL_STYLE,
            layout=w.Layout(width="32em"),
        )
        self.add_button = w.Button(description="Add measure")
        self.add_button.on_click(lambda _: self._add())
        self.rows = w.VBox()
        self.definitions = w.Accordion()
        self.warnings = w.HTML()
        super().__init__(
            [
                w.HTML("<h3 style='margin:0'>Measure sorter: outcome, process or balancing?</h3>"),
                w.HTML(_guide()),
                self.rows,
                w.HBox([self.new_name, self.add_button]),
                w.HTML("<b>Operational definitions</b> (open a measure to write its definition)"),
                self.definitions,
                self.messages,
                self.warnings,
            ]
        )
        self._build()
        save_on_creation(self.path, self.save, self.messages)

    @property
    def model(self) -> MeasureFamily:
        return self.family

    def save(self) -> Path:
        return self.family.save(self.path)

    def export(self, path: str | Path) -> Path:
        """Save a copy of the family of measures as JSON."""
        return self.family.save(resolve_path(path))

    def type_picker(self, name: str) -> w.Dropdown:
        return self.pickers[self.family.find(name).name]

    def definition_form(self, name: str) -> _DefinitionForm:
        return self.forms[self.family.find(name).name]

    def _build(self) -> None:
        self.pickers: dict[str, w.Dropdown] = {}
        self.forms: dict[str, _DefinitionForm] = {}
        rows = []
        for measure in self.family.measures:
            picker = w.Dropdown(
                options=TYPE_CHOICES,
                value=measure.type,
                description="Type",
                style={"description_width": "3em"},
                layout=w.Layout(width="15em", min_width="15em"),
            )
            picker.observe(
                lambda change, name=measure.name: self._set_type(name, change["new"]), names="value"
            )
            self.pickers[measure.name] = picker
            self.forms[measure.name] = _DefinitionForm(measure, self._set_part)
            rows.append(
                w.HBox(
                    [
                        picker,
                        w.HTML(f"<span style='line-height:2.2em'>{escape(measure.name)}</span>"),
                    ]
                )
            )
        self.rows.children = rows
        self.definitions.children = list(self.forms.values())
        self.definitions.titles = tuple(self._title(m) for m in self.family.measures)
        self._refresh()

    def _title(self, measure: Measure) -> str:
        done = "complete" if measure.definition.complete else "incomplete"
        return f"{measure.name} ({done})"

    def _set_type(self, name: str, kind: str) -> None:
        if guarded(self.messages, lambda: self.family.set_type(name, kind)):
            self._changed()

    def _set_part(self, form: _DefinitionForm, part: str, text: str) -> None:
        if guarded(self.messages, lambda: self.family.set_definition(form.name, **{part: text})):
            measure = self.family.find(form.name)
            form.completeness.value = _completeness_html(measure)
            self.definitions.set_title(self.family.measures.index(measure), self._title(measure))
            self._changed()

    def _add(self) -> None:
        if guarded(self.messages, lambda: self.family.add(self.new_name.value)):
            self.new_name.value = ""
            self.save()
            self._build()

    def _changed(self) -> None:
        self.save()
        self._refresh()

    def _refresh(self) -> None:
        advice = self.family.warnings()
        self.warnings.value = "".join(f"<p>{escape(a)}</p>" for a in advice)
