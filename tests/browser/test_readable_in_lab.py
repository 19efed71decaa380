"""The charts and tools a learner reads, in a real JupyterLab at its default width: nothing cut off,
no digit lost, no overlap. The cases are the cells of one notebook, run once for the module as a
lesson is. Each case keeps a screenshot in test-artifacts/browser/readable-*.png.

Run with QISPREAD_BEFORE=1 and PYTHONPATH pointing at an older src/ to take the "before" shots."""

import os

import nbformat
import pytest
from playwright.sync_api import expect

from browser.lab_actions import OWN_FOLDERS, open_widget, show_cell, wait_until_drawn

pytestmark = pytest.mark.browser


def show_file_browser(page) -> None:
    page.evaluate("() => window.jupyterapp.commands.execute('filebrowser:activate')")
    page.locator(".jp-FileBrowser").first.wait_for(state="visible")
    page.evaluate("() => new Promise(r => setTimeout(r, 300))")  # the notebook re-lays out
BEFORE = bool(os.environ.get("QISPREAD_BEFORE"))
SUFFIX = "-before" if BEFORE else ""

FALLS = """
from qispread import data
falls = data.load("falls")
falls["falls_per_1000_bed_days"] = 1000 * falls["falls"] / falls["occupied_bed_days"]
"""
SEPSIS_LOG = """
import json, pathlib
from qispread import data
from qispread.models.pdsa import CycleLog
log = CycleLog.from_dict(json.loads(pathlib.Path({path!r}).read_text()))
log.save("pdsa.json")
"""

