"""Overdispersion: how much more the units vary than chance alone allows.

Spiegelhalter (2005, "Handling over-dispersion of performance indicators", Qual Saf Health Care
14:347) estimates a dispersion factor φ from the units' z-scores after taming the extreme ones, so
that a few real outliers do not inflate it:

- Winsorising (Spiegelhalter; FunnelPlotR's default except for SHMI): z-scores beyond the
  ``trim_by`` and 1 − ``trim_by`` quantiles are pulled in to those quantiles (R's default
  quantile, linear interpolation), and all n units count.
- Truncating (NHS Digital's SHMI): units are ranked by z-score, put into 1/``trim_by`` equal bands
  by floor(rank × k / (n + 1)), and those in the lowest and highest bands are left out.

φ = (1/n) Σ z² over the units kept. The additive random-effects model (DerSimonian & Laird's
moment estimator) gives the between-unit variance
τ² = (nφ − (n − 1)) / (Σwᵢ − Σwᵢ² / Σwᵢ), wᵢ = 1/sᵢ², and τ² = 0 when nφ < n − 1:
there is then no more variation than chance explains, and no adjustment.
"""

from __future__ import annotations

import numpy as np

from qispread.spc.special import average_ranks


def winsorised(z: np.ndarray, trim_by: float) -> np.ndarray:
    finite = z[np.isfinite(z)]
    low, high = np.quantile(finite, [trim_by, 1 - trim_by])
    return np.clip(z, low, high)


def truncated(z: np.ndarray, trim_by: float) -> np.ndarray:
    """z with the units in the outer bands set to NaN (left out of φ and τ²)."""
    k = 1 / trim_by
    ranks = average_ranks(z)
    band = np.floor(ranks * k / (len(z) + 1))
    kept = (band > 0) & (band < k - 1)
    return np.where(kept, z, np.nan)


def phi(z: np.ndarray) -> float:
    """Dispersion factor: mean squared z-score of the units kept (finite z)."""
    kept = z[np.isfinite(z)]
    return float(np.mean(kept**2)) if len(kept) else float("nan")


def tau2(z: np.ndarray, s: np.ndarray, dispersion: float) -> float:
    """Between-unit variance on the transformed scale (0 when there is no overdispersion)."""
    kept = np.isfinite(z) & np.isfinite(s) & (s > 0)
    n = int(kept.sum())
    if n == 0 or not np.isfinite(dispersion) or n * dispersion < n - 1:
        return 0.0
    w = 1 / s[kept] ** 2
    return max(0.0, (n * dispersion - (n - 1)) / (w.sum() - (w**2).sum() / w.sum()))
