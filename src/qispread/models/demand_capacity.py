"""A teaching model of a waiting list, week by week: why a queue grows when capacity equals demand.

Each week some new referrals arrive (demand) and the service can see some people (capacity);
both vary from week to week around their averages. The list carries over: next week's backlog is
this week's backlog plus demand minus the people seen, never below zero. With average capacity
equal to average demand the backlog is a random walk that cannot go below zero, so it drifts
upwards and wobbles: capacity needs a buffer above average demand to absorb variation (the point
Silvester et al. 2004 make about NHS waiting lists). The wait a newcomer can expect follows
Little's law (Little 1961): people waiting ÷ people seen per week.

A teaching model, not a forecast: weekly demand and capacity are drawn independently from normal
distributions rounded to whole people and cut at zero.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

from qispread.errors import DataProblem

MOST_WEEKS = 520
MOST_RUNS = 10_000


@dataclass(frozen=True)
class QueueSettings:
    """Averages and week-to-week standard deviations of demand and capacity (people a week),
    the backlog at the start, how many weeks and runs, and the random seed (same seed, same
    runs)."""

    demand: float = 100.0
    demand_sd: float = 10.0
    capacity: float = 100.0
    capacity_sd: float = 10.0
    start_backlog: int = 0
    weeks: int = 52
    runs: int = 1
    seed: int = 1

    def validate(self) -> QueueSettings:
        for name in ("demand", "demand_sd", "capacity", "capacity_sd"):
            value = getattr(self, name)
            if not np.isfinite(value) or value < 0:
                raise DataProblem(f"The {_label(name)} must be a number of 0 or more "
                                  f"(it is {value}).")
        if self.start_backlog < 0:
            raise DataProblem("The waiting list at the start cannot be below 0.")
        if not 1 <= self.weeks <= MOST_WEEKS:
            raise DataProblem(f"Choose from 1 to {MOST_WEEKS} weeks (you chose {self.weeks}).")
        if not 1 <= self.runs <= MOST_RUNS:
            raise DataProblem(f"Choose from 1 to {MOST_RUNS:,} runs (you chose {self.runs}).")
        return self

    def to_dict(self) -> dict[str, float | int]:
        return asdict(self)


def _label(name: str) -> str:
    return {"demand": "average demand", "demand_sd": "variation in demand",
            "capacity": "average capacity", "capacity_sd": "variation in capacity"}[name]


@dataclass(frozen=True)
class QueueRuns:
    """Week-by-week arrays, one row per run and one column per week: demand, seen (people seen,
    never more than capacity or than were waiting) and backlog (waiting at the end of the
    week)."""

    settings: QueueSettings
    demand: np.ndarray
    capacity: np.ndarray
    seen: np.ndarray
    backlog: np.ndarray

    @property
    def mean_backlog(self) -> np.ndarray:
        """The average backlog over the runs, week by week."""
        return self.backlog.mean(axis=0)

    def expected_wait_weeks(self) -> np.ndarray:
        """Little's law per run: the final backlog ÷ the average number seen a week."""
        throughput = self.seen.mean(axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(throughput > 0, self.backlog[:, -1] / throughput, np.inf)

    def reading(self) -> str:
        """The run (or the ensemble) in plain words."""
        s = self.settings
        start, end = s.start_backlog, float(self.mean_backlog[-1])
        change = "grew" if end > start + 0.5 else "shrank" if end < start - 0.5 else "held"
        runs = f"averaged over {s.runs:,} runs, " if s.runs > 1 else ""
        words = (f"With average demand {s.demand:g} and average capacity {s.capacity:g} a week, "
                 f"{runs}the waiting list {change} from {start:,} to {end:,.0f} in {s.weeks} "
                 f"weeks.")
        if s.runs > 1:
            low, high = np.percentile(self.backlog[:, -1], [5, 95])
            words += f" The middle 90% of runs ended with {low:,.0f} to {high:,.0f} waiting."
        return f"{words} {_wait_words(float(np.median(self.expected_wait_weeks())))}"


def _wait_words(weeks: float) -> str:
    """Little's law's estimate, in words a person would use."""
    if weeks == 0:
        return "In most runs nobody is left waiting at the end."
    if weeks == np.inf:
        return "Nobody is being seen, so the wait has no end."
    wait = f"about {weeks:.1f} weeks" if weeks >= 1 else f"about {weeks * 7:.0f} days"
    return (f"At the end a newcomer can expect to wait {wait} (people waiting ÷ people seen a "
            f"week).")


def simulate_queue(settings: QueueSettings) -> QueueRuns:
    """Run the waiting list forward `settings.weeks` weeks, `settings.runs` times at once."""
    s = settings.validate()
    rng = np.random.default_rng(s.seed)
    shape = (s.runs, s.weeks)
    demand = _weekly(rng, s.demand, s.demand_sd, shape)
    capacity = _weekly(rng, s.capacity, s.capacity_sd, shape)
    seen = np.empty(shape)
    backlog = np.empty(shape)
    waiting = np.full(s.runs, float(s.start_backlog))
    for week in range(s.weeks):
        waiting = waiting + demand[:, week]
        seen[:, week] = np.minimum(capacity[:, week], waiting)
        waiting = waiting - seen[:, week]
        backlog[:, week] = waiting
    return QueueRuns(s, demand, capacity, seen, backlog)


def _weekly(rng: np.random.Generator, mean: float, sd: float,
            shape: tuple[int, int]) -> np.ndarray:
    return np.maximum(np.rint(rng.normal(mean, sd, size=shape)), 0.0)
