"""Learner output is inert wherever a person views it: a submission whose code displays scripts,
`<img onerror>`, `javascript:` links, SVG with scripts, JavaScript and widget views, and whose
markdown holds the same, is graded in the sandbox; then its feedback page, the page formgrader
renders for it (nbconvert's HTMLExporter as formgrader configures it from the course's
nbgrader_config.py) and the cohort report are opened in chromium. Nothing of the learner's runs
(the scripts would change the page's title, set a global or request a URL) and honest content
(a table, text, markdown emphasis) still shows."""

from __future__ import annotations

import textwrap
from pathlib import Path

import nbformat
import pytest
from course_notebooks import release_notebooks
from sample_course import SAMPLE, WRONG, answered, make_course, submit

from qispread.cli_cohort import main
from qispread.grading.course import Course

pytestmark = pytest.mark.browser

LEAK = "http://127.0.0.1:9/leak"
HOSTILE_CODE = textwrap.dedent(f"""
    from IPython.display import HTML, SVG, Javascript, Markdown, display
    display(HTML("<script>document.title='pwned-script'; window.pwned = 1;"
                 "new Image().src = '{LEAK}-script'</script>"))
    display(HTML("<img src='{LEAK}-img' onerror=\\"document.title='pwned-img'\\">"))
    display(HTML("<a id='jslink' href=\\"javascript:document.title='pwned-link'\\">click me</a>"))
    display(SVG("<svg xmlns='http://www.w3.org/2000/svg' onload=\\"document.title='pwned-svg'\\">"
                "<script>window.pwned = 3</script><circle r='5'/></svg>"))
    display(Javascript("document.title = 'pwned-js'; window.pwned = 4"))
    display(Markdown("[md link](javascript:document.title='pwned-mdout') "
                     "<img src=x onerror=\\"document.title='pwned-mdimg'\\">"))
    display({{"text/html": "<iframe src=\\"javascript:parent.document.title='pwned-frame'\\">"
                          "</iframe><style>body {{ background: url({LEAK}-css) }}</style>",
             "application/vnd.jupyter.widget-view+json": {{"model_id": "x",
                                                         "version_major": 2,
                                                         "version_minor": 0}}}}, raw=True)
    """).strip()
HONEST_CODE = ('import pandas as pd\nprint("<b>printed, not bold</b>")\n'
               'pd.DataFrame({"ward": ["A", "B"], "falls": [3, 5]})')
HOSTILE_MARKDOWN = ("**My reflection** on falls. <img src=x onerror=\"document.title='pwned-md'\">"
                    " [a link](javascript:document.title='pwned-mdlink') "
                    "<script>window.pwned = 2</script>")
HOSTILE_ANSWER = ("answer_median_odd = \"<img src=x onerror=document.title='pwned-report'>\"\n"
                  "answer_median_even = \"<script>document.title='pwned-report2'</script>\"")
WIDGET_STATE = {"application/vnd.jupyter.widget-state+json": {
    "version_major": 2, "version_minor": 0, "state": {"x": {
        "model_name": "HTMLModel", "model_module": "@jupyter-widgets/controls",
        "model_module_version": "2.0.0",
        "state": {"value": "<img src=x onerror=\"document.title='pwned-widget'\">"}}}}}


def _hostile_notebook(release) -> nbformat.NotebookNode:
    nb = answered(release, HOSTILE_ANSWER)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "reflection":
            cell.source = HOSTILE_MARKDOWN
    tagged = nbformat.v4.new_code_cell(HONEST_CODE)
    tagged.metadata["tags"] = ["x\" onmouseover=\"document.title='pwned-tag'\" data-x=\""]
    nb.cells += [nbformat.v4.new_code_cell(HOSTILE_CODE), tagged,
                 nbformat.v4.new_markdown_cell(HOSTILE_MARKDOWN)]
    nb.metadata["widgets"] = WIDGET_STATE
    return nb


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("inert")
    root = make_course(base / "course")
    common = ["--root", str(root)]
    assert main(["cohort", "release", SAMPLE, *common]) == 0
    course = Course(root)
    release = release_notebooks(course, SAMPLE)["medians.ipynb"]
    for student, nb in (("ana", _hostile_notebook(release)), ("ben", answered(release, WRONG))):
        folder = submit(root, student, SAMPLE, {"medians.ipynb": nb})
        (folder / "submission_secret.txt").write_text(f"secret-{student}")
    assert main(["cohort", "autograde", SAMPLE, "--jobs", "2", *common]) == 0
    assert main(["cohort", "feedback", SAMPLE, "--no-release", *common]) == 0
    report = base / "report.html"
    assert main(["cohort", "report", "--output", str(report), *common]) == 0
    formgrade = base / "formgrade.html"
    formgrade.write_text(_as_formgrader_renders(course, "ana"), encoding="utf-8")
    return {"feedback": root / "gradebook" / "feedback" / "ana" / SAMPLE / "medians.html",
            "formgrader": formgrade, "report": report}


