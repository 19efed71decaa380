"""SpreadMeasuresTool: is it spreading? Adoption, fidelity and reach of a spread programme."""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path

import ipywidgets as w

from qispread.models.project import example_project
from qispread.models.spread_measures import DELIVERY, SpreadMeasures, load_spread_measures
from qispread.models.spread_measures_text import (
    components_text,
    from_text,
    months_text,
    reach_text,
    sites_text,
)
from qispread.plots.spread_measures import adoption_figure, fidelity_figure, reach_figure
from qispread.widgets.common import (
    INTRO_STYLE,
    MessageArea,
    guarded,
    open_saved,
    resolve_path,
)
from qispread.widgets.figures import Chart
from qispread.widgets.saving import save_on_creation

_WIDE = w.Layout(width="95%")
# the drop-downs show the short words the fidelity chart's cells show, which fit a column whole
_RATINGS = [(key or "not known", key) for key in DELIVERY]
_COLUMN = "9.5em"
_SITE_COLUMN = w.Layout(width="9em", min_width="9em")


def _grid_line(cells: list[w.Widget]) -> w.HBox:
    """A line of the fidelity grid, as wide as its cells: the grid around it scrolls, not each
    line on its own (a line scrolled alone leaves its drop-downs under the wrong headings)."""
    return w.HBox(cells, layout=w.Layout(width="max-content", overflow="visible"))


class SpreadMeasuresTool(w.VBox):
    """Type the sites, components and groups; rate fidelity by clicking; see the three charts."""

    def __init__(self, path: str | Path = "my_spread_measures.json",
                 example: bool = False) -> None:
        self.path = resolve_path(path)
        self.messages = MessageArea()
        saved = open_saved(self.path, load_spread_measures, self.messages)
        if saved is None and example:
            saved = load_spread_measures(example_project().path("spread_measures"))
        self.model = saved or SpreadMeasures()
        self.innovation = w.Text(description="The change", layout=w.Layout(width="40em"),
                                 placeholder="e.g. One-hour sepsis screening",
                                 style={"description_width": "6em"})
        self.months = w.Text(description="Months", layout=_WIDE,
                             placeholder="e.g. Apr 2024, May 2024, Jun 2024",
                             style={"description_width": "6em"})
        self.sites = w.Textarea(layout=w.Layout(width="95%", height="12em"),
                                placeholder="Riverside | Apr 2024 | 62, 70, 78")
        self.components = w.Textarea(layout=w.Layout(width="95%", height="9em"),
                                     placeholder="core: Screening prompt at triage\n"
                                                 "periphery: Paper or electronic form")
        self.reach = w.Textarea(layout=w.Layout(width="95%", height="8em"),
                                placeholder="1 most deprived | 1240 | 682")
        self.update = w.Button(description="Save and draw", button_style="primary",
                               icon="check")
        self.update.on_click(lambda _b: self.apply())
        self.reading = w.HTML()
        # many components: the grid scrolls sideways as one, its heading over its columns
        self.grid = w.VBox(layout=w.Layout(overflow="auto", width="100%"))
        self.adoption_chart = Chart()
        self.fidelity_chart = Chart()
        self.reach_chart = Chart()
        self._show_text()
        header = w.HTML(
            "<h3 style='margin:0'>Is it spreading? Adoption, fidelity and reach</h3>"
            f"<p style='{INTRO_STYLE}'>One line a site: <i>name | month signed up | uptake "
            "each month (%)</i>. One line a component, starting <i>core:</i> or "
            "<i>periphery:</i>. One line a group: <i>group | eligible | reached</i>. Then "
            "press <b>Save and draw</b> and rate each site's delivery of each component.</p>")
        label = lambda text: w.HTML(f"<b>{html.escape(text)}</b>")  # noqa: E731
        super().__init__([
            header, self.innovation, self.months, label("Sites"), self.sites,
            label("Components of the change"), self.components,
            label("Reach: groups of eligible people"), self.reach, self.update, self.messages,
            self.reading, self.adoption_chart,
            label("Fidelity: how each site delivers each component"),
            self.grid, self.fidelity_chart, self.reach_chart],
            layout=w.Layout(padding="6px 10px", border="1px solid #ccc"))
        self._redraw()
        save_on_creation(self.path, self.save, self.messages)

    def _show_text(self) -> None:
        self.innovation.value = self.model.innovation
        self.months.value = months_text(self.model)
        self.sites.value = sites_text(self.model)
        self.components.value = components_text(self.model)
        self.reach.value = reach_text(self.model)

    def apply(self) -> bool:
        """Read the typed text; on a problem, say so and keep both the text and the saved file."""
        def action() -> None:
            self.model = from_text(self.model, self.innovation.value, self.months.value,
                                   self.sites.value, self.components.value, self.reach.value)
            self.save()
        done = guarded(self.messages, action)
        if done:
            self.messages.show(f"saved to {self.path.name}.", "ok")
            self._redraw()
        return done

    def _rated(self, site: str, component: str, rating: str) -> None:
        fidelity = {k: dict(v) for k, v in self.model.fidelity.items()}
        fidelity.setdefault(site, {})[component] = rating
        self.model = replace(self.model, fidelity=fidelity)
        if guarded(self.messages, self.save):
            self._redraw(grid=False)

    def _redraw(self, grid: bool = True) -> None:
        self.reading.value = (f"<p style='{INTRO_STYLE}'>{html.escape(self.model.explain())}"
                              "</p>")
        if grid:
            head = [w.HTML("", layout=_SITE_COLUMN)] + [
                w.HTML(f"<div style='line-height:1.3;font-size:smaller'>"
                       f"{'<b>core</b>' if c.core else 'periphery'}: {html.escape(c.name)}</div>",
                       layout=w.Layout(width=_COLUMN, min_width=_COLUMN))
                for c in self.model.components]
            self.grid.children = [_grid_line(head), *(self._grid_row(site.name)
                                                   for site in self.model.sites)]
        for chart, build in ((self.adoption_chart, adoption_figure),
                             (self.fidelity_chart, fidelity_figure),
                             (self.reach_chart, reach_figure)):
            if self.model.sites:
                chart.draw(build(self.model))
            else:  # the reading says what to add; an empty chart would only be blank axes
                chart.clear()

    def _grid_row(self, site: str) -> w.HBox:
        boxes: list[w.Widget] = [w.HTML(f"<b>{html.escape(site)}</b>", layout=_SITE_COLUMN)]
        for component in self.model.components:
            box = w.Dropdown(options=_RATINGS, value=self.model.rating(site, component.name),
                             description_allow_html=False,
                             tooltip=f"{site}: {component.name}",
                             layout=w.Layout(width=_COLUMN, min_width=_COLUMN))
            box.observe(lambda change, s=site, c=component.name:
                        self._rated(s, c, change["new"]), names="value")
            boxes.append(box)
        return _grid_line(boxes)

    def save(self) -> None:
        self.model.save(self.path)
