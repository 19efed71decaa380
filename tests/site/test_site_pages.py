"""What the built website holds, read from its HTML: a page per notebook in navigation order, the
links an academy configured, lessons with their outputs, assignments with their questions only."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest
from bs4 import BeautifulSoup
from site_pages import HUB, REPO, ROOT, all_pages, assignment_pages, lesson_pages, notebook_pages
from sitebuild.links import lab_link
from sitebuild.static_widgets import LIVE_NOTE


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def text(site: Path, page: str) -> str:
    return soup(site, page).find("main").get_text(" ")


def test_one_page_per_notebook_and_a_home_page(site):
    built = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                   if "_static" not in p.parts and p.name != "genindex.html")
    assert built == sorted(all_pages())


def test_home_page_maps_every_lesson_and_assignment(site):
    links = {a["href"] for a in soup(site, "index.html").find("main").find_all("a", href=True)}
    assert set(notebook_pages()) <= links


def test_previous_and_next_follow_the_course_order(site):
    """Next goes from the home page through each module's lesson, then its assignment."""
    order = ["index.html"] + [page for folder in sorted(p.parent.name for p in
                                                         (ROOT / "course").glob("*/*.ipynb"))
                              for page in notebook_pages() if f"/{folder}/" in page]
    for here, after in zip(order, order[1:], strict=False):
        following = soup(site, here).find("a", class_="right-next")
        assert following is not None, f"{here} has no 'next' link"
        assert (site / here).parent.joinpath(following["href"]).resolve() == site / after, \
            f"after {here} comes {following['href']}, not {after}"


LINKED = {"a": "href", "link": "href", "img": "src", "script": "src"}


@pytest.mark.parametrize("page", all_pages())
def test_every_link_and_picture_leads_to_a_file_of_the_site(site, page):
    """Read offline or from any server: nothing points outside the site, such as a path on the
    machine that built it."""
    broken = set()
    for tag, attribute in LINKED.items():
        for element in soup(site, page).find_all(tag, attrs={attribute: True}):
            link = urlsplit(element[attribute])
            if link.scheme or link.netloc or not link.path:
                continue  # another site (the hub, a source's page) or a place on this page
            target = ((site / page).parent / unquote(link.path)).resolve()
            if site.resolve() not in target.parents or not target.is_file():
                broken.add(element[attribute])
    assert not broken, f"{page} links to what the site does not have: {sorted(broken)}"


def test_a_data_sets_credit_leads_to_the_page_on_the_courses_data(site):
    credits = [(page, a) for page in lesson_pages() for a in soup(site, page).find_all(
        "a", string="How the course's data were made")]
    assert credits, "no lesson credits its data with a link to the guide"
    for page, link in credits:
        assert ((site / page).parent / link["href"]).resolve() == site / "data.html", page
    guide = text(site, "data.html")
    assert "ae_attendances" in guide and "Open Government Licence" in guide
    assert "data.html" in {a["href"] for a in soup(site, "index.html").find("main")("a")}


@pytest.mark.parametrize("page", notebook_pages())
def test_every_page_links_to_jupyterlab_and_a_download(site, page):
    notebook = page.removesuffix(".html") + ".ipynb"
    links = soup(site, page).find("p", class_="qs-page-links")
    assert links is not None, f"{page} has no links under its title"
    lab = links.find("a", class_="qs-open-lab")
    env = {"QISPREAD_SITE_HUB": HUB, "QISPREAD_SITE_REPO": REPO}
    assert lab["href"] == lab_link(notebook, env)
    download = links.find("a", class_="qs-download")
    copy = (site / page).parent / download["href"]
    assert copy.resolve().read_bytes() == (ROOT / notebook).read_bytes()


def test_the_lab_link_is_an_nbgitpuller_link_to_the_learner_edition():
    link = lab_link("course/05_run_charts/run_charts.ipynb",
                    {"QISPREAD_SITE_HUB": "https://hub.example.nhs.uk/",
                     "QISPREAD_SITE_REPO": "https://git.example.nhs.uk/qi/course.git"})
    assert link == ("https://hub.example.nhs.uk/hub/user-redirect/git-pull?"
                    "repo=https%3A%2F%2Fgit.example.nhs.uk%2Fqi%2Fcourse.git&branch=main&"
                    "urlpath=lab%2Ftree%2Fcourse%2Fcourse%2F05_run_charts%2Frun_charts.ipynb")
    assert lab_link("course/x.ipynb", {}) is None


