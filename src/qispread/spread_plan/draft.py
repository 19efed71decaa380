"""The DRAFT mark: a plan whose project has a part that is not complete says so on every page.

Complete means what the project status and module 11's checks mean by it
(models.project_checks.part_state). The mark is a faint word across the middle of the screen and of
every printed page (a fixed element repeats on each page Chromium prints), and a notice at the top
naming the parts that are empty and those that are started but not complete.
"""

from __future__ import annotations

from html import escape

from qispread.models.project import Part, Project
from qispread.models.project_checks import EMPTY, STARTED, unfinished_parts

STYLE = """
.draft-mark { position: fixed; top: 42%; left: 0; right: 0; text-align: center;
              transform: rotate(-30deg); font-size: 9rem; font-weight: bold; letter-spacing: 1rem;
              color: rgba(138, 28, 28, 0.13); pointer-events: none; z-index: 10; }
.draft-notice { border: 2px solid #8a1c1c; background: #fdecea; color: #5c1010;
                padding: 0.5rem 0.8rem; margin: 1rem 0; }
"""


def _names(parts: list[Part]) -> str:
    return ", ".join(f"{p.title} (module {p.module:02d})" for p in parts)


def draft_reasons(project: Project) -> list[str]:
    """Why the plan is a draft, in plain words; none when every part is complete."""
    unfinished = unfinished_parts(project)
    reasons = []
    if unfinished[EMPTY]:
        reasons.append(f"Empty: {_names(unfinished[EMPTY])}.")
    if unfinished[STARTED]:
        reasons.append(f"Started but not complete: {_names(unfinished[STARTED])}.")
    return reasons


def draft_html(reasons: list[str]) -> str:
    """The mark and the notice for a draft plan; nothing for a finished one."""
    if not reasons:
        return ""
    items = "".join(f"<li>{escape(reason)}</li>" for reason in reasons)
    return ('<div class="draft-mark" aria-hidden="true">DRAFT</div>'
            '<div class="draft-notice" role="note"><p><b>DRAFT: not ready to send to a sponsor.'
            "</b> Some parts of the project are not complete yet:</p>"
            f"<ul>{items}</ul><p>The project status and the checks in module 11 say what each "
            "part still needs.</p></div>")
