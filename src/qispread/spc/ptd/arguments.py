"""Check ptd()'s options: improvement direction, counts, rebase points and targets.

Each problem becomes a DataProblem saying what is wrong and how to fix it.
"""

from __future__ import annotations

from collections.abc import Mapping
from difflib import get_close_matches
from numbers import Real

import numpy as np
import pandas as pd

from qispread.errors import DataProblem
from qispread.spc import vocabulary

# Each direction's sign: +1 when higher is better, -1 when lower is, 0 for neither.
DIRECTIONS = {d: {"increase": 1, "decrease": -1}.get(d, 0) for d in vocabulary.DIRECTIONS}


def suggest(word: str, options) -> str:
    match = get_close_matches(str(word), [str(o) for o in options], n=1, cutoff=0.6)
    return f" Did you mean '{match[0]}'?" if match else ""


def check_direction(improvement_direction) -> int:
    if improvement_direction in DIRECTIONS:
        return DIRECTIONS[improvement_direction]
    raise DataProblem(
        f"improvement_direction '{improvement_direction}' is not one of 'increase', 'decrease' or "
        f"'neutral'.{suggest(str(improvement_direction).lower(), DIRECTIONS)} Use 'increase' when "
        "higher values are better, 'decrease' when lower values are better, 'neutral' when neither."
    )


def check_count(value, name: str, minimum: int, allow_none: bool) -> None:
    if value is None and allow_none:
        return
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise DataProblem(
            f"{name} must be a whole number of at least {minimum}, but it is {value!r}. "
            + ("Leave it out (None) to use all the points." if allow_none else "")
        )


def sort_key(x: pd.Series) -> np.ndarray:
    """x as a plain numpy array that sorts and compares like x (dates become UTC datetime64)."""
    if isinstance(x.dtype, pd.DatetimeTZDtype):
        x = x.dt.tz_convert("UTC").dt.tz_localize(None)
    if pd.api.types.is_datetime64_any_dtype(x):
        return x.to_numpy(dtype="datetime64[ns]")
    return x.to_numpy(dtype=float)


def _rebase_values(rebase, x_key: np.ndarray, is_dates: bool, where: str) -> np.ndarray:
    """Rebase values in the same form as ``x_key``; each must be one of the x values."""
    values = list(rebase) if np.ndim(rebase) else [rebase]
    if is_dates:
        try:
            keys = sort_key(pd.Series(pd.to_datetime(pd.Series(values), format="ISO8601")))
        except (ValueError, TypeError) as err:
            raise DataProblem(
                f"rebase values {values!r}{where} are not dates, but x holds dates. Give rebase "
                "as dates like '2024-04-01'."
            ) from err
    else:
        keys = np.asarray(values)
        if not np.issubdtype(keys.dtype, np.number):
            raise DataProblem(f"rebase values {values!r}{where} must be x values (numbers).")
    absent = [v for v, present in zip(values, np.isin(keys, x_key), strict=True) if not present]
    if absent:
        raise DataProblem(
            f"rebase value{'s' if len(absent) > 1 else ''} {', '.join(map(str, absent))}{where} "
            "not found in x. A rebase must be the x value of the first point of the new period."
        )
    return keys


def rebase_flags(rebase, x_key, is_dates, facet_code, facet_names, has_facet):
    flags = np.zeros(len(x_key), dtype=bool)
    if rebase is None:
        return flags
    if not isinstance(rebase, Mapping):
        flags[np.isin(x_key, _rebase_values(rebase, x_key, is_dates, ""))] = True
        return flags
    if not has_facet:
        raise DataProblem(
            "rebase was given per facet (a dict), but no facet was given. Give a list of x values "
            "instead, e.g. rebase=['2024-04-01']."
        )
    for name, values in rebase.items():
        if name not in facet_names:
            raise DataProblem(
                f"rebase names facet '{name}', which is not in the facet column."
                f"{suggest(name, facet_names)}"
            )
        in_facet = facet_code == facet_names.index(name)
        keys = _rebase_values(values, x_key[in_facet], is_dates, f" for facet '{name}'")
        flags[in_facet & np.isin(x_key, keys)] = True
    return flags


def _target_value(value, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, Real) or not np.isfinite(float(value)):
        raise DataProblem(f"target{where} must be a number, such as 0.95 or 95, not {value!r}.")
    return float(value)


def targets_by_facet(target, facet_names, has_facet) -> dict:
    if target is None:
        return {}
    if not isinstance(target, Mapping):
        value = _target_value(target, "")
        return dict.fromkeys(facet_names, value)
    if not has_facet:
        raise DataProblem(
            "target was given per facet (a dict), but no facet was given. Give one number instead."
        )
    targets = {}
    for name, value in target.items():
        if name not in facet_names:
            raise DataProblem(
                f"target names facet '{name}', which is not in the facet column."
                f"{suggest(name, facet_names)}"
            )
        targets[name] = _target_value(value, f" for facet '{name}'")
    return targets
