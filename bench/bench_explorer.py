"""How quickly ChartExplorer redraws a 10,000-point series after a learner changes a setting
(target: under 300 ms). Headless: the time covers analysis, figure building and the chart's
new output (its JSON), not the browser's own drawing. Results go to docs/bench-explorer.md."""

import platform
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from qispread.widgets.chart_explorer import ChartExplorer

POINTS = 10_000
DOC = Path(__file__).resolve().parents[1] / "docs" / "bench-explorer.md"


def series() -> pd.DataFrame:
    rng = np.random.default_rng(11)
    n = rng.integers(80, 120, POINTS)
    return pd.DataFrame({"day": pd.date_range("2000-01-01", periods=POINTS, freq="D"),
                         "events": rng.binomial(n, 0.2), "cases": n})




def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        explorer = ChartExplorer(Path(folder) / "my_chart.json", data=series())
        explorer.ui.n.value = "cases"
        cases = {
            "run chart": lambda: setattr(explorer.ui.chart, "value", "run"),
            "P chart": lambda: setattr(explorer.ui.chart, "value", "p"),
            "I chart": lambda: setattr(explorer.ui.chart, "value", "i"),
            "redraw only": explorer.redraw,
        }
        rows = []
        for name, action in cases.items():
            # alternate with another chart so every change is a real one
            other = "u" if name != "redraw only" else None
            def step(action=action, other=other):
                if other:
                    explorer.ui.chart.value = other
                started = time.perf_counter()
                action()
                return time.perf_counter() - started
            times = [step() for _ in range(5)]
            rows.append((name, statistics.median(times), max(times)))
    lines = [
        "# ChartExplorer redraw benchmark",
        "",
        f"Made by `bench/bench_explorer.py` on {date.today()} ({platform.processor() or 'CPU'}, "
        "2 cores). A 10,000-point daily series; each change of chart type is timed from the "
        "setting to the chart's new output (analysis + figure + its JSON; the browser's "
        "own drawing is not included). Target: under 300 ms.",
        "",
        "| change | median | slowest of 5 | under 300 ms |",
        "|---|---|---|---|",
        *[f"| {n} | {m * 1000:.0f} ms | {w * 1000:.0f} ms | {'yes' if m < 0.3 else 'no'} |"
          for n, m, w in rows],
        "",
    ]
    DOC.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
