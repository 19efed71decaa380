"""How fast the spread simulator is: a 1,000-team network over 100 months (target under 200 ms)
and the widget's redraw after a learner changes a setting (target under 300 ms). Headless: the
redraw time covers the model, the figures and the in-place update of the FigureWidgets, not the
browser's own drawing. The network cache is cleared before each "build" case, so those are cold.
Results go to docs/bench-simulator.md."""

from datetime import date
from pathlib import Path

from timing import REPEATS, machine, results_table, write

from qispread.models.spread_sim import SpreadSettings, _structure, build_network, simulate
from qispread.widgets.spread_simulator import SpreadSimulator

DOC = Path(__file__).resolve().parents[1] / "docs" / "bench-simulator.md"
LARGE = SpreadSettings(organisations=50, teams_per_organisation=20, months=100, seed_teams=5,
                       seeding="hubs", cross_boundary_ties=True, community_of_practice=True)


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
    write(DOC, [
        "# Spread simulator benchmark",
        "",
        f"Made by `bench/bench_simulator.py` on {date.today()} ({machine()}; other work on "
        f"the machine makes the figures noisy: under heavier load the same cases took two to "
        f"four times as long). Each case is run {REPEATS} times. The widget redraw is timed "
        "from the setting to the updated FigureWidgets (model + figures + in-place update; the "
        "browser's own drawing is not included).",
        "",
        *results_table(cases),
    ])


if __name__ == "__main__":
    main()
