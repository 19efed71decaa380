"""The driver diagram figure: columns left to right, readable boxes, links, a text summary."""

import pytest

from qispread.models.driver_diagram import DriverDiagram
from qispread.plots.driver_diagram import driver_diagram_figure


def sepsis_diagram() -> DriverDiagram:
    """About the size the brief asks to be readable: 4 primary, 8 secondary, 12 change ideas."""
    d = DriverDiagram(
        aim="Increase the percentage of adults with suspected sepsis in the emergency department "
        "at Riverside Hospital who receive antibiotics within 1 hour from 60% to 90% by March 2027."
    )
    p = [
        d.add("primary", text, measure=measure).id
        for text, measure in [
            ("Early recognition of sepsis", "% screened at triage"),
            ("Rapid escalation and review", "Minutes from flag to senior review"),
            ("Timely antibiotic delivery", "% given antibiotics within 1 hour"),
            ("Staff knowledge and confidence", "Staff survey score"),
        ]
    ]
    s = [
        d.add("secondary", text, parents=parents).id
        for text, parents in [
            ("Screening tool used at triage", [p[0]]),
            ("NEWS2 recorded on arrival", [p[0]]),
            ("Clear escalation pathway", [p[1]]),
            ("Senior clinician available 24/7", [p[1], p[2]]),
            ("Antibiotics stocked in the department", [p[2]]),
            ("Prescribing by nurse under PGD", [p[2]]),
            ("Regular sepsis training", [p[3], p[0]]),
            ("Feedback on performance", [p[3]]),
        ]
    ]
    for text, parents in [
        ("Sepsis stamp on triage notes", [s[0]]),
        ("Electronic NEWS2 prompt", [s[1]]),
        ("Sepsis trolley in majors", [s[4]]),
        ("Escalation flowchart on wall", [s[2]]),
        ("Bleep for sepsis lead", [s[2], s[3]]),
        ("Patient group direction for nurses", [s[5]]),
        ("Sepsis six grab bag", [s[4], s[5]]),
        ("Monthly simulation training", [s[6]]),
        ("Sepsis champion on each shift", [s[6], s[7]]),
        ("Weekly run chart on staff board", [s[7]]),
        ("Audit of missed cases with feedback", [s[7], s[0]]),
        ("Induction module for new doctors", [s[6]]),
    ]:
        d.add("change", text, parents=parents)
    return d


@pytest.fixture(scope="module")
def figure():
    return driver_diagram_figure(sepsis_diagram())


def trace(fig, name):
    return next(t for t in fig.data if t.name == name)


def test_columns_run_left_to_right_in_order(figure):
    xs = [
        trace(figure, n).x[0]
        for n in ("Aim", "Primary drivers", "Secondary drivers", "Change ideas")
    ]
    assert xs == sorted(xs)
    assert len(trace(figure, "Change ideas").text) == 12
    assert "Measure: % screened at" in " ".join(trace(figure, "Primary drivers").text)


def test_every_link_has_a_line_and_an_arrowhead(figure):
    links = trace(figure, "links")
    assert list(links.x).count(None) == 4 + 10 + 16  # aim->P, P->S, S->C links
    assert len(trace(figure, "arrowheads").x) == 30


def test_boxes_fit_the_width_and_do_not_overlap(figure):
    assert figure.layout.width <= 1000  # fits a JupyterLab output area beside the file browser
    by_column: dict[float, list] = {}
    for shape in figure.layout.shapes:
        by_column.setdefault(shape.x0, []).append((shape.y0, shape.y1))
        assert 0 <= shape.x0 < shape.x1 <= figure.layout.width
    assert len(by_column) == 4
    for boxes in by_column.values():
        boxes.sort()
        assert all(upper[1] < lower[0] for upper, lower in zip(boxes, boxes[1:], strict=False))


def test_wrapped_lines_are_short_enough_for_a_box(figure):
    for name in ("Aim", "Primary drivers", "Secondary drivers", "Change ideas"):
        for text in trace(figure, name).text:
            for line in text.split("<br>"):
                assert (
                    len(line.replace("<i>", "").replace("</i>", "")) <= 27
                )  # about what fits in a 190 px box at 12 px


def test_children_sit_under_their_parents(figure):
    secondary = trace(figure, "Secondary drivers")
    y = dict(zip(secondary.customdata, secondary.y, strict=True))
    # S1 (under P1 'early recognition') is drawn above S8 (under P4 'staff knowledge')
    assert y["S1"] < y["S8"]  # the y axis runs downwards, like reading order


def test_summary_for_screen_readers_names_every_item_and_link(figure):
    summary = figure.layout.meta["summary"]
    assert summary.startswith("Driver diagram. Aim: Increase the percentage")
    assert "Change ideas (12)" in summary
    assert "C11 Audit of missed cases with feedback (linked to S8, S1)" in summary
    assert "(measure: Staff survey score)" in summary


def test_empty_diagram_shows_placeholders():
    fig = driver_diagram_figure(DriverDiagram())
    assert trace(fig, "Aim").text == ("Your aim goes here",)
    assert trace(fig, "Change ideas").text == ("No change ideas yet",)
    assert "Primary drivers (0): none" in fig.layout.meta["summary"]


@pytest.mark.chromium
def test_renders_to_png(tmp_path, figure):
    path = tmp_path / "diagram.png"
    figure.write_image(path)
    assert path.stat().st_size > 10_000
