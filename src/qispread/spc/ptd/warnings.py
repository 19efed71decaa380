"""Plain-English cautions about a ptd() result.

Short periods: NHSRplotthedots 0.2.2 flags periods of fewer than 12 points
(R/ptd_add_short_group_warnings.R) and its article "How many points are required for robust
control limits?" calls limits from fewer points "trial limits" that are revised as data arrive.
This project warns below 13 points used for the limits, as its issue asks. (A Making Data Count
recommendation of at least 15-20 points is unverified here.)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from qispread.spc.ptd.wording import chart_name, x_value

SHORT_PERIOD_POINTS = 13


def _short_period_warnings(table: pd.DataFrame, n_used, group, has_facet) -> list[tuple]:
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    found = []
    for g in np.flatnonzero(n_used < SHORT_PERIOD_POINTS):
        row = table.iloc[starts[g]]
        facet = row["facet"]
        where = chart_name(facet, has_facet)
        text = (
            f"The limits for {where} (period starting {x_value(row['x'])}) come from only "
            f"{n_used[g]} points. Limits from fewer than {SHORT_PERIOD_POINTS} points are trial "
            "limits: they can move noticeably as more data arrive, so treat signals with caution "
            "and recalculate once you have more points."
        )
        found.append((facet, text))
    return found


def collect_warnings(table, n_used, group, improvement_direction, targets, has_facet):
    """(facet, text) pairs, in chart order."""
    found = _short_period_warnings(table, n_used, group, has_facet)
    if improvement_direction == "neutral":
        for facet in targets:
            found.append(
                (
                    facet,
                    f"A target was given for {chart_name(facet, has_facet)}, but "
                    "improvement_direction is 'neutral', so there is no assurance judgement: a "
                    "target only makes sense when one direction is better. Set "
                    "improvement_direction to 'increase' or 'decrease', or leave the target out.",
                )
            )
    return found
