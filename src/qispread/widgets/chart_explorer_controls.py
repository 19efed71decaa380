"""The controls of ChartExplorer, built and laid out in one place (labels in plain UK English).

The menus' words come from the chart models, imported when the controls are built: importing
ChartExplorer does not import pandas and the analysis (bench/bench_tool_import.py)."""

from __future__ import annotations

import ipywidgets as w

from qispread.models.spreadsheet_cells import SEPARATOR_CHOICE
from qispread.widgets.chart_chooser import ChartChooser
from qispread.widgets.common import MessageArea
from qispread.widgets.figures import Chart

OWN_DATA = "__own__"
DETECT = "detect"
NONE_LABEL = "(none)"
_STYLE = {"description_width": "9em"}
_WIDE = w.Layout(width="32em")
FULL_TITLE_TABS = "qispread-full-titles"
# JupyterLab gives every tab 144 px, cutting longer titles: let each be as wide as its title
TAB_STYLE = (f"<style>.jupyter-widgets.{FULL_TITLE_TABS} > .lm-TabBar .lm-TabBar-tab "
             "{flex: 0 0 auto !important; max-width: none !important}</style>")


def _button(description: str, icon: str, tooltip: str) -> w.Button:
    return w.Button(
        description=description, icon=icon, tooltip=tooltip, layout=w.Layout(width="auto")
    )


def _text(description: str, **extra: object) -> w.Text:
    return w.Text(description=description, style=_STYLE, layout=_WIDE, **extra)


