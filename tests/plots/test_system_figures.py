"""Figures for understanding the system: they show the models' own numbers, tell kinds apart by
shape as well as colour, carry a text equivalent, and stay readable when a map has many lanes or a
fishbone many causes."""

import itertools
import sys
from pathlib import Path

import pytest

from qispread.models.demand_capacity import QueueSettings, simulate_queue
from qispread.models.fishbone import Cause, Fishbone
from qispread.models.pareto import pareto
from qispread.models.process_map import ProcessMap, Step
from qispread.plots.export import figure_summary
from qispread.plots.fishbone import fishbone_figure
from qispread.plots.pareto import pareto_figure
from qispread.plots.process_map import KIND_STYLE, process_map_figure
from qispread.plots.queue import queue_figure

sys.path.insert(0, str(Path(__file__).parents[1] / "models"))
from test_fishbone import late_antibiotics  # noqa: E402
from test_pareto import FALLS  # noqa: E402
from test_process_map import arrival_to_ward  # noqa: E402


def test_process_map_kinds_differ_in_shape_and_every_step_is_drawn_in_its_lane():
    assert len({style["symbol"] for style in KIND_STYLE.values()}) == len(KIND_STYLE)
    process = arrival_to_ward()
    fig = process_map_figure(process)
    markers = [t for t in fig.data if t.mode == "markers+text"]
    assert sum(len(t.x) for t in markers) == len(process.steps)
    ticks = list(fig.layout.xaxis.ticktext)
    assert ticks == process.lanes
    wait = next(t for t in markers if t.name == "waiting")
    assert [ticks[x] for x in wait.x] == ["Reception", "Doctor", "Bed manager"]
    assert "120 min" in wait.text[-1]


def test_process_map_connector_turns_at_right_angles():
    fig = process_map_figure(arrival_to_ward())
    line = fig.data[0]
    corners = list(zip(line.x, line.y, strict=True))
    for (x0, y0), (x1, y1) in itertools.pairwise(corners):
        assert x0 == x1 or y0 == y1


def test_process_map_connector_crosses_lanes_between_rows_of_labels():
    fig = process_map_figure(arrival_to_ward())
    line = fig.data[0]
    corners = list(zip(line.x, line.y, strict=True))
    across = [(y0, y1) for (x0, y0), (x1, y1) in itertools.pairwise(corners) if x0 != x1]
    assert across and all(y0 == y1 and y0 % 1 == 0.5 for y0, y1 in across)


def test_many_lanes_keep_their_names_level_and_wrapped_to_a_lane():
    lanes = ["Patient", "Triage nurse", "Emergency department doctor", "Pharmacy",
             "Radiology department", "Porter", "Bed manager"]
    fig = process_map_figure(ProcessMap("Arrival to ward", [
        Step("A step that takes a while to describe", lane) for lane in lanes]))
    assert fig.layout.xaxis.tickangle == 0
    headers = [text.split("<br>") for text in fig.layout.xaxis.ticktext]
    assert [" ".join(lines) for lines in headers] == lanes
    assert headers[2] != [lanes[2]]  # the longest name is wrapped, not turned on its side


def test_process_map_summary_is_the_text_equivalent_and_reading():
    summary = figure_summary(process_map_figure(arrival_to_ward()))
    assert "10. Taken to the ward (Porter; value-adding; 10 minutes)" in summary
    assert "The longest wait is 'Wait for a bed'" in summary


def test_fishbone_marks_likely_causes_by_a_star_and_names_every_category():
    fig = fishbone_figure(late_antibiotics())
    texts = [a.text for a in fig.layout.annotations]
    for name in late_antibiotics().categories:
        assert f"<b>{name}</b>" in texts
    assert any("★ Screening done late" in t for t in texts)
    assert any("• Agency staff unsure" in t for t in texts)
    assert "[most likely]" in figure_summary(fig)


def test_fishbone_grows_taller_for_a_long_list_of_causes_and_lists_each_once():
    def drawn(count):
        causes = [Cause(f"Cause number {i} described at some length") for i in range(count)]
        return fishbone_figure(Fishbone("Late antibiotics", {"People": causes, "Methods": []}))

    few, many = drawn(2), drawn(12)
    assert many.layout.height > few.layout.height == 560  # a few causes: as it always was
    listed = [a.text for a in many.layout.annotations if "Cause number" in a.text]
    assert [text.replace("<br>  ", " ") for text in listed] == [
        f"• Cause number {i} described at some length" for i in range(12)]
    heights = [a.y for a in many.layout.annotations if "Cause number" in a.text]
    assert heights == sorted(heights, reverse=True)  # in the order the team listed them
    assert all(0 < y < 1.12 for y in heights)  # between the spine and the bone's name


def test_pareto_figure_shows_the_table_values_in_order():
    result = pareto(FALLS, category="cause", count="falls", weight="harm")
    fig = pareto_figure(result)
    bars, running = fig.data[0], fig.data[1]
    assert list(bars.x) == list(result.table["category"])
    assert list(bars.y) == list(result.table["total"])
    assert list(running.y) == pytest.approx(list(100 * result.table["cumulative_share"]))
    assert "bed exit 60 (39.0%; running 39.0%)" in figure_summary(fig)


def test_queue_figure_shows_one_run_and_the_band_of_runs():
    runs = simulate_queue(QueueSettings(runs=200, seed=2))
    fig = queue_figure(runs)
    one = next(t for t in fig.data if t.name == "One run")
    assert list(one.y) == list(runs.backlog[0])
    assert any(t.name == "Middle 90% of runs" for t in fig.data)
    assert "averaged over 200 runs" in figure_summary(fig)
