"""The spread plan: every part of the project in order, each chart with its words, nothing fetched
from the internet, a missing part named with the module that makes it, a PDF that prints, and
DRAFT on every page until every part is complete."""

import re
import shutil
import unicodedata

import pytest
from project_samples import own_project

from qispread.models.aim import Aim
from qispread.models.project import PARTS, Project, example_project
from qispread.spread_plan.document import build_html, print_pdf, write_html

needs_chromium = pytest.mark.skipif(not shutil.which("chromium"), reason="needs Debian chromium")


def test_the_plan_shows_every_part_in_order_with_words_under_each_chart():
    page = build_html(example_project(), author="Sam Jones")
    positions = [page.index(f'<h2 id="h-{p.key}">') for p in PARTS]
    assert positions == sorted(positions)
    # process map, fishbone, diagram, chart, PDSA chart, readiness radar, stakeholder grid,
    # sustainability bars, adoption curve, fidelity grid, reach bars: each with its words
    assert page.count("<figcaption") == page.count('class="plotly-graph-div"') == 11
    assert "In words:" in page and "Sam Jones" in page
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"?https?:", page)


def test_a_missing_part_says_which_module_makes_it(tmp_path):
    project = example_project().copy_to(tmp_path / "p")
    project.path("readiness").unlink()
    page = build_html(project)
    assert "Not in the project yet: make it with the tool in module 08." in page


def test_a_damaged_part_is_named_and_the_rest_still_shows(tmp_path):
    project = example_project().copy_to(tmp_path / "p")
    project.path("pdsa").write_text("{not json")
    page = build_html(project)
    assert "This part cannot be shown" in page and "Riverside Hospital" in page


def _pages(pdf) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(pdf).pages]


@pytest.fixture(scope="module")
def example_pages(tmp_path_factory) -> list[str]:
    """The example project printed once (chromium takes seconds a print), page by page."""
    return _pages(print_pdf(write_html(example_project(), tmp_path_factory.mktemp("plan"))))


@pytest.mark.chromium
@needs_chromium
def test_a_plan_with_parts_not_complete_says_draft_on_every_printed_page(example_pages):
    """The example project as it is: its aim and its reading of the chart are not the learner's."""
    pages = example_pages
    assert len(pages) > 3
    for number, text in enumerate(pages, start=1):
        assert "DRAFT" in text, f"page {number} of {len(pages)} is not marked DRAFT"
    assert "Started but not complete: Aim (module 01), Your data on a chart (module 05)." in (
        " ".join(pages[0].split()))


@pytest.mark.chromium
@needs_chromium
def test_the_stakeholder_map_in_words_keeps_a_line_a_heading_and_a_person(example_pages):
    """The map's words list each quadrant with its people under it; printed as one paragraph they
    ran together ("...grid. Manage closely: - Director of nursing ... - Triage nurses ...")."""
    lines = [unicodedata.normalize("NFKC", line).strip()  # the PDF's "ﬀ" and "ﬂ" ligatures
             for text in example_pages for line in text.splitlines()]
    start = lines.index("In words: Stakeholder map: power/interest grid.")
    assert lines[start + 1:start + 4] == [
        "Manage closely:",
        "- Director of nursing (staff; influence high, interest fairly high)",
        "- Triage nurses (staff; influence fairly high, interest high)"]
    assert "Monitor:" in lines[start:start + 12]


@pytest.mark.chromium
@needs_chromium
def test_a_complete_plan_prints_without_the_draft_mark(tmp_path):
    pdf = print_pdf(write_html(own_project(tmp_path / "p"), tmp_path))
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 50_000
    assert not any("DRAFT" in text for text in _pages(pdf))


def test_parts_saved_empty_make_a_draft_that_names_them(tmp_path):
    project = Project(tmp_path)
    Aim("").save(project.path("aim"))  # as the aim checker saves it on opening
    page = build_html(project)
    assert page.count("DRAFT") >= 3  # the title, the mark across every page, the notice
    assert ("Empty: Aim (module 01), Project team (module 01), Process map (module 02), Cause "
            "and effect (fishbone) (module 02), Driver diagram (module 03)") in page
    assert page.count("Not in the project yet") == len(PARTS)


def test_an_empty_project_still_makes_a_plan(tmp_path):
    page = build_html(Project(tmp_path))
    assert page.count("Not in the project yet") == len(PARTS)
