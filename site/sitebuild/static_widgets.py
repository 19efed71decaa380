"""A picture of a widget's starting state in plain HTML, for the course website.

Runs inside the kernel while the site builder executes a lesson: ``install()`` registers an HTML
formatter for every ipywidget, so each widget output carries, beside its live view, static HTML of
how the widget first looks. Controls are drawn disabled (they do nothing without a kernel); a
tool's chart becomes its figure, still interactive. The builder keeps this HTML and drops
the live view, which a static page cannot run.
"""

from __future__ import annotations

import html
import itertools

import ipywidgets as w

from qispread.widgets.figures import Chart
from qispread.widgets.named_slider import NamedSlider
from sitebuild.charts import figure_html

LIVE_NOTE = ("This is an interactive tool, shown here as it first looks. To use it, open this "
             "lesson in JupyterLab (link at the top of the page).")
WIDGET_CLASS = "qs-widget"
CURRENT = ' aria-current="true"'  # marks the tab shown first

_chart_ids = itertools.count(1)


def install() -> None:
    from IPython import get_ipython

    formatter = get_ipython().display_formatter.formatters["text/html"]
    formatter.for_type(w.Widget, widget_picture)


def widget_picture(widget: w.Widget) -> str:
    return (f'<div class="{WIDGET_CLASS}" role="group" aria-label="Interactive tool">'
            f'<p class="qs-widget-note">{LIVE_NOTE}</p>{_draw(widget)}</div>')


def _draw(widget: w.Widget) -> str:
    layout = getattr(widget, "layout", None)
    if isinstance(layout, w.Layout) and (layout.display == "none" or layout.visibility == "hidden"):
        return ""
    for kind, draw in _DRAWERS:
        if isinstance(widget, kind):
            return draw(widget)
    return ""  # invisible parts (layouts, styles) and anything we cannot picture


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _name(widget) -> str:
    """What a screen reader announces for a control: its description, else its placeholder."""
    label = getattr(widget, "description", "") or getattr(widget, "placeholder", "")
    return _e(label or widget.__class__.__name__)


def _labelled(widget, control: str) -> str:
    description = getattr(widget, "description", "")
    if description:
        return f'<label class="qs-control">{_e(description)} {control}</label>'
    return f'<span class="qs-control">{control}</span>'


def _box(widget: w.Box) -> str:
    row = isinstance(widget, w.HBox) or "row" in str(widget.layout.flex_flow or "")
    children = "".join(_draw(child) for child in widget.children)
    return f'<div class="qs-box {"qs-row" if row else "qs-column"}">{children}</div>'


def _tab(widget: w.Tab) -> str:
    shown = widget.selected_index or 0
    titles = "".join(f'<li{CURRENT if i == shown else ""}>{_e(title)}</li>'
                     for i, title in enumerate(widget.titles))
    body = _draw(widget.children[shown]) if widget.children else ""
    return f'<div class="qs-tabs"><ul class="qs-tab-titles">{titles}</ul>{body}</div>'


def _accordion(widget: w.Accordion) -> str:
    parts = []
    for i, (title, child) in enumerate(zip(widget.titles, widget.children, strict=False)):
        opened = " open" if i == widget.selected_index else ""
        parts.append(f"<details{opened}><summary>{_e(title)}</summary>{_draw(child)}</details>")
    return "".join(parts)


def _chosen(widget) -> set:
    label = widget.label
    return set(label) if isinstance(label, tuple) else {label}


def _dropdown(widget) -> str:
    chosen = _chosen(widget)
    options = "".join(f'<option{" selected" if label in chosen else ""}>{_e(label)}</option>'
                      for label in widget._options_labels)
    multiple = " multiple" if isinstance(widget, w.SelectMultiple) else ""
    control = f'<select disabled{multiple} aria-label="{_name(widget)}">{options}</select>'
    return _labelled(widget, control)


def _radio(widget) -> str:
    """Radio and toggle buttons: every option stays visible, as in the live widget."""
    chosen = _chosen(widget)
    options = "".join(
        f'<label><input type="radio" disabled{" checked" if label in chosen else ""}> '
        f"{_e(label)}</label>" for label in widget._options_labels
    )
    legend = f"<legend>{_e(widget.description)}</legend>" if widget.description else ""
    return f'<fieldset class="qs-choices" aria-label="{_name(widget)}">{legend}{options}</fieldset>'


def _text(widget) -> str:
    value = _e(widget.value)
    if isinstance(widget, w.Textarea):
        control = f'<textarea disabled rows="3" aria-label="{_name(widget)}">{value}</textarea>'
    else:
        control = f'<input type="text" disabled value="{value}" aria-label="{_name(widget)}">'
    return _labelled(widget, control)


def _number(widget) -> str:
    return _labelled(widget, f'<input type="number" disabled value="{_e(widget.value)}" '
                             f'aria-label="{_name(widget)}">')


def _checkbox(widget: w.Checkbox) -> str:
    checked = " checked" if widget.value else ""
    return _labelled(widget, f'<input type="checkbox" disabled{checked} '
                             f'aria-label="{_name(widget)}">')


def _button(widget) -> str:
    text = widget.description or widget.tooltip or "Button"
    return f'<button type="button" disabled>{_e(text)}</button>'


def _upload(widget: w.FileUpload) -> str:
    return f'<button type="button" disabled>{_e(widget.description or "Upload")}</button>'


def _chart(chart: Chart) -> str:
    if not chart.shown.data:  # a tool that draws only once it has data (e.g. the learner's own)
        return '<p class="qs-empty-chart">The chart appears here once the tool has data.</p>'
    return figure_html(chart.shown, f"qs-widget-chart-{next(_chart_ids)}")


_DRAWERS = [
    (Chart, _chart),
    ((w.HTML, w.HTMLMath), lambda x: f'<div class="qs-html">{x.value}</div>'),
    (w.Label, lambda x: f'<span class="qs-label">{_e(x.value)}</span>'),
    (w.Tab, _tab),
    (w.Accordion, _accordion),
    (w.Box, _box),
    ((w.Dropdown, w.Select, w.SelectMultiple), _dropdown),
    ((w.RadioButtons, w.ToggleButtons), _radio),
    ((w.Text, w.Textarea), _text),
    ((w.IntText, w.FloatText, w.BoundedIntText, w.BoundedFloatText, w.IntSlider, w.FloatSlider,
      NamedSlider), _number),
    (w.Checkbox, _checkbox),
    ((w.Button, w.ToggleButton), _button),
    (w.FileUpload, _upload),
]