CASES = {
    "explorer": FALLS + """
from qispread.models.chart_spec import ChartSpec, table_to_csv
ChartSpec(own_data_csv=table_to_csv(falls[["period", "falls_per_1000_bed_days"]]),
          own_data_name="falls", x="period", y="falls_per_1000_bed_days").save("explorer.json")
from qispread.widgets.chart_explorer import ChartExplorer
ChartExplorer("explorer.json")
""",
    "example": """
import shutil
from qispread.models.project import example_project
shutil.copy(example_project().path("chart"), "example_chart.json")
from qispread.widgets.chart_explorer import ChartExplorer
ChartExplorer("example_chart.json")
""",
    "chooser": "from qispread.widgets.chart_chooser import ChartChooser\nChartChooser()",
    "phases": FALLS + """
from qispread.spc import qic
from qispread.plots.qic_figure import qic_figure
qic_figure(qic(x="period", y="falls_per_1000_bed_days", data=falls, chart="i", part=[19]),
           title="Falls per 1,000 bed days, before and after the bundle", xlab="Month",
           ylab="Falls per 1,000 bed days")
""",
    "readiness": """
from qispread.models.readiness import ReadinessRecord
record = ReadinessRecord()
assessment = record.add("Ward 7, March 2025")
for key, score in {"complexity": 3, "leadership": 4, "benefit": 5, "learning": 2}.items():
    assessment.set_score(key, score)
record.save("readiness.json")
from qispread.widgets.spread_readiness import SpreadReadiness
SpreadReadiness("readiness.json")
""",
    "diagram": """
from qispread.models import load_diagram
from qispread.plots import driver_diagram_figure
driver_diagram_figure(load_diagram("../course/03_driver_diagrams/falls_driver_diagram.json"))
""",
    "stratified": """
from qispread import data, qic, qic_figure
from qispread.models.rates import with_total_group
stratified = with_total_group(data.load("sepsis_screening_by_deprivation"), group="group",
                              keys=["week", "week_starting"],
                              sums=["eligible", "screened_within_1h"], label="whole hospital")
qic_figure(qic(x="week_starting", y="screened_within_1h", n="eligible", data=stratified,
               chart="run", multiply=100, facets="group"),
           title="Adults screened for sepsis within one hour, by deprivation group (synthetic)",
           ylab="% of eligible adults screened")
""",
    "fidelity": """
from qispread.models.spread_measures import Component, Site, SpreadMeasures
from qispread.plots.spread_measures import fidelity_figure
parts = ["Blood cultures before antibiotics", "Intravenous antibiotics within one hour",
         "Lactate measured", "Anticoagulation reviewed", "Urine output monitored",
         "Oxygen to target saturations", "Senior review within thirty minutes"]
components = [Component(p) for p in parts] + [
    Component("Paper or electronic screening form", core=False),
    Component("Who starts the screen", core=False)]
sites = tuple(Site(name, 0, (50, 60)) for name in ("Riverside", "Hilltop", "Northgate"))
fidelity_figure(SpreadMeasures(months=("Jan 2025", "Feb 2025"), sites=sites,
                               components=tuple(components),
                               fidelity={"Hilltop": {"Lactate measured": "not delivered"},
                                         "Riverside": {"Anticoagulation reviewed": "adapted"}}))
""",
    "crowded": """
from qispread.models.stakeholders import Stakeholder, StakeholderMap
from qispread.plots.stakeholder_grid import stakeholder_grid_figure
board = ["Director of nursing", "Medical director", "Head of patient safety", "Finance lead",
         "Chief operating officer and deputy chief executive"]
stakeholder_grid_figure(StakeholderMap(tuple(
    [Stakeholder(name, "staff", influence=4, interest=4) for name in board]
    + [Stakeholder("Ward manager", "staff", influence=3, interest=4),
       Stakeholder("Patients with sepsis", "public", influence=1, interest=4),
       Stakeholder("Carers", "public", influence=1, interest=4)])))
""",
    "measures_reach": """
from qispread.models.spread_measures import ReachGroup, SpreadMeasures
from qispread.plots.spread_measures import reach_figure
reach_figure(SpreadMeasures(reach=tuple(
    ReachGroup(f"Patients of practice {i} registered in the last year", 1000, 100 * i)
    for i in range(11)) + (ReachGroup("Carers", 12345, 12345), ReachGroup("Nobody yet", 0, 0))))
""",
    "fishbone": """
from qispread.models.fishbone import Cause, Fishbone
from qispread.plots.fishbone import fishbone_figure
causes = ["Agency staff unsure of the sepsis pathway", "No time to screen at the busiest hours",
          "Doctor has to prescribe before a nurse can give the first dose",
          "Screening tool kept at the desk", "Handover misses who is still to be screened",
          "Antibiotics not stocked on the assessment unit"]
fishbone_figure(Fishbone(
    "Adults with suspected sepsis wait more than an hour for antibiotics",
    {name: [Cause(text, likely=i == 2) for i, text in enumerate(causes)]
     for name in ("People", "Methods", "Equipment", "Environment", "Materials")}
    | {"Measurement": []}))
""",
    "process_map": """
from qispread.models.process_map import ProcessMap, Step
from qispread.plots.process_map import process_map_figure
lanes = ["Patient", "Triage nurse", "Emergency department doctor", "Pharmacy",
         "Radiology department", "Porter", "Bed manager"]
kinds = ["value", "wait", "handoff", "check", "rework"]
process_map_figure(ProcessMap(
    "From arrival at the front door of the emergency department to a bed on the ward",
    [Step(f"Step {i}: a step that takes a while to describe", lanes[3 * i % 7], kinds[i % 5], i)
     for i in range(10)]))
""",
    "adoption": """
from qispread.models.spread_measures import Site, SpreadMeasures
from qispread.plots.spread_measures import adoption_figure
months = tuple(f"{m} 2025" for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                                     "Sep", "Oct", "Nov", "Dec"))
adoption_figure(SpreadMeasures(months=months, sites=tuple(
    Site(f"Practice {i} in the north", i % 6, tuple(min(100, 9 * k + 5 * i % 17)
                                                    for k in range(12 - i % 6)))
    for i in range(14))))
""",
    "long_title": FALLS + """
from qispread.spc import qic
from qispread.plots.qic_figure import qic_figure
qic_figure(qic(x="period", y="falls_per_1000_bed_days", data=falls, chart="i"),
           title="Falls per 1,000 occupied bed days on the older people's wards at Hilltop "
                 "Hospital, month by month (synthetic)",
           ylab="Falls per 1,000 occupied bed days on the older people's wards")
""",
    "long_title_mdc": FALLS + """
from qispread.spc import ptd
from qispread.plots.ptd_figure import ptd_figure
ptd_figure(ptd(falls, y="falls_per_1000_bed_days", x="period"),
           title="Falls per 1,000 occupied bed days on the older people's wards at Hilltop "
                 "Hospital, month by month (synthetic)")
""",
    "mdc_panels": """
import pandas as pd
from qispread.spc import ptd
from qispread.plots.ptd_figure import ptd_figure
wards = ["Riverside", "Hilltop", "Northgate", "Eastfield"]
months = pd.date_range("2024-01-01", periods=24, freq="MS")
falls = pd.DataFrame({"month": list(months) * 4, "ward": [w for w in wards for _ in months],
                      "falls": [(7 * i + 3 * w) % 11 + 6 for w in range(4) for i in range(24)]})
ptd_figure(ptd(falls, y="falls", x="month", facet="ward"), title="Falls on four wards",
           ylab="Falls")
""",
    "reach": """
from qispread.plots.spread_sim import reach_figure
reach_figure({"unit": 0, "organisation": 0, "beyond": 100})
""",
    "credit": """
from qispread import data
from qispread.widgets.lesson_chart import source_note
source_note("falls")
""",
    "summary": FALLS + ("""
from qispread.spc import qic
chart = qic(x="period", y="falls_per_1000_bed_days", data=falls, chart="run")
for sentence in chart.explain():
    print("•", sentence)
chart.summary()[["n_obs", "n_useful", "cl", "longest_run", "runs_signal"]]
""" if BEFORE else """
from qispread.spc import qic
from qispread.widgets.reading import explanation, summary_table
chart = qic(x="period", y="falls_per_1000_bed_days", data=falls, chart="run")
display(explanation(chart))
summary_table(chart, ["n_obs", "n_useful", "cl", "longest_run", "runs_signal"])
"""),
}


