"""The one-call worked examples of the lessons: lesson_chart and the XmR recipe."""

import re
from unittest.mock import patch

import pandas as pd
import plotly.graph_objects as go
import pytest

from qispread import data
from qispread.errors import DataProblem
from qispread.widgets.lesson_chart import lesson_chart
from qispread.widgets.xmr_steps import xmr_limits_compared, xmr_steps


def shown(function, *args, **kwargs) -> list:
    module = function.__module__
    with patch(f"{module}.display") as display:
        function(*args, **kwargs)
    return [call.args[0] for call in display.call_args_list]


def test_lesson_chart_shows_source_reading_and_chart():
    falls = data.load("falls")
    source, figure, reading = shown(lesson_chart, falls, "falls", x="period",
                                    y="falls", n="occupied_bed_days",
                                    chart="u", multiply=1000, title="Falls")
    assert "synthetic" in source.data.lower()
    assert "<li>" in reading.data
    assert isinstance(figure, go.Figure) and figure.layout.title.text.startswith("Falls")


def test_the_source_links_to_how_the_data_were_made(monkeypatch):
    lesson = data.guide().parents[1] / "course" / "05_run_charts"  # a lesson's folder
    monkeypatch.chdir(lesson)
    falls = data.load("falls")
    source = shown(lesson_chart, falls, "falls", x="period", y="falls", n="occupied_bed_days",
                   chart="u", multiply=1000)[0].data
    assert "Synthetic data made for this course, not real patients." in source
    assert "make_synthetic.py" not in source and "seed" not in source  # a programmer's words
    href = re.search(r"href='([^']+)'", source).group(1)
    assert (lesson / href).resolve() == data.guide().resolve()


def test_lesson_chart_names_a_missing_denominator():
    with pytest.raises(DataProblem, match="denominator"):
        shown(lesson_chart, data.load("falls"), "falls", x="period", y="falls", chart="u")


def test_xmr_steps_follow_the_recipe():
    # mean 12; moving ranges 2, 1, 4, 3 -> mean 2.5; limits 12 ± 2.66 × 2.5 = 18.65 and 5.35
    frame = pd.DataFrame({"minutes": [10, 12, 11, 15, 12]})
    html = "".join(item.data for item in shown(xmr_steps, frame, "theatre_start_delay", "minutes"))
    for figure in ("12.00", "2.50", "= <b>18.65</b>", "= <b>5.35</b>", "Moving ranges: 4"):
        assert figure in html


def test_xmr_limits_compared_shows_both_factors():
    frame = pd.DataFrame({"minutes": [10, 12, 11, 15, 12]})
    (table,) = shown(xmr_limits_compared, frame, "minutes")
    assert "18.6500" in table.data  # 2.66 × 2.5 above 12
    assert f"{12 + 3 / 1.128 * 2.5:.4f}" in table.data


def test_lesson_chart_marks_the_notes_of_a_column_at_their_points():
    falls = data.load("falls")
    _, figure, _ = shown(lesson_chart, falls, "falls", x="period", y="falls",
                       n="occupied_bed_days", chart="run", multiply=1000, notes_column="note")
    noted = falls.dropna(subset=["note"])
    texts = " ".join(a.text or "" for a in figure.layout.annotations)
    assert len(noted) > 0 and all(note in texts for note in noted["note"])
