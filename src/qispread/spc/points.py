"""freeze, part and exclude: point numbers counting from 1 (as qicharts2), or x values."""

from __future__ import annotations

import numbers

import numpy as np
import pandas as pd

from qispread.errors import DataProblem


def _is_point_number(value) -> bool:
    return isinstance(value, numbers.Integral | np.integer) or (
        isinstance(value, float | np.floating) and float(value).is_integer())


def _position_of(value, x: pd.Series, role: str) -> int:
    """1-based position of an x value (a date, a label) among the subgroups."""
    if pd.api.types.is_datetime64_any_dtype(x):
        try:
            target = pd.Timestamp(value)
        except (ValueError, TypeError):
            target = None
        hits: np.ndarray | list[int] = (
            np.flatnonzero((x == target).to_numpy()) if target is not None else [])
    else:
        hits = np.flatnonzero((x.astype(str) == str(value)).to_numpy())
    if len(hits) == 0:
        raise DataProblem(
            f"{role}={value!r} is neither a point number nor one of the x values in the data. "
            f"Give a point number counting from 1, or an x value such as {x.iloc[0]!r}."
        )
    return int(hits[0]) + 1


def _as_list(value) -> list:
    if value is None:
        return []
    if isinstance(value, list | tuple | np.ndarray | pd.Series | pd.Index):
        return list(value)
    return [value]


def _to_position(value, x: pd.Series, role: str) -> int:
    return int(value) if _is_point_number(value) else _position_of(value, x, role)


def resolve_freeze(freeze, x: pd.Series, n_points: int) -> int | None:
    if freeze is None:
        return None
    position = _to_position(freeze, x, "freeze")
    if not 1 <= position <= n_points:
        raise DataProblem(
            f"freeze={freeze} is outside the data, which has {n_points} points. freeze is the "
            "number of points (counting from 1) that form the baseline; use 1 to "
            f"{n_points}."
        )
    return position


def resolve_part(part, x: pd.Series, n_points: int) -> list[int]:
    """Counts of points before each break. An x value marks the first point of a new part."""
    counts = []
    for value in _as_list(part):
        count = int(value) if _is_point_number(value) else _position_of(value, x, "part") - 1
        if not 1 <= count < n_points:
            raise DataProblem(
                f"part={value} is outside the data, which has {n_points} points. part gives the "
                "number of points before each break (part=[12] starts a new part at point 13), "
                f"so use 1 to {n_points - 1}."
            )
        counts.append(count)
    return sorted(set(counts))


def resolve_exclude(exclude, x: pd.Series, n_points: int) -> list[int]:
    positions = []
    for value in _as_list(exclude):
        position = _to_position(value, x, "exclude")
        if not 1 <= position <= n_points:
            raise DataProblem(
                f"exclude={value} is outside the data, which has {n_points} points. exclude "
                f"takes point numbers counting from 1, so use 1 to {n_points}."
            )
        positions.append(position)
    return positions


def part_numbers(counts: list[int], positions: np.ndarray) -> np.ndarray:
    """Part number (1, 2, ...) of each point at 0-based `positions`, breaking after each count."""
    if not counts:
        return np.ones(len(positions), dtype=int)
    return np.searchsorted(np.asarray(counts, dtype=int), positions, side="right") + 1
