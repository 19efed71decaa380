"""The board summary as a page: per measure its latest value, target, variation and assurance
icons (each with its meaning written, as ptd_figure's icons) and a small chart; it prints to PDF
by the spread plan's path."""

from __future__ import annotations

import re
import shutil

import numpy as np
import pandas as pd
import pytest

from qispread.plots.board_html import board_document, board_table_html
from qispread.plots.ptd_icons import ASSURANCE_ICONS, VARIATION_ICONS
from qispread.spc.board import board
from qispread.spread_plan.board_pdf import save_board_pdf

MONTHS = pd.date_range("2022-04-01", periods=24, freq="MS")


@pytest.fixture(scope="module")
def result():
    rng = np.random.default_rng(11)
    rows = [{"measure": name, "month": m, "value": level + step * (i >= 16) + rng.normal(0, 1)}
            for name, level, step in (("Falls <per 1,000 bed days>", 6.0, -4.0),
                                      ("Seen within 4 hours", 80.0, 0.0),
                                      ("Sickness absence", 5.0, 0.0))
            for i, m in enumerate(MONTHS)]
    return board(pd.DataFrame(rows), y="value", x="month", measure="measure",
                 improvement_direction={"Falls <per 1,000 bed days>": "decrease",
                                        "Seen within 4 hours": "increase",
                                        "Sickness absence": "decrease"},
                 target={"Seen within 4 hours": 95.0, "Sickness absence": 5.0})


def _rows(page: str) -> list[str]:
    return re.findall(r"<tr><td>.*?</tr>", page)


def test_every_row_shows_ptds_icons_with_their_meaning(result):
    rows = _rows(board_table_html(result))
    assert len(rows) == 3
    for row_html, (_, row) in zip(rows, result.table.iterrows(), strict=True):
        colour, letter, meaning = VARIATION_ICONS[row["variation_type"]]
        assert f"aria-label='{meaning}'" in row_html and f">{meaning}</div>" in row_html
        if row["assurance_type"] is None:
            assert "no target" in row_html
        else:
            meaning = ASSURANCE_ICONS[row["assurance_type"]][2]
            assert f">{meaning}</div>" in row_html
        icons = 1 if row["assurance_type"] is None else 2
        assert row_html.count("<svg") == icons + 1  # the icons and the small chart


def test_the_falls_step_down_shows_as_improvement(result):
    falls = result.table.iloc[0]
    assert falls["variation_type"] == "special_cause_improvement_low"
    assert ">Special cause improvement (low)</div>" in _rows(board_table_html(result))[0]


def test_names_are_shown_as_text_not_markup(result):
    assert "Falls &lt;per 1,000 bed days&gt;" in board_table_html(result)


def test_the_page_carries_its_title_the_reading_and_each_target(result):
    page = board_document(result, "Board, March 2024", percentage=False)
    assert "<title>Board, March 2024</title>" in page and "3 measures." in page
    assert "95.0" in _rows(page)[1]


@pytest.mark.chromium
@pytest.mark.skipif(not shutil.which("chromium"), reason="needs Debian chromium")
def test_the_board_prints_to_pdf(result, tmp_path):
    pdf = save_board_pdf(result, tmp_path / "board.pdf")
    assert pdf.read_bytes().startswith(b"%PDF") and (tmp_path / "board.html").is_file()


def test_a_board_shows_as_its_table_in_a_notebook(result):
    assert result._repr_html_() == board_table_html(result)
