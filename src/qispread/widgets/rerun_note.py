"""What a tool says once the kernel it ran in has restarted.

After Kernel ▸ Restart, ipywidgets keeps every tool on the page but cut off from Python: each part
of it shows a red broken-link icon, and anything typed into it is no longer saved. A page opened
afresh after the restart shows "Error displaying widget: model not found" in place of a tool. The
style sheet here replaces both with a plain note saying what to do, and stops a cut-off tool taking
input that would be lost.

JupyterLab loads no style sheet of ours, so the tools carry it: each tool displayed in a notebook
gets a hidden part holding the sheet (one copy anywhere on the page covers every tool on it). The
selectors are ipywidgets 8's: `jupyter-widgets-disconnected` is the class it gives a view whose
kernel has gone, and `jupyter-widgets` on an output itself marks the text it shows when a tool's
model is missing.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # ipywidgets is loaded by the tools, not by `import qispread.widgets`
    import ipywidgets as w

RERUN_NOTE = ("Python has restarted, so this tool has stopped. To use it again, click in its cell "
              "and press Shift+Enter: what you saved comes back.")

_NOTE_LOOK = (
    f'content: "{RERUN_NOTE}"; display: block; align-self: stretch; margin: 0 0 6px;'
    " padding: 6px 10px; border-radius: 4px; color: #7a4b00; background: #fff4e0;"
    " font: normal 600 var(--jp-content-font-size1, 14px)/1.45"
    " var(--jp-content-font-family, sans-serif); white-space: normal;"
)
_TOOL = ".jp-OutputArea-output > .jupyter-widgets-disconnected"
_MISSING = ".jp-OutputArea-output.lm-Panel.jupyter-widgets"

RERUN_STYLE = (
    "<style>"
    f"{_TOOL}::before {{{_NOTE_LOOK}}}"
    f"{_TOOL} .jupyter-widgets-disconnected::before {{content: none; display: none;}}"
    f"{_TOOL} > * {{opacity: 0.55; pointer-events: none;}}"
    f"{_MISSING} {{font-size: 0;}}"
    f"{_MISSING}::after {{{_NOTE_LOOK}}}"
    "</style>"
)


def carried(tool: w.Box) -> w.Box:
    """The tool, holding the style sheet in a last part that takes no room on the page."""
    import ipywidgets as w

    if not any(getattr(part, "value", None) == RERUN_STYLE for part in tool.children):
        tool.children = (*tool.children, w.HTML(RERUN_STYLE, layout=w.Layout(display="none")))
    return tool


def _bundle(tool: w.Box) -> dict:
    return carried(tool)._repr_mimebundle_()


def carry_in_every_tool() -> None:
    """From now on, every box of widgets the notebook displays (each course tool is one) carries
    the style sheet. Outside IPython (scripts, tests, grading) there is nothing to display."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython else None
    if shell is not None:  # by name: ipywidgets need not be loaded yet
        shell.display_formatter.mimebundle_formatter.for_type_by_name(
            "ipywidgets.widgets.widget_box", "Box", _bundle)
