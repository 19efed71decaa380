"""Turn the course's notebooks into the pages of the website.

A lesson page is the executed lesson: plotly figures become interactive HTML with their text
summary, widgets become the picture of their starting state made in the kernel. An assignment page
is its instructions only: the markdown and the ``answer_qN = ...`` cells, never a check cell, a
test, a solution or a mark scheme. Every page starts with its "open in JupyterLab" and "download"
links.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

import nbformat

from sitebuild.charts import figure_html

PLOTLY = "application/vnd.plotly.v1+json"
WIDGET = "application/vnd.jupyter.widget-view+json"
ANSWER_CELL = re.compile(r"^\s*answer_q\d+\s*=")
DATA_PAGE = "data.html"
# A data set's credit links to the guide to the course's data as a file beside the notebook
# (qispread.widgets.reading.source_text), which the site has as a page of its own.
_GUIDE_HREF = re.compile(r"""href=(['"])[^'"]*(?:docs/data\.md|source_data/README\.md)\1""")


@dataclass(frozen=True)
class PageLinks:
    lab: str | None  # None when the academy has not configured its hub
    download: str    # relative to the page
    data_guide: str = DATA_PAGE  # the site's page on the course's data, relative to the page


def lesson_page(executed: nbformat.NotebookNode, page_id: str,
                links: PageLinks) -> nbformat.NotebookNode:
    page = nbformat.from_dict(executed)
    section = 1
    scrollable = _Numbered()
    for cell in page.cells:
        if cell.cell_type == "markdown":
            section = _last_heading_level(cell.source) or section
            continue
        kept = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET in data:
                picture = data.get("text/html")
                if picture:
                    picture = scrollable(_relevel(picture, section), "Interactive tool")
                output.data = {"text/html": picture} if picture else {}
            elif PLOTLY in data:
                chart_id = f"{page_id}-chart-{scrollable.count['Chart'] + 1}"
                output.data = {"text/html": scrollable(figure_html(data[PLOTLY], chart_id),
                                                       "Chart")}
            elif "<table" in data.get("text/html", ""):
                output.data = {"text/html": scrollable(data["text/html"], "Table")}
            if "text/html" in output.get("data", {}):
                output.data["text/html"] = _GUIDE_HREF.sub(
                    f'href="{html.escape(links.data_guide, quote=True)}"', output.data["text/html"])
            if output.output_type == "stream" or output.get("data"):
                kept.append(output)
        cell.outputs = kept
    _add_links(page, links)
    return page


def _last_heading_level(markdown: str) -> int | None:
    levels = re.findall(r"^(#{1,6}) ", markdown, flags=re.M)
    return len(levels[-1]) if levels else None


def _relevel(html_text: str, section: int) -> str:
    """A widget's own headings, moved to sit just below the page section that shows the widget,
    without skipping a level (a screen reader's outline of the page stays in order)."""
    levels = [int(level) for level in re.findall(r"<h([1-6])\b", html_text)]
    if not levels:
        return html_text
    shift, previous, new_levels = section + 1 - levels[0], section, []
    for level in levels:
        previous = max(section + 1, min(level + shift, previous + 1, 6))
        new_levels.append(previous)
    renumbered = iter(new_levels)
    closing = []

    def swap(match):
        if match[1]:  # a closing tag takes the level of the heading it closes
            return f"</h{closing.pop()}"
        closing.append(next(renumbered))
        return f"<h{closing[-1]}"

    return re.sub(r"<(/?)h[1-6]\b", swap, html_text)


class _Numbered:
    """Wraps a wide table, chart or widget picture in a box that scrolls sideways and that the
    keyboard reaches (tab, then arrows), named "Chart 3", "Table 1"... so that each landmark on
    the page has its own name."""

    def __init__(self):
        self.count = Counter()

    def __call__(self, content: str, kind: str) -> str:
        self.count[kind] += 1
        return (f'<div class="qs-scroll" tabindex="0" role="region" '
                f'aria-label="{kind} {self.count[kind]}">{content}</div>')


def assignment_page(release: nbformat.NotebookNode, links: PageLinks) -> nbformat.NotebookNode:
    page = nbformat.from_dict(release)
    page.cells = [cell for cell in page.cells if _instruction(cell)]
    for cell in page.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    _add_links(page, links)
    return page


@cache
def secret_markers() -> tuple[str, ...]:
    """The beginnings of every region learners must not see: the course's own delimiters (its
    nbgrader_config.py) and nbgrader's defaults."""
    from qispread.grading.cells import DEFAULT, Delimiters
    from qispread.grading.course import load_config
    from sitebuild.execute import ROOT

    course = Delimiters.of(load_config(ROOT))
    return tuple(dict.fromkeys(begin for d in (course, DEFAULT) for begin, _ in d.secret))


def _instruction(cell) -> bool:
    grading = cell.metadata.get("nbgrader", {})
    if any(marker in cell.source for marker in secret_markers()):
        return False
    if cell.cell_type == "markdown":
        return not grading.get("solution", False)
    return cell.cell_type == "code" and bool(ANSWER_CELL.match(cell.source))


def title(notebook: nbformat.NotebookNode) -> str:
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    raise ValueError("a course notebook needs a '# Title' heading in its first markdown cells")


def _add_links(page: nbformat.NotebookNode, links: PageLinks) -> None:
    """Put the links just under the page's title (the first '# ' line)."""
    if links.lab:
        lab = (f'<a class="qs-open-lab" href="{html.escape(links.lab, quote=True)}">'
               "Open in JupyterLab</a> (runs the notebook on your academy's hub)")
    else:
        lab = "To run it, open this notebook in JupyterLab"
    download = (f'<a class="qs-download" href="{html.escape(links.download, quote=True)}" '
                "download>Download this notebook</a>")
    block = f'\n\n<p class="qs-page-links">{lab} · {download}</p>\n\n'
    for cell in page.cells:
        if cell.cell_type == "markdown":
            lines = cell.source.splitlines(keepends=True)
            for index, line in enumerate(lines):
                if line.startswith("# "):
                    lines.insert(index + 1, block)
                    cell.source = "".join(lines)
                    return
    page.cells.insert(0, nbformat.v4.new_markdown_cell(block))
