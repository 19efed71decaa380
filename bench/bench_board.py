"""How fast a board summary is: 200 measures × 36 months (target under 1 s), from the long table
to the result (board(): ptd() per improvement direction, icons per measure) and on to the HTML
page with its icons and small charts. Seeded synthetic measures, a third each improving,
worsening or flat, a third each "increase", "decrease" and "neutral", half with a target.
Results go to docs/bench-board.md."""

import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.timing import timed, write_report  # noqa: E402
from qispread import board  # noqa: E402
from qispread.plots.board_html import board_document  # noqa: E402

DOC = ROOT / "docs" / "bench-board.md"
REPEATS = 7
MEASURES, MONTHS = 200, 36
SEED = 20261205


def measures() -> tuple[pd.DataFrame, dict, dict]:
    rng = np.random.default_rng(SEED)
    months = pd.date_range("2021-04-01", periods=MONTHS, freq="MS")
    names = [f"Measure {m:03d}" for m in range(MEASURES)]
    level = rng.uniform(50, 100, size=MEASURES)
    trend = rng.choice([0.0, 0.5, -0.5], size=MEASURES)
    values = (level[:, None] + trend[:, None] * np.arange(MONTHS)
              + rng.normal(0, 3, size=(MEASURES, MONTHS)))
    table = pd.DataFrame({"measure": np.repeat(names, MONTHS),
                          "month": np.tile(months, MEASURES), "value": values.ravel()})
    directions = {n: ("increase", "decrease", "neutral")[i % 3] for i, n in enumerate(names)}
    targets = {n: 80.0 for i, n in enumerate(names) if i % 2 == 0 and directions[n] != "neutral"}
    return table, directions, targets



def main() -> None:
    table, directions, targets = measures()

    def summary():
        return board(table, y="value", x="month", measure="measure",
                     improvement_direction=directions, target=targets)

    result = summary()  # warm up imports
    cases = [
        ("board(): 200 measures × 36 months", 1.0, summary),
        ("HTML page of that board (icons, small charts, reading)", None,
         lambda: board_document(result)),
        ("both: from the table to the page", 1.0, lambda: board_document(summary())),
    ]
    rows = [(name, target, timed(action, REPEATS)) for name, target, action in cases]
    write_report(DOC, "Board summary benchmark", "bench_board.py",
                 f"{MEASURES} synthetic measures (seeded) of {MONTHS} months each, three "
                 f"improvement directions, half with a target; each case is run {REPEATS} "
                 "times.", rows)

if __name__ == "__main__":
    main()
