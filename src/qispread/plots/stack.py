"""Blocks of text stacked one under another about a middle: the names sharing a cell of the
stakeholder map, the causes beside a fishbone's bone."""

from __future__ import annotations


def stacked(sizes: list[float], middle: float) -> list[tuple[float, float]]:
    """Each block's (top, bottom) for blocks ``sizes`` tall, the first on top, the whole stack
    centred on ``middle`` (heights grow upwards)."""
    top = middle + sum(sizes) / 2
    spans = []
    for size in sizes:
        spans.append((top, top - size))
        top -= size
    return spans
