"""Reading a figure back as a user sees it: traces by role, and which points carry which mark."""

from __future__ import annotations


def traces(fig, role):
    return [t for t in fig.data if isinstance(t.meta, dict) and t.meta.get("role") == role]


def marked_points(fig, *kinds):
    """1-based positions (along the drawn series, across parts and panels) of the points drawn
    with a marker of one of ``kinds``, in order."""
    position = {}
    for trace in traces(fig, "data"):
        for x in trace.x:
            position[(trace.xaxis, x)] = len(position) + 1
    found = [position[(t.xaxis, x)] for t in traces(fig, "points") if t.meta["kind"] in kinds
             for x in t.x]
    return sorted(found)


def marker_traces(fig, kind):
    """The marker traces drawn for ``kind``: one per part, each with a single style."""
    return [t for t in traces(fig, "points") if t.meta["kind"] == kind]
