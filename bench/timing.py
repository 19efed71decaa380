"""What bench_funnel.py and bench_board.py share: time a call several times, and write the
results as a Markdown table with each case's target and whether its median meets it."""

import os
import platform
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path


def timed(action: Callable[[], object], repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times


def results_table(rows: list[tuple[str, float | None, list[float]]]) -> list[str]:
    """Markdown rows: case, median, slowest, target and met (— where a case has no target)."""
    lines = ["| case | median | slowest | target | met |", "|---|---|---|---|---|"]
    for name, target, times in rows:
        median = statistics.median(times)
        verdict = (f"{target * 1000:.0f} ms | {'yes' if median < target else 'no'}"
                   if target else "— | —")
        lines.append(f"| {name} | {median * 1000:.1f} ms | {max(times) * 1000:.1f} ms | "
                     f"{verdict} |")
    return lines


def write_report(doc: Path, title: str, script: str, description: str,
                 rows: list[tuple[str, float | None, list[float]]]) -> None:
    """Write (and print) the results page: title, where and when it was measured, the table."""
    lines = [
        f"# {title}", "",
        f"Made by `bench/{script}` on {date.today()} ({platform.processor() or 'CPU'}, "
        f"{os.cpu_count()} cores shared with other jobs; load average "
        f"{os.getloadavg()[0]:.1f} at the end). {description}", "",
        *results_table(rows), "",
    ]
    doc.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
