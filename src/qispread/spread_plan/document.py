"""A spread plan a sponsor can read: one self-contained HTML file, and a PDF printed from it.

The HTML carries plotly.js itself (no internet needed, charts stay interactive), a caption in
words under every chart for screen readers, and print styles so that chromium's
``--print-to-pdf`` gives a clean A4 document. A plan whose project is not complete is marked DRAFT
on every page (draft.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from datetime import date
from html import escape
from pathlib import Path

from plotly.offline import get_plotlyjs

from qispread.models.aim import load_aim
from qispread.models.project import Project
from qispread.spread_plan import draft
from qispread.spread_plan.sections import sections

HTML_NAME = "spread_plan.html"
PDF_NAME = "spread_plan.pdf"
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
PDF_TIMEOUT = 120  # seconds

STYLE = """
body { font-family: Arial, Helvetica, sans-serif; color: #1a1a1a; max-width: 980px;
       margin: 1.5rem auto; padding: 0 1rem; line-height: 1.5; font-size: 16px; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.4rem; border-bottom: 2px solid #0072B2; padding-bottom: 0.2rem;
     margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-bottom: 0.3rem; }
.aim { font-size: 1.2rem; border-left: 4px solid #0072B2; padding-left: 0.8rem; }
.missing, .concern { color: #7a4b00; background: #fff4e0; padding: 0.4rem 0.6rem; }
.kind { font-weight: normal; color: #555; }
figure { margin: 1rem 0; }
figcaption { font-size: 0.95rem; color: #333; margin-top: 0.4rem; }
/* a collapsed border's outer half lies outside a 100% table, and print cuts it at the margin */
table { border-collapse: collapse; width: calc(100% - 2px); font-size: 0.95rem; margin: 0.5rem 0; }
th, td { border: 1px solid #bfbfbf; padding: 0.3rem 0.5rem; text-align: left;
         vertical-align: top; overflow-wrap: break-word; hyphens: manual; }
dt { font-weight: bold; margin-top: 0.3rem; } dd { margin-left: 1rem; }
nav ol { columns: 2; }
.on-paper { display: none; }
@page { size: A4; margin: 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  h2, h3 { break-after: avoid; }
  .wide { zoom: var(--print-zoom); }
  figure, table, dl { break-inside: avoid; }
  nav, .on-screen { display: none; }
  .on-paper { display: inline; }
}
"""


def build_html(project: Project, author: str = "", today: date | None = None) -> str:
    """The whole plan as one HTML page (about 4.6 MB: plotly.js is inside it)."""
    parts = sections(project)
    aim = load_aim(project.path("aim")).text if project.has("aim") else ""
    contents = "".join(f'<li><a href="#{s.key}">{escape(s.title)}</a></li>' for s in parts)
    body = "".join(f'<section id="{s.key}" aria-labelledby="h-{s.key}">'
                   f'<h2 id="h-{s.key}">{number}. {escape(s.title)}</h2>{s.body}</section>'
                   for number, s in enumerate(parts, start=1))
    made = (today or date.today()).strftime("%d %B %Y")
    by = f" by {escape(author)}" if author.strip() else ""
    reasons = draft.draft_reasons(project)
    state = " (DRAFT)" if reasons else ""
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Spread plan{state}{': ' + escape(aim[:80]) if aim else ''}</title>
<style>{STYLE}{draft.STYLE}</style>
<script>{get_plotlyjs()}</script>
</head>
<body>
<header>
<h1>Spread plan{state}</h1>
<p>Made{by} on {made} with the qispread course. <span class="on-screen">Every chart is
interactive (hover over a point); </span><span class="on-paper">In the HTML version of this plan
every chart is interactive; </span>the words under each chart say what it shows.</p>
{draft.draft_html(reasons)}
</header>
<nav aria-label="Contents"><h2>Contents</h2><ol>{contents}</ol></nav>
<main>{body}</main>
</body>
</html>
"""


def write_html(project: Project, folder: str | os.PathLike, author: str = "") -> Path:
    path = Path(folder) / HTML_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(build_html(project, author), encoding="utf-8")
    return path


class PdfProblem(RuntimeError):
    """The PDF could not be printed; the message says what to do instead."""


def find_browser() -> str | None:
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def print_pdf(html_path: str | os.PathLike, pdf_path: str | os.PathLike | None = None) -> Path:
    """Print the HTML to PDF with headless chromium (charts drawn before printing)."""
    html_path = Path(html_path).resolve()
    pdf_path = Path(pdf_path or html_path.with_name(PDF_NAME)).resolve()
    browser = find_browser()
    if browser is None:
        raise PdfProblem("No chromium browser is installed here, so the PDF cannot be made. Open "
                         f"{html_path.name} in your browser and print it to PDF (Ctrl+P).")
    with tempfile.TemporaryDirectory(prefix="qispread-pdf-") as profile:
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update",
                   "--disable-sync", f"--user-data-dir={profile}", "--no-pdf-header-footer",
                   "--virtual-time-budget=20000", f"--print-to-pdf={pdf_path}",
                   html_path.as_uri()]
        try:
            subprocess.run(command, capture_output=True, timeout=PDF_TIMEOUT, check=False)
        except subprocess.TimeoutExpired as err:
            raise PdfProblem("Printing the PDF took too long. Try again, or print the HTML from "
                             "your browser (Ctrl+P).") from err
    if not pdf_path.is_file() or pdf_path.stat().st_size == 0:
        raise PdfProblem("The browser did not write the PDF. Print the HTML from your browser "
                         "(Ctrl+P) instead.")
    return pdf_path
