"""docs/bench-spc.md from the benchmark's results: machine, timings, memory, targets, failures."""

from __future__ import annotations

import os
import platform
from datetime import date

PEERS = ("clinical-qikit", "controlchartspy")
TOOLS = ("qispread", *PEERS)
CHART_NAMES = {"run": "run chart", "i": "I chart", "p": "P chart", "u": "U chart",
               "ptd": "ptd() (XmR, MDC rules)"}
SPEED_TARGET = ("clinical-qikit", 100_000, 10.0)
MILLION_TARGET_S = 0.2


def machine() -> list[str]:
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                  if line.startswith("model name")), platform.processor() or "unknown")
    mem_kib = next(int(line.split()[1]) for line in open("/proc/meminfo")
                   if line.startswith("MemTotal"))
    return [f"- Date: {date.today().isoformat()}",
            f"- CPU: {os.cpu_count()} cores ({model}), shared with other jobs while measured "
            f"(1-minute load average {os.getloadavg()[0]:.1f} at the end)",
            f"- Memory: {mem_kib / 1024**2:.0f} GiB; OS: {platform.platform()}"]


def _index(results):
    return {(r["tool"], r["chart"], r["size"]): r for r in results}


def _cell_time(r) -> str:
    if r is None:
        return "—"
    if r["status"] == "ok":
        note = "" if len(r["times"]) >= 3 else f" ({len(r['times'])} run)"
        return f"{r['best_s']:.4g} s{note}"
    return r["status"]


def _ratio(peer, ours, key) -> str:
    if not (peer and ours and peer["status"] == ours["status"] == "ok"):
        return "—"
    if key(ours) < 1.0 and key is _growth:  # under 1 MiB is within measuring noise
        return "—"
    return f"{key(peer) / key(ours):.3g}×"


def _growth(r) -> float:
    return max(r["rss_peak_mib"] - r["rss_before_mib"], 0.1)


def _cell_memory(r) -> str:
    if not r or r["status"] != "ok":
        return "—"
    return f"{_growth(r):.1f} (peak {r['rss_peak_mib']:.0f})"


def _table(results, sizes, cell, ratio_key, unit) -> list[str]:
    at = _index(results)
    head = ["points", "analysis", *TOOLS, *(f"{p} ÷ qispread" for p in PEERS)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for size in sizes:
        for chart in CHART_NAMES:
            row = [at.get((tool, chart, size)) for tool in TOOLS]
            ratios = [_ratio(peer, row[0], ratio_key) for peer in row[1:]]
            cells = [f"{size:,}", CHART_NAMES[chart], *(cell(r) for r in row), *ratios]
            lines.append("| " + " | ".join(cells) + " |")
    return [f"Unit: {unit}.", "", *lines]


def _targets(results, sizes) -> list[str]:
    at = _index(results)
    peer, size, factor = SPEED_TARGET
    lines = ["| target | analysis | measured | result |", "|---|---|---|---|"]
    for chart in ("run", "i", "p", "u"):
        ours, theirs = at.get(("qispread", chart, size)), at.get((peer, chart, size))
        if size in sizes and ours and theirs and ours["status"] == theirs["status"] == "ok":
            speedup = theirs["best_s"] / ours["best_s"]
            verdict = "pass" if speedup >= factor else "FAIL"
            lines.append(f"| ≥ {factor:g}× faster than {peer} at {size:,} points | "
                         f"{CHART_NAMES[chart]} | {speedup:.1f}× | {verdict} |")
    for chart in CHART_NAMES:
        ours = at.get(("qispread", chart, 1_000_000))
        if ours and ours["status"] == "ok":
            verdict = "pass" if ours["best_s"] < MILLION_TARGET_S else "FAIL"
            lines.append(f"| 1,000,000 points in under {MILLION_TARGET_S} s | {CHART_NAMES[chart]} "
                         f"| {ours['best_s']:.3f} s | {verdict} |")
    return lines


def _versions(results) -> list[str]:
    seen = {}
    for r in results:
        if "version" in r:
            seen.setdefault(r["tool"], r)
    return [f"- {tool} {r['version']} (Python {r['python']}, numpy {r['numpy']}, "
            f"pandas {r['pandas']})" for tool, r in seen.items()]


def _problems(results) -> list[str]:
    lines = []
    for r in results:
        if r["status"] == "unsupported":
            lines.append(f"- {r['tool']}, {CHART_NAMES[r['chart']]}, {r['size']:,} points: "
                         "not offered by this package (no Making Data Count rules).")
        elif r["status"] != "ok":
            lines.append(f"- {r['tool']}, {CHART_NAMES[r['chart']]}, {r['size']:,} points: "
                         f"{r['status']}: {r.get('error', '')}")
    return lines or ["- none"]


def _kept_note(results: list[dict]) -> list[str]:
    kept = sorted({r["tool"] for r in results if r.get("kept")})
    if not kept:
        return []
    return ["", f"Only {', '.join(sorted({r['tool'] for r in results} - set(kept)))} was "
            f"re-measured in this run (`--tools`); the figures for {' and '.join(kept)} are kept "
            "from the previous full run on this machine (their code has not changed)."]


def render(results: list[dict], machine_lines: list[str] | None = None) -> str:
    """machine_lines: as machine() said when the results were measured (default: now)."""
    sizes = sorted({r["size"] for r in results})
    parts = [
        "# SPC benchmark: qispread against clinical-qikit and controlchartspy",
        "",
        "Generated by `bench/bench_spc.py` (`make bench`); do not edit by hand. Same seeded "
        "synthetic series for every package: normal measurements (run, I, ptd), binomial counts "
        "of 50–99 cases (P), Poisson events over exposures of 100–500 (U). Each case runs in a "
        "fresh subprocess; only the analysis call is timed (input built beforehand). qispread "
        "runs qic() (Anhøj runs analysis included) and ptd(); clinical-qikit runs its qic() "
        "(default Anhøj rules); controlchartspy runs spc() with its four Making Data Count rules "
        "switched on and returns only the limits table (no SVG). controlchartspy's ptd() "
        "counterpart is its I chart with those rules.",
        "",
        "## Machine and versions",
        "",
        *(machine_lines or machine()),
        *_versions(results),
        *_kept_note(results),
        "",
        "## Targets",
        "",
        "The machine is shared with other engineers' jobs: on it, two runs of this script on "
        "the same day gave 1,000,000-point qispread timings up to 45% apart (e.g. run chart "
        "0.153 s and 0.222 s), so a verdict within that distance of its threshold can flip "
        "from run to run.",
        "",
        *_targets(results, sizes),
        "",
        "## Wall time (best of 3)",
        "",
        "Calls slower than 30 s were run once (marked). A ratio is how many times longer the "
        "peer took than qispread.",
        "",
        *_table(results, sizes, _cell_time, lambda r: r["best_s"], "seconds"),
        "",
        "## Memory",
        "",
        "Peak resident memory of the analysis, in the case's fresh subprocess: the process's "
        "peak resident set (VmHWM) is reset just before the first call (Linux "
        "/proc/self/clear_refs), with imports and input already in memory; the table gives the "
        "peak during the calls minus the resident set at that moment, and in brackets the peak "
        "itself. Ratios compare the growth (none where qispread's is under 1 MiB, which is "
        "within measuring noise).",
        "",
        *_table(results, sizes, _cell_memory, _growth, "MiB"),
        "",
        "## Not measured",
        "",
        *_problems(results),
        "",
    ]
    return "\n".join(parts)
