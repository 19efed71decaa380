"""Benchmark: qispread's qic() and ptd() against clinical-qikit and controlchartspy.

Run, I, P and U charts (and ptd()) at 1e3, 1e5 and 1e6 points on the same seeded synthetic data.
Every case runs in a fresh subprocess: qispread in .venv, the peers in bench/.peers-venv (created
on first run). Wall time is the best of 3 calls; memory is the subprocess's peak resident set
during the calls (reset just before them). Writes docs/bench-spc.md and
bench/spc_peers/results.json, and prints the tables.

    .venv/bin/python bench/bench_spc.py [--sizes 1000 100000 1000000] [--timeout 900]
    .venv/bin/python bench/bench_spc.py --render-only   # rewrite the doc from the last results
    .venv/bin/python bench/bench_spc.py --tools qispread  # re-measure qispread, keep the peers'
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.spc_peers.report import machine, render  # noqa: E402
from bench.spc_peers.venv import peers_python  # noqa: E402

WORKER = ROOT / "bench" / "spc_peers" / "worker.py"
RESULTS = ROOT / "bench" / "spc_peers" / "results.json"
DOC = ROOT / "docs" / "bench-spc.md"
TOOLS = ("qispread", "clinical-qikit", "controlchartspy")
CHARTS = ("run", "i", "p", "u", "ptd")
SEED = 20261122


def write_data(path: Path, size: int) -> None:
    """Normal measurements; binomial counts of 50-99 cases (p); Poisson events per exposure (u)."""
    rng = np.random.default_rng(SEED)
    p_n = rng.integers(50, 100, size=size)
    u_n = rng.uniform(100, 500, size=size).round(1)
    np.savez(path, y=rng.normal(100, 10, size=size), p_count=rng.binomial(p_n, 0.3), p_n=p_n,
             u_count=rng.poisson(0.02 * u_n), u_n=u_n)


def run_case(python: Path, tool: str, chart: str, size: int, data: Path, timeout: float) -> dict:
    case = {"tool": tool, "chart": chart, "size": size}
    try:
        done = subprocess.run([str(python), str(WORKER), tool, chart, str(size), str(data), "3"],
                              capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return case | {"status": "timed out", "error": f"no result within {timeout:.0f} s"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return case | {"status": "failed", "error": last[:300]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 100_000, 1_000_000])
    parser.add_argument("--timeout", type=float, default=900, help="seconds per case")
    parser.add_argument("--tools", nargs="+", choices=TOOLS, default=list(TOOLS),
                        help="measure only these; the others' figures are kept from the last run")
    parser.add_argument("--render-only", action="store_true",
                        help=f"rewrite {DOC.name} from {RESULTS.name} without measuring")
    args = parser.parse_args()
    if args.render_only:
        saved = json.loads(RESULTS.read_text())
        DOC.write_text(render(saved["results"], saved.get("machine")))
        return 0
    kept = {}
    if set(args.tools) != set(TOOLS):
        saved = json.loads(RESULTS.read_text())
        kept = {(r["tool"], r["chart"], r["size"]): r for r in saved["results"]}
    pythons = {"qispread": Path(sys.executable)}
    if set(args.tools) - {"qispread"}:
        pythons["clinical-qikit"] = pythons["controlchartspy"] = peers_python()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "series.npz"
        write_data(data, max(args.sizes))
        for size in args.sizes:
            for chart in CHARTS:
                for tool in TOOLS:
                    if tool not in args.tools:
                        results.append(kept[(tool, chart, size)] | {"kept": True})
                        continue
                    result = run_case(pythons[tool], tool, chart, size, data, args.timeout)
                    best = f"{result['best_s']:.4f} s" if "best_s" in result else result["status"]
                    print(f"{size:>9} {chart:>4} {tool:<16} {best}", flush=True)
                    results.append(result)
    about = machine()
    RESULTS.write_text(json.dumps({"seed": SEED, "machine": about, "results": results},
                                  indent=1) + "\n")
    text = render(results, about)
    DOC.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
