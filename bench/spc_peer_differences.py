"""Where clinical-qikit and controlchartspy differ from qicharts2 / NHSRplotthedots.

Runs every reference case in tests/spc/reference_cases.json and ptd_reference_cases.json through
qispread (in .venv) and the two peers (in bench/.peers-venv, created on first use), compares each
centre line, limit, run statistic and signal with the published value, and writes
docs/spc-peer-differences.md.

    .venv/bin/python bench/spc_peer_differences.py
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.spc_peers.cases import ptd_variants, qic_variants  # noqa: E402
from bench.spc_peers.compare import align, check, worst  # noqa: E402
from bench.spc_peers.differences_doc import render  # noqa: E402
from bench.spc_peers.venv import PEERS, peers_python  # noqa: E402

RUNNER = ROOT / "bench" / "spc_peers" / "reference_runner.py"
DOC = ROOT / "docs" / "spc-peer-differences.md"
TOOLS = ("qispread", "clinical-qikit", "controlchartspy")


def run_jobs(python: Path, tool: str, jobs: list[dict]) -> list[dict]:
    done = subprocess.run([str(python), str(RUNNER)], input=json.dumps(
        [job | {"tool": tool} for job in jobs]), capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main() -> int:
    variants = qic_variants() + ptd_variants()
    pythons = {"qispread": Path(sys.executable)}
    pythons["clinical-qikit"] = pythons["controlchartspy"] = peers_python()
    outputs = {tool: [align(out, v.job) for out, v in zip(
        run_jobs(pythons[tool], tool, [v.job for v in variants]), variants, strict=True)]
        for tool in TOOLS}
    rows = []
    for i, v in enumerate(variants):
        results = {}
        for tool in TOOLS:
            out = outputs[tool][i]
            if out["status"] != "ok":
                results[tool] = [(out["status"] + ": " + out["reason"], None)] * len(v.checks)
            else:
                results[tool] = [check(out, *c) for c in v.checks]
        rows.append({"variant": v, "results": results,
                     "notes": {tool: outputs[tool][i].get("notes", []) for tool in TOOLS},
                     "summary": {tool: worst([m for _, m in results[tool]]) for tool in TOOLS}})
    text = render(rows, TOOLS, PEERS)
    DOC.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