@pytest.mark.parametrize("page", lesson_pages())
def test_lessons_show_their_outputs_and_pictures_of_their_widgets(site, page):
    html = soup(site, page)
    notebook = nbformat.read(ROOT / (page.removesuffix(".html") + ".ipynb"), as_version=4)
    code_cells = [c for c in notebook.cells if c.cell_type == "code"]
    assert len(html.select("div.cell_output")) >= 0.8 * len(code_cells), \
        f"{page}: most code cells show no output: was the lesson executed?"
    assert "widget-view+json" not in str(html) and "Loading widget" not in str(html)
    for widget in html.select("div.qs-widget"):
        assert LIVE_NOTE in widget.get_text(" "), f"{page}: a widget picture has no how-to line"
        assert widget.get_text(strip=True) != LIVE_NOTE, f"{page}: a widget picture is empty"
    widget_cells = [c for c in code_cells if re.search(r"\b[A-Z]\w+\(\s*[\"\)]", c.source)
                    and "qispread.widgets" in c.source]
    assert len(html.select("div.qs-widget")) >= len(widget_cells)


def _solution_lines(assignment_page: str) -> list[str]:
    """Lines a tutor wrote between the solution, hidden-test and mark-scheme markers in solutions/
    (none in a learner edition, which has no solutions/)."""
    folder = ROOT / "solutions" / Path(assignment_page).parent.name
    lines = []
    for notebook in folder.glob("*.ipynb"):
        for cell in nbformat.read(notebook, as_version=4).cells:
            for block in re.findall(r"BEGIN (?:SOLUTION|MARK SCHEME|HIDDEN TESTS)[^\n]*\n(.*?)"
                                    r"\n[^\n]*END (?:SOLUTION|MARK SCHEME|HIDDEN TESTS)",
                                    cell.source, flags=re.S):
                lines += [line.strip() for line in block.splitlines() if len(line.strip()) > 12]
    return lines


def _code_lines(cells) -> list[str]:
    return [line.strip() for cell in cells for line in cell.source.splitlines()
            if len(line.strip()) > 12 and not line.strip().startswith("#")]


@pytest.mark.parametrize("page", assignment_pages())
def test_assignments_show_the_questions_only(site, page):
    shown = " ".join(text(site, page).split())
    release = nbformat.read(ROOT / (page.removesuffix(".html") + ".ipynb"), as_version=4)
    code = [c for c in release.cells if c.cell_type == "code"]
    for cell in code:
        answer = re.match(r"\s*(answer_q\d+)\s*=", cell.source)
        if answer:
            assert answer.group(1) in shown, f"{page} does not show {answer.group(1)}"
    checks = [c for c in code if c.metadata.get("nbgrader", {}).get("grade")]
    for line in _code_lines(checks) + _solution_lines(page):
        assert " ".join(line.split()) not in shown, f"{page} shows a grading line: {line!r}"


def test_plotly_js_is_shipped_once_and_every_chart_page_loads_it(site):
    copies = [p for p in site.rglob("*.js") if b"plotly.js v" in p.read_bytes()[:300]]
    assert [p.relative_to(site).as_posix() for p in copies] == ["_static/plotly.min.js"]
    for page in lesson_pages():
        html = (site / page).read_text(encoding="utf-8")
        if "Plotly.newPlot" in html:
            # deferred, so that the lesson's text shows before 4.8 MB of script is evaluated
            assert re.search(r'<script defer="defer" src="(\.\./)*_static/plotly\.min\.js',
                             html), page


def test_the_course_map_gives_each_lessons_time_and_its_optional_part():
    from sitebuild.course_map import Module, home_page

    start, spc = Module("00_start_here"), Module("06_spc")
    spc.lessons.append(("course/06_spc/spc_making_data_count.ipynb", "SPC"))
    rows = home_page([start, spc], "Intro.").splitlines()
    assert "| Module | Lesson | Time | Assignment |" in rows
    assert "| 00 | none | about 20 minutes | none |" in rows
    from qispread.curriculum import module

    assert (f"| 06 | [SPC](course/06_spc/spc_making_data_count.ipynb) | {module(6).time_text}, "
            f"and {module(6).further_text} | none |") in rows
    assert "Going further" in module(6).further_text


def test_the_spread_simulators_month_slider_is_pictured_with_its_name():
    from sitebuild.static_widgets import widget_picture

    from qispread.widgets.spread_simulator import SpreadSimulator

    picture = widget_picture(SpreadSimulator())
    assert 'Show month <input type="number" disabled value="60" aria-label="Show month">' in picture


def test_a_tools_chart_is_pictured_as_its_figure_or_says_it_waits_for_data():
    from sitebuild.static_widgets import widget_picture

    from qispread.widgets.funnel_explorer import FunnelExplorer
    from qispread.widgets.spread_simulator import SpreadSimulator

    pictured = BeautifulSoup(widget_picture(SpreadSimulator()), "html.parser")
    titles = [figure["aria-label"] for figure in pictured.select("figure.qs-chart")]
    assert titles[:2] == ["How many teams are in each state, month by month",
                          "The teams at month 60, by state"]
    empty = FunnelExplorer()
    empty.figure.clear()
    assert "once the tool has data" in widget_picture(empty)
