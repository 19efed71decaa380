"""95% and 99.8% funnel limits at given denominators, unadjusted and adjusted for overdispersion.

Unadjusted limits of a standardised ratio are exact Poisson limits, from the chi-squared
distribution (as FunnelPlotR): lower = χ²(α/2; 2E) / 2E, upper = χ²(1 − α/2; 2(E + 1)) / 2E,
times the target. χ²(q; 2k) / 2 is the inverse regularised incomplete gamma function
P⁻¹(k, q), which scipy.stats.chi2.ppf itself calls: taken from scipy.special, whose import costs a
kernel less than half of scipy.stats's. Every other limit is the normal approximation on the
indicator's transformed scale (scales.py), with the adjusted spread sqrt(s² + τ²) (additive) or
sqrt(φ)·s (multiplicative).

The two-sided 95% and 99.8% limits use z = 1.959964 and 3.090232, as FunnelPlotR; these are the
standard normal's 97.5% and 99.9% quantiles to seven figures.
"""

from __future__ import annotations

import numpy as np
from scipy.special import gammaincinv

from qispread.spc.funnel.scales import Scale

LEVELS = {"95": (1.959964, 0.025), "99": (3.090232, 0.001)}
"""FunnelPlotR's names for the limits ("99" is the 99.8% limit): z, and the tail beyond it."""


def poisson_limits(expected: np.ndarray, tail: float, target: float) -> tuple[np.ndarray,
                                                                               np.ndarray]:
    with np.errstate(divide="ignore", invalid="ignore"):
        lower = _half_chi2_quantile(tail, expected) / expected
        upper = _half_chi2_quantile(1 - tail, expected + 1) / expected
    return target * lower, target * upper


def _half_chi2_quantile(q: float, half_df: np.ndarray) -> np.ndarray:
    """χ²(q; 2k) / 2 for k = half_df; NaN where k <= 0, as chi2.ppf."""
    return np.where(half_df > 0, gammaincinv(half_df, q), np.nan)


def normal_limits(scale: Scale, denominator: np.ndarray, z: float, extra_variance: float = 0.0,
                  factor: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """g⁻¹(g(target) ± z·sd), sd = sqrt(factor·s² + extra_variance)."""
    with np.errstate(divide="ignore"):
        sd = np.sqrt(factor * scale.limit_se(denominator) ** 2 + extra_variance)
    centre = scale.transformed_target()
    multiple = scale.target if scale.data_type == "SR" else 1.0
    return multiple * scale.back(centre - z * sd), multiple * scale.back(centre + z * sd)


def limit_table(scale: Scale, denominator: np.ndarray, tau2: float, phi: float,
                adjustment: str) -> dict[str, np.ndarray]:
    """Columns lcl95, ucl95, lcl99, ucl99 (unadjusted) and od95lcl … od99ucl (adjusted)."""
    columns: dict[str, np.ndarray] = {}
    for name, (z, tail) in LEVELS.items():
        if scale.data_type == "SR":
            lower, upper = poisson_limits(denominator, tail, scale.target)
        else:
            lower, upper = normal_limits(scale, denominator, z)
        columns[f"lcl{name}"], columns[f"ucl{name}"] = lower, upper
    for name, (z, _) in LEVELS.items():
        if adjustment == "multiplicative":
            lower, upper = normal_limits(scale, denominator, z, factor=max(phi, 1.0))
        else:
            lower, upper = normal_limits(scale, denominator, z, extra_variance=tau2)
        columns[f"od{name}lcl"], columns[f"od{name}ucl"] = lower, upper
    return columns
