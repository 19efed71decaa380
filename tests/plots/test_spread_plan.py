"""The spread plan: every part of the project in order, each chart with its words, nothing fetched
from the internet, a missing part named with the module that makes it, and a PDF that prints."""

import re
import shutil

import pytest

from qispread.models.project import PARTS, Project, example_project
from qispread.spread_plan.document import build_html, print_pdf, write_html


def test_the_plan_shows_every_part_in_order_with_words_under_each_chart():
    page = build_html(example_project(), author="Sam Jones")
    positions = [page.index(f'<h2 id="h-{p.key}">') for p in PARTS]
    assert positions == sorted(positions)
    # diagram, chart, PDSA chart, readiness radar, sustainability bars: each with its words
    assert page.count("<figcaption") == page.count('class="plotly-graph-div"') == 5
    assert "In words:" in page and "Sam Jones" in page
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"?https?:", page)


def test_a_missing_part_says_which_module_makes_it(tmp_path):
    project = example_project().copy_to(tmp_path / "p")
    project.path("readiness").unlink()
    page = build_html(project)
    assert "Not in the project yet: make it with the tool in module 07." in page


def test_a_damaged_part_is_named_and_the_rest_still_shows(tmp_path):
    project = example_project().copy_to(tmp_path / "p")
    project.path("pdsa").write_text("{not json")
    page = build_html(project)
    assert "This part cannot be shown" in page and "Riverside Hospital" in page


@pytest.mark.skipif(not shutil.which("chromium"), reason="needs Debian chromium")
def test_the_plan_prints_to_pdf(tmp_path):
    html_file = write_html(example_project(), tmp_path)
    pdf = print_pdf(html_file)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 50_000


def test_an_empty_project_still_makes_a_plan(tmp_path):
    page = build_html(Project(tmp_path))
    assert page.count("Not in the project yet") == len(PARTS)
