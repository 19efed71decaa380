"""Self-contained tutor pages (cohort report, coaching page) run only their own scripts: plotly's
script tags carry the page's nonce, and the content security policy refuses anything else, so
learner text that slipped through escaping could still not run."""

from __future__ import annotations

import re


def nonced(fragment: str, nonce: str) -> str:
    """plotly's own script tags, marked as the page's (learner text never passes here)."""
    return re.sub(r"<script(?=[\s>])", f'<script nonce="{nonce}"', fragment)


def content_policy(nonce: str) -> str:
    """The page runs only its own scripts and fetches nothing."""
    return (f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'unsafe-inline'; "
            "img-src data:; font-src data:; base-uri 'none'; form-action 'none'")
