"""Where to write the names of the units outside a funnel's limits so that no two overlap.

Greedy: each outlier, the most extreme first, takes the first of its candidate places (above or
below the marker, then right, then left) whose box, in a plot of roughly the export size, clears
every name already placed and every outlier's marker; an outlier with no free place is left to
the hover box (the text equivalent names every one anyway).
"""

from __future__ import annotations

import numpy as np

PLOT_PX = (780.0, 330.0)  # plotting area of a 900 × 540 figure, less margins and legend
CHAR_PX, LINE_PX, GAP_PX = 7.5, 15.0, 9.0


def _box(x: float, y: float, place: str, chars: int) -> tuple[float, float, float, float]:
    width, height = chars * CHAR_PX, LINE_PX
    if place == "top center":
        return x - width / 2, y + GAP_PX, x + width / 2, y + GAP_PX + height
    if place == "bottom center":
        return x - width / 2, y - GAP_PX - height, x + width / 2, y - GAP_PX
    if place == "middle right":
        return x + GAP_PX, y - height / 2, x + GAP_PX + width, y + height / 2
    return x - GAP_PX - width, y - height / 2, x - GAP_PX, y + height / 2


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def label_places(x: np.ndarray, y: np.ndarray, names: list[str], above: np.ndarray,
                 x_range: tuple[float, float], y_range: tuple[float, float],
                 order: np.ndarray) -> list[str | None]:
    """The text position of each name ("top center", ...), or None where none is free."""
    px = (x - x_range[0]) / (x_range[1] - x_range[0] or 1) * PLOT_PX[0]
    py = (y - y_range[0]) / (y_range[1] - y_range[0] or 1) * PLOT_PX[1]
    markers = [(a - 7, b - 7, a + 7, b + 7) for a, b in zip(px, py, strict=True)]
    placed: list[tuple[float, float, float, float]] = []
    places: list[str | None] = [None] * len(names)
    for i in order:
        first = "top center" if above[i] else "bottom center"
        for place in (first, "middle right", "middle left"):
            box = _box(px[i], py[i], place, len(names[i]))
            clear = not any(_overlaps(box, other) for other in placed) and not any(
                _overlaps(box, m) for j, m in enumerate(markers) if j != i)
            if clear and 0 <= box[0] and box[2] <= PLOT_PX[0] + 60:
                places[i] = place
                placed.append(box)
                break
    return places
