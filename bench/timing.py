"""What the speed benchmarks share: time a case a few times, and write the results as a table
with the machine's load beside them (other work on the machine changes the figures)."""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

REPEATS = 7

Case = tuple[str, float, Callable[[int], object]]  # name, target in seconds, action(i)


def timed(action: Callable[[int], object], repeats: int = REPEATS) -> list[float]:
    times = []
    for i in range(repeats):
        started = time.perf_counter()
        action(i)
        times.append(time.perf_counter() - started)
    return times


def machine() -> str:
    return (f"{platform.processor() or 'CPU'}, {os.cpu_count()} cores; load average "
            f"{os.getloadavg()[0]:.1f} at the end")


def results_table(cases: list[Case], repeats: int = REPEATS) -> list[str]:
    """Markdown rows: each case's median and slowest time against its target."""
    rows = [(name, target, timed(action, repeats)) for name, target, action in cases]
    return [
        "| case | median | slowest | target | met |",
        "|---|---|---|---|---|",
        *[f"| {name} | {statistics.median(t) * 1000:.1f} ms | {max(t) * 1000:.1f} ms | "
          f"{target * 1000:.0f} ms | {'yes' if statistics.median(t) < target else 'no'} |"
          for name, target, t in rows],
    ]


def write(doc: Path, lines: list[str]) -> None:
    doc.write_text("\n".join([*lines, ""]), encoding="utf-8")
    print("\n".join(lines))
