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


class CourseMap(w.VBox):
    """Click a module's title to see its learning outcomes."""

    def __init__(self) -> None:
        self.accordion = w.Accordion(
            children=[w.HTML(_module_html(m)) for m in MODULES],
            titles=tuple(f"{m.number:02d}  {m.title}" for m in MODULES),
        )
        heading = w.HTML("<h3 style='margin:0'>Course map: twelve modules</h3>")
        super().__init__([heading, self.accordion])
