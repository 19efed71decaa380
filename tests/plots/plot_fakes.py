"""Stand-ins for qic() and ptd() results with exactly the documented columns.

Used until the analysis lands, and to pin down corner cases (gaps, parts, facets) the figure
builders must draw. The values are inputs to the drawing code, not results it is tested on.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd


@dataclass
class FakeQicResult:
    chart: str
    data: pd.DataFrame
    method: str = "anhoej"
    explanations: list[str] = field(default_factory=list)
    multiply: float = 1

    def explain(self) -> list[str]:
        return list(self.explanations)


def qic_data(y, cl, lcl=None, ucl=None, *, x=None, n=None, part=None, freeze=None,
             exclude=(), runs_signal=False, sigma_points=None, facet=None, notes=None):
    """Rows as qic() documents them; cl/lcl/ucl may be scalars or per-point lists.

    ``part`` gives 1-based first points of new parts (as qicharts2's part argument);
    ``sigma_points`` 1-based signal points (default: points outside the limits);
    ``runs_signal`` one bool or one per part.
    """
    y = pd.Series(y, dtype=float)
    size = len(y)
    x = pd.Series(range(1, size + 1)) if x is None else pd.Series(x)

    def per_point(value):
        if value is None:
            return pd.Series([np.nan] * size)
        return pd.Series(value if np.ndim(value) else [value] * size, dtype=float)

    cl, lcl, ucl = per_point(cl), per_point(lcl), per_point(ucl)
    part_no = np.ones(size, dtype=int)
    for start in part or []:
        part_no[start - 1:] += 1
    include = np.ones(size, dtype=bool)
    for point in exclude:
        include[point - 1] = False
    baseline = np.ones(size, dtype=bool)
    if freeze:
        baseline[freeze:] = False
    if sigma_points is None:
        sigma = ((y > ucl) | (y < lcl)).to_numpy() & include
    else:
        sigma = np.zeros(size, dtype=bool)
        sigma[[p - 1 for p in sigma_points]] = True
    flags = runs_signal if isinstance(runs_signal, (list, tuple)) else [runs_signal] * part_no.max()
    return pd.DataFrame({
        "x": x, "y": y, "n": per_point(n) if n is not None else 1.0,
        "y_sum": y, "y_length": 1, "y_mean": y, "y_sd": np.nan,
        "cl": cl, "lcl": lcl, "ucl": ucl, "lcl_95": cl - (cl - lcl) * 2 / 3,
        "ucl_95": cl + (ucl - cl) * 2 / 3, "part": part_no, "baseline": baseline,
        "include": include, "n_obs": size, "n_useful": size, "longest_run": 5,
        "longest_run_max": 8, "n_crossings": 12, "n_crossings_min": 10,
        "runs_signal": [bool(flags[p - 1]) for p in part_no], "sigma_signal": sigma,
        "facet": facet if facet is not None else 1, "notes": notes if notes is not None else None,
    })