class ExplorerControls:
    """Every control the learner can touch, and the boxes that arrange them."""

    def __init__(self, dataset_options: list[tuple[str, str]]) -> None:
        from qispread.models.chart_spec import CHART_TYPES, METHODS
        from qispread.models.spreadsheet import DECIMAL_CHOICE, DECIMAL_NAMES, SEPARATORS
        from qispread.spc.vocabulary import DIRECTIONS

        self.source = w.Dropdown(
            options=[("Choose data…", None), *dataset_options, ("My own data", OWN_DATA)],
            description="Data",
            style=_STYLE,
            layout=_WIDE,
        )
        self.upload = w.FileUpload(
            accept=".csv,.xlsx,.txt", multiple=False, description="Upload CSV or Excel",
            layout=w.Layout(width="auto"),
        )
        self.paste = w.Textarea(
            placeholder="Or paste a table here (copied from a spreadsheet), with a header row",
            description="Paste a table",
            style=_STYLE,
            layout=w.Layout(width="40em", height="7em"),
        )
        self.use_paste = _button("Use the pasted table", "table", "Read the pasted table")
        # a Dropdown shows no choice for the value None: "detect" stands for it
        detect = [("Detect (usually right)", DETECT)]
        self.separator = w.Dropdown(
            options=detect + [(name.capitalize(), mark) for mark, name in SEPARATORS.items()],
            value=DETECT, description=SEPARATOR_CHOICE, style={"description_width": "initial"},
            layout=w.Layout(width="auto"),
        )
        self.decimal = w.Dropdown(
            options=detect + [(name[:1].upper() + name[1:], mark)
                              for mark, name in DECIMAL_NAMES.items()],
            value=DETECT, description=DECIMAL_CHOICE, style={"description_width": "initial"},
            layout=w.Layout(width="auto", margin="2px 0 2px 2em"),
        )
        self.own_data_box = w.VBox([self.upload, self.paste, self.use_paste,
                                    w.HBox([self.separator, self.decimal])])
        self.data_note = w.HTML()

        self.x = w.Dropdown(description="Time or order (x)", style=_STYLE, layout=_WIDE)
        self.y = w.Dropdown(description="Values (y)", style=_STYLE, layout=_WIDE)
        self.n = w.Dropdown(description="Denominator (n)", style=_STYLE, layout=_WIDE)
        self.chart = w.Dropdown(
            options=[(label, code) for code, label in CHART_TYPES.items()],
            description="Chart type",
            style=_STYLE,
            layout=_WIDE,
        )
        self.method = w.Dropdown(
            options=[(label, code) for code, label in METHODS.items()],
            description="Run rules",
            style=_STYLE,
            layout=_WIDE,
        )
        self.help_choose = w.ToggleButton(
            description="Help me choose",
            icon="question",
            tooltip="Answer a few questions to choose a chart",
        )
        self.chooser = ChartChooser()
        self.chooser.layout.display = "none"
        self.title = _text("Chart title", continuous_update=False)
        self.ylab = _text("Axis label (y)", continuous_update=False)

        self.point = w.Dropdown(description="Point", style=_STYLE, layout=_WIDE)
        self.end_baseline = _button(
            "End the baseline here",
            "flag",
            "Centre line and limits come from the points up to here",
        )
        self.no_baseline = _button("No baseline", "times", "Use all the points")
        self.add_break = _button(
            "New phase after this point",
            "columns",
            "Start a new centre line and limits after this point",
        )
        self.no_breaks = _button("Remove phase breaks", "times", "Back to one phase")
        self.note_text = _text("Note", placeholder="For example: PDSA 1, new falls checklist")
        self.add_note = _button("Add the note at this point", "comment", "Mark this point")
        self.no_notes = _button("Remove all notes", "times", "Remove every note")
        self.exclude = _text("Leave out points", placeholder="Point numbers, for example: 3, 7",
                             continuous_update=False)
        self.settings_summary = w.HTML()

        self.making_data_count = w.Checkbox(
            description="Making Data Count view (icons, target and improvement direction)",
            style={"description_width": "initial"},
            layout=w.Layout(width="auto"),
        )
        self.direction = w.Dropdown(
            options=[(label, direction) for direction, label in DIRECTIONS.items()],
            description="Improvement",
            style=_STYLE,
            layout=_WIDE,
        )
        self.target = _text("Target", placeholder="A number, or blank for no target",
                            continuous_update=False)

        self.export_png = _button("Picture (PNG)", "image", "Save the chart as a PNG picture")
        self.export_html = _button("Web page (HTML)", "globe", "Save an interactive web page")
        self.export_csv = _button(
            "Results table (CSV)", "download", "Save the centre lines, limits and signals as CSV"
        )

        self.messages = MessageArea()
        self.figure = Chart()
        self.explanation = w.HTML(layout=w.Layout(max_width="60em"))
        self.interpretation = w.Textarea(
            description="What I see",
            placeholder="Write what the chart tells you, and what you will do next",
            style=_STYLE,
            layout=w.Layout(width="60em", height="6em"),
        )

    def tabs(self) -> w.Tab:
        pages = {
            "Data": w.VBox([self.source, self.own_data_box, self.data_note]),
            "Chart": w.VBox(
                [
                    w.HBox(
                        [
                            w.VBox([self.x, self.y, self.n]),
                            w.VBox([self.chart, self.method, self.help_choose]),
                        ]
                    ),
                    self.chooser,
                    self.title,
                    self.ylab,
                ]
            ),
            "Baseline, phases and notes": w.VBox(
                [
                    self.point,
                    w.HBox([self.end_baseline, self.no_baseline, self.add_break, self.no_breaks]),
                    w.HBox([self.note_text, self.add_note, self.no_notes]),
                    self.exclude,
                    self.settings_summary,
                ]
            ),
            "Making Data Count": w.VBox([self.making_data_count, self.direction, self.target]),
            "Export": w.HBox([self.export_png, self.export_html, self.export_csv]),
        }
        tabs = w.Tab(children=list(pages.values()), titles=list(pages))
        tabs.add_class(FULL_TITLE_TABS)
        return w.VBox([w.HTML(TAB_STYLE), tabs])

    def chart_area(self) -> w.HBox:
        # the words go under the chart: beside it they squeezed the chart and clipped its labels
        return w.VBox([self.figure, self.explanation])
