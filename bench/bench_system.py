"""How fast the understanding-the-system tools are: a 52-week, 1,000-run waiting-list ensemble
(target under 200 ms) and each tool's redraw after a learner changes something (target under
300 ms). Headless: a redraw covers the model, the figure and the chart's new output (its
JSON), not the browser's own drawing. Results go to docs/bench-system.md."""

import tempfile
from pathlib import Path

import pandas as pd
from timing import timed, write_report

from qispread.models.demand_capacity import QueueSettings, simulate_queue
from qispread.models.process_map import ProcessMap, Step
from qispread.widgets import FishboneBuilder, ParetoExplorer, ProcessMapper, WaitingListModel

DOC = Path(__file__).resolve().parents[1] / "docs" / "bench-system.md"
REPEATS = 7
KINDS = ("value", "wait", "handoff", "check", "rework")


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    journey = ProcessMap("A 20-step journey", [
        Step(f"Step {i}", f"Team {i % 5}", KINDS[i % 5], 5 + i) for i in range(20)])
    journey.save(folder / "map.json")
    mapper = ProcessMapper(folder / "map.json")
    fishbone = FishboneBuilder(folder / "fishbone.json")
    for i in range(12):
        fishbone.model.add_cause(list(fishbone.model.categories)[i % 6], f"Cause {i}")
    fishbone._rebuild()
    events = pd.DataFrame({"cause": [f"category {i % 12}" for i in range(5_000)],
                           "harm": [1 + i % 7 for i in range(5_000)]})
    explorer = ParetoExplorer(events, category="cause", weight="harm")
    queue = WaitingListModel(QueueSettings(runs=1_000))
    simulate_queue(QueueSettings(runs=1_000))  # warm up
    runs = iter(range(1, 10_000))
    cases = [
        ("waiting list: 52 weeks x 1,000 runs, model only", 0.2,
         lambda: simulate_queue(QueueSettings(runs=1_000, seed=next(runs)))),
        ("waiting list tool: 1,000 runs, run and redraw", 0.3,
         lambda: (setattr(queue.seed, "value", next(runs)), queue.run())),
        ("process map tool (20 steps): change a time, save and redraw", 0.3,
         lambda: setattr(mapper.step_rows[3].minutes, "value", 10 + next(runs))),
        ("fishbone tool (12 causes): mark a cause likely, save and redraw", 0.3,
         lambda: setattr(fishbone.cause_rows[next(runs) % 12].likely, "value", True)),
        ("Pareto tool (5,000 events): weight by harm or not, redraw", 0.3,
         lambda: setattr(explorer.order_by, "value", ("weight", "count")[next(runs) % 2])),
    ]
    write_report(DOC, "Understanding-the-system tools benchmark", "bench_system.py",
                 f"Each case is run {REPEATS} times. A redraw is timed from the learner's change "
                 "to the chart's new output (model, figure, its JSON, and the save where "
                 "the tool saves); the browser's own drawing is not included.",
                 [(name, target, timed(action, REPEATS)) for name, target, action in cases])


if __name__ == "__main__":
    main()