def lesson_cell(root, notebook: str, first_line: str) -> str:
    """The source of the lesson's cell that starts with first_line, run in the lesson's folder
    after the imports of the cells before it: what a learner sees, not a copy of it."""
    cells = nbformat.read(root / "course" / notebook, as_version=4).cells
    code = [c.source for c in cells if c.cell_type == "code"]
    index = next(i for i, source in enumerate(code) if source.startswith(first_line))
    imports = [line for source in code[:index] for line in source.splitlines()
               if line.startswith(("from ", "import "))]
    folder = str(root / "course" / notebook.split("/")[0])
    return "\n".join([f"import os\nos.chdir({folder!r})", *imports, code[index]])


LESSON_CELLS = {  # the check's advice and a table of run counts, as lessons 03 and 05 show them
    "draft_check": ("03_driver_diagrams/driver_diagrams.ipynb", "# Opens a draft diagram"),
    "made_up": ("05_run_charts/run_charts.ipynb", "# Reads a made-up series"),
}


def _pdsa_case(root):
    path = root / "course" / "07_pdsa" / "sepsis_team_pdsa.json"
    if not path.exists():  # the "before" course has no file: write the same cycles
        from pipeline.notebooks import ROOT
        path = ROOT / "course" / "07_pdsa" / "sepsis_team_pdsa.json"
    return SEPSIS_LOG.format(path=str(path)) + """
from qispread.widgets.pdsa_log import PDSALog
PDSALog("pdsa.json", measure=data.load("sepsis_screening"), x="week_starting",
        y="screened_within_1h", n="eligible", chart="run", multiply=100, freeze=17,
        ylab="% screened within 1 hour", xlab="Week starting")
"""


# bar charts: figures each must show, whole and inside the chart
BAR_TEXTS = {"reach": {"100 of 100 runs (100%)"},
             "measures_reach": {"100% (12,345 of 12,345)", "no one eligible"}}


def expect_chart_fills_the_cell(panel) -> None:
    """The chart (its first plotly plot) is at least 90% as wide as the cell's output area."""
    widths = """plot => [plot.querySelector("svg.main-svg")?.getBoundingClientRect().width ?? 0,
                         plot.closest(".jp-OutputArea-output").getBoundingClientRect().width]"""
    chart = panel.locator(".js-plotly-plot").first
    for _ in range(50):  # plotly redraws at the new width within moments
        chart_width, cell_width = chart.evaluate(widths)
        if chart_width >= 0.9 * cell_width:
            return
        panel.page.wait_for_timeout(200)
    raise AssertionError(f"the chart is {chart_width:.0f} px wide in a {cell_width:.0f} px cell")


