"""The stakeholder map: however many people share a cell, each is drawn at their own level of
influence (never drifting into the next), in the order the learner listed them, and the grid grows
taller rather than squeeze their names together."""

from __future__ import annotations

import pytest

from qispread.models import load_stakeholder_map
from qispread.models.project import example_project
from qispread.models.stakeholders import Stakeholder, StakeholderMap
from qispread.plots.stakeholder_grid import stakeholder_grid_figure

LONG = "Chief operating officer and deputy chief executive"


def _crowd(count: int) -> StakeholderMap:
    names = [f"Board member {i}" for i in range(count - 1)] + [LONG]
    return StakeholderMap(tuple(
        [Stakeholder(name, "staff", influence=4, interest=4) for name in names]
        + [Stakeholder("Ward manager", "staff", influence=3, interest=4),
           Stakeholder("Carers", "public", influence=1, interest=4)]))


def _drawn(fig) -> dict[str, float]:
    """Each name (lines joined) and the height it is drawn at."""
    return {text.replace("<br>", " "): y for trace in fig.data
            for text, y in zip(trace.text, trace.y, strict=True)}


@pytest.mark.parametrize("grid", [_crowd(2), _crowd(5), _crowd(12),
                                  load_stakeholder_map(example_project().path("stakeholders"))],
                         ids=["two", "five", "twelve", "example"])
def test_each_person_is_drawn_at_their_own_level_in_the_order_listed(grid):
    fig = stakeholder_grid_figure(grid)
    drawn = _drawn(fig)
    for person in grid.stakeholders:
        assert abs(drawn[person.name] - person.influence) < 0.5, person.name
    corners = [a.y for a in fig.layout.annotations]
    assert all(not 0.5 <= y <= 4.5 for y in corners)  # the corners' names clear every level
    board = [drawn[p.name] for p in grid.stakeholders if (p.influence, p.interest) == (4, 4)]
    assert board == sorted(board, reverse=True)


def test_a_crowded_cell_makes_the_grid_taller_not_its_names_closer():
    heights = [stakeholder_grid_figure(_crowd(n)).layout.height for n in (2, 5, 12)]
    assert heights[0] < heights[1] < heights[2]
    fig = stakeholder_grid_figure(_crowd(12))
    pixels_per_level = (fig.layout.height - fig.layout.margin.t - fig.layout.margin.b) / (
        fig.layout.yaxis.range[1] - fig.layout.yaxis.range[0])
    board = sorted(y for name, y in _drawn(fig).items() if name.startswith("Board member"))
    closest = min(b - a for a, b in zip(board, board[1:], strict=False)) * pixels_per_level
    assert closest >= 16  # a line of the 13-pixel names
