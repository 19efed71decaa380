"""One package's output against one reference check: the value it gave and whether it matches.

A number matches when it agrees with the reference to the precision the reference is printed
with (half a unit in its last decimal place); counts, flags and point lists must be equal.
"""

from __future__ import annotations

UNAVAILABLE = None


def decimals(expected: float) -> int:
    text = repr(float(expected))
    return len(text.split(".")[1]) if "." in text and "e" not in text else 6


def tolerance(expected: float) -> float:
    return 0.5 * 10 ** -decimals(expected) + 1e-12 * abs(expected)


def _close(value, expected) -> bool:
    if value is None or expected is None:
        return value is None and expected is None
    return abs(value - expected) <= tolerance(expected)


def _show(value, expected=None) -> str:
    """A number to one more decimal place than the reference gives (so a match looks like one)."""
    if value is None:
        return "none"
    if isinstance(value, (bool, str)):
        return str(value)
    if isinstance(expected, float) and not float(expected).is_integer():
        return f"{value:.{decimals(expected) + 1}f}"
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.6g}"


def align(output: dict, job: dict) -> dict:
    """An MR chart given without its empty first moving range is shifted to qicharts2's rows."""
    if job["chart"] != "mr" or output.get("status") != "ok":
        return output
    if len(output["y"]) == len(job["y"]) - 1:
        shifted = {k: [None, *output[k]] for k in ("cl", "lcl", "ucl", "y")}
        return output | shifted | {
            "sigma_points": [p + 1 for p in output["sigma_points"]],
            "notes": [*output.get("notes", []),
                      "returns one row fewer (no empty first moving range); aligned here"]}
    return output


def _points(output: dict, kind: str, within) -> list[int] | None:
    if kind == "sigma":
        found = output["sigma_points"]
    elif output.get("special") is None:
        return UNAVAILABLE
    elif kind == "any":
        found = sorted(p for points in output["special"].values() for p in points)
    else:
        found = output["special"][kind]
    return [p for p in found if within is None or p in within]


def check(output: dict, quantity: str, expected, kind: str, where) -> tuple[str, bool | None]:
    """(what the package gave, matches?) — matches is None when it gives no such quantity."""
    if kind == "table":
        return _table(output["table"], expected)
    if kind == "runs":
        runs = output.get("runs")
        if not runs:
            return "no runs analysis", None
        name = quantity.split(" (")[0]
        value = runs[where - 1][name]
        matched = value == expected if isinstance(expected, bool) else _close(value, expected)
        return _show(value), matched
    if kind == "points":
        found = _points(output, *where)
        if found is UNAVAILABLE:
            return "no Making Data Count rules", None
        return (", ".join(map(str, found)) or "none"), found == expected
    if kind == "count":
        value = len(output["sigma_points"])
        return str(value), value == expected
    if kind == "mean":
        values = [v for v in output[where] if v is not None]
        value = sum(values) / len(values) if values else None
        return _show(value, expected), _close(value, expected)
    name = quantity.split(" (")[0].split("[")[0]
    name = {"mean": "cl", "lpl": "lcl", "upl": "ucl"}.get(name, name)
    line = output[name]
    # A row without a value may have no lines (controlchartspy); that is not a difference.
    rows = [p - 1 for p in where] if where else [
        i for i, v in enumerate(line) if not (v is None and output["y"][i] is None)]
    values = [line[i] for i in rows]
    if all(_close(v, expected) for v in values):
        return _show(values[0], expected), True
    shown = sorted({_show(v, expected) for v in values}, key=lambda s: (len(s), s))
    return (shown[0] if len(shown) == 1 else f"{shown[0]} … {shown[-1]}"), False


def _table(table: list[list[int]], expected: list[list[int]]) -> tuple[str, bool]:
    """Anhøj critical values: rows are [n, longest_run_max, n_crossings_min]."""
    parts = []
    for column, name in ((1, "longest-run limit"), (2, "crossings limit")):
        off = [(mine[0], mine[column] - ref[column])
               for mine, ref in zip(table, expected, strict=True) if mine[column] != ref[column]]
        if off:
            low = sum(d < 0 for _, d in off)
            parts.append(f"{name} differs at {len(off)} of {len(expected)} n "
                         f"({low} lower, {len(off) - low} higher; n={off[0][0]}: "
                         f"{off[0][1]:+d})")
    if not parts:
        return f"all {len(expected)} rows equal", True
    return "; ".join(parts), False


def worst(matches: list[bool | None]) -> str:
    known = [m for m in matches if m is not None]
    if not known:
        return "not offered"
    differing = known.count(False)
    missing = len(matches) - len(known)
    text = f"all {len(known)} match" if not differing else f"{differing} of {len(known)} differ"
    return text + (f"; {missing} not offered" if missing else "")