def expect_nothing_overlaps(plot) -> None:
    """No two of the chart's texts (title, panel titles, axis titles, tick labels, legend) cover
    each other, and none sticks out of the chart, at its sides or top."""
    boxes = plot.evaluate("""p => {
        const outer = p.getBoundingClientRect();
        const kinds = ".gtitle, .annotation-text, .g-ytitle text, .xtick text, .ytick text, "
            + ".heatmaplayer text, .textpoint text";
        const texts = [...p.querySelectorAll(kinds + ", .legendtext")];
        return [outer.left, outer.right, outer.top, texts.filter(t => t.textContent.trim())
                .map(t => {
            const b = t.getBoundingClientRect();
            return [t.textContent, b.left, b.top, b.right, b.bottom];
        })];
    }""")
    chart_left, chart_right, chart_top, texts = boxes
    for name, left, top, right, _bottom in texts:
        assert left >= chart_left - 1 and right <= chart_right + 1, f"{name!r} sticks out"
        assert top >= chart_top - 1, f"{name!r} is cut off at the top"
    for i, (a, *box_a) in enumerate(texts):
        for b, *box_b in texts[i + 1:]:
            across = min(box_a[2], box_b[2]) - max(box_a[0], box_b[0])
            down = min(box_a[3], box_b[3]) - max(box_a[1], box_b[1])
            assert across <= 1 or down <= 1, f"{a!r} covers {b!r}"


def expect_no_line_crosses_text(plot) -> None:
    """No line drawn (a fishbone's bones and spine, a process map's connector) runs through a
    text: points along each line, placed on the page, fall inside no text's box."""
    crossings = plot.evaluate("""p => {
        const texts = [...p.querySelectorAll(".annotation-text, .textpoint text")]
            .map(t => [t.textContent, t.getBoundingClientRect()]);
        const found = new Set();
        for (const path of p.querySelectorAll(".shapelayer path, .scatterlayer path.js-line")) {
            const length = path.getTotalLength(), matrix = path.getScreenCTM();
            for (let at = 0; at <= length; at += 2) {
                const point = path.getPointAtLength(at).matrixTransform(matrix);
                for (const [text, box] of texts) {
                    if (point.x > box.left + 2 && point.x < box.right - 2
                            && point.y > box.top + 2 && point.y < box.bottom - 2) {
                        found.add(text);
                    }
                }
            }
        }
        return [...found];
    }""")
    assert crossings == [], f"a line runs through {crossings}"


def _shoot(page, artifacts, name, target):
    target.scroll_into_view_if_needed()
    wait_until_drawn(page)
    target.screenshot(path=str(artifacts / f"readable-{name}{SUFFIX}.png"))


NAMES = [*CASES, *LESSON_CELLS, "pdsa"]


def _source(root, name: str) -> str:
    if name in LESSON_CELLS:
        return lesson_cell(root, *LESSON_CELLS[name])
    return _pdsa_case(root) if name == "pdsa" else CASES[name]


@pytest.fixture(scope="module")
def every_case(lab_server, lab_page):
    """The notebook of every case, each cell starting in the notebook's folder, run once at
    JupyterLab's default width (1366 x 900) with the file browser open beside it as `make lab`
    opens it: the browser's error collector, which hears every console error from then on."""
    lab_page.set_viewport_size({"width": 1366, "height": 900})
    cells = [f"os.chdir(HERE)\n{_source(lab_server.root, name)}" for name in NAMES]
    _panel, problems = open_widget(lab_page, lab_server, "readable_every_case", OWN_FOLDERS,
                                   *cells)
    show_file_browser(lab_page)
    return problems


@pytest.fixture
def page(lab_page, every_case):
    return lab_page


