"""A board of many measures printed to PDF, by the spread plan's printing path (headless
chromium)."""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path

from qispread.plots.board_html import save_board_html
from qispread.spread_plan.document import print_pdf


def save_board_pdf(result, path: str | os.PathLike, title: str = "Board summary",
                   percentage: bool | Collection[str] = False) -> Path:
    """Print the board to PDF with headless chromium (the spread plan's printing path)."""
    path = Path(path)
    page = save_board_html(result, path.with_suffix(".html"), title, percentage)
    return print_pdf(page, path)
