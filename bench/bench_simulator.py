"""How fast the spread simulator is: a 1,000-team network over 100 months (target under 200 ms)
and the widget's redraw after a learner changes a setting (target under 300 ms). Headless: the
redraw time covers the model, the figures and the charts' new outputs (their JSON), not the
browser's own drawing. The network cache is cleared before each "build" case, so those are cold.
Results go to docs/bench-simulator.md."""

import os
import platform
import statistics
import time
from datetime import date
from pathlib import Path

from qispread.models.spread_sim import SpreadSettings, _structure, build_network, simulate
from qispread.widgets.spread_simulator import SpreadSimulator

DOC = Path(__file__).resolve().parents[1] / "docs" / "bench-simulator.md"
REPEATS = 7
LARGE = SpreadSettings(organisations=50, teams_per_organisation=20, months=100, seed_teams=5,
                       seeding="hubs", cross_boundary_ties=True, community_of_practice=True)


def timed(action) -> list[float]:
    times = []
    for i in range(REPEATS):
        started = time.perf_counter()
        action(i)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    simulate(LARGE)  # warm up imports and caches
    sim = SpreadSimulator()
    modes = ("push", "pull")
    cases = [
        ("1,000 teams, 100 months: build the network and run", 0.2,
         lambda i: (_structure.cache_clear(), simulate(LARGE, seed=i + 1))),
        ("1,000 teams, 100 months: build the network only", 0.2,
         lambda i: (_structure.cache_clear(),
                    build_network(SpreadSettings(**{**LARGE.to_dict(), "seed": i + 1})))),
        ("1,000 teams, 100 months: run on a network already built (cached)", 0.2,
         lambda i: simulate(LARGE, seed=i + 1)),
        ("widget (160 teams): change push or pull, rerun and redraw", 0.3,
         lambda i: setattr(sim.mode, "value", modes[i % 2])),
        ("widget (160 teams): move the month slider, redraw", 0.3,
         lambda i: setattr(sim.month, "value", 10 + i)),
    ]
    rows = [(name, target, timed(action)) for name, target, action in cases]
    lines = [
        "# Spread simulator benchmark",
        "",
        f"Made by `bench/bench_simulator.py` on {date.today()} "
        f"({platform.processor() or 'CPU'}, {os.cpu_count()} cores; load average "
        f"{os.getloadavg()[0]:.0f} at the end, so the figures are noisy: on this machine, under "
        f"heavier load, the same cases took two to four times as long). Each case is run "
        f"{REPEATS} times. The widget redraw is timed from the setting "
        "to the charts' new outputs (model + figures + their JSON; the browser's own "
        "drawing is not included).",
        "",
        "| case | median | slowest | target | met |",
        "|---|---|---|---|---|",
        *[f"| {name} | {statistics.median(t) * 1000:.0f} ms | {max(t) * 1000:.0f} ms | "
          f"{target * 1000:.0f} ms | {'yes' if statistics.median(t) < target else 'no'} |"
          for name, target, t in rows],
        "",
    ]
    DOC.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
