"""SpreadPlanBuilder: the learner's project, checked and turned into a spread plan (module 11).

    SpreadPlanBuilder()     # in the module 11 assignment folder

It keeps a copy of the project in my_spread_plan/project/ beside the notebook (made when the tool
opens, if there is none yet), so the project is submitted with the assignment and graded code reads
it from there. "Make my spread plan" writes my_spread_plan/spread_plan.html and .pdf; while a part
is not complete, the plan is marked DRAFT and the builder names the parts still to do.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import ipywidgets as w

from qispread.models.project import Project, start_from_example
from qispread.models.project_checks import all_problems
from qispread.spread_plan.document import PdfProblem, print_pdf, write_html
from qispread.spread_plan.draft import draft_reasons
from qispread.widgets.common import LINE_HEIGHT, MessageArea, guarded

PLAN_FOLDER = "my_spread_plan"
COPY_FOLDER = f"{PLAN_FOLDER}/project"
CHECK_TITLES = {
    "aim": "The aim passes the aim checker, in your own words",
    "measures": "Every primary driver has a measure another site could collect the same way",
    "chart": "The chart has at least 12 points, and your reading agrees with its rules",
    "pdsa": "A PDSA ramp of cycles that build on each other",
    "readiness": "Every spread principle is rated",
    "spread_measures": "The plan names how spread will be measured: adoption, a core component, "
                       "a group reached",
}


def _checks_html(problems: dict[str, list[str]]) -> str:
    rows = []
    for key, title in CHECK_TITLES.items():
        found = problems[key]
        mark = "✔" if not found else "✘"
        detail = "" if not found else "<br><span style='color:#8a1c1c'>" + " ".join(
            escape(p) for p in found) + "</span>"
        rows.append(f"<li style='margin:4px 0'>{mark} {escape(title)}{detail}</li>")
    return ("<p style='font-size:15px;margin:6px 0 0'><b>Ready for the spread plan?</b></p>"
            f"<ul style='list-style:none;padding-left:0;font-size:15px'>{''.join(rows)}</ul>")


class SpreadPlanBuilder(w.VBox):
    """Check the project, copy it into the assignment, and make the spread plan."""

    def __init__(self, folder: str | Path = ".", project: Project | None = None) -> None:
        self.folder = Path(folder)
        self.source = project or Project.find(adopt_from=self.folder)
        self.copy = Project(self.folder / COPY_FOLDER)
        self.messages = MessageArea()
        self.status = w.HTML()
        self.author = w.Text(description="Your name", placeholder="as it should appear on the plan",
                             style={"description_width": "7em"}, layout=w.Layout(width="30em"))
        self.refresh_button = w.Button(description="Copy my project here again", icon="refresh",
                                       layout=w.Layout(width="auto"))
        self.example_button = w.Button(description="Fill empty parts from the example",
                                       icon="copy", layout=w.Layout(width="auto"))
        self.make_button = w.Button(description="Make my spread plan (HTML and PDF)",
                                    button_style="primary", icon="file",
                                    layout=w.Layout(width="auto"))
        self.refresh_button.on_click(lambda _b: self.copy_project())
        self.example_button.on_click(lambda _b: self.use_example_project())
        self.make_button.on_click(lambda _b: self.make())
        super().__init__([
            w.HTML("<h3 style='margin:0'>Your spread plan</h3>"), self.status,
            w.HBox([self.refresh_button, self.example_button]), self.author, self.make_button,
            self.messages], layout=w.Layout(padding="6px 10px", border="1px solid #ccc"))
        if not self.copy.folder.exists():  # save on creation; never overwrite a submitted copy
            self.copy_project(quiet=True)
        self.show_status()

    def copy_project(self, quiet: bool = False) -> None:
        """Copy the learner's project (my_project/) into this folder, replacing the old copy."""
        def action() -> None:
            self.source.copy_to(self.copy.folder)
        if guarded(self.messages, action) and not quiet:
            self.messages.show(f"copied your project from {self.source.folder}.", "ok")
        self.show_status()

    def use_example_project(self) -> None:
        """Fill the empty parts of the copy here from the example project."""
        self.copy.folder.mkdir(parents=True, exist_ok=True)
        filled = start_from_example(self.copy)
        names = (", ".join(p.title for p in filled)
                 or "nothing (every part already holds your own work)")
        self.messages.show(f"filled from the example: {names}. Now make the aim and the reading "
                           "of the chart your own.", "ok")
        self.show_status()

    def make(self) -> Path | None:
        """Write the spread plan as HTML, then print it to PDF; returns the HTML file."""
        made: list[Path] = []
        if not guarded(self.messages, lambda: made.append(
                write_html(self.copy, self.folder / PLAN_FOLDER, self.author.value))):
            return None
        reasons = draft_reasons(self.copy)
        draft = " DRAFT" if reasons else ""
        try:
            pdf = print_pdf(made[0])
        except PdfProblem as err:
            self.messages.show(f"the{draft} HTML is saved in {made[0]}. {err} "
                               + " ".join(reasons), "warning")
            return made[0]
        where = (f"your spread plan is in {PLAN_FOLDER}/{made[0].name} and "
                 f"{PLAN_FOLDER}/{pdf.name}. Open the HTML in your browser (right-click it in the "
                 "file browser, Open in New Browser Tab) to read it")
        if reasons:
            self.messages.show(f"{where}. It is marked DRAFT on every page, because some parts "
                               f"are not complete yet. {' '.join(reasons)} Finish them (the "
                               "checks above say what each needs), copy your project here again "
                               "and make the plan again before you send it to your sponsor.",
                               "warning")
        else:
            self.messages.show(f"{where}; send either file to your sponsor.", "ok")
        return made[0]

    def show_status(self) -> None:
        where = (f"<p style='font-size:15px;margin:0;{LINE_HEIGHT}'>Your project: <code>"
                 f"{escape(str(self.source.folder))}</code>. Copy submitted with this assignment: "
                 f"<code>{escape(COPY_FOLDER)}/</code>.</p>")
        reasons = draft_reasons(self.copy)
        draft = (f"<p style='font-size:15px;margin:6px 0 0;color:#8a1c1c;{LINE_HEIGHT}'><b>Your "
                 "plan will be marked DRAFT until every part is complete.</b> "
                 f"{escape(' '.join(reasons))}</p>") if reasons else ""
        self.status.value = where + draft + _checks_html(all_problems(self.copy))
