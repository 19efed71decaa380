"""Each kind of indicator on the scale where its variance is (nearly) constant.

A funnel plot compares each unit's indicator y = numerator / denominator with a target. On a
transformed scale g(y) the unit's standard error is s, and the limits are g⁻¹(g(target) ± z·sd)
with sd = s (unadjusted), sqrt(s² + τ²) (additive random effects) or sqrt(φ)·s (multiplicative).
The transforms are Spiegelhalter's (2005, Stat Med 24:1185) as FunnelPlotR (NHS-R Community)
applies them; read for semantics, reimplemented here:

- "SR", indirectly standardised ratio (observed / expected), target 1:
  sr_method "SHMI" uses log(y) with s = 1/sqrt(E) (NHS Digital's SHMI);
  sr_method "CQC" uses sqrt(y) with s = 1/(2 sqrt(E)) (Spiegelhalter; Care Quality Commission).
- "PR", proportion, target Σnumerator/Σdenominator: arcsin(sqrt(y)) with s = 1/(2 sqrt(n)).
- "RC", ratio of counts, target Σnumerator/Σdenominator: log((O + ½)/(D + ½)) with
  s² = O/(O + ½)² + D/(D + ½)² for the z-scores; the limits use s = 1/(2 sqrt(D)), as FunnelPlotR.

CQC limits are squared back to the ratio scale, as the square-root transform requires (FunnelPlotR's
current code leaves them unsquared: its issue #33). Limits are clipped where the back-transform
would fold back (a proportion beyond 0 or 1, a
square root below 0), so that they always widen as the denominator falls.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Scale:
    data_type: str
    sr_method: str
    target: float

    def transformed_target(self) -> float:
        if self.data_type == "SR":
            return 0.0 if self.sr_method == "SHMI" else 1.0
        if self.data_type == "PR":
            return float(np.arcsin(np.sqrt(self.target)))
        return float(np.log(self.target))

    def z_scores(self, numerator: np.ndarray, denominator: np.ndarray) -> tuple[np.ndarray,
                                                                                  np.ndarray]:
        """Unadjusted z-scores and the standard errors s behind them (on the transformed scale)."""
        with np.errstate(divide="ignore", invalid="ignore"):
            if self.data_type == "RC":
                y = np.log((numerator + 0.5) / (denominator + 0.5))
                s = np.sqrt(numerator / (numerator + 0.5) ** 2
                            + denominator / (denominator + 0.5) ** 2)
            else:
                y = self.transform(numerator / denominator)
                s = self.limit_se(denominator)
            return (y - self.transformed_target()) / s, s

    def transform(self, y: np.ndarray) -> np.ndarray:
        if self.data_type == "SR":
            return np.log(y) if self.sr_method == "SHMI" else np.sqrt(y)
        if self.data_type == "PR":
            return np.arcsin(np.sqrt(y))
        return np.log(y)

    def limit_se(self, denominator: np.ndarray) -> np.ndarray:
        """The within-unit standard error that the limits use, at each denominator."""
        if self.data_type == "SR" and self.sr_method == "SHMI":
            return 1 / np.sqrt(denominator)
        return 1 / (2 * np.sqrt(denominator))

    def back(self, t: np.ndarray) -> np.ndarray:
        """Transformed values back on the indicator's scale, clipped where the inverse folds."""
        if self.data_type == "SR":
            with np.errstate(over="ignore"):  # an infinite upper limit at a tiny denominator
                return np.exp(t) if self.sr_method == "SHMI" else np.clip(t, 0, None) ** 2
        if self.data_type == "PR":
            return np.sin(np.clip(t, 0, np.pi / 2)) ** 2
        with np.errstate(over="ignore"):
            return np.exp(t)
