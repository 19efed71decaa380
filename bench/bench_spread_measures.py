"""How fast the spread measures model, figures and tool are for a large programme: 200 sites ×
36 months, 8 components (4 core), 10 reach groups. Seeded synthetic sites that sign up over the
first two years and whose uptake climbs (some stall: adoption on paper). Results go to
docs/bench-spread-measures.md."""

import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.timing import timed, write_report  # noqa: E402
from qispread.models.spread_measures import (  # noqa: E402
    Component,
    ReachGroup,
    Site,
    SpreadMeasures,
    load_spread_measures,
)
from qispread.models.spread_measures_text import (  # noqa: E402
    components_text,
    from_text,
    months_text,
    reach_text,
    sites_text,
)
from qispread.plots.spread_measures import (  # noqa: E402
    adoption_figure,
    fidelity_figure,
    reach_figure,
)
from qispread.widgets.spread_measures_tool import SpreadMeasuresTool  # noqa: E402

DOC = ROOT / "docs" / "bench-spread-measures.md"
REPEATS = 5
SITES, MONTHS, COMPONENTS, GROUPS = 200, 36, 8, 10
SEED = 20261205
RATINGS = ("as designed", "adapted", "not delivered", "")


def programme() -> SpreadMeasures:
    rng = np.random.default_rng(SEED)
    months = tuple(f"M{m + 1:02d}" for m in range(MONTHS))
    sites = []
    for i in range(SITES):
        start = int(rng.integers(0, 24))
        ceiling = rng.uniform(20, 95)  # a low ceiling: a site that never gets going
        uptake = [None] * start + [round(float(ceiling * (1 - np.exp(-(m + 1) / 4))), 1)
                                   for m in range(MONTHS - start)]
        sites.append(Site(f"Site {i:03d}", start, tuple(uptake)))
    components = tuple(Component(f"Component {c}", core=c < COMPONENTS // 2)
                       for c in range(COMPONENTS))
    fidelity = {s.name: {c.name: RATINGS[int(rng.integers(0, 4))] for c in components}
                for s in sites}
    eligible = rng.integers(500, 5_000, size=GROUPS)
    reach = tuple(ReachGroup(f"Group {g}", int(e), int(e * rng.uniform(0.4, 0.9)))
                  for g, e in enumerate(eligible))
    return SpreadMeasures("A large programme", months, tuple(sites), components, fidelity,
                          reach)


def main() -> None:
    measures = programme()
    folder = Path(tempfile.mkdtemp(prefix="qispread-bench-"))
    saved = folder / "spread_measures.json"
    measures.save(saved)
    tool = SpreadMeasuresTool(saved)  # warm up imports
    typed = (measures.innovation, months_text(measures), sites_text(measures),
             components_text(measures), reach_text(measures))
    cases = [
        ("open the saved file (load and validate)", None, lambda: load_spread_measures(saved)),
        ("read the typed text (from_text)", None, lambda: from_text(measures, *typed)),
        ("adoption curve, table and plain-English reading", None,
         lambda: (measures.adoption_curve(), measures.adoption_table(), measures.explain())),
        ("adoption figure", None, lambda: adoption_figure(measures)),
        ("fidelity figure (200 × 8 grid)", None, lambda: fidelity_figure(measures)),
        ("reach figure", None, lambda: reach_figure(measures)),
        ("tool opens on the saved file (grid of 1,600 drop-downs, three charts)", None,
         lambda: SpreadMeasuresTool(saved)),
        ("Save and draw (read, save, redraw grid and charts)", None, tool.apply),
        ("one rating changed in the grid (save, redraw the charts)", None,
         lambda: tool._rated("Site 000", "Component 0", "adapted")),
    ]
    rows = [(name, target, timed(action, REPEATS)) for name, target, action in cases]
    write_report(DOC, "Spread measures benchmark", "bench_spread_measures.py",
                 f"A seeded synthetic programme of {SITES} sites × {MONTHS} months, "
                 f"{COMPONENTS} components ({COMPONENTS // 2} core) rated at every site, "
                 f"{GROUPS} reach groups; each case is run {REPEATS} times. The tool cases run "
                 "outside a browser (building the widgets and the charts' JSON, not drawing "
                 "them). The issue sets no target for these; the table is for comparison, and "
                 "the machine was shared with other helpers' jobs while it ran.", rows)


if __name__ == "__main__":
    main()
