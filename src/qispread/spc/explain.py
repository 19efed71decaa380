"""Plain-English explanations of a qic() result, for learners who are not statisticians."""

from __future__ import annotations

import numpy as np
import pandas as pd

from qispread.spc.aggregate import is_categorical_x
from qispread.spc.ihi_rules import SHIFT_LENGTH, TREND_LENGTH, perla_runs_table
from qispread.spc.runs import run_lengths, useful_mask

MAX_LISTED = 5


class XLabels:
    """x values as people write them: "March 2023" for monthly dates, "point 4" for positions.

    Indexed like a list; each label is formatted only when a sentence needs it (a series may hold
    a million points, and an explanation names a handful).
    """

    def __init__(self, values: pd.Series, x_given: bool) -> None:
        self._values = values.reset_index(drop=True)
        self._style = "position"
        if x_given:
            self._style = "text"
            if pd.api.types.is_datetime64_any_dtype(values):
                stamps = pd.DatetimeIndex(values)
                monthly = ((stamps.day == 1) & (stamps.normalize() == stamps)).all()
                self._style = "month" if monthly else "day"
            elif pd.api.types.is_numeric_dtype(values):
                self._style = "number"

    def __len__(self) -> int:
        return len(self._values)

    def __getitem__(self, i: int) -> str:
        v = self._values.iloc[i]
        if self._style == "position":
            return f"point {int(v)}"
        if self._style == "month":
            return v.strftime("%B %Y")
        if self._style == "day":
            return f"{v.day} {v.strftime('%B %Y')}"
        if self._style == "number":
            return f"{v:g}"
        return str(v)


def _listing(labels: list[str]) -> str:
    if len(labels) > MAX_LISTED:
        return ", ".join(labels[:MAX_LISTED]) + f" and {len(labels) - MAX_LISTED} more"
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def _span(labels: list[str], first: int, last: int, final: int) -> str:
    if last == final:
        return f"from {labels[first]} onwards"
    return f"from {labels[first]} to {labels[last]}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _runs(y, cl, include) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Positions of useful points, their sides, and the (start, length) of each run."""
    positions = np.flatnonzero(useful_mask(y, cl) & include)
    sides = np.sign(y[positions] - cl[positions])
    lengths = run_lengths(sides)
    return positions, sides, lengths


def _anhoej_sentences(part, labels, centre) -> list[str]:
    row = part.iloc[0]
    out = []
    y, cl = part["y"].to_numpy(float), part["cl"].to_numpy(float)
    include = part["include"].to_numpy(bool)
    if row["longest_run"] > row["longest_run_max"]:
        positions, sides, lengths = _runs(y, cl, include)
        starts = np.r_[0, np.cumsum(lengths)[:-1]]
        longest = int(np.argmax(lengths))
        first = positions[starts[longest]]
        last = positions[starts[longest] + lengths[longest] - 1]
        side = "above" if sides[starts[longest]] > 0 else "below"
        out.append(
            f"{lengths[longest]} points in a row {side} the {centre} "
            f"{_span(labels, first, last, positions[-1])}: an unusually long run (more than "
            f"{int(row['longest_run_max'])} in a row is unlikely by chance with "
            f"{row['n_useful']} useful points), which suggests the process has shifted."
        )
    if row["n_crossings"] < row["n_crossings_min"]:
        out.append(
            f"The line crosses the {centre} only {_plural(int(row['n_crossings']), 'time')} "
            f"(with {row['n_useful']} useful points, fewer than {int(row['n_crossings_min'])} "
            "crossings is unlikely by chance): the points stay on one side for long stretches, "
            "which suggests the process has shifted."
        )
    return out


def _mask_spans(mask: np.ndarray) -> list[tuple[int, int]]:
    edges = np.diff(np.r_[0, mask.astype(int), 0])
    return list(zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) - 1, strict=True))


