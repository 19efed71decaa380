"""Numbers and dates written the way a learner reads them."""

from __future__ import annotations

import numpy as np
import pandas as pd


def number(value: float) -> str:
    """Four significant figures, never scientific notation: 1712, 0.1416, -3.063."""
    if value is None or not np.isfinite(value):
        return "not available"
    text = np.format_float_positional(
        float(value), precision=4, unique=False, fractional=False, trim="-"
    )
    return "0" if text in ("-0", "0") else text


def x_value(value) -> str:
    if isinstance(value, pd.Timestamp):
        if value == value.normalize():
            return f"{value.day} {value.strftime('%B %Y')}"
        return value.isoformat(sep=" ")
    if isinstance(value, (float, np.floating)):
        return number(float(value))
    return str(value)


def chart_name(facet, has_facet: bool) -> str:
    return f"'{facet}'" if has_facet else "the chart"
