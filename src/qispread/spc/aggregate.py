"""Combine rows that share an x value (and facet) into one subgroup, as qicharts2 does.

With n given, a subgroup's y is sum(y) / sum(n); without n it is agg_fun of its values. Rows with a
missing x are dropped. A subgroup whose values are all missing stays as a gap (qicharts2 would sum
them to 0 in some cases; a gap is what a learner expects).

Subgroup order: numbers and dates ascending; categories in their category order; plain text in
order of first appearance (qicharts2 sorts text alphabetically, which puts "Apr" before "Jan").
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from qispread.spc.inputs import Columns


def _ordered_key(values: pd.Series) -> pd.Series:
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values
    if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
        return values
    order = pd.unique(values.dropna())
    return pd.Series(pd.Categorical(values, categories=order), index=values.index)


def is_categorical_x(x: pd.Series) -> bool:
    """qicharts2 draws dots only, with no runs analysis, when x is not a number or a date."""
    return not (pd.api.types.is_numeric_dtype(x) or pd.api.types.is_datetime64_any_dtype(x))


def subgroups(cols: Columns, agg_fun: str) -> dict:
    """One entry per (facet, x), as columns: x, facet, y, n, y_sum, y_length, y_mean, y_sd, notes.

    Columns are NumPy arrays or Series (index 0..n-1); arrays may be shared between columns.
    """
    y = cols.y.copy()
    n = None if cols.n is None else cols.n.copy()
    if n is not None:
        incomplete = np.isnan(y) | np.isnan(n)
        y[incomplete] = np.nan
        n[incomplete] = np.nan
    x, facet, notes = cols.x, cols.facet, cols.notes
    if cols.x_given and x.hasnans:
        keep = x.notna().to_numpy()
        x, y = x[keep], y[keep]
        n = None if n is None else n[keep]
        facet = None if facet is None else facet[keep]
        notes = None if notes is None else notes[keep]
    simple = facet is None and (not cols.x_given or (
        x.is_unique and (x.is_monotonic_increasing or is_categorical_x(x))))
    if simple:
        out = _one_per_row(x, y, n, notes, agg_fun)
    else:
        rows = pd.DataFrame({"x": x, "y": y, "n": np.nan if n is None else n})
        rows["facet"] = facet if facet is not None else np.nan
        rows["notes"] = notes.astype("string") if notes is not None else np.nan
        grouped = _grouped(rows, agg_fun, facet is not None)
        out = {name: grouped[name] for name in grouped.columns}
    if n is not None:
        with np.errstate(divide="ignore", invalid="ignore"):
            out["y"] = np.asarray(out["y_sum"], dtype=float) / np.asarray(out["n"], dtype=float)
    return out


def _one_per_row(x: pd.Series, y: np.ndarray, n, notes, agg_fun: str) -> dict:
    present = ~np.isnan(y)
    sd = np.full(y.shape, np.nan)
    return {
        "x": x.to_numpy(), "facet": np.full(y.shape, np.nan),
        "y": sd if agg_fun == "sd" else y, "n": np.full(y.shape, np.nan) if n is None else n,
        "y_sum": y, "y_length": present.astype(int), "y_mean": y, "y_sd": sd,
        "notes": np.full(y.shape, np.nan) if notes is None else notes.astype("string").to_numpy(),
    }


def _grouped(rows: pd.DataFrame, agg_fun: str, faceted: bool) -> pd.DataFrame:
    keys = [_ordered_key(rows["x"]).rename("x")]
    if faceted:
        keys.insert(0, _ordered_key(rows["facet"]).rename("facet"))
    grouped = rows.groupby(keys, sort=True, observed=True, dropna=True)
    values = grouped["y"]
    out = pd.DataFrame({
        "y_sum": values.sum(min_count=1),
        "y_length": values.count(),
        "y_mean": values.mean(),
        "y_sd": values.std(),
        "n": grouped["n"].sum(min_count=1),
    })
    out["y"] = {"mean": out["y_mean"], "median": values.median(), "sum": out["y_sum"],
                "sd": out["y_sd"]}[agg_fun]
    if rows["notes"].notna().any():
        out["notes"] = grouped["notes"].agg(lambda v: " | ".join(v.dropna()) or pd.NA)
    else:
        out["notes"] = np.nan
    out = out.reset_index()
    for key in ("x", "facet"):
        if key in out and isinstance(out[key].dtype, pd.CategoricalDtype) and not isinstance(
                rows[key].dtype, pd.CategoricalDtype):
            out[key] = out[key].astype(object)
    if not faceted:
        out["facet"] = np.nan
    return out