@pytest.mark.parametrize("name", NAMES)
def test_nothing_is_cut_off_or_rounded_away(name, page, every_case, artifacts):
    panel = show_cell(page, NAMES.index(name) + 1, name)
    problems = every_case
    output = panel.locator(".jp-OutputArea-output").last
    expect(output).to_be_visible(timeout=60_000)
    if name in ("explorer", "example", "phases", "readiness", "pdsa"):
        expect(panel.locator("svg.main-svg").first).to_be_visible(timeout=30_000)
    _shoot(page, artifacts, name, panel)
    page.screenshot(path=str(artifacts / f"readable-{name}-page{SUFFIX}.png"))
    if name in ("explorer", "example", "pdsa", "readiness"):  # taller than the window: chart too
        _shoot(page, artifacts, f"{name}-chart", panel.locator(".js-plotly-plot").first)
    assert "Traceback" not in panel.inner_text()
    if BEFORE:
        return
    if name == "explorer":
        median = panel.locator("svg .annotation-text", has_text="Median").first
        assert median.text_content() == "Median 5.57"  # the data's median, every digit shown
        plot = panel.locator(".js-plotly-plot").first.bounding_box()
        label = median.bounding_box()
        assert label["x"] + label["width"] <= plot["x"] + plot["width"]  # not clipped
        for tab in panel.locator(".lm-TabBar-tabLabel").all():  # every title shown whole
            assert tab.evaluate("t => t.scrollWidth <= t.clientWidth + 1"), tab.inner_text()
        upload = panel.locator(".jupyter-widgets button", has_text="Upload").first
        assert upload.evaluate("b => b.scrollWidth <= b.clientWidth + 1")
        assert panel.locator(".modebar").count() == 0  # no toolbar over the title
    if name in ("explorer", "example", "pdsa", "readiness"):  # as wide as the cell, not 700 px
        expect_chart_fills_the_cell(panel)
    if name in ("example", "pdsa"):  # the chart's points are drawn, not only its axes
        expect(panel.locator(".scatterlayer .trace .point").first).to_be_attached(timeout=30_000)
    if name == "chooser":
        box = panel.locator(".widget-inline-hbox", has_text="How many measurements").locator(
            "input").first
        assert box.bounding_box()["width"] >= 60
    if name == "readiness":
        prompt = panel.locator(".widget-html ul li").first
        assert float(prompt.evaluate("e => getComputedStyle(e).fontSize")[:-2]) >= 14
    if name == "diagram":  # every change idea inside the output, none cut at its right edge
        output_right = output.evaluate("o => o.getBoundingClientRect().right")
        boxes = panel.locator(".textpoint").evaluate_all(
            "texts => texts.map(t => [t.textContent, t.getBoundingClientRect().right])")
        assert any("rounding" in text for text, _ in boxes)  # the change ideas are drawn
        for text, right in boxes:
            assert right <= output_right, f"{text!r} is cut off at the right"
        assert panel.locator("svg.main-svg").first.evaluate(
            "s => s.getBoundingClientRect().right") <= output_right
    if name in ("stratified", "fidelity", "crowded", "fishbone", "process_map", "adoption",
                "long_title", "long_title_mdc", "mdc_panels"):
        expect_nothing_overlaps(panel.locator(".js-plotly-plot").first)
    if name in ("fishbone", "process_map"):
        expect_no_line_crosses_text(panel.locator(".js-plotly-plot").first)
    if name == "fidelity":  # nine components' cells show a symbol each, and the key says which
        plot = panel.locator(".js-plotly-plot").first
        expect(plot.locator(".heatmaplayer text", has_text="✗")).to_have_count(1)
        expect(plot.locator(".annotation-text", has_text="✗ not delivered")).to_have_count(1)
    if name in BAR_TEXTS:  # every bar's figures whole and inside the chart
        plot = panel.locator(".js-plotly-plot").first
        right = plot.locator("svg.main-svg").first.evaluate("s => s.getBoundingClientRect().right")
        labels = plot.locator(".bartext").evaluate_all(
            "texts => texts.map(t => [t.textContent, t.getBoundingClientRect().right])")
        for expected in BAR_TEXTS[name]:
            assert sum(expected in text for text, _ in labels) == 1, expected
        for text, edge in labels:
            assert edge <= right, f"{text!r} is cut off at the right"
    if name == "draft_check":  # wrapped between words, not "ala" | "rms"
        area = panel.locator(".jp-OutputArea").first
        assert area.locator("pre").count() == 0 and "sensor alarms" in area.inner_text()
    if name == "made_up":  # people's words, no pandas row number
        table = panel.locator(".jp-OutputArea-output table").first
        assert "n_useful" not in table.inner_text() and "Longest run allowed" in table.inner_text()
        assert table.locator("tbody th").count() == 0
    if name == "credit":
        text = panel.locator(".jp-OutputArea-output").first.inner_text()
        assert "Synthetic data made for this course" in text and "seed" not in text
        # the link's target (the data guide beside the notebook) is tested in test_lesson_chart
        expect(panel.locator(".jp-OutputArea-output a", has_text="How the course's data were made")
               ).to_have_count(1)
    if name == "summary":
        text = panel.locator(".jp-OutputArea").first.inner_text()
        assert "n_obs" not in text and "5.567" not in text and "Centre line" in text
    assert problems.messages == []
