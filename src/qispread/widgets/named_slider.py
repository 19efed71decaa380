"""A slider a screen reader can name and a keyboard can move.

ipywidgets' IntSlider draws a `div role="slider"` whose description is a separate label, so it has
no accessible name (axe-core, WCAG 2.1: aria-input-field-name, serious). This one is the browser's
own `<input type="range">` inside its `<label>`: Tab reaches it, the arrow keys, Home and End move
it, and the label names it. The value reaches Python when the learner lets go (as
`continuous_update=False` does); the number beside it follows at once.

Python never changes it once it is drawn, and must not: anywidget gives a model 2 s to start and,
on a machine too busy for that, draws it but passes it no more messages from Python.
"""

from __future__ import annotations

import anywidget
import traitlets

_SLIDER_JS = """
export default {
  render({ model, el }) {
    const label = document.createElement("label");
    label.className = "qs-named-slider";
    label.style.cssText = "display: flex; align-items: center; gap: 8px; margin: 2px 0";
    const name = document.createElement("span");
    name.style.cssText = `width: ${model.get("label_width")}; text-align: right; flex: none`;
    const slider = document.createElement("input");
    slider.type = "range";
    slider.step = "1";
    slider.style.cssText = "flex: 1; max-width: 28em";
    const readout = document.createElement("output");
    readout.style.cssText = "min-width: 3em";
    label.append(name, slider, readout);
    el.append(label);
    const show = () => {
      name.textContent = model.get("description");
      slider.min = model.get("min");
      slider.max = model.get("max");
      slider.value = model.get("value");
      readout.textContent = slider.value;
    };
    // JupyterLab's notebook cancels the arrow keys on their way up (they move between cells):
    // kept here, they move the slider, as they do anywhere else
    slider.addEventListener("keydown", (event) => {
      if (/^(Arrow|Page)/.test(event.key)) event.stopPropagation();
    });
    slider.addEventListener("input", () => { readout.textContent = slider.value; });
    slider.addEventListener("change", () => {
      model.set("value", Number(slider.value));
      model.save_changes();
    });
    model.on("change", show);
    show();
    return () => model.off("change", show);
  },
};
"""


class NamedSlider(anywidget.AnyWidget):
    """A whole-number slider named by its visible description."""

    _esm = traitlets.Unicode(_SLIDER_JS).tag(sync=True)
    value = traitlets.Int(0).tag(sync=True)
    min = traitlets.Int(0).tag(sync=True)
    max = traitlets.Int(100).tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)
    label_width = traitlets.Unicode("15em").tag(sync=True)

    @traitlets.validate("value")
    def _within_range(self, proposal: traitlets.Bunch) -> int:
        return max(self.min, min(self.max, int(proposal["value"])))
