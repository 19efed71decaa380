"""funnel()'s arguments checked and its rows summed per unit (group), as FunnelPlotR aggregates.

Every problem becomes a DataProblem naming the column or row and the fix.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from qispread.errors import DataProblem
from qispread.spc.inputs import _as_numbers, _column

DATA_TYPES = {"SR": "indirectly standardised ratios (observed / expected)",
              "PR": "proportions", "RC": "ratios of counts"}
SR_METHODS = ("SHMI", "CQC")
ADJUSTMENTS = ("additive", "multiplicative")


@dataclass(frozen=True)
class Units:
    group: np.ndarray  # one name per unit, as text
    numerator: np.ndarray
    denominator: np.ndarray
    numerator_name: str
    denominator_name: str


def check_choice(value, options, name: str, meaning: str) -> str:
    if isinstance(value, str) and value.upper() in {o.upper() for o in options}:
        return next(o for o in options if o.upper() == value.upper())
    raise DataProblem(f"{name}={value!r} is not one of {', '.join(map(repr, options))}. "
                      f"{meaning}")


def check_limit(limit) -> str:
    if limit in (95, 99, 99.8, "95", "99", "99.8"):
        return "95" if float(limit) == 95 else "99"
    raise DataProblem(f"limit={limit!r} is not a funnel limit: give 95 (the 95% limits) or 99 "
                      "(the 99.8% limits, FunnelPlotR's name for them; 99.8 also works).")


def check_trim(trim_by) -> float:
    if isinstance(trim_by, (int, float)) and not isinstance(trim_by, bool) and \
            0 < trim_by < 0.5:
        return float(trim_by)
    raise DataProblem(f"trim_by={trim_by!r} must be a share between 0 and 0.5, for example 0.1 "
                      "to winsorise (or truncate) 10% at each end.")


def _missing(values: np.ndarray, name: str) -> None:
    if np.isnan(values).any():
        row = int(np.flatnonzero(np.isnan(values))[0]) + 1
        raise DataProblem(f"In {name}, row {row} is empty. Fill it in, or leave that row out of "
                          "the table.")


def read_units(data, numerator, denominator, group, data_type: str) -> Units:
    if data is not None and not isinstance(data, pd.DataFrame):
        raise DataProblem("data must be a table (a pandas DataFrame), for example "
                          "data=load('ae_attendances').")
    for value, role in ((numerator, "numerator"), (denominator, "denominator"),
                        (group, "group")):
        if value is None:
            raise DataProblem(f"funnel() needs {role}=..., a column name of data or the values.")
    num_values, num_name = _column(numerator, data, "numerator")
    den_values, den_name = _column(denominator, data, "denominator")
    group_values, _ = _column(group, data, "group")
    num = _as_numbers(num_values, num_name)
    den = _as_numbers(den_values, den_name)
    groups = pd.Series(group_values).reset_index(drop=True)
    if not len(num) == len(den) == len(groups):
        raise DataProblem(f"numerator, denominator and group must be the same length; they are "
                          f"{len(num)}, {len(den)} and {len(groups)}.")
    _missing(num, num_name)
    _missing(den, den_name)
    if groups.isna().any():
        row = int(np.flatnonzero(groups.isna().to_numpy())[0]) + 1
        raise DataProblem(f"Row {row} has no group (unit) name. Give every row the name of its "
                          "site, team or department.")
    return _aggregated(groups, num, den, num_name, den_name, data_type)


def _aggregated(groups: pd.Series, num: np.ndarray, den: np.ndarray, num_name: str,
                den_name: str, data_type: str) -> Units:
    codes, names = pd.factorize(groups.astype(str), sort=True)
    numerator = np.bincount(codes, weights=num, minlength=len(names))
    denominator = np.bincount(codes, weights=den, minlength=len(names))
    labels = np.asarray(names, dtype=object)
    _check_units(labels, numerator, denominator, num_name, den_name, data_type)
    return Units(labels, numerator, denominator, num_name, den_name)


def _check_units(names, numerator, denominator, num_name, den_name, data_type) -> None:
    if len(names) < 2:
        raise DataProblem("A funnel plot compares units, but the data hold only "
                          f"{len(names)} (group). Give one row or more for each of several units.")
    if (numerator < 0).any():
        bad = names[np.flatnonzero(numerator < 0)[0]]
        raise DataProblem(f"Unit {bad} has a negative total in {num_name}; a count cannot be "
                          "negative. Fix its rows.")
    if (denominator <= 0).any():
        bad = names[np.flatnonzero(denominator <= 0)[0]]
        raise DataProblem(f"Unit {bad} has a total of 0 or less in {den_name}; every unit needs "
                          "a denominator above zero. Fix its rows or leave the unit out.")
    if data_type == "PR" and (numerator > denominator).any():
        bad = names[np.flatnonzero(numerator > denominator)[0]]
        raise DataProblem(f"Unit {bad} has more in {num_name} than in {den_name}: a proportion "
                          "cannot be above 1. Check whether the two columns are swapped.")
    if numerator.sum() <= 0:
        raise DataProblem(f"{num_name} is zero for every unit, so there is nothing to compare.")