def _as_formgrader_renders(course: Course, student: str) -> str:
    """nbgrader's formgrader: HTMLExporter(config=the course's nbgrader config plus its
    formgrade template), from_filename(the autograded notebook) (server_extensions/formgrader/
    formgrader.py and handlers.py, nbgrader 0.9.6)."""
    from nbconvert.exporters import HTMLExporter
    from nbgrader.server_extensions.formgrader import handlers
    from traitlets.config import Config

    config = Config(course.config)
    config.HTMLExporter.template_name = "formgrade"
    config.HTMLExporter.extra_template_basedirs = [handlers.template_path]
    notebook = course.folder("autograded", student, SAMPLE) / "medians.ipynb"
    resources = {"assignment_id": SAMPLE, "notebook_id": "medians", "submission_id": "1",
                 "index": 0, "total": 2, "base_url": "", "student": student,
                 "last_name": "Okafor", "first_name": "Ana", "notebook_path": str(notebook)}
    html, _ = HTMLExporter(config=config).from_filename(str(notebook), resources=resources)
    return html


def _open(browser, path: Path):
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_timeout(1500)  # onerror, onload and timers have had their chance
    return page, requested


ACTIVE = """() => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
    .filter(a => a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value))
    .filter(a => a.value.includes('pwned')).map(a => e.tagName + ' ' + a.name))"""


@pytest.mark.parametrize("view", ["feedback", "formgrader", "report"])
def test_no_learner_script_runs(browser, pages, view):
    page, requested = _open(browser, pages[view])
    try:
        for link in page.locator("a", has_text="link").all() + page.locator(
                "a", has_text="click me").all():
            link.click(no_wait_after=True)
        page.mouse.move(5, 5)
        page.wait_for_timeout(300)
        assert not page.title().startswith("pwned"), page.title()
        assert page.evaluate("() => window.pwned") is None
        assert page.evaluate(ACTIVE) == []
        assert [url for url in requested if url.startswith(LEAK)] == []
        assert "widget-state" not in pages[view].read_text(encoding="utf-8")
    finally:
        page.close()


@pytest.mark.parametrize("view", ["feedback", "formgrader"])
def test_honest_output_still_shows(browser, pages, view):
    page, _ = _open(browser, pages[view])
    try:
        cells = page.locator("table td, table th").all_inner_texts()
        assert {"ward", "falls", "A", "B", "3", "5"} <= {c.strip() for c in cells}
        assert page.get_by_text("<b>printed, not bold</b>").count() >= 1
        assert page.locator("strong", has_text="My reflection").count() >= 1
        assert page.get_by_text("(interactive output, not shown here)").count() >= 1
    finally:
        page.close()


def test_report_shows_the_hostile_answer_as_text_and_its_charts(browser, pages):
    page, _ = _open(browser, pages["report"])
    try:
        text = page.inner_text("body").upper()  # item analysis shows typed answers in capitals
        assert "ONERROR=DOCUMENT.TITLE='PWNED-REPORT'>" in text  # shown as text, not run
        assert "<SCRIPT>DOCUMENT.TITLE='PWNED-REPORT2'</SCRIPT>" in text
        assert page.locator(".main-svg").count() >= 3  # the three plotly charts drew
    finally:
        page.close()


def test_report_runs_only_its_own_scripts(browser, pages, monkeypatch, tmp_path):
    """Should learner text ever reach the report unescaped, its content policy stops it running
    while the report's own charts still draw."""
    from qispread.grading.reports import report

    sections = report.sections

    def with_slip(*args):
        return [*sections(*args), ("Slipped through", "<img src=x onerror=\"document.title="
                                   "'pwned-slip'\"><script>window.pwned = 5</script>")]

    monkeypatch.setattr(report, "sections", with_slip)
    path = report.write_report(Course(pages["report"].parent / "course"), tmp_path / "r.html")
    page, _ = _open(browser, path)
    try:
        assert not page.title().startswith("pwned"), page.title()
        assert page.evaluate("() => window.pwned") is None
        assert page.locator(".main-svg").count() >= 3
    finally:
        page.close()
