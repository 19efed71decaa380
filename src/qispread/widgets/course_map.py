"""The course map shown in module 00: every module, what it teaches, and which tool it uses."""

from html import escape

import ipywidgets as w

from qispread.curriculum import MODULES, Module


def _module_html(item: Module) -> str:
    outcomes = "".join(f"<li>{escape(o)}</li>" for o in item.outcomes)
    return (
        f"<p><b>After this module you can:</b></p><ul>{outcomes}</ul>"
        f"<p><b>Time:</b> {escape(item.duration)}<br>"
        f"<b>Tool you will use:</b> {escape(item.widget)}<br>"
        f"<b>Lesson:</b> course/{item.folder} &nbsp; <b>Assignment:</b> exercises/{item.folder}</p>"
    )


def _title(item: Module) -> str:
    return f"{item.number:02d}  {item.title}"


class CourseMap(w.VBox):
    """Click a module's title, or Tab to it and press Enter, to see its learning outcomes.

    Each module is the browser's own <details>: ipywidgets' Accordion titles cannot be reached
    with Tab, so a keyboard user could not open them."""

    def __init__(self) -> None:
        self.modules = [
            w.HTML(f"<details style='border-bottom:1px solid #ccc;padding:4px 0'>"
                   f"<summary style='cursor:pointer;font-weight:bold'>{escape(_title(m))}"
                   f"</summary><div style='padding:0 1em'>{_module_html(m)}</div></details>")
            for m in MODULES]
        heading = w.HTML("<h3 style='margin:0'>Course map: twelve modules</h3>")
        super().__init__([heading, *self.modules])