def _ihi_sentences(part, labels, centre) -> list[str]:
    out = []
    y, cl = part["y"].to_numpy(float), part["cl"].to_numpy(float)
    final = len(labels) - 1
    positions, sides, lengths = _runs(y, cl, part["include"].to_numpy(bool))
    starts = np.r_[0, np.cumsum(lengths)[:-1]]
    for start, length in zip(starts, lengths, strict=True):
        if length < SHIFT_LENGTH:
            continue
        first, last = positions[start], positions[start + length - 1]
        side = "above" if sides[start] > 0 else "below"
        out.append(
            f"{length} points in a row {side} the {centre} {_span(labels, first, last, final)}: "
            f"a shift ({SHIFT_LENGTH} or more in a row), which suggests the process has changed."
        )
    for first, last in _mask_spans(part["trend_signal"].to_numpy(bool)):
        direction = "up" if y[last] > y[first] else "down"
        count = np.unique(y[first:last + 1]).size
        out.append(
            f"{count} points going steadily {direction} {_span(labels, first, last, final)}: a "
            f"trend ({TREND_LENGTH} or more in a row all going the same way), which suggests the "
            "process is changing."
        )
    if part["runs_count_signal"].iloc[0]:
        n_useful = int(part["n_useful"].iloc[0])
        runs = int(part["n_crossings"].iloc[0]) + 1
        lower, upper = perla_runs_table(n_useful)
        meaning = (f"the points stay on one side of the {centre} for long stretches, which "
                   "suggests a shift" if runs < lower else
                   "the points flip from side to side more than chance would, which suggests "
                   "two processes mixed together (for example two wards or two shifts)")
        out.append(
            f"There are {runs} runs, but between {lower} and {upper} would be expected with "
            f"{n_useful} useful points: {meaning}."
        )
    return out


def _sigma_sentences(part, labels) -> list[str]:
    out = []
    y = part["y"].to_numpy(float)
    with np.errstate(invalid="ignore"):
        above = np.flatnonzero(y > part["ucl"].to_numpy(float))
        below = np.flatnonzero(y < part["lcl"].to_numpy(float))
    for where, limit in ((above, "above the upper"), (below, "below the lower")):
        if where.size:
            out.append(
                f"{_plural(where.size, 'point')} {limit} control limit "
                f"({_listing([labels[i] for i in where])}): a point outside the limits is "
                "unlikely by chance alone, which suggests a special cause worth looking into."
            )
    return out


class _PartLabels:
    """One part's view of the labels: position 0 is the part's first row."""

    def __init__(self, labels: XLabels, rows: pd.Index) -> None:
        self._labels, self._rows = labels, rows

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, i: int) -> str:
        return self._labels[self._rows[i]]


def _where(part, several_groups: bool, has_parts: bool) -> str:
    if not several_groups:
        return ""
    facet, number = part["facet"].iloc[0], int(part["part"].iloc[0])
    pieces = [str(facet)] if pd.notna(facet) else []
    if has_parts:
        pieces.append(f"part {number}" if pieces else f"Part {number}")
    return f"{', '.join(pieces)}: " if pieces else ""


def explain(result) -> list[str]:
    d = result.data
    labels_all = XLabels(d["x"], result.x_given)
    centre = "median" if result.chart in {"run", "g"} else "centre line"
    keyed = d.assign(_key=d["facet"].astype(str))
    groups = list(keyed.groupby(["_key", "part"], sort=False, dropna=False))
    several = len(groups) > 1
    sentences: list[str] = []
    categorical = is_categorical_x(d["x"])
    runs_checked = result.chart != "mr" and not categorical and d["n_useful"].max() > 0
    has_parts = d["part"].max() > 1
    for _, part in groups:
        labels = _PartLabels(labels_all, part.index)
        found = _sigma_sentences(part, labels)
        if runs_checked and part["runs_signal"].any():
            found = (_ihi_sentences(part, labels, centre) if result.method == "ihi"
                     else _anhoej_sentences(part, labels, centre)) + found
        prefix = _where(part, several, has_parts)
        if not found and runs_checked:
            kind = "the runs look" if result.chart == "run" else "the points look"
            found = [f"No signals: {kind} random, so the variation looks like common cause "
                     "variation (the everyday ups and downs of a stable process)."]
        elif not found and result.chart != "run":
            found = ["No points are outside the control limits."]
        sentences += [prefix + (s if not prefix else s[0].lower() + s[1:]) for s in found]
    if result.chart == "mr":
        sentences.append("Runs are not checked on an MR chart, only points outside the limits.")
    elif categorical:
        sentences.append("Runs are not checked because x holds categories, not a time order.")
    if result.method == "ihi":
        sentences.append(
            "The fourth IHI rule, an astronomical point (one obviously different from all the "
            "others), is a judgement call: it is not checked automatically, so look for one."
        )
    return sentences
