"""How fast funnel() is: 5,000 sites (target under 50 ms), for each kind of indicator, and the
figure built from the result. Seeded synthetic sites with overdispersion (each site's true rate
varies around the mean), so the adjustment is estimated and used. Results go to
docs/bench-funnel.md."""

import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.timing import timed, write_report  # noqa: E402
from qispread import funnel, funnel_figure  # noqa: E402

DOC = ROOT / "docs" / "bench-funnel.md"
REPEATS = 7
SITES = 5_000
SEED = 20261205


def sites() -> pd.DataFrame:
    rng = np.random.default_rng(SEED)
    n = rng.integers(200, 20_000, size=SITES)
    rate = np.clip(rng.normal(0.8, 0.05, size=SITES), 0.01, 0.99)
    expected = rng.uniform(5, 500, size=SITES)
    return pd.DataFrame({
        "site": [f"site {i:05d}" for i in range(SITES)],
        "seen": rng.binomial(n, rate), "attendances": n,
        "deaths": rng.poisson(expected * rng.gamma(20, 1 / 20, size=SITES)),
        "expected": expected,
    })



def main() -> None:
    data = sites()
    proportions = {"numerator": "seen", "denominator": "attendances", "group": "site",
                   "data_type": "PR"}
    ratios = {"numerator": "deaths", "denominator": "expected", "group": "site"}
    result = funnel(data, **proportions)  # warm up imports
    cases = [
        ("proportions (PR), adjusted", 0.05, lambda: funnel(data, **proportions)),
        ("standardised ratios (SR, SHMI), adjusted", 0.05, lambda: funnel(data, **ratios)),
        ("standardised ratios (SR, CQC), adjusted", 0.05,
         lambda: funnel(data, **ratios, sr_method="CQC")),
        ("ratios of counts (RC), adjusted", 0.05,
         lambda: funnel(data, **{**proportions, "data_type": "RC"})),
        ("figure from a PR result (funnel_figure)", None, lambda: funnel_figure(result)),
    ]
    rows = [(name, target, timed(action, REPEATS)) for name, target, action in cases]
    write_report(DOC, "Funnel plot benchmark", "bench_funnel.py",
                 f"{SITES:,} synthetic sites (seeded), overdispersed so that the adjustment is "
                 f"estimated and used; each case is run {REPEATS} times and timed from the table "
                 "to the result (aggregation per site, z-scores, winsorising or truncation, φ "
                 "and τ², limits at every site and along the 400-point curves).", rows)

if __name__ == "__main__":
    main()
